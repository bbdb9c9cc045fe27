package io.ocppsec.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.spi.RevocationStatus;
import io.ocppsec.api.spi.RevocationStatus.State;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The result cache never answers outside the window it is valid for, nor for other settings or anchors. */
class ResultCacheTest {

    static final TestPki PKI = OcppChainValidatorTest.PKI;
    static final TrustAnchors CSO = OcppChainValidatorTest.CSO;

    static OcppChainValidator.StationCertificates fresh() {
        return OcppChainValidator.forChargingStationCertificate(CSO, TestPki.CSO_NAME);
    }

    @Test
    @Verifies("A00.FR.403")
    void aCachedResultIsNotUsedOutsideTheChainsValidityWindow() {
        OcppChainValidator v = fresh();
        TestCertificate leaf = PKI.station();
        assertThat(v.validate(leaf.chain(), TestPki.NOW).result().isClean()).isTrue();
        assertThat(v.cachedResults()).isEqualTo(1);
        assertThat(v.validate(leaf.chain(), TestPki.NOW).result().isClean()).isTrue(); // from the cache
        Instant afterLeaf = leaf.certificate().getNotAfter().toInstant().plusSeconds(1);
        ValidationResult expired = v.validate(leaf.chain(), afterLeaf).result();
        assertThat(expired.isCompliant()).isFalse();
        assertThat(expired.blocking()).anySatisfy(x -> assertThat(x.found()).contains("expired"));
        Instant beforeLeaf = leaf.certificate().getNotBefore().toInstant().minusSeconds(1);
        assertThat(v.validate(leaf.chain(), beforeLeaf).isCompliant()).isFalse();
        // The last instant of the window still answers from the cache, and agrees with a cold validator.
        Instant last = leaf.certificate().getNotAfter().toInstant();
        assertThat(v.validate(leaf.chain(), last)).isEqualTo(PathEquivalenceTest.cold(v).validate(leaf.chain(), last));
    }

    @Test
    @Verifies("A00.FR.403")
    void anExpiredRootOutsideTheChainEndsTheWindow() {
        TestCertificate root = PKI.builder(PkiRole.CSO_ROOT, null).organization(TestPki.CSO_NAME)
                .commonName("Short Root").validity(TestPki.NOW.minus(Duration.ofDays(1)), TestPki.NOW.plus(Duration.ofDays(2)))
                .build();
        TestCertificate leaf = PKI.builder(PkiRole.CHARGING_STATION, root).organization(TestPki.CSO_NAME)
                .commonName(TestPki.STATION_SERIAL).build();
        OcppChainValidator v = OcppChainValidator.forChargingStationCertificate(TrustAnchors.cso(root.certificate()),
                TestPki.CSO_NAME);
        assertThat(v.validate(leaf.chain(), TestPki.NOW).result().isClean()).isTrue();
        ValidationResult later = v.validate(leaf.chain(), TestPki.NOW.plus(Duration.ofDays(3))).result();
        assertThat(later.blocking()).anySatisfy(x -> assertThat(x.found()).contains("trusted root").contains("expired"));
    }

    @Test
    @Verifies({"A00.FR.404", "A00.FR.405"})
    void aReplacementValidatorSharingTheCacheDoesNotGetAnotherSettingsResult() {
        OcppChainValidator.StationCertificates v = fresh();
        List<X509Certificate> chain = PKI.station().chain();
        assertThat(v.validate(chain, TestPki.NOW).result().isClean()).isTrue();
        // As a trust manager's update(...) would do: a copy with another expectation, sharing the caches.
        OcppChainValidator other = v.withExpectedSerialNumber("CS-9999");
        assertThat(other.validate(chain, TestPki.NOW).result().violates("A00.FR.405")).isTrue();
        OcppChainValidator otherCso = OcppChainValidator.forChargingStationCertificate(CSO, "Other CSO");
        assertThat(otherCso.validate(chain, TestPki.NOW).result().violates("A00.FR.404")).isTrue();
        OcppChainValidator foreign = OcppChainValidator.forChargingStationCertificate(
                TrustAnchors.cso(PKI.foreignRoot().certificate()), TestPki.CSO_NAME);
        assertThat(foreign.validate(chain, TestPki.NOW).result().violates("A00.FR.403")).isTrue();
        assertThat(v.validate(chain, TestPki.NOW).result().isClean()).isTrue();
    }

