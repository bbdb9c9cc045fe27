package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code CertificateSignedRequest}: the payload of the OCPP 2.0.1 {@code CertificateSigned} CALL, as
 * in the official JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param certificateChain {@code certificateChain}, at most 10000 characters
 * @param certificateType {@code certificateType} (optional)
 */
public record CertificateSignedRequest(
        String certificateChain,
        Optional<CertificateSigningUse> certificateType) implements OcppRequest {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public CertificateSignedRequest {
        certificateChain = Checks.text(certificateChain, 10000, "certificateChain");
        Objects.requireNonNull(certificateType, "certificateType");
    }

    @Override
    public OcppAction action() {
        return OcppAction.CERTIFICATE_SIGNED;
    }
}
