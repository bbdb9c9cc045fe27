package io.ocppsec.core.cert;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.api.spi.RevocationSource;
import io.ocppsec.api.spi.RevocationStatus;
import io.ocppsec.core.cert.internal.BoundedCache;
import io.ocppsec.core.cert.internal.Fingerprints;
import io.ocppsec.core.cert.internal.X509Names;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks a {@link RevocationSource} about a leaf certificate (A00.FR.702, A00.FR.705) and caches definite answers
 * (GOOD, REVOKED) until the earlier of the answer's nextUpdate and a maximum TTL, judged by the injected clock.
 * UNKNOWN, stale answers and exceptions are never cached and follow the {@link RevocationFailurePolicy}.
 */
final class RevocationChecker {

    private record Entry(RevocationStatus status, Instant expires) {
    }

    private final RevocationSource source;
    private final RevocationFailurePolicy policy;
    private final Duration maxTtl;
    private final Clock clock;
    private final BoundedCache<String, Entry> cache;

    RevocationChecker(RevocationSource source, RevocationFailurePolicy policy, Duration maxTtl, Clock clock,
                      int cacheSize) {
        this.source = source;
        this.policy = policy;
        this.maxTtl = maxTtl;
        this.clock = clock;
        this.cache = new BoundedCache<>(cacheSize);
    }

    RevocationChecker withClock(Clock newClock) {
        return new RevocationChecker(source, policy, maxTtl, newClock, cache.capacity());
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
        return cache.capacity();
    }

    /** @return a violation, or empty when the certificate is known not to be revoked */
    Optional<Violation> check(X509Certificate leaf, X509Certificate issuer, int leafIndex, Instant at) {
        String key = Fingerprints.of(leaf);
        Instant now = clock.instant();
        RevocationStatus status = cache.get(key).filter(e -> now.isBefore(e.expires())).map(Entry::status)
                .orElse(null);
        if (status == null) {
            status = ask(leaf, issuer, at, now);
            if (status.state() != RevocationStatus.State.UNKNOWN) {
                Instant expires = now.plus(maxTtl);
                if (status.nextUpdate().isPresent() && status.nextUpdate().get().isBefore(expires)) {
                    expires = status.nextUpdate().get();
                }
                cache.put(key, new Entry(status, expires));
            } else {
                cache.remove(key);
            }
        }
        String detail = X509Names.printable(status.detail().isBlank() ? "no detail" : status.detail());
        switch (status.state()) {
            case GOOD:
                return Optional.empty();
            case REVOKED:
                return Optional.of(Violation.of("A00.FR.705", RequirementLevel.SHALL,
                        "certificate revoked at " + status.revocationTime().map(Instant::toString).orElse("?")
                                + " (" + detail + ")", "a certificate that the certificate authority has not revoked")
                        .atChainIndex(leafIndex));
            default:
                if (policy == RevocationFailurePolicy.FAIL_OPEN) {
                    return Optional.of(Violation.of("A00.FR.702", RequirementLevel.SHOULD,
                            "revocation status unknown (" + detail + "), accepted by the FAIL_OPEN policy",
                            "an online revocation answer").atChainIndex(leafIndex));
                }
                return Optional.of(Violation.of("A00.FR.705", RequirementLevel.SHALL,
                        "revocation status unknown (" + detail + ")",
                        "a definite answer from the certificate authority (fail closed)").atChainIndex(leafIndex));
        }
    }

    private RevocationStatus ask(X509Certificate leaf, X509Certificate issuer, Instant at, Instant now) {
        RevocationStatus s;
        try {
            s = source.check(leaf, issuer, at);
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
