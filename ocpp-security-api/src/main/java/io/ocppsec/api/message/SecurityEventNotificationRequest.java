package io.ocppsec.api.message;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code SecurityEventNotificationRequest}: the payload of the OCPP 2.0.1 {@code
 * SecurityEventNotification} CALL, as in the official JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param type {@code type}, at most 50 characters
 * @param timestamp {@code timestamp}, an instant in years 0000 to 9999 (an RFC 3339 date-time on the wire)
 * @param techInfo {@code techInfo} (optional), at most 255 characters
 */
public record SecurityEventNotificationRequest(
        String type,
        Instant timestamp,
        Optional<String> techInfo) implements OcppRequest {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public SecurityEventNotificationRequest {
        type = Checks.text(type, 50, "type");
        Checks.dateTime(timestamp, "timestamp");
        techInfo = Checks.optText(techInfo, 255, "techInfo");
    }

    @Override
    public OcppAction action() {
        return OcppAction.SECURITY_EVENT_NOTIFICATION;
    }
}
