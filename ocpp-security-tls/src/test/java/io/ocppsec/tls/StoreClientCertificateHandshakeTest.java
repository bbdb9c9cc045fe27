package io.ocppsec.tls;

import static io.ocppsec.tls.TlsTestSupport.CSO;
import static io.ocppsec.tls.TlsTestSupport.PKI;
import static io.ocppsec.tls.TlsTestSupport.build;
import static io.ocppsec.tls.TlsTestSupport.csms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.core.cert.OcppChainValidator;
import io.ocppsec.core.store.CertificateStorePersistence;
import io.ocppsec.core.store.KeyHandle;
import io.ocppsec.core.store.StationCertificateStore;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.MutableClock;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.TlsTestSupport.Recorder;
import io.ocppsec.tls.TlsTestSupport.Server;
import io.ocppsec.tls.TlsTestSupport.ServerResult;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A station context presenting its certificate store's active ChargingStationCertificate, over real loopback
 * handshakes: the CSMS sees the store's certificate, and after an A02/A03 renewal is installed and active, the next
 * handshake presents the new one (TLS 1.3, where a resumed session would otherwise keep the old identity).
 */
class StoreClientCertificateHandshakeTest {

    private static final CertificateSigningUse USE = CertificateSigningUse.CHARGING_STATION_CERTIFICATE;
    private static final TlsPolicy TLS13 = TlsPolicy.STATION_ECDSA.toBuilder().versions(TlsVersion.TLS_1_3).build();

    private final MutableClock clock = new MutableClock(TestPki.NOW);
    private final Recorder csmsRec = new Recorder();
    private CsmsTlsContext csms;
    private Server server;
    private StationCertificateStore store;

    @BeforeEach
    void start() throws Exception {
        csms = build(csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, csmsRec).clock(clock));
        server = Server.start(csms);
        store = StationCertificateStore.builder(CertificateStorePersistence.inMemory()).clock(clock).build();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private static TestCertificate cert(Instant notBefore) {
        return PKI.stationBuilder().validity(notBefore, TestPki.NOW.plus(Duration.ofDays(300))).build();
    }

    private void install(TestCertificate c, KeyHandle key) throws Exception {
        assertThat(store.installClientCertificate(USE, c.chain(), key,
                OcppChainValidator.forChargingStationCertificate(CSO, TestPki.CSO_NAME)).accepted()).isTrue();
    }

    private StationTlsContext station(Function<StationTlsContext.Builder, StationTlsContext.Builder> keys) {
        return build(keys.apply(StationTlsContext.forClient(SecurityProfile.TLS_CLIENT_CERTIFICATE,
                        List.of(PKI.csoRoot().certificate())).expectedHost(TestPki.CSMS_FQDN).clock(clock)
                .failureListener(new Recorder()).policy(TLS13)));
    }

    /** One connection; returns the certificate the CSMS verified. */
    private X509Certificate presented(StationTlsContext st) throws Exception {
        TlsTestSupport.roundTrip(st, server);
        ServerResult r = server.next();
        assertThat(r.ok()).as("%s", r.failure()).isTrue();
        return csms.stationIdentity(r.session()).certificate();
    }

    private void refused(StationTlsContext st) throws Exception {
        assertThatThrownBy(() -> TlsTestSupport.roundTrip(st, server)).isInstanceOf(IOException.class);
        assertThat(server.next().ok()).as("the CSMS accepted a station without a certificate").isFalse();
    }

    @Test
    @Verifies({"A00.FR.401", "A00.FR.402", "A02.FR.08"})
    void theNextHandshakeAfterAnInstalledRenewalPresentsTheNewCertificate() throws Exception {
        TestCertificate first = cert(TestPki.NOW.minus(Duration.ofDays(2)));
        install(first, KeyHandle.inMemory("cs-key-1", first.keyPair().getPrivate()));
        StationTlsContext st = station(b -> b.clientCertificateFrom(store));

        assertThat(presented(st)).isEqualTo(first.certificate());
        assertThat(presented(st)).isEqualTo(first.certificate());

        TestCertificate renewed = cert(TestPki.NOW.minus(Duration.ofHours(1)));
        install(renewed, KeyHandle.inMemory("cs-key-2", renewed.keyPair().getPrivate()));
        assertThat(store.activeCertificate(USE).orElseThrow().leaf()).isEqualTo(renewed.certificate());

        assertThat(presented(st)).isEqualTo(renewed.certificate());
        assertThat(csmsRec.failures).isEmpty();

        // Material set on the context replaces the store: a later renewal in the store is not presented.
        TestCertificate manual = PKI.station();
        st.updateClientKeyMaterial(TlsTestSupport.material(manual));
        assertThat(presented(st)).isEqualTo(manual.certificate());
        TestCertificate later = cert(TestPki.NOW.minus(Duration.ofMinutes(1)));
        install(later, KeyHandle.inMemory("cs-key-3", later.keyPair().getPrivate()));
        assertThat(presented(st)).isEqualTo(manual.certificate());
    }

