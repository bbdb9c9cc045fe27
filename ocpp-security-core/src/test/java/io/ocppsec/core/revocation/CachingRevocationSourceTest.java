package io.ocppsec.core.revocation;

import io.ocppsec.testing.OpensslOcspResponder;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.ocppsec.api.spi.RevocationSource;
import io.ocppsec.api.spi.RevocationStatus;
import io.ocppsec.api.spi.RevocationStatus.State;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingRevocationSourceTest {

    private static final TestPki PKI = TestPki.create();
    private static final X509Certificate ISSUER = PKI.csoSubCa().certificate();
    private static final TestCertificate STATION = PKI.station();


    /** A source answering a fixed status and counting its calls. */
    static final class Counting implements RevocationSource {
        final AtomicInteger calls = new AtomicInteger();
        volatile RevocationStatus answer;

        Counting(RevocationStatus answer) {
            this.answer = answer;
        }

        @Override
        public RevocationStatus check(X509Certificate certificate, X509Certificate issuer, Instant at) {
            calls.incrementAndGet();
            return answer;
        }
    }

    private static RevocationStatus good(Optional<Instant> nextUpdate) {
        return new RevocationStatus(State.GOOD, Optional.of(TestPki.NOW), nextUpdate, Optional.empty(), "good");
    }

    private final MutableClock clock = new MutableClock();

    @Test
    void goodAnswerIsKeptForMaxTtl() {
        Counting delegate = new Counting(good(Optional.empty()));
        CachingRevocationSource cache = CachingRevocationSource.builder(delegate).clock(clock)
                .maxTtl(Duration.ofMinutes(5)).build();
        for (int i = 0; i < 5; i++) {
            assertThat(cache.check(STATION.certificate(), ISSUER, clock.instant()).state()).isEqualTo(State.GOOD);
        }
        assertThat(delegate.calls).hasValue(1);
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        cache.check(STATION.certificate(), ISSUER, clock.instant());
        assertThat(delegate.calls).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        cache.check(STATION.certificate(), ISSUER, clock.instant());
        assertThat(delegate.calls).hasValue(2);
    }

    @Test
    void ttlIsCutAtNextUpdate() {
        Counting delegate = new Counting(good(Optional.of(TestPki.NOW.plus(Duration.ofMinutes(1)))));
        CachingRevocationSource cache = CachingRevocationSource.builder(delegate).clock(clock)
                .maxTtl(Duration.ofHours(1)).build();
        cache.check(STATION.certificate(), ISSUER, clock.instant());
        clock.advance(Duration.ofSeconds(59));
        cache.check(STATION.certificate(), ISSUER, clock.instant());
        assertThat(delegate.calls).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        cache.check(STATION.certificate(), ISSUER, clock.instant());
        assertThat(delegate.calls).hasValue(2);
    }

    @Test
    void cachedAnswerIsNotUsedForAnInstantAfterItsNextUpdate() {
        Counting delegate = new Counting(good(Optional.of(TestPki.NOW.plus(Duration.ofMinutes(1)))));
        CachingRevocationSource cache = CachingRevocationSource.builder(delegate).clock(clock).build();
        cache.check(STATION.certificate(), ISSUER, clock.instant());
        cache.check(STATION.certificate(), ISSUER, clock.instant().plus(Duration.ofMinutes(2)));
        assertThat(delegate.calls).hasValue(2);
    }

    @Test
    void answerAlreadyPastNextUpdateIsNotCached() {
        Counting delegate = new Counting(good(Optional.of(TestPki.NOW.minusSeconds(1))));
        CachingRevocationSource cache = CachingRevocationSource.builder(delegate).clock(clock).build();
        cache.check(STATION.certificate(), ISSUER, clock.instant());
        cache.check(STATION.certificate(), ISSUER, clock.instant());
        assertThat(delegate.calls).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void unknownIsCachedOnlyBriefly() {
        Counting delegate = new Counting(RevocationStatus.unknown("responder down"));
        CachingRevocationSource cache = CachingRevocationSource.builder(delegate).clock(clock)
                .unknownTtl(Duration.ofSeconds(10)).build();
        cache.check(STATION.certificate(), ISSUER, clock.instant());
        clock.advance(Duration.ofSeconds(9));
        assertThat(cache.check(STATION.certificate(), ISSUER, clock.instant()).detail()).isEqualTo("responder down");
        assertThat(delegate.calls).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        delegate.answer = good(Optional.empty());
        assertThat(cache.check(STATION.certificate(), ISSUER, clock.instant()).state()).isEqualTo(State.GOOD);
        assertThat(delegate.calls).hasValue(2);
    }

    @Test
    void unknownTtlZeroDisablesNegativeCaching() {
        Counting delegate = new Counting(RevocationStatus.unknown("down"));
        CachingRevocationSource cache = CachingRevocationSource.builder(delegate).clock(clock)
                .unknownTtl(Duration.ZERO).build();
        cache.check(STATION.certificate(), ISSUER, clock.instant());
        cache.check(STATION.certificate(), ISSUER, clock.instant());
        assertThat(delegate.calls).hasValue(2);
    }

    @Test
    void revokedIsCachedAndCertificatesAreKeptApart() {
        RevocationStatus revoked = new RevocationStatus(State.REVOKED, Optional.of(TestPki.NOW), Optional.empty(),
                Optional.of(TestPki.NOW.minusSeconds(60)), "revoked");
        Counting delegate = new Counting(revoked);
        CachingRevocationSource cache = CachingRevocationSource.builder(delegate).clock(clock).build();
        assertThat(cache.check(STATION.certificate(), ISSUER, clock.instant()).state()).isEqualTo(State.REVOKED);
        delegate.answer = good(Optional.empty());
        TestCertificate other = PKI.stationBuilder("CS-0009").build();
        assertThat(cache.check(other.certificate(), ISSUER, clock.instant()).state()).isEqualTo(State.GOOD);
        assertThat(cache.check(STATION.certificate(), ISSUER, clock.instant()).state()).isEqualTo(State.REVOKED);
        assertThat(delegate.calls).hasValue(2);
    }

    @Test
    void sizeIsBounded() {
        Counting delegate = new Counting(good(Optional.empty()));
        CachingRevocationSource cache = CachingRevocationSource.builder(delegate).clock(clock).maxEntries(3).build();
        List<TestCertificate> certs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            certs.add(PKI.stationBuilder("CS-1" + i).build());
            cache.check(certs.get(i).certificate(), ISSUER, clock.instant());
        }
        assertThat(cache.size()).isEqualTo(3);
        cache.check(certs.get(0).certificate(), ISSUER, clock.instant()); // evicted: asked again
        assertThat(delegate.calls).hasValue(6);
        cache.check(certs.get(4).certificate(), ISSUER, clock.instant()); // still cached
        assertThat(delegate.calls).hasValue(6);
        cache.clear();
        assertThat(cache.size()).isZero();
    }

    @Test
    void concurrentChecksOfTheSameCertificateShareOneCall() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        RevocationSource slow = (c, i, at) -> {
            calls.incrementAndGet();
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return good(Optional.empty());
        };
        CachingRevocationSource cache = CachingRevocationSource.builder(slow).clock(clock).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<RevocationStatus>> results = new ArrayList<>();
            results.add(pool.submit(() -> cache.check(STATION.certificate(), ISSUER, clock.instant())));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 7; i++) {
                results.add(pool.submit(() -> cache.check(STATION.certificate(), ISSUER, clock.instant())));
            }
            release.countDown();
            for (Future<RevocationStatus> f : results) {
                assertThat(f.get(10, TimeUnit.SECONDS).state()).isEqualTo(State.GOOD);
            }
            assertThat(calls).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void throwingDelegateIsUnknown() {
        CachingRevocationSource cache = CachingRevocationSource.builder((c, i, at) -> {
            throw new IllegalStateException("broken");
        }).clock(clock).build();
        RevocationStatus s = cache.check(STATION.certificate(), ISSUER, clock.instant());
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("IllegalStateException");
        CachingRevocationSource nulls = CachingRevocationSource.builder((c, i, at) -> null).clock(clock).build();
        assertThat(nulls.check(STATION.certificate(), ISSUER, clock.instant()).state()).isEqualTo(State.UNKNOWN);
    }

    @Test
    void configurationIsValidated() {
        Counting d = new Counting(good(Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> CachingRevocationSource.builder(d).maxTtl(Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> CachingRevocationSource.builder(d).maxEntries(0));
        assertThatIllegalArgumentException().isThrownBy(() -> CachingRevocationSource.builder(d)
                .unknownTtl(Duration.ofSeconds(-1)));
        assertThatIllegalStateException().isThrownBy(() -> CachingRevocationSource.builder(d)
                .maxTtl(Duration.ofSeconds(5)).unknownTtl(Duration.ofSeconds(6)).build());
    }

    @Test
    @Verifies({"A00.FR.702", "A00.FR.705"})
    void cachesRealOcspAnswers(@TempDir Path dir) throws Exception {
        try (OpensslOcspResponder r = OpensslOcspResponder.builder(dir, PKI.csoSubCa())
                .good(STATION.certificate()).args("-nmin", "10").start()) {
            AtomicInteger posts = new AtomicInteger();
            OcspTransport http = OcspTransport.httpClient(Duration.ofSeconds(2), Duration.ofSeconds(5));
            OcspRevocationSource ocsp = OcspRevocationSource.builder().responderUrl(r.uri())
                    .transport((uri, req, max) -> {
                        posts.incrementAndGet();
                        return http.post(uri, req, max);
                    }).build();
            Clock wall = Clock.systemUTC();
            CachingRevocationSource cache = CachingRevocationSource.builder(ocsp).clock(wall).build();
            for (int i = 0; i < 3; i++) {
                RevocationStatus s = cache.check(STATION.certificate(), ISSUER, wall.instant());
                assertThat(s.state()).as(s.detail()).isEqualTo(State.GOOD);
            }
            assertThat(posts).hasValue(1);
        }
    }
}
