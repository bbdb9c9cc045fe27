package io.ocppsec.api.message;

import java.util.Objects;

/**
 * {@code DeleteCertificateRequest}: the payload of the OCPP 2.0.1 {@code DeleteCertificate} CALL, as
 * in the official JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param certificateHashData {@code certificateHashData}
 */
public record DeleteCertificateRequest(CertificateHashData certificateHashData) implements OcppRequest {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public DeleteCertificateRequest {
        Objects.requireNonNull(certificateHashData, "certificateHashData");
    }

    @Override
    public OcppAction action() {
        return OcppAction.DELETE_CERTIFICATE;
    }
}