    @Test
    @Verifies({"A00.FR.402", "A02.FR.08"})
    void aRenewalThatReachesItsNotBeforeIsPresentedWithoutAStoreEvent() throws Exception {
        TestCertificate first = cert(TestPki.NOW.minus(Duration.ofDays(2)));
        install(first, KeyHandle.inMemory("cs-key-1", first.keyPair().getPrivate()));
        TestCertificate future = cert(TestPki.NOW.plus(Duration.ofHours(1)));
        install(future, KeyHandle.inMemory("cs-key-2", future.keyPair().getPrivate()));
        StationTlsContext st = station(b -> b.clientCertificateFrom(store));

        assertThat(presented(st)).isEqualTo(first.certificate());
        clock.advance(Duration.ofHours(2)); // no refresh(): the store's active certificate changes by time alone
        assertThat(presented(st)).isEqualTo(future.certificate());
    }

    @Test
    @Verifies({"A00.FR.402"})
    void anExternalKeyHandleIsResolvedOnceAndPresented() throws Exception {
        TestCertificate first = cert(TestPki.NOW.minus(Duration.ofDays(2)));
        TestCertificate renewed = cert(TestPki.NOW.minus(Duration.ofHours(1)));
        // The "token": keys that never enter the store, only their aliases do.
        Map<String, PrivateKey> token = Map.of("pkcs11:cs-key-1", first.keyPair().getPrivate(),
                "pkcs11:cs-key-2", renewed.keyPair().getPrivate());
        AtomicInteger asked = new AtomicInteger();
        install(first, KeyHandle.external("pkcs11:cs-key-1"));
        StationTlsContext st = station(b -> b.clientCertificateFrom(store, handle -> {
            asked.incrementAndGet();
            return Optional.ofNullable(token.get(handle.alias()));
        }));

        assertThat(presented(st)).isEqualTo(first.certificate());
        assertThat(presented(st)).isEqualTo(first.certificate());
        install(renewed, KeyHandle.external("pkcs11:cs-key-2"));
        assertThat(presented(st)).isEqualTo(renewed.certificate());
        assertThat(asked).hasValue(2); // once per certificate, not per handshake
    }

    @Test
    @Verifies({"A00.FR.402"})
    void aNonExtractableTokenKeySignsTheHandshake() throws Exception {
        TestCertificate c = cert(TestPki.NOW.minus(Duration.ofDays(2)));
        PrivateKey tokenKey = OpaqueKeys.wrap((ECPrivateKey) c.keyPair().getPrivate());
        assertThat(tokenKey.getEncoded()).isNull();
        install(c, KeyHandle.external("pkcs11:slot-0/cs-key"));
        StationTlsContext st = station(b -> b.clientCertificateFrom(store,
                handle -> handle.alias().equals("pkcs11:slot-0/cs-key") ? Optional.of(tokenKey) : Optional.empty()));

        int before = OpaqueKeys.SIGNATURES.get();
        assertThat(presented(st)).isEqualTo(c.certificate());
        // the key-pair check when the certificate is taken from the store, then the handshake's CertificateVerify
        assertThat(OpaqueKeys.SIGNATURES.get()).as("signed by the token").isEqualTo(before + 2);
        // TLS 1.2 signs the handshake with the key too (CertificateVerify), through the same provider.
        StationTlsContext tls12 = station(b -> b.clientCertificateFrom(store, handle -> Optional.of(tokenKey))
                .policy(TlsPolicy.STATION_ECDSA.toBuilder().versions(TlsVersion.TLS_1_2).build()));
        int beforeTls12 = OpaqueKeys.SIGNATURES.get();
        assertThat(presented(tls12)).isEqualTo(c.certificate());
        assertThat(OpaqueKeys.SIGNATURES.get()).isEqualTo(beforeTls12 + 2);
    }

    @Test
    void withoutAKeyForTheHandleNoCertificateIsPresentedAndTheCsmsRefuses() throws Exception {
        TestCertificate first = cert(TestPki.NOW.minus(Duration.ofDays(2)));
        install(first, KeyHandle.external("pkcs11:cs-key-1"));
        refused(station(b -> b.clientCertificateFrom(store)));
        refused(station(b -> b.clientCertificateFrom(store, handle -> {
            throw new IllegalStateException("token not logged in");
        })));
        // A key of another certificate does not present this one.
        refused(station(b -> b.clientCertificateFrom(store,
                handle -> Optional.of(PKI.station().keyPair().getPrivate()))));
    }

    @Test
    void anEmptyStoreMeansNoCertificateAndProfile2RefusesTheOption() throws Exception {
        refused(station(b -> b.clientCertificateFrom(store)));
        assertThatThrownBy(() -> StationTlsContext.forClient(SecurityProfile.TLS_BASIC_AUTH,
                        List.of(PKI.csoRoot().certificate())).clientCertificateFrom(store).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("A00.FR.301");
        assertThatThrownBy(() -> StationTlsContext.forClient(SecurityProfile.TLS_CLIENT_CERTIFICATE,
                List.of(PKI.csoRoot().certificate())).clientCertificateFrom(null))
                .isInstanceOf(NullPointerException.class);
    }
}
