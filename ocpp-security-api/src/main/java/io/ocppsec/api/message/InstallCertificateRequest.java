package io.ocppsec.api.message;

import java.util.Objects;

/**
 * {@code InstallCertificateRequest}: the payload of the OCPP 2.0.1 {@code InstallCertificate} CALL, as
 * in the official JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param certificateType {@code certificateType}
 * @param certificate {@code certificate}, at most 5500 characters
 */
public record InstallCertificateRequest(
        InstallCertificateUse certificateType,
        String certificate) implements OcppRequest {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public InstallCertificateRequest {
        Objects.requireNonNull(certificateType, "certificateType");
        certificate = Checks.text(certificate, 5500, "certificate");
    }

    @Override
    public OcppAction action() {
        return OcppAction.INSTALL_CERTIFICATE;
    }
}
