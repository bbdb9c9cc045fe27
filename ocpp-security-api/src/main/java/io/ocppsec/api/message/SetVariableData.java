package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code SetVariableDataType} of the OCPP 2.0.1 JSON schemas.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * <p>{@code SecurityCtrlr.BasicAuthPassword} is a write-only secret: {@link #toString()} masks its value.
 *
 * @param attributeType {@code attributeType} (optional)
 * @param attributeValue {@code attributeValue}, at most 1000 characters
 * @param component {@code component}
 * @param variable {@code variable}
 */
public record SetVariableData(
        Optional<AttributeType> attributeType,
        String attributeValue,
        Component component,
        Variable variable) {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public SetVariableData {
        Objects.requireNonNull(attributeType, "attributeType");
        attributeValue = Checks.text(attributeValue, 1000, "attributeValue");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(variable, "variable");
    }

    /**
     * Whether {@code attributeValue} is a write-only secret ({@code SecurityCtrlr.BasicAuthPassword},
     * A01.FR.12): such a value is masked in {@link #toString()}.
     *
     * @return true if this entry carries the Basic-auth password
     */
    public boolean isWriteOnlySecret() {
        return Checks.isWriteOnlySecret(component, variable);
    }

    /** @return a description in which a write-only secret is replaced by {@code ***} */
    @Override
    public String toString() {
        return "SetVariableData[attributeType=" + attributeType + ", attributeValue="
                + (isWriteOnlySecret() ? Checks.MASK : attributeValue) + ", component=" + component
                + ", variable=" + variable + "]";
    }
}