    @Test
    void theKeyHoldsTheAnchorsTheOptionsAndTheOrderOfTheChain() {
        ResultCache cache = new ResultCache(8);
        List<X509Certificate> chain = PKI.station().chainWithRoot();
        List<X509Certificate> reordered = List.of(chain.get(1), chain.get(0), chain.get(2));
        TrustAnchors foreign = TrustAnchors.cso(PKI.foreignRoot().certificate());
        ResultCache.Key k = cache.key(chain, CSO, "a").orElseThrow();
        assertThat(cache.key(chain, CSO, "a")).contains(k);
        assertThat(cache.key(reordered, CSO, "a").orElseThrow()).isNotEqualTo(k);
        assertThat(cache.key(chain, foreign, "a").orElseThrow()).isNotEqualTo(k);
        assertThat(cache.key(chain, CSO, "b").orElseThrow()).isNotEqualTo(k);
        assertThat(new ResultCache(0).key(chain, CSO, "a")).isEmpty();
    }

    @Test
    void theCacheIsBoundedAndCanBeTurnedOff() {
        OcppChainValidator small = fresh().toBuilder().resultCacheSize(2).build();
        for (int i = 0; i < 6; i++) {
            assertThat(small.validate(PKI.stationBuilder("CS-" + i).build().chain(), TestPki.NOW).result().isClean()).isTrue();
        }
        assertThat(small.cachedResults()).isEqualTo(2);
        OcppChainValidator off = fresh().toBuilder().resultCacheSize(0).build();
        off.validate(PKI.station().chain(), TestPki.NOW);
        assertThat(off.cachedResults()).isZero();
        assertThatThrownBy(() -> fresh().toBuilder().resultCacheSize(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Verifies({"A00.FR.702", "A00.FR.705"})
    void revocationIsAskedEvenWhenTheResultIsCached() {
        AtomicReference<State> state = new AtomicReference<>(State.GOOD);
        AtomicInteger calls = new AtomicInteger();
        OcppChainValidator v = fresh().toBuilder().clock(TestPki.CLOCK).revocationCache(Duration.ZERO, 0)
                .revocationSource((c, i, at) -> {
                    calls.incrementAndGet();
                    return new RevocationStatus(state.get(), Optional.of(TestPki.NOW), Optional.empty(),
                            state.get() == State.REVOKED ? Optional.of(TestPki.NOW) : Optional.empty(), "test");
                }).build();
        List<X509Certificate> chain = PKI.station().chain();
        assertThat(v.validate(chain).result().isClean()).isTrue();
        assertThat(v.validate(chain).result().isClean()).isTrue();
        assertThat(v.cachedResults()).isEqualTo(1);
        state.set(State.REVOKED);
        ValidationResult revoked = v.validate(chain).result();
        assertThat(revoked.isCompliant()).isFalse();
        assertThat(revoked.violates("A00.FR.705")).isTrue();
        assertThat(calls).as("leaf and sub-CA twice, then the revoked leaf, which ends the checks").hasValue(5);
        state.set(State.GOOD);
        assertThat(v.validate(chain).result().isClean()).isTrue();
    }

    @Test
    void distinctLeavesUnderOneSubCaAreEachValidatedWithoutAResultCache() {
        OcppChainValidator v = fresh().toBuilder().resultCacheSize(0).build();
        for (int i = 0; i < 5; i++) {
            assertThat(v.validate(PKI.stationBuilder("CS-" + i).build().chain(), TestPki.NOW).result().isClean()).isTrue();
        }
        assertThat(v.cachedResults()).isZero(); // nothing kept: each chain went through the full validation
    }
}
