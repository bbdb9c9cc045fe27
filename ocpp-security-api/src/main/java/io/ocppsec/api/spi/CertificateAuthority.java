package io.ocppsec.api.spi;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The certificate authority server that signs Charging Station certificates (A02.FR.04, A03.FR.04:
 * the CSMS SHOULD NOT sign them itself but forward the CSR to a dedicated CA; A00.FR.703/704).
 *
 * <p>Signing may take long (a human approval, a remote CA), so the answer is asynchronous. The CSMS
 * answers {@code SignCertificateResponse} first and later sends the chain in
 * {@code CertificateSignedRequest} with the same {@code certificateType} as the request (A02.FR.14,
 * A03.FR.14).
 *
 * <pre>{@code
 * CertificateAuthority ca = yourCertificateAuthority;   // e.g. a client of the CSO's CA
 * ca.sign(new CertificateSigningRequest(csrPem, certificateType, stationId))
 *   .thenAccept(chain -> csms.sendCertificateSigned(stationId, chain, certificateType));
 * }</pre>
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CertificateAuthority {

    /**
     * Signs a request that the CSMS has already inspected and accepted.
     *
     * @param request the CSR, the requested certificate type and the identity of the station
     * @return a stage completed with the issued chain, leaf first, followed by the intermediate CA
     *     certificates and without the root; completed exceptionally (for example with a
     *     {@link java.security.GeneralSecurityException}) when the authority refuses or fails
     */
    CompletionStage<List<X509Certificate>> sign(CertificateSigningRequest request);
}
