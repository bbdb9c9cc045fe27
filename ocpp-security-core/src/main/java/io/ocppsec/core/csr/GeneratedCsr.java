package io.ocppsec.core.csr;

import java.util.Objects;

/**
 * A CSR together with the new in-memory key pair it was made for. Keep the key pair on the station until
 * the signed certificate arrives; send only {@link #request()}.
 *
 * @param request the CSR to send
 * @param keyPair the key pair; its private key stays on the station
 */
public record GeneratedCsr(SigningRequest request, GeneratedKeyPair keyPair) {

    /** @throws NullPointerException for a null argument */
    public GeneratedCsr {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(keyPair, "keyPair");
    }
}
