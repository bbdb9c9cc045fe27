package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code GetLogResponse}: the payload of the OCPP 2.0.1 {@code GetLog} CALLRESULT, as in the official
 * JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param status {@code status}
 * @param statusInfo {@code statusInfo} (optional)
 * @param filename {@code filename} (optional), at most 255 characters
 */
public record GetLogResponse(
        GetLogResponse.LogStatus status,
        Optional<StatusInfo> statusInfo,
        Optional<String> filename) implements OcppResponse {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public GetLogResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusInfo, "statusInfo");
        filename = Checks.optText(filename, 255, "filename");
    }

    @Override
    public OcppAction action() {
        return OcppAction.GET_LOG;
    }

    /** The OCPP 2.0.1 {@code LogStatusEnumType} values. */
    public enum LogStatus {
        /** {@code Accepted}. */
        ACCEPTED("Accepted"),
        /** {@code Rejected}. */
        REJECTED("Rejected"),
        /** {@code AcceptedCanceled}. */
        ACCEPTED_CANCELED("AcceptedCanceled");

        private final String ocppValue;

        LogStatus(String ocppValue) {
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
        public static LogStatus fromOcpp(String value) {
            Objects.requireNonNull(value, "value");
            for (LogStatus v : values()) {
                if (v.ocppValue.equals(value)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("Unknown LogStatusEnumType value; expected one of "
                    + "Accepted, Rejected, AcceptedCanceled");
        }
    }
}
