package io.ocppsec.api.message;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code FirmwareType} of the OCPP 2.0.1 JSON schemas.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param location {@code location}, at most 512 characters
 * @param retrieveDateTime {@code retrieveDateTime}, an instant in years 0000 to 9999 (an RFC 3339 date-time on the wire)
 * @param installDateTime {@code installDateTime} (optional), an instant in years 0000 to 9999 (an RFC 3339 date-time on the wire)
 * @param signingCertificate {@code signingCertificate} (optional), at most 5500 characters
 * @param signature {@code signature} (optional), at most 800 characters
 */
public record Firmware(
        String location,
        Instant retrieveDateTime,
        Optional<Instant> installDateTime,
        Optional<String> signingCertificate,
        Optional<String> signature) {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public Firmware {
        location = Checks.text(location, 512, "location");
        Checks.dateTime(retrieveDateTime, "retrieveDateTime");
        Checks.optDateTime(installDateTime, "installDateTime");
        signingCertificate = Checks.optText(signingCertificate, 5500, "signingCertificate");
        signature = Checks.optText(signature, 800, "signature");
    }
}
