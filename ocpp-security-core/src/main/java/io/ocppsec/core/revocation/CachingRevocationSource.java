package io.ocppsec.core.revocation;

import io.ocppsec.api.spi.RevocationSource;
import io.ocppsec.api.spi.RevocationStatus;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Caches the answers of another {@link RevocationSource}, so that a CSMS with many stations does not
 * ask the responder on every connection (A00.FR.702, A00.FR.705).
 *
 * <ul>
 *   <li>GOOD and REVOKED answers are kept for {@code min(maxTtl, nextUpdate - now)}, and never used for
 *       an instant after their {@code nextUpdate};</li>
 *   <li>UNKNOWN answers (responder down, certificate unknown…) only for the short {@code unknownTtl}, so
 *       a recovering responder is asked again soon, without hammering it;</li>
 *   <li>at most {@code maxEntries} certificates are kept (least recently used leave first);</li>
 *   <li>concurrent checks of the same certificate share one call to the delegate.</li>
 * </ul>
 *
 * <pre>{@code
 * RevocationSource source = CachingRevocationSource.builder(OcspRevocationSource.builder().build())
 *         .maxTtl(Duration.ofMinutes(10)).unknownTtl(Duration.ofSeconds(15)).build();
 * }</pre>
 *
 * <p>Thread-safe. A delegate that throws is treated as answering UNKNOWN.
 */
public final class CachingRevocationSource implements RevocationSource {

    private final RevocationSource delegate;
    private final Clock clock;
    private final Duration maxTtl;
    private final Duration unknownTtl;
    private final int maxEntries;
    private final Map<String, Entry> entries;
    private final ConcurrentHashMap<String, CompletableFuture<RevocationStatus>> inFlight = new ConcurrentHashMap<>();

    private record Entry(RevocationStatus status, Instant expires) {
    }

    private CachingRevocationSource(Builder b) {
        this.delegate = b.delegate;
        this.clock = b.clock;
        this.maxTtl = b.maxTtl;
        this.unknownTtl = b.unknownTtl;
        this.maxEntries = b.maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /**
     * @param delegate the source whose answers are cached
     * @return a builder with defaults: max TTL 5 min, UNKNOWN TTL 10 s, 10 000 entries, system UTC clock
     */
    public static Builder builder(RevocationSource delegate) {
        return new Builder(Objects.requireNonNull(delegate, "delegate"));
    }

    @Override
    public RevocationStatus check(X509Certificate certificate, X509Certificate issuer, Instant at) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(at, "at");
        String key = key(certificate, issuer);
        RevocationStatus cached = lookup(key, at);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<RevocationStatus> mine = new CompletableFuture<>();
        CompletableFuture<RevocationStatus> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            RevocationStatus fresh = ask(certificate, issuer, at);
            store(key, fresh);
            mine.complete(fresh);
            return fresh;
        } finally {
            inFlight.remove(key, mine);
            if (!mine.isDone()) {
                mine.complete(RevocationStatus.unknown("revocation check aborted"));
            }
        }
    }

    /** Asks the delegate. */
    @Override
    public boolean answersFor(X509Certificate certificate) {
        try {
            return delegate.answersFor(Objects.requireNonNull(certificate, "certificate"));
        } catch (RuntimeException e) {
            return true; // ask, and let check() answer UNKNOWN under the caller's policy
        }
    }

    private RevocationStatus ask(X509Certificate certificate, X509Certificate issuer, Instant at) {
        try {
            RevocationStatus s = delegate.check(certificate, issuer, at);
            return s != null ? s : RevocationStatus.unknown("revocation source returned no answer");
        } catch (RuntimeException e) {
            return RevocationStatus.unknown("revocation source failed: " + e.getClass().getSimpleName());
        }
    }

    private static RevocationStatus await(CompletableFuture<RevocationStatus> running) {
        // The leader's call is bounded by the delegate's own timeouts (RevocationSource contract).
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RevocationStatus.unknown("interrupted while waiting for a revocation check");
        } catch (ExecutionException e) {
            return RevocationStatus.unknown("revocation check failed");
        }
    }

    private RevocationStatus lookup(String key, Instant at) {
        Instant now = clock.instant();
        synchronized (entries) {
            Entry e = entries.get(key);
            if (e == null) {
                return null;
            }
            if (!now.isBefore(e.expires())) {
                entries.remove(key);
                return null;
            }
            if (e.status().nextUpdate().isPresent() && at.isAfter(e.status().nextUpdate().get())) {
                return null; // the answer is not fresh for the instant asked about
            }
            return e.status();
        }
    }

    private void store(String key, RevocationStatus status) {
        Instant now = clock.instant();
        Duration ttl = status.state() == RevocationStatus.State.UNKNOWN ? unknownTtl : maxTtl;
        if (status.nextUpdate().isPresent()) {
            Duration untilNext = Duration.between(now, status.nextUpdate().get());
            if (untilNext.compareTo(ttl) < 0) {
                ttl = untilNext;
            }
        }
        if (ttl.isNegative() || ttl.isZero()) {
            return;
        }
        synchronized (entries) {
            entries.put(key, new Entry(status, now.plus(ttl)));
        }
    }

    /** @return the number of cached answers, expired ones included until next looked up */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Forgets every cached answer. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    private static String key(X509Certificate certificate, X509Certificate issuer) {
        // Like an OCSP CertID: issuer name, issuer key and serial number.
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(issuer.getSubjectX500Principal().getEncoded());
            sha.update(issuer.getPublicKey().getEncoded());
            BigInteger serial = certificate.getSerialNumber();
            return Base64.getEncoder().encodeToString(sha.digest()) + ':' + serial.toString(16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "CachingRevocationSource{delegate=" + delegate + ", maxTtl=" + maxTtl + ", unknownTtl=" + unknownTtl
                + ", maxEntries=" + maxEntries + "}";
    }

    /** Configures a {@link CachingRevocationSource}; each setter validates at once. Not thread-safe. */
    public static final class Builder {
        private final RevocationSource delegate;
        private Clock clock = Clock.systemUTC();
        private Duration maxTtl = Duration.ofMinutes(5);
        private Duration unknownTtl = Duration.ofSeconds(10);
        private int maxEntries = 10_000;

        private Builder(RevocationSource delegate) {
            this.delegate = delegate;
        }

        /**
         * @param clock the clock that ages entries
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param ttl the longest time a GOOD or REVOKED answer is kept (default 5 min)
         * @return this builder
         * @throws IllegalArgumentException for a zero or negative duration
         */
        public Builder maxTtl(Duration ttl) {
            this.maxTtl = positive(ttl, "ttl");
            return this;
        }

        /**
         * @param ttl how long an UNKNOWN answer is kept (default 10 s); zero disables caching of UNKNOWN
         * @return this builder
         * @throws IllegalArgumentException for a negative duration
         */
        public Builder unknownTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("unknownTtl must not be negative, was " + ttl);
            }
            this.unknownTtl = ttl;
            return this;
        }

        /**
         * @param max the most certificates kept (default 10 000)
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxEntries(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxEntries must be at least 1, was " + max);
            }
            this.maxEntries = max;
            return this;
        }

        /**
         * @return the caching source
         * @throws IllegalStateException when unknownTtl exceeds maxTtl
         */
        public CachingRevocationSource build() {
            if (unknownTtl.compareTo(maxTtl) > 0) {
                throw new IllegalStateException("unknownTtl (" + unknownTtl + ") must not exceed maxTtl (" + maxTtl + ")");
            }
            return new CachingRevocationSource(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }
    }
}
