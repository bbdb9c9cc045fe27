package io.ocppsec.api.message;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code BootNotificationResponse}: the payload of the OCPP 2.0.1 {@code BootNotification} CALLRESULT,
 * as in the official JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param currentTime {@code currentTime}, an instant in years 0000 to 9999 (an RFC 3339 date-time on the wire)
 * @param interval {@code interval}
 * @param status {@code status}
 * @param statusInfo {@code statusInfo} (optional)
 */
public record BootNotificationResponse(
        Instant currentTime,
        int interval,
        BootNotificationResponse.RegistrationStatus status,
        Optional<StatusInfo> statusInfo) implements OcppResponse {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public BootNotificationResponse {
        Checks.dateTime(currentTime, "currentTime");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusInfo, "statusInfo");
    }

    @Override
    public OcppAction action() {
        return OcppAction.BOOT_NOTIFICATION;
    }

    /** The OCPP 2.0.1 {@code RegistrationStatusEnumType} values. */
    public enum RegistrationStatus {
        /** {@code Accepted}. */
        ACCEPTED("Accepted"),
        /** {@code Pending}. */
        PENDING("Pending"),
        /** {@code Rejected}. */
        REJECTED("Rejected");

        private final String ocppValue;

        RegistrationStatus(String ocppValue) {
            this.ocppValue = ocppValue;
        }

        /** @return the value as written in OCPP-J JSON */
        public String ocppValue() {
            return ocppValue;
        }

        /**
         * @param value the OCPP-J value, e.g. {@code Accepted}
         * @return the enum constant
         * @throws IllegalArgumentException for an unknown value (the value is not echoed)
         */
        public static RegistrationStatus fromOcpp(String value) {
            Objects.requireNonNull(value, "value");
            for (RegistrationStatus v : values()) {
                if (v.ocppValue.equals(value)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("Unknown RegistrationStatusEnumType value; expected one of "
                    + "Accepted, Pending, Rejected");
        }
    }
}
