package io.ocppsec.core.cert;

import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.spi.RevocationSource;
import io.ocppsec.api.spi.RevocationStatus;
import io.ocppsec.api.spi.RevocationStatus.State;
import io.ocppsec.core.revocation.CachingRevocationSource;
import io.ocppsec.testpki.TestPki;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@Verifies({"A00.FR.702", "A00.FR.705"})
class RevocationIntegrationTest {

    private static final TestPki PKI = OcppChainValidatorTest.PKI;


    private static RevocationStatus good(Optional<Instant> nextUpdate) {
        return new RevocationStatus(State.GOOD, Optional.of(TestPki.NOW), nextUpdate, Optional.empty(), "ok");
    }

    private static OcppChainValidator validator(RevocationSource source, Clock clock) {
        return OcppChainValidator.forChargingStationCertificate(OcppChainValidatorTest.CSO, TestPki.CSO_NAME).toBuilder()
                .clock(clock).revocationSource(source).build();
    }

    /** A source that is asked about the leaf only (it covers no CA certificate). */
    static RevocationSource leafOnly(RevocationSource s) {
        return new RevocationSource() {
            @Override
            public RevocationStatus check(java.security.cert.X509Certificate c, java.security.cert.X509Certificate i,
                                          Instant at) {
                return s.check(c, i, at);
            }

            @Override
            public boolean answersFor(java.security.cert.X509Certificate certificate) {
                return false;
            }
        };
    }

    @Test
    @Verifies({"A00.FR.702", "A00.FR.705"})
    void goodIsAcceptedAndEveryCertificateOfThePathIsAskedWithItsIssuer() {
        java.util.List<java.util.List<java.security.cert.X509Certificate>> asked = new java.util.ArrayList<>();
        OcppChainValidator v = validator((c, i, at) -> {
            asked.add(java.util.List.of(c, i));
            return good(Optional.empty());
        }, TestPki.CLOCK);
        assertThat(v.validate(PKI.station().chain()).result().isClean()).isTrue();
        assertThat(asked).containsExactly(
                java.util.List.of(PKI.station().certificate(), PKI.csoSubCa().certificate()),
                java.util.List.of(PKI.csoSubCa().certificate(), PKI.csoRoot().certificate()));
    }

    @Test
    void revokedIsRefused() {
        OcppChainValidator v = validator((c, i, at) -> new RevocationStatus(State.REVOKED, Optional.empty(),
                Optional.empty(), Optional.of(TestPki.NOW.minusSeconds(60)), "keyCompromise"), TestPki.CLOCK);
        ValidationResult r = v.validate(PKI.station().chain()).result();
        assertThat(r.blocking()).singleElement().satisfies(x -> {
            assertThat(x.requirement().value()).isEqualTo("A00.FR.705");
            assertThat(x.found()).contains("revoked").contains("keyCompromise");
            assertThat(x.chainIndex()).hasValue(0);
        });
    }

    @Test
    void unknownFailsClosedByDefault() {
        OcppChainValidator v = validator((c, i, at) -> RevocationStatus.unknown("responder unreachable"), TestPki.CLOCK);
        ValidationResult r = v.validate(PKI.station().chain()).result();
        assertThat(r.isCompliant()).isFalse();
        assertThat(r.blocking().get(0).requirement().value()).isEqualTo("A00.FR.705");
        assertThat(r.blocking().get(0).found()).contains("responder unreachable");
    }

    @Test
    void unknownIsAdvisoryWhenFailingOpen() {
        OcppChainValidator v = validator((c, i, at) -> RevocationStatus.unknown("timeout"), TestPki.CLOCK).toBuilder()
                .revocationFailurePolicy(RevocationFailurePolicy.FAIL_OPEN).build();
        ValidationResult r = v.validate(PKI.station().chain()).result();
        assertThat(r.isCompliant()).isTrue();
        assertThat(r.advisory()).hasSize(2).allSatisfy(x -> {
            assertThat(x.requirement().value()).isEqualTo("A00.FR.702");
            assertThat(x.level()).isEqualTo(RequirementLevel.SHOULD);
        });
        assertThat(r.advisory()).extracting(x -> x.chainIndex().getAsInt()).containsExactly(0, 1);
    }

    @Test
    void throwingOrNullOrStaleSourceFailsClosed() {
        assertThat(validator((c, i, at) -> {
            throw new IllegalStateException("boom");
        }, TestPki.CLOCK).validate(PKI.station().chain()).result().violates("A00.FR.705")).isTrue();
        assertThat(validator((c, i, at) -> null, TestPki.CLOCK).validate(PKI.station().chain()).result().violates("A00.FR.705"))
                .isTrue();
        ValidationResult stale = validator((c, i, at) -> good(Optional.of(TestPki.NOW.minusSeconds(1))), TestPki.CLOCK)
                .validate(PKI.station().chain()).result();
        assertThat(stale.blocking()).singleElement().satisfies(x -> assertThat(x.found()).contains("stale"));
    }

