package io.ocppsec.core.csr;

import io.ocppsec.api.message.CertificateSigningUse;
import java.util.Objects;

/**
 * A PEM-encoded PKCS#10 CSR ready for {@code SignCertificateRequest} (A02.FR.03, A03.FR.03): {@link #pem()}
 * is the {@code csr} field, {@link #use()} gives {@code certificateType}. Holds no private key.
 *
 * @param pem the CSR in PEM, at most {@value #MAX_PEM_LENGTH} characters
 * @param use which certificate is requested
 */
public record SigningRequest(String pem, CertificateSigningUse use) {

    /** Maximum length of {@code SignCertificateRequest.csr} in the official schema. */
    public static final int MAX_PEM_LENGTH = 5500;

    /** @throws IllegalArgumentException when the PEM is longer than {@value #MAX_PEM_LENGTH} */
    public SigningRequest {
        Objects.requireNonNull(pem, "pem");
        Objects.requireNonNull(use, "use");
        if (pem.length() > MAX_PEM_LENGTH) {
            throw new IllegalArgumentException("A CSR PEM has at most " + MAX_PEM_LENGTH + " characters, was "
                    + pem.length());
        }
    }

    /** @return the {@code certificateType} value, e.g. {@code ChargingStationCertificate} */
    public String certificateType() {
        return use.ocppValue();
    }
}
