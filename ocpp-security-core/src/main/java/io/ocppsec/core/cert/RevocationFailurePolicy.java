package io.ocppsec.core.cert;

/**
 * What a validator does when the {@link io.ocppsec.api.spi.RevocationSource} cannot say whether a certificate is
 * revoked (state UNKNOWN, an exception, a stale answer).
 */
public enum RevocationFailurePolicy {
    /** Refuse the certificate: a blocking A00.FR.705 violation. The default. */
    FAIL_CLOSED,
    /**
     * Accept the certificate with an advisory A00.FR.702 violation. Weakens A00.FR.705: use only when the
     * revocation service is known to be unreliable and the risk is accepted.
     */
    FAIL_OPEN
}
