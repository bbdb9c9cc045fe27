package io.ocppsec.core.store;

import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.MutableClock;
import io.ocppsec.testpki.PkiRole;
import static io.ocppsec.api.message.CertificateSigningUse.CHARGING_STATION_CERTIFICATE;
import static io.ocppsec.api.message.CertificateSigningUse.V2G_CERTIFICATE;
import static io.ocppsec.core.store.StoreFixtures.PKI;
import static io.ocppsec.core.store.StoreFixtures.csoChain;
import static io.ocppsec.core.store.StoreFixtures.key;
import static io.ocppsec.core.store.StoreFixtures.station;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DisplayName;

/** Clock-driven tests of certificate selection, fallback and renewal (A02/A03). */
class StationCertificateStoreTest {

    private static final Instant T0 = TestPki.NOW;
    private final MutableClock clock = new MutableClock(T0);

    private StationCertificateStore newStore() throws CertificateStoreException {
        return StationCertificateStore.builder(CertificateStorePersistence.inMemory()).clock(clock).build();
    }

    private static void install(StationCertificateStore s, CertificateSigningUse use, TestCertificate c)
            throws CertificateStoreException {
        assertThat(s.installClientCertificate(use, c.chain(), key(c), csoChain()).accepted()).isTrue();
    }

    @Test
    @DisplayName("TC_A_xx-like: a certificate with a future notBefore is stored and used from that instant on")
    @Verifies({"A02.FR.08", "A03.FR.08"})
    void switchesToNewCertificateOnceNotBeforeHasPassed() throws Exception {
        StationCertificateStore store = newStore();
        TestCertificate current = station(T0.minus(Duration.ofDays(300)), 400);
        TestCertificate next = station(T0.plus(Duration.ofDays(10)), 400);
        install(store, CHARGING_STATION_CERTIFICATE, current);
        install(store, CHARGING_STATION_CERTIFICATE, next);
        List<String> events = new ArrayList<>();
        store.addListener((use, active) -> events.add(use.ocppValue() + "->"
                + active.map(a -> a.leaf().getSerialNumber().toString(16)).orElse("none")));
        Supplier<Optional<StationCertificate>> tls = store.activeCertificateSupplier(CHARGING_STATION_CERTIFICATE);

        assertThat(tls.get().orElseThrow().leaf()).isEqualTo(current.certificate());
        assertThat(store.nextChangeAt(CHARGING_STATION_CERTIFICATE)).contains(next.certificate().getNotBefore().toInstant());

        clock.set(next.certificate().getNotBefore().toInstant().minusSeconds(1));
        assertThat(tls.get().orElseThrow().leaf()).isEqualTo(current.certificate());
        store.refresh();
        assertThat(events).isEmpty();

        clock.set(next.certificate().getNotBefore().toInstant());
        assertThat(tls.get().orElseThrow().leaf()).as("supplier follows the clock without refresh")
                .isEqualTo(next.certificate());
        store.refresh();
        assertThat(events).containsExactly("ChargingStationCertificate->" + next.certificate().getSerialNumber().toString(16));
        assertThat(store.fallbackCertificate(CHARGING_STATION_CERTIFICATE).orElseThrow().leaf())
                .isEqualTo(current.certificate());
    }

    @Test
    @Verifies({"A02.FR.09", "A03.FR.09"})
    void newestValidCertificateByNotBeforeWinsWhateverTheInstallOrder() throws Exception {
        StationCertificateStore store = newStore();
        TestCertificate a = station(T0.minus(Duration.ofDays(30)), 400);
        TestCertificate b = station(T0.minus(Duration.ofDays(2)), 400);   // newest valid
        TestCertificate c = station(T0.minus(Duration.ofDays(10)), 400);
        TestCertificate future = station(T0.plus(Duration.ofDays(5)), 400);
        TestCertificate expired = station(T0.minus(Duration.ofDays(400)), 399);
        install(store, CHARGING_STATION_CERTIFICATE, b);
        install(store, CHARGING_STATION_CERTIFICATE, future);
        install(store, CHARGING_STATION_CERTIFICATE, a);
        install(store, CHARGING_STATION_CERTIFICATE, c);
        assertThat(store.installClientCertificate(CHARGING_STATION_CERTIFICATE, expired.chain(), key(expired),
                (ch, at) -> io.ocppsec.core.cert.ChainValidationResult.of(ch, io.ocppsec.api.requirement.ValidationResult.compliant())).accepted())
                .as("an expired leaf is refused by the store itself").isFalse();

        assertThat(store.activeCertificate(CHARGING_STATION_CERTIFICATE).orElseThrow().leaf()).isEqualTo(b.certificate());
        assertThat(store.fallbackCertificate(CHARGING_STATION_CERTIFICATE).orElseThrow().leaf()).isEqualTo(c.certificate());
        assertThat(store.activeCertificate(V2G_CERTIFICATE)).isEmpty();
        assertThat(store.clientCertificates(CHARGING_STATION_CERTIFICATE)).hasSize(4);
    }

