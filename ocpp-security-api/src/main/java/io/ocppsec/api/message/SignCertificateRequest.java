package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code SignCertificateRequest}: the payload of the OCPP 2.0.1 {@code SignCertificate} CALL, as in
 * the official JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param csr {@code csr}, at most 5500 characters
 * @param certificateType {@code certificateType} (optional)
 */
public record SignCertificateRequest(
        String csr,
        Optional<CertificateSigningUse> certificateType) implements OcppRequest {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public SignCertificateRequest {
        csr = Checks.text(csr, 5500, "csr");
        Objects.requireNonNull(certificateType, "certificateType");
    }

    @Override
    public OcppAction action() {
        return OcppAction.SIGN_CERTIFICATE;
    }
}
