package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code DeleteCertificateResponse}: the payload of the OCPP 2.0.1 {@code DeleteCertificate}
 * CALLRESULT, as in the official JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param status {@code status}
 * @param statusInfo {@code statusInfo} (optional)
 */
public record DeleteCertificateResponse(
        DeleteCertificateResponse.DeleteCertificateStatus status,
        Optional<StatusInfo> statusInfo) implements OcppResponse {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public DeleteCertificateResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusInfo, "statusInfo");
    }

    @Override
    public OcppAction action() {
        return OcppAction.DELETE_CERTIFICATE;
    }

    /** The OCPP 2.0.1 {@code DeleteCertificateStatusEnumType} values. */
    public enum DeleteCertificateStatus {
        /** {@code Accepted}. */
        ACCEPTED("Accepted"),
        /** {@code Failed}. */
        FAILED("Failed"),
        /** {@code NotFound}. */
        NOT_FOUND("NotFound");

        private final String ocppValue;

        DeleteCertificateStatus(String ocppValue) {
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
        public static DeleteCertificateStatus fromOcpp(String value) {
            Objects.requireNonNull(value, "value");
            for (DeleteCertificateStatus v : values()) {
                if (v.ocppValue.equals(value)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("Unknown DeleteCertificateStatusEnumType value; expected one of "
                    + "Accepted, Failed, NotFound");
        }
    }
}
