package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code GetCertificateStatusResponse}: the payload of the OCPP 2.0.1 {@code GetCertificateStatus}
 * CALLRESULT, as in the official JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param status {@code status}
 * @param statusInfo {@code statusInfo} (optional)
 * @param ocspResult {@code ocspResult} (optional), at most 5500 characters
 */
public record GetCertificateStatusResponse(
        GetCertificateStatusResponse.GetCertificateStatus status,
        Optional<StatusInfo> statusInfo,
        Optional<String> ocspResult) implements OcppResponse {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public GetCertificateStatusResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusInfo, "statusInfo");
        ocspResult = Checks.optText(ocspResult, 5500, "ocspResult");
    }

    @Override
    public OcppAction action() {
        return OcppAction.GET_CERTIFICATE_STATUS;
    }

    /** The OCPP 2.0.1 {@code GetCertificateStatusEnumType} values. */
    public enum GetCertificateStatus {
        /** {@code Accepted}. */
        ACCEPTED("Accepted"),
        /** {@code Failed}. */
        FAILED("Failed");

        private final String ocppValue;

        GetCertificateStatus(String ocppValue) {
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
        public static GetCertificateStatus fromOcpp(String value) {
            Objects.requireNonNull(value, "value");
            for (GetCertificateStatus v : values()) {
                if (v.ocppValue.equals(value)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("Unknown GetCertificateStatusEnumType value; expected one of "
                    + "Accepted, Failed");
        }
    }
}
