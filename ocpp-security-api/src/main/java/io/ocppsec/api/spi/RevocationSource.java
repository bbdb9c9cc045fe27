package io.ocppsec.api.spi;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * An online source of revocation information for Charging Station certificates (A00.FR.702, A00.FR.705),
 * e.g. an OCSP client. Implementations must be thread-safe and bound their own time (a TLS handshake
 * waits for them), answering {@link RevocationStatus.State#UNKNOWN} instead of hanging.
 *
 * <p>The SDK asks about every certificate of a validated path below its trust anchor: always about the leaf, and
 * about each CA certificate for which {@link #answersFor(X509Certificate)} is true, so that a revoked sub-CA is
 * refused too.
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

    /**
     * Whether this source can say anything about a CA certificate of a path (the leaf is always asked). A source
     * that answers UNKNOWN for a certificate it does not cover should return false for it, or the fail-closed
     * policy refuses every chain through that CA. The default is true: a custom source is asked about every
     * certificate of the path, and an UNKNOWN follows the caller's failure policy.
     *
     * @param certificate a CA certificate of a validated path (not the trust anchor)
     * @return whether to ask {@link #check} about it
     */
    default boolean answersFor(X509Certificate certificate) {
        return true;
    }
}
