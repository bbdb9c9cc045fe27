package io.ocppsec.api.message;

import java.util.Objects;

/**
 * {@code SecurityEventNotificationResponse}: the payload of the OCPP 2.0.1 {@code
 * SecurityEventNotification} CALLRESULT, as in the official JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 */
public record SecurityEventNotificationResponse() implements OcppResponse {

    @Override
    public OcppAction action() {
        return OcppAction.SECURITY_EVENT_NOTIFICATION;
    }
}
