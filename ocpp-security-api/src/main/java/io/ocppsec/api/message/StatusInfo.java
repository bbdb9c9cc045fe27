package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code StatusInfoType} of the OCPP 2.0.1 JSON schemas.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param reasonCode {@code reasonCode}, at most 20 characters
 * @param additionalInfo {@code additionalInfo} (optional), at most 512 characters
 */
public record StatusInfo(String reasonCode, Optional<String> additionalInfo) {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public StatusInfo {
        reasonCode = Checks.text(reasonCode, 20, "reasonCode");
        additionalInfo = Checks.optText(additionalInfo, 512, "additionalInfo");
    }
}
