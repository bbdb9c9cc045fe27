package io.ocppsec.api.spi;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * An online source of revocation information for Charging Station certificates (A00.FR.702, A00.FR.705),
 * e.g. an OCSP client. Implementations must be thread-safe and bound their own time (a TLS handshake
 * waits for them), answering {@link RevocationStatus.State#UNKNOWN} instead of hanging.
 */
@FunctionalInterface
public interface RevocationSource {

    /**
     * @param certificate the certificate to check
     * @param issuer its issuer
     * @param at the instant the answer must be fresh for
     * @return the status; never null
     */
    RevocationStatus check(X509Certificate certificate, X509Certificate issuer, Instant at);
}
