package io.ocppsec.core.cert;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.api.spi.RevocationSource;
import io.ocppsec.api.spi.RevocationStatus;
import io.ocppsec.core.internal.text.Printable;
import io.ocppsec.core.revocation.CachingRevocationSource;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Asks a {@link RevocationSource} about the certificates of a validated path (A00.FR.702, A00.FR.705): the leaf
 * always, each CA certificate below the trust anchor when the source {@linkplain RevocationSource#answersFor answers
 * for} it, each with the next certificate of the path (or the anchor) as its issuer. Stale answers, exceptions and
 * UNKNOWN follow the {@link RevocationFailurePolicy}.
 *
 * <p>The one revocation cache is a {@link CachingRevocationSource} in front of the source: definite answers (GOOD,
 * REVOKED) are kept until the earlier of their nextUpdate and the maximum TTL, judged by the injected clock; UNKNOWN
 * is never kept. A source that is already a {@code CachingRevocationSource} is used as it is, so caches never stack.
 */
final class RevocationChecker {

    private final RevocationSource source;
    private final RevocationSource asked;
    private final RevocationFailurePolicy policy;
    private final Duration maxTtl;
    private final int cacheSize;
    private final Clock clock;

    /**
     * @param source the source as configured
     * @param policy what UNKNOWN means
     * @param maxTtl the longest time a definite answer is cached (zero: no cache)
     * @param clock judges staleness and ages the cache
     * @param cacheSize the cache capacity (zero: no cache)
     */
    RevocationChecker(RevocationSource source, RevocationFailurePolicy policy, Duration maxTtl, Clock clock,
                      int cacheSize) {
        this.source = source;
        this.policy = policy;
        this.maxTtl = maxTtl;
        this.cacheSize = cacheSize;
        this.clock = clock;
        boolean noCacheHere = source instanceof CachingRevocationSource || cacheSize == 0 || maxTtl.isZero();
        this.asked = noCacheHere ? source : CachingRevocationSource.builder(source).clock(clock).maxTtl(maxTtl)
                .unknownTtl(Duration.ZERO).maxEntries(cacheSize).build();
    }

    RevocationFailurePolicy policy() {
        return policy;
    }

    RevocationSource source() {
        return source;
    }

    Duration maxTtl() {
        return maxTtl;
    }

    int cacheSize() {
        return cacheSize;
    }

    /**
     * Checks the path from the leaf up and stops at the first certificate that is refused (revoked, or unknown
     * under {@link RevocationFailurePolicy#FAIL_CLOSED}): each further question may wait for the network, and
     * one refusal decides.
     *
     * @param chain the chain as received
     * @param path the path validated in it (with an anchor)
     * @param at the instant
     * @return the violations, each at the received index of its certificate
     */
    ValidationResult checkPath(List<X509Certificate> chain, ChainPath path, Instant at) {
        ValidationResult.Builder r = ValidationResult.builder();
        List<Integer> idx = path.indices();
        for (int k = 0; k < idx.size(); k++) {
            X509Certificate cert = chain.get(idx.get(k));
            Optional<X509Certificate> issuer = k + 1 < idx.size() ? Optional.of(chain.get(idx.get(k + 1)))
                    : path.anchor();
            if (issuer.isEmpty() || (k > 0 && !answersFor(cert))) {
                continue;
            }
            Optional<Violation> v = check(cert, issuer.get(), idx.get(k), at);
            if (v.isPresent()) {
                r.add(v.get());
                if (v.get().isBlocking()) {
                    break;
                }
            }
        }
        return r.build();
    }

    private boolean answersFor(X509Certificate ca) {
        try {
            return asked.answersFor(ca);
        } catch (RuntimeException e) {
            return true; // ask, and let the answer follow the policy
        }
    }

    /** @return a violation, or empty when the certificate is known not to be revoked */
    private Optional<Violation> check(X509Certificate certificate, X509Certificate issuer, int index, Instant at) {
        RevocationStatus status = ask(certificate, issuer, at, clock.instant());
        String detail = Printable.of(status.detail().isBlank() ? "no detail" : status.detail());
        String ca = certificate.getBasicConstraints() < 0 ? ""
                : " of CA certificate '" + Printable.of(certificate.getSubjectX500Principal().getName()) + "'";
        switch (status.state()) {
            case GOOD:
                return Optional.empty();
            case REVOKED:
                return Optional.of(Violation.of("A00.FR.705", RequirementLevel.SHALL,
                        (ca.isEmpty() ? "certificate" : ca.substring(4)) + " revoked at "
                                + status.revocationTime().map(Instant::toString).orElse("?") + " (" + detail + ")", "a certificate that the certificate authority has not revoked")
                        .atChainIndex(index));
            default:
                if (policy == RevocationFailurePolicy.FAIL_OPEN) {
                    return Optional.of(Violation.of("A00.FR.702", RequirementLevel.SHOULD,
                            "revocation status" + ca + " unknown (" + detail + "), accepted by the FAIL_OPEN policy",
                            "an online revocation answer").atChainIndex(index));
                }
                return Optional.of(Violation.of("A00.FR.705", RequirementLevel.SHALL,
                        "revocation status" + ca + " unknown (" + detail + ")",
                        "a definite answer from the certificate authority (fail closed)").atChainIndex(index));
        }
    }

    private RevocationStatus ask(X509Certificate certificate, X509Certificate issuer, Instant at, Instant now) {
        RevocationStatus s;
        try {
            s = asked.check(certificate, issuer, at);
        } catch (RuntimeException e) {
            return RevocationStatus.unknown("revocation source failed: " + e.getClass().getSimpleName());
        }
        if (s == null) {
            return RevocationStatus.unknown("revocation source returned no status");
        }
        if (s.nextUpdate().isPresent() && !s.nextUpdate().get().isAfter(now)) {
            return RevocationStatus.unknown("stale answer: nextUpdate " + s.nextUpdate().get() + " has passed");
        }
        return s;
    }
}