    @Test
    @Verifies({"A02.FR.09", "A03.FR.09"})
    void equalNotBeforeIsDecidedByTheLaterInstallation() throws Exception {
        StationCertificateStore store = newStore();
        Instant nb = T0.minus(Duration.ofDays(1));
        TestCertificate first = station(nb, 100);
        TestCertificate second = station(nb, 100);
        install(store, CHARGING_STATION_CERTIFICATE, first);
        clock.advance(Duration.ofMinutes(1));
        install(store, CHARGING_STATION_CERTIFICATE, second);
        assertThat(store.activeCertificate(CHARGING_STATION_CERTIFICATE).orElseThrow().leaf()).isEqualTo(second.certificate());
    }

    @Test
    @Verifies({"A02.FR.15", "A03.FR.15"})
    void v2gCertificatesCompetePerRoot() throws Exception {
        StationCertificateStore store = newStore();
        TestCertificate oldA = station(T0.minus(Duration.ofDays(20)), 400);
        TestCertificate newA = station(T0.minus(Duration.ofDays(5)), 400);
        // A second root with its own name (the test PKI's foreign root shares the CSO root's name).
        TestCertificate otherRoot = PKI.builder(PkiRole.CSO_ROOT, null).organization("V2G Root Org")
                .commonName("V2G Root").validity(T0.minus(Duration.ofDays(30)), T0.plus(Duration.ofDays(900))).build();
        TestCertificate otherLeaf = PKI.builder(PkiRole.CHARGING_STATION, otherRoot)
                .organization(TestPki.CSO_NAME).commonName(TestPki.STATION_SERIAL)
                .validity(T0.minus(Duration.ofDays(10)), T0.plus(Duration.ofDays(100))).build();
        io.ocppsec.core.cert.ChainValidator any = (ch, at) -> io.ocppsec.core.cert.ChainValidationResult.of(ch, io.ocppsec.api.requirement.ValidationResult.compliant());
        store.installClientCertificate(V2G_CERTIFICATE, oldA.chain(), key(oldA), any);
        store.installClientCertificate(V2G_CERTIFICATE, newA.chain(), key(newA), any);
        store.installClientCertificate(V2G_CERTIFICATE, otherLeaf.chainWithRoot(), key(otherLeaf), any);

        List<StationCertificate> perRoot = store.activeCertificatesPerRoot(V2G_CERTIFICATE);
        assertThat(perRoot).extracting(StationCertificate::leaf)
                .containsExactly(newA.certificate(), otherLeaf.certificate());
        assertThat(store.activeCertificate(V2G_CERTIFICATE).orElseThrow().leaf()).isEqualTo(newA.certificate());
        assertThat(store.fallbackCertificate(V2G_CERTIFICATE).orElseThrow().leaf())
                .as("fallback comes from the same root").isEqualTo(oldA.certificate());
        assertThat(store.activeCertificate(CHARGING_STATION_CERTIFICATE)).as("uses are separate").isEmpty();
    }

    @Test
    @Verifies({"A02.FR.10", "A03.FR.10"})
    void olderCertificateIsKeptAsFallbackForThePeriodAfterConfirmationThenDiscarded() throws Exception {
        StationCertificateStore store = StationCertificateStore.builder(CertificateStorePersistence.inMemory())
                .clock(clock).build();   // default fallback period: 30 days
        TestCertificate old = station(T0.minus(Duration.ofDays(300)), 700);
        TestCertificate fresh = station(T0.minus(Duration.ofDays(1)), 700);
        install(store, CHARGING_STATION_CERTIFICATE, old);
        install(store, CHARGING_STATION_CERTIFICATE, fresh);

        clock.advance(Duration.ofDays(90));
        store.refresh();
        assertThat(store.clientCertificates(CHARGING_STATION_CERTIFICATE)).as("not confirmed: old one kept").hasSize(2);

        store.confirmWorking(CHARGING_STATION_CERTIFICATE);
        Instant confirmed = clock.instant();
        assertThat(store.activeCertificate(CHARGING_STATION_CERTIFICATE).orElseThrow().confirmedWorkingAt()).contains(confirmed);
        assertThat(store.nextChangeAt(CHARGING_STATION_CERTIFICATE)).contains(confirmed.plus(Duration.ofDays(30)));

        clock.set(confirmed.plus(Duration.ofDays(30)).minusSeconds(1));
        store.refresh();
        assertThat(store.fallbackCertificate(CHARGING_STATION_CERTIFICATE).orElseThrow().leaf()).isEqualTo(old.certificate());

        clock.set(confirmed.plus(Duration.ofDays(30)));
        store.refresh();
        assertThat(store.clientCertificates(CHARGING_STATION_CERTIFICATE)).extracting(StationCertificate::leaf)
                .containsExactly(fresh.certificate());
        assertThat(store.fallbackCertificate(CHARGING_STATION_CERTIFICATE)).isEmpty();
    }

