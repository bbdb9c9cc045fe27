package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code GetVariableDataType} of the OCPP 2.0.1 JSON schemas.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param attributeType {@code attributeType} (optional)
 * @param component {@code component}
 * @param variable {@code variable}
 */
public record GetVariableData(Optional<AttributeType> attributeType, Component component, Variable variable) {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public GetVariableData {
        Objects.requireNonNull(attributeType, "attributeType");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(variable, "variable");
    }
}
