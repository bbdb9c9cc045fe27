package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code UpdateFirmwareResponse}: the payload of the OCPP 2.0.1 {@code UpdateFirmware} CALLRESULT, as
 * in the official JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param status {@code status}
 * @param statusInfo {@code statusInfo} (optional)
 */
public record UpdateFirmwareResponse(
        UpdateFirmwareResponse.UpdateFirmwareStatus status,
        Optional<StatusInfo> statusInfo) implements OcppResponse {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public UpdateFirmwareResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusInfo, "statusInfo");
    }

    @Override
    public OcppAction action() {
        return OcppAction.UPDATE_FIRMWARE;
    }

    /** The OCPP 2.0.1 {@code UpdateFirmwareStatusEnumType} values. */
    public enum UpdateFirmwareStatus {
        /** {@code Accepted}. */
        ACCEPTED("Accepted"),
        /** {@code Rejected}. */
        REJECTED("Rejected"),
        /** {@code AcceptedCanceled}. */
        ACCEPTED_CANCELED("AcceptedCanceled"),
        /** {@code InvalidCertificate}. */
        INVALID_CERTIFICATE("InvalidCertificate"),
        /** {@code RevokedCertificate}. */
        REVOKED_CERTIFICATE("RevokedCertificate");

        private final String ocppValue;

        UpdateFirmwareStatus(String ocppValue) {
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
        public static UpdateFirmwareStatus fromOcpp(String value) {
            Objects.requireNonNull(value, "value");
            for (UpdateFirmwareStatus v : values()) {
                if (v.ocppValue.equals(value)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("Unknown UpdateFirmwareStatusEnumType value; expected one of "
                    + "Accepted, Rejected, AcceptedCanceled, InvalidCertificate, RevokedCertificate");
        }
    }
}