    @Test
    @Verifies({"A02.FR.10", "A03.FR.10"})
    void configurableFallbackPeriodAndConfirmationIsIdempotent() throws Exception {
        StationCertificateStore store = StationCertificateStore.builder(CertificateStorePersistence.inMemory())
                .clock(clock).fallbackPeriod(Duration.ofDays(7)).build();
        TestCertificate old = station(T0.minus(Duration.ofDays(300)), 700);
        TestCertificate fresh = station(T0.minus(Duration.ofDays(1)), 700);
        install(store, CHARGING_STATION_CERTIFICATE, old);
        install(store, CHARGING_STATION_CERTIFICATE, fresh);
        store.confirmWorking(CHARGING_STATION_CERTIFICATE);
        clock.advance(Duration.ofDays(3));
        store.confirmWorking(CHARGING_STATION_CERTIFICATE);   // must not restart the period
        clock.advance(Duration.ofDays(4));
        store.refresh();
        assertThat(store.clientCertificates(CHARGING_STATION_CERTIFICATE)).hasSize(1);
    }

    @Test
    void expiredCertificatesArePrunedAndNothingIsActiveAfterExpiry() throws Exception {
        StationCertificateStore store = newStore();
        TestCertificate c = station(T0.minus(Duration.ofDays(1)), 10);
        install(store, CHARGING_STATION_CERTIFICATE, c);
        List<Optional<StationCertificate>> seen = new ArrayList<>();
        store.addListener((use, active) -> seen.add(active));
        clock.set(c.certificate().getNotAfter().toInstant().plusSeconds(1));
        assertThat(store.hasValidClientCertificate(CHARGING_STATION_CERTIFICATE)).isFalse();
        store.refresh();
        assertThat(store.clientCertificates(CHARGING_STATION_CERTIFICATE)).isEmpty();
        assertThat(seen).containsExactly(Optional.empty());
    }

    @Test
    @DisplayName("A03 trigger: renewal is due once the certificate expires within the window (one month by default)")
    @Verifies("A03.FR.02")
    void renewalDueWithinOneMonthOfExpiry() throws Exception {
        StationCertificateStore store = newStore();
        assertThat(store.renewalDue(CHARGING_STATION_CERTIFICATE)).as("nothing stored: A02 is the way in").isFalse();
        TestCertificate c = station(T0.minus(Duration.ofDays(300)), 360);   // expires at T0 + 60 days
        install(store, CHARGING_STATION_CERTIFICATE, c);
        Instant notAfter = c.certificate().getNotAfter().toInstant();
        assertThat(store.renewalDueAt(CHARGING_STATION_CERTIFICATE)).contains(notAfter.minus(Duration.ofDays(30)));
        assertThat(store.renewalDue(CHARGING_STATION_CERTIFICATE)).isFalse();

        clock.set(notAfter.minus(Duration.ofDays(30)).minusSeconds(1));
        assertThat(store.renewalDue(CHARGING_STATION_CERTIFICATE)).isFalse();
        clock.set(notAfter.minus(Duration.ofDays(30)));
        assertThat(store.renewalDue(CHARGING_STATION_CERTIFICATE)).isTrue();
        assertThat(store.renewalDue(V2G_CERTIFICATE)).isFalse();

        TestCertificate renewed = station(clock.instant().plus(Duration.ofDays(1)), 365);  // not yet valid
        install(store, CHARGING_STATION_CERTIFICATE, renewed);
        assertThat(store.renewalDue(CHARGING_STATION_CERTIFICATE)).as("a renewed certificate is stored").isFalse();
    }

