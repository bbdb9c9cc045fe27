package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code ModemType} of the OCPP 2.0.1 JSON schemas.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param iccid {@code iccid} (optional), at most 20 characters
 * @param imsi {@code imsi} (optional), at most 20 characters
 */
public record Modem(Optional<String> iccid, Optional<String> imsi) {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public Modem {
        iccid = Checks.optText(iccid, 20, "iccid");
        imsi = Checks.optText(imsi, 20, "imsi");
    }
}
