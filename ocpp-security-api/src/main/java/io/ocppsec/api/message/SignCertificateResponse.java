package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code SignCertificateResponse}: the payload of the OCPP 2.0.1 {@code SignCertificate} CALLRESULT,
 * as in the official JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param status {@code status}
 * @param statusInfo {@code statusInfo} (optional)
 */
public record SignCertificateResponse(
        GenericStatus status,
        Optional<StatusInfo> statusInfo) implements OcppResponse {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public SignCertificateResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusInfo, "statusInfo");
    }

    @Override
    public OcppAction action() {
        return OcppAction.SIGN_CERTIFICATE;
    }
}