    @Test
    @Verifies("A03.FR.02")
    void renewalWindowIsConfigurable() throws Exception {
        StationCertificateStore store = StationCertificateStore.builder(CertificateStorePersistence.inMemory())
                .clock(clock).renewalWindow(Duration.ofDays(90)).build();
        install(store, CHARGING_STATION_CERTIFICATE, station(T0.minus(Duration.ofDays(300)), 360));
        assertThat(store.renewalDue(CHARGING_STATION_CERTIFICATE)).isTrue();
        assertThatThrownBy(() -> StationCertificateStore.builder(CertificateStorePersistence.inMemory())
                .renewalWindow(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StationCertificateStore.builder(CertificateStorePersistence.inMemory())
                .fallbackPeriod(Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validatorRejectionDiscardsTheCertificateAndReportsEveryViolation() throws Exception {
        StationCertificateStore store = newStore();
        TestCertificate foreign = PKI.station(TestPki.Defect.FOREIGN_ROOT);
        ClientInstallResult r = store.installClientCertificate(CHARGING_STATION_CERTIFICATE, foreign.chain(),
                key(foreign), csoChain());
        assertThat(r.accepted()).isFalse();
        assertThat(r.ocppStatus()).isEqualTo("Rejected");
        assertThat(r.validation().violations()).isNotEmpty();
        assertThat(store.size()).isZero();
        assertThat(store.installClientCertificate(CHARGING_STATION_CERTIFICATE, List.of(), key(foreign), csoChain())
                .accepted()).isFalse();
    }

    @Test
    void validatorIsAskedAtNotBeforeForAFutureCertificate() throws Exception {
        StationCertificateStore store = newStore();
        TestCertificate future = station(T0.plus(Duration.ofDays(3)), 100);
        List<Instant> asked = new ArrayList<>();
        store.installClientCertificate(CHARGING_STATION_CERTIFICATE, future.chain(), key(future), (ch, at) -> {
            asked.add(at);
            return csoChain().validate(ch, at);
        });
        assertThat(asked).containsExactly(future.certificate().getNotBefore().toInstant());
    }

    @Test
    void failedPersistenceLeavesTheVisibleStateUnchanged() throws Exception {
        CertificateStorePersistence failing = new CertificateStorePersistence() {
            @Override
            public Optional<StoreSnapshot> load() {
                return Optional.empty();
            }

            @Override
            public void save(StoreSnapshot snapshot) throws CertificateStoreException {
                throw new CertificateStoreException(CertificateStoreException.Reason.IO, "disk full");
            }
        };
        StationCertificateStore store = StationCertificateStore.builder(failing).clock(clock).build();
        TestCertificate c = station(T0.minus(Duration.ofDays(1)), 100);
        assertThatThrownBy(() -> store.installClientCertificate(CHARGING_STATION_CERTIFICATE, c.chain(), key(c), csoChain()))
                .isInstanceOf(CertificateStoreException.class);
        assertThat(store.size()).isZero();
        assertThat(store.activeCertificate(CHARGING_STATION_CERTIFICATE)).isEmpty();
    }

    @Test
    void reinstallingTheSameCertificateChangesNothing() throws Exception {
        StationCertificateStore store = newStore();
        TestCertificate c = station(T0.minus(Duration.ofDays(1)), 100);
        install(store, CHARGING_STATION_CERTIFICATE, c);
        install(store, CHARGING_STATION_CERTIFICATE, c);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void listenerFailureDoesNotBreakTheStore() throws Exception {
        StationCertificateStore store = newStore();
        store.addListener((u, a) -> {
            throw new IllegalStateException("listener bug");
        });
        List<CertificateSigningUse> calls = new ArrayList<>();
        ActiveCertificateListener second = (u, a) -> calls.add(u);
        store.addListener(second);
        install(store, CHARGING_STATION_CERTIFICATE, station(T0.minus(Duration.ofDays(1)), 100));
        assertThat(calls).containsExactly(CHARGING_STATION_CERTIFICATE);
        store.removeListener(second);
        install(store, V2G_CERTIFICATE, station(T0.minus(Duration.ofDays(1)), 100));
        assertThat(calls).hasSize(1);
    }

    @Test
    void toStringNeverShowsKeyMaterial() throws Exception {
        StationCertificateStore store = newStore();
        TestCertificate c = station(T0.minus(Duration.ofDays(1)), 100);
        install(store, CHARGING_STATION_CERTIFICATE, c);
        StationCertificate sc = store.activeCertificate(CHARGING_STATION_CERTIFICATE).orElseThrow();
        String encoded = java.util.Base64.getEncoder().encodeToString(c.keyPair().getPrivate().getEncoded());
        String hex = java.util.HexFormat.of().formatHex(c.keyPair().getPrivate().getEncoded());
        for (String s : List.of(sc.toString(), sc.key().toString(), store.toString(), store.snapshot().toString())) {
            assertThat(s).doesNotContain(encoded.substring(20, 60)).doesNotContain(hex.substring(40, 100))
                    .doesNotContainIgnoringCase("BEGIN PRIVATE KEY");
        }
        assertThat(sc.key()).isNotInstanceOf(java.io.Serializable.class);
        assertThat(sc.key().toString()).contains("redacted");
        assertThatThrownBy(() -> KeyHandle.external(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyHandle.external("a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyHandle.external("x".repeat(257))).isInstanceOf(IllegalArgumentException.class);
        assertThat(KeyHandle.external("hsm:1")).isEqualTo(KeyHandle.external("hsm:1"));
        assertThat(KeyHandle.external("hsm:1").privateKey()).isEmpty();
    }
}
