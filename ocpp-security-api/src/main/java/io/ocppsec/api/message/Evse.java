package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code EVSEType} of the OCPP 2.0.1 JSON schemas.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param id {@code id}
 * @param connectorId {@code connectorId} (optional)
 */
public record Evse(int id, Optional<Integer> connectorId) {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public Evse {
        Objects.requireNonNull(connectorId, "connectorId");
    }
}
