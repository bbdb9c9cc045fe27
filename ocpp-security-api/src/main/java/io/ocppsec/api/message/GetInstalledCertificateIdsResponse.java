package io.ocppsec.api.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GetInstalledCertificateIdsResponse}: the payload of the OCPP 2.0.1 {@code
 * GetInstalledCertificateIds} CALLRESULT, as in the official JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param status {@code status}
 * @param statusInfo {@code statusInfo} (optional)
 * @param certificateHashDataChain {@code certificateHashDataChain}: list of CertificateHashDataChain, optional (an empty list means absent; otherwise at least 1)
 */
public record GetInstalledCertificateIdsResponse(
        GetInstalledCertificateIdsResponse.GetInstalledCertificateStatus status,
        Optional<StatusInfo> statusInfo,
        List<CertificateHashDataChain> certificateHashDataChain) implements OcppResponse {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public GetInstalledCertificateIdsResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusInfo, "statusInfo");
        certificateHashDataChain = Checks.list(certificateHashDataChain, 1, 0, false, "certificateHashDataChain");
    }

    @Override
    public OcppAction action() {
        return OcppAction.GET_INSTALLED_CERTIFICATE_IDS;
    }

    /** The OCPP 2.0.1 {@code GetInstalledCertificateStatusEnumType} values. */
    public enum GetInstalledCertificateStatus {
        /** {@code Accepted}. */
        ACCEPTED("Accepted"),
        /** {@code NotFound}. */
        NOT_FOUND("NotFound");

        private final String ocppValue;

        GetInstalledCertificateStatus(String ocppValue) {
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
        public static GetInstalledCertificateStatus fromOcpp(String value) {
            Objects.requireNonNull(value, "value");
            for (GetInstalledCertificateStatus v : values()) {
                if (v.ocppValue.equals(value)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("Unknown GetInstalledCertificateStatusEnumType value; expected one of "
                    + "Accepted, NotFound");
        }
    }
}
