package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code ComponentType} of the OCPP 2.0.1 JSON schemas.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param evse {@code evse} (optional)
 * @param name {@code name}, at most 50 characters
 * @param instance {@code instance} (optional), at most 50 characters
 */
public record Component(Optional<Evse> evse, String name, Optional<String> instance) {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public Component {
        Objects.requireNonNull(evse, "evse");
        name = Checks.text(name, 50, "name");
        instance = Checks.optText(instance, 50, "instance");
    }
}
