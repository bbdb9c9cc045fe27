package io.ocppsec.api.message;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code LogParametersType} of the OCPP 2.0.1 JSON schemas.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param remoteLocation {@code remoteLocation}, at most 512 characters
 * @param oldestTimestamp {@code oldestTimestamp} (optional), an instant in years 0000 to 9999 (an RFC 3339 date-time on the wire)
 * @param latestTimestamp {@code latestTimestamp} (optional), an instant in years 0000 to 9999 (an RFC 3339 date-time on the wire)
 */
public record LogParameters(
        String remoteLocation,
        Optional<Instant> oldestTimestamp,
        Optional<Instant> latestTimestamp) {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public LogParameters {
        remoteLocation = Checks.text(remoteLocation, 512, "remoteLocation");
        Checks.optDateTime(oldestTimestamp, "oldestTimestamp");
        Checks.optDateTime(latestTimestamp, "latestTimestamp");
    }
}