    @Test
    void sourceIsNotAskedWhenThePathIsAlreadyInvalid() {
        AtomicInteger calls = new AtomicInteger();
        OcppChainValidator v = validator((c, i, at) -> {
            calls.incrementAndGet();
            return good(Optional.empty());
        }, TestPki.CLOCK);
        assertThat(v.validate(PKI.station(TestPki.Defect.EXPIRED).chain()).isCompliant()).isFalse();
        assertThat(v.validate(PKI.station(TestPki.Defect.FOREIGN_ROOT).chain()).isCompliant()).isFalse();
        assertThat(calls).hasValue(0);
    }

    @Test
    void cacheHonoursNextUpdateAndTtl() {
        MutableClock clock = new MutableClock(TestPki.NOW);
        AtomicInteger calls = new AtomicInteger();
        OcppChainValidator v = validator(leafOnly((c, i, at) -> {
            calls.incrementAndGet();
            return good(Optional.of(clock.instant().plus(Duration.ofMinutes(2))));
        }), clock);
        v.validate(PKI.station().chain());
        v.validate(PKI.station().chain());
        assertThat(calls).hasValue(1);
        clock.advance(Duration.ofSeconds(119));
        v.validate(PKI.station().chain());
        assertThat(calls).hasValue(1);
        clock.advance(Duration.ofSeconds(1)); // nextUpdate reached
        v.validate(PKI.station().chain());
        assertThat(calls).hasValue(2);

        // Without nextUpdate the configured TTL bounds the cache.
        AtomicInteger calls2 = new AtomicInteger();
        OcppChainValidator ttl = validator(leafOnly((c, i, at) -> {
            calls2.incrementAndGet();
            return good(Optional.empty());
        }), clock).toBuilder().revocationCache(Duration.ofMinutes(1), 100).build();
        ttl.validate(PKI.station().chain());
        clock.advance(Duration.ofSeconds(59));
        ttl.validate(PKI.station().chain());
        assertThat(calls2).hasValue(1);
        clock.advance(Duration.ofSeconds(2));
        ttl.validate(PKI.station().chain());
        assertThat(calls2).hasValue(2);
    }

    @Test
    void revokedIsCachedButUnknownIsAskedAgain() {
        MutableClock clock = new MutableClock(TestPki.NOW);
        AtomicInteger calls = new AtomicInteger();
        OcppChainValidator unknown = validator((c, i, at) -> {
            calls.incrementAndGet();
            return RevocationStatus.unknown("down");
        }, clock);
        unknown.validate(PKI.station().chain());
        unknown.validate(PKI.station().chain());
        assertThat(calls).hasValue(2);
        AtomicInteger revokedCalls = new AtomicInteger();
        OcppChainValidator revoked = validator((c, i, at) -> {
            revokedCalls.incrementAndGet();
            return new RevocationStatus(State.REVOKED, Optional.empty(), Optional.empty(),
                    Optional.of(TestPki.NOW), "removed");
        }, clock);
        assertThat(revoked.validate(PKI.station().chain()).isCompliant()).isFalse();
        assertThat(revoked.validate(PKI.station().chain()).isCompliant()).isFalse();
        assertThat(revokedCalls).hasValue(1);
    }

    @Test
    @Verifies({"A00.FR.702", "A00.FR.705"})
    void aRevokedSubCaIsRefusedAtItsReceivedIndex() {
        OcppChainValidator v = validator((c, i, at) -> c.equals(PKI.csoSubCa().certificate())
                ? new RevocationStatus(State.REVOKED, Optional.empty(), Optional.empty(),
                        Optional.of(TestPki.NOW.minusSeconds(3600)), "cACompromise")
                : good(Optional.empty()), TestPki.CLOCK);
        ValidationResult r = v.validate(PKI.station().chain()).result();
        assertThat(r.blocking()).singleElement().satisfies(x -> {
            assertThat(x.requirement().value()).isEqualTo("A00.FR.705");
            assertThat(x.found()).startsWith("CA certificate 'CN=Example CSO Sub-CA,O=Example CSO' revoked at")
                    .contains("cACompromise");
            assertThat(x.chainIndex()).hasValue(1);
        });
        // The sub-CA's status holds for every station below it: a chain received in another order too.
        OcppChainValidator any = v.toBuilder().chainOrder(ChainOrder.ANY).build();
        assertThat(any.validate(java.util.List.of(PKI.csoSubCa().certificate(), PKI.station().certificate()))
                .result().blocking()).singleElement().satisfies(x -> assertThat(x.chainIndex()).hasValue(0));
    }

    @Test
    @Verifies("A00.FR.705")
    void anUnknownSubCaFailsClosedAndTheChecksStopAtTheFirstRefusal() {
        java.util.List<java.security.cert.X509Certificate> asked = new java.util.ArrayList<>();
        OcppChainValidator v = validator((c, i, at) -> {
            asked.add(c);
            return c.equals(PKI.csoSubCa().certificate()) ? RevocationStatus.unknown("CA responder down")
                    : good(Optional.empty());
        }, TestPki.CLOCK);
        ValidationResult r = v.validate(PKI.station().chain()).result();
        assertThat(r.blocking()).singleElement().satisfies(x -> {
            assertThat(x.found()).contains("of CA certificate", "CA responder down");
            assertThat(x.chainIndex()).hasValue(1);
        });
        asked.clear();
        OcppChainValidator revokedLeaf = validator((c, i, at) -> {
            asked.add(c);
            return new RevocationStatus(State.REVOKED, Optional.empty(), Optional.empty(), Optional.of(TestPki.NOW),
                    "keyCompromise");
        }, TestPki.CLOCK);
        assertThat(revokedLeaf.validate(PKI.station().chain()).result().violates("A00.FR.705")).isTrue();
        assertThat(asked).as("one refusal decides; the sub-CA is not asked").containsExactly(PKI.station().certificate());
    }

    @Test
    @Verifies("A00.FR.702")
    void aCaTheSourceDoesNotAnswerForIsNotAsked() {
        java.util.List<java.security.cert.X509Certificate> asked = new java.util.ArrayList<>();
        OcppChainValidator v = validator(leafOnly((c, i, at) -> {
            asked.add(c);
            return good(Optional.empty());
        }), TestPki.CLOCK);
        assertThat(v.validate(PKI.station().chain()).result().isClean()).isTrue();
        assertThat(asked).containsExactly(PKI.station().certificate());
        // A source whose answersFor throws is asked anyway (and its answer follows the policy).
        OcppChainValidator odd = validator(new RevocationSource() {
            @Override
            public RevocationStatus check(java.security.cert.X509Certificate c, java.security.cert.X509Certificate i,
                                          Instant at) {
                return c.equals(PKI.csoSubCa().certificate()) ? RevocationStatus.unknown("asked") : good(Optional.empty());
            }

            @Override
            public boolean answersFor(java.security.cert.X509Certificate certificate) {
                throw new IllegalStateException("broken");
            }
        }, TestPki.CLOCK);
        assertThat(odd.validate(PKI.station().chain()).result().describe()).contains("asked");
    }

    @Test
    void aCachingSourceIsTheOnlyCacheAndItsSettingsApply() {
        MutableClock clock = new MutableClock(TestPki.NOW);
        AtomicInteger calls = new AtomicInteger();
        CachingRevocationSource cached = CachingRevocationSource.builder(leafOnly((c, i, at) -> {
            calls.incrementAndGet();
            return good(Optional.empty());
        })).clock(clock).maxTtl(Duration.ofSeconds(30)).unknownTtl(Duration.ZERO).build();
        // The validator's own default (5 minutes) would keep the answer longer: it must not stack on top.
        OcppChainValidator v = validator(cached, clock);
        assertThat(v.validate(PKI.station().chain()).isCompliant()).isTrue();
        clock.advance(Duration.ofSeconds(29));
        assertThat(v.validate(PKI.station().chain()).isCompliant()).isTrue();
        assertThat(calls).hasValue(1);
        clock.advance(Duration.ofSeconds(2));
        assertThat(v.validate(PKI.station().chain()).isCompliant()).isTrue();
        assertThat(calls).hasValue(2);
        assertThat(cached.size()).isEqualTo(1);
    }

    @Test
    void revocationCacheOfZeroAsksEveryTime() {
        AtomicInteger calls = new AtomicInteger();
        OcppChainValidator v = validator(leafOnly((c, i, at) -> {
            calls.incrementAndGet();
            return good(Optional.empty());
        }), TestPki.CLOCK).toBuilder().revocationCache(Duration.ofMinutes(5), 0).build();
        v.validate(PKI.station().chain());
        v.validate(PKI.station().chain());
        OcppChainValidator noTtl = v.toBuilder().revocationCache(Duration.ZERO, 100).build();
        noTtl.validate(PKI.station().chain());
        noTtl.validate(PKI.station().chain());
        assertThat(calls).hasValue(4);
    }
}
