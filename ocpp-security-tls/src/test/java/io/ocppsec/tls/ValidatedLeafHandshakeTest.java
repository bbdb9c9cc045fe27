package io.ocppsec.tls;

import static io.ocppsec.tls.ForgedChainHandshakeTest.violatesAt;
import static io.ocppsec.tls.TlsTestSupport.CSO;
import static io.ocppsec.tls.TlsTestSupport.PKI;
import static io.ocppsec.tls.TlsTestSupport.TIMEOUT;
import static io.ocppsec.tls.TlsTestSupport.build;
import static io.ocppsec.tls.TlsTestSupport.material;
import static io.ocppsec.tls.TlsTestSupport.station;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.cert.CertificateBindingRegistry;
import io.ocppsec.core.cert.ChainOrder;
import io.ocppsec.core.cert.ChainValidationResult;
import io.ocppsec.core.cert.ChainValidator;
import io.ocppsec.core.cert.OcppChainValidator;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.ForgedChain;
import io.ocppsec.testpki.MutableClock;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.TlsTestSupport.Recorder;
import io.ocppsec.tls.TlsTestSupport.Server;
import io.ocppsec.tls.TlsTestSupport.ServerResult;
import io.ocppsec.tls.internal.ReloadableTrustManager;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The trust managers use the certificate the validator validated, and refuse a validator result whose leaf is not
 * the peer's first certificate (the one whose key the handshake proves), whichever {@link ChainValidator} is plugged
 * in (a custom one, or an {@link OcppChainValidator} built with {@link ChainOrder#ANY}, the old leaf choice); the
 * OCPP validator refuses a CA certificate as the peer's own; {@link CsmsTlsContext#stationIdentity} re-validates a
 * session whose marker is stale (same session later, or a resumed TLS 1.3 session) with the same checks.
 */
class ValidatedLeafHandshakeTest {

    /** Compliant, but for the chain minus its first certificate: a validator that picked another leaf. */
    static final ChainValidator SKIPS_THE_FIRST = (chain, at) ->
            ChainValidationResult.of(chain.subList(1, chain.size()), ValidationResult.compliant());

    private static CsmsTlsContext csmsValidatingWith(ChainValidator v, Recorder rec) {
        return build(CsmsTlsContext.forServer(SecurityProfile.TLS_CLIENT_CERTIFICATE,
                        List.of(material(PKI.csmsEc()), material(PKI.csmsRsa())))
                .clock(TestPki.CLOCK).failureListener(rec).stationCertificateValidator(v));
    }

    private static StationTlsContext stationPresenting(TlsKeyMaterial m) {
        return build(station(SecurityProfile.TLS_CLIENT_CERTIFICATE, new Recorder()).clientKeyMaterial(m));
    }

    private static TlsFailure csmsRefuses(CsmsTlsContext ctx, TlsKeyMaterial presented, Recorder rec) throws Exception {
        try (Server s = Server.start(ctx)) {
            return TlsTestSupport.csmsRefuses(stationPresenting(presented), s, rec);
        }
    }

    private static TlsFailure stationRefuses(SecurityProfile profile, ChainValidator v, TlsKeyMaterial served)
            throws Exception {
        CsmsTlsContext.Builder b = CsmsTlsContext.forServer(profile, List.of(served)).clock(TestPki.CLOCK)
                .failureListener(new Recorder());
        if (profile.requiresClientCertificate()) {
            b.stationCertificates(CSO, TestPki.CSO_NAME);
        }
        Recorder rec = new Recorder();
        StationTlsContext st = build(station(profile, rec).chainValidator(v));
        try (Server s = Server.start(build(b))) {
            assertThatThrownBy(() -> st.connect(s.address(), TIMEOUT)).isInstanceOf(OcppTlsHandshakeException.class);
            assertThat(s.next().ok()).isFalse();
        }
        assertThat(rec.failures).hasSize(1);
        TlsFailure f = rec.failures.get(0);
        assertThat(f.endpoint()).isEqualTo(TlsFailure.Endpoint.CHARGING_STATION);
        assertThat(f.kind()).isEqualTo(TlsFailure.Kind.INVALID_PEER_CERTIFICATE);
        assertThat(f.toSecurityEvent().orElseThrow().type()).isEqualTo(SecurityEventType.INVALID_CSMS_CERTIFICATE);
        return f;
    }

    // ---- CSMS side ----

    @Test
    @Verifies({"A00.FR.403", "A00.FR.407", "A00.FR.408"})
    void csmsRefusesAValidatorResultForTheSubCaInsteadOfTheStation() throws Exception {
        Recorder rec = new Recorder();
        TlsFailure f = csmsRefuses(csmsValidatingWith(SKIPS_THE_FIRST, rec), material(PKI.station()), rec);

        assertThat(violatesAt(f.violations(), "A00.FR.403", 0)).as(f.violations().describe()).isTrue();
        assertThat(f.violations().describe()).contains("instead of the peer's own", "certificate #1");
    }

    @Test
    @Verifies({"A00.FR.403", "A00.FR.407", "A00.FR.408"})
    void aValidatorThatThrowsRefusesTheHandshakeAndTheFailureIsReported() throws Exception {
        Recorder rec = new Recorder();
        TlsFailure f = csmsRefuses(csmsValidatingWith((chain, at) -> {
            throw new IllegalStateException("validator bug");
        }, rec), material(PKI.station()), rec);
        assertThat(f.violations().violates("A00.FR.403")).as(f.violations().describe()).isTrue();
        assertThat(f.violations().describe()).contains("the chain validator failed (IllegalStateException)")
                .doesNotContain("validator bug");
        Recorder rec2 = new Recorder();
        TlsFailure nothing = csmsRefuses(csmsValidatingWith((chain, at) -> null, rec2), material(PKI.station()), rec2);
        assertThat(nothing.violations().describe()).contains("returned no result");
    }

    @Test
    @Verifies({"A00.FR.403", "A00.FR.407"})
    void csmsRefusesAValidatorResultForACertificateNotInTheChain() throws Exception {
        // E.g. a validator answering from a cache keyed badly: compliant, but about the default station.
        ChainValidator otherCertificate = (chain, at) ->
                ChainValidationResult.of(PKI.station().chain(), ValidationResult.compliant());
        Recorder rec = new Recorder();
        TestCertificate presented = PKI.stationBuilder("CS-0911").build();

        TlsFailure f = csmsRefuses(csmsValidatingWith(otherCertificate, rec), material(presented), rec);

        assertThat(violatesAt(f.violations(), "A00.FR.403", 0)).as(f.violations().describe()).isTrue();
        assertThat(f.violations().describe()).contains("instead of the peer's own", "a certificate not in it");
    }

    @Test
    @Verifies({"A00.FR.403", "A00.FR.407", "A00.FR.408"})
    void csmsWithAnAnyOrderValidatorStillRefusesTheForgedChain() throws Exception {
        // ChainOrder.ANY is the old leaf choice: it validates the borrowed certificate B (#1). The trust manager
        // sees that B is not the certificate the station proved the key of, and refuses.
        OcppChainValidator any = OcppChainValidator.forChargingStationCertificate(CSO, TestPki.CSO_NAME).toBuilder()
                .clock(TestPki.CLOCK).chainOrder(ChainOrder.ANY).build();
        ForgedChain forged = ForgedChain.impersonating(PKI, PkiRole.CHARGING_STATION, "CS-VICTIM",
                PKI.stationBuilder("CS-0912").build());
        assertThat(any.validate(forged.chain(), TestPki.NOW).leaf()).as("precondition: ANY picks B")
                .hasValue(forged.genuine().certificate());
        CertificateBindingRegistry registry = new CertificateBindingRegistry();
        Recorder rec = new Recorder();
        CsmsTlsContext ctx = build(CsmsTlsContext.forServer(SecurityProfile.TLS_CLIENT_CERTIFICATE,
                        List.of(material(PKI.csmsEc()))).clock(TestPki.CLOCK).failureListener(rec)
                .stationCertificateValidator(any).certificateBindings(registry));

        TlsFailure f = csmsRefuses(ctx, TlsKeyMaterial.of(forged.attackerKeys().getPrivate(), forged.chain()), rec);

        assertThat(violatesAt(f.violations(), "A00.FR.403", 0)).as(f.violations().describe()).isTrue();
        assertThat(f.violations().describe()).contains("instead of the peer's own", "certificate #1");
        assertThat(registry.size()).isZero();
    }

    @Test
    @Verifies({"A00.FR.403", "A00.FR.407", "A00.FR.408"})
    void csmsRefusesACaCertificatePresentedAsTheStationCertificate() throws Exception {
        // Whoever holds a sub-CA key can prove it; the sub-CA is not a station (the old validator only warned).
        Recorder rec = new Recorder();
        CsmsTlsContext ctx = build(TlsTestSupport.csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, rec));

        TlsFailure f = csmsRefuses(ctx, material(PKI.csoSubCa()), rec);

        assertThat(violatesAt(f.violations(), "A00.FR.403", 0)).as(f.violations().describe()).isTrue();
        assertThat(f.violations().describe()).contains("a CA certificate");
    }

    // ---- Charging Station side ----

    @ParameterizedTest
    @EnumSource(value = SecurityProfile.class, names = {"TLS_BASIC_AUTH", "TLS_CLIENT_CERTIFICATE"})
    @Verifies({"A00.FR.308", "A00.FR.310", "A00.FR.311", "A00.FR.411", "A00.FR.413", "A00.FR.414"})
    void stationRefusesAValidatorResultForTheSubCaInsteadOfTheCsms(SecurityProfile profile) throws Exception {
        TlsFailure f = stationRefuses(profile, SKIPS_THE_FIRST, material(PKI.csmsEc()));

        String path = profile == SecurityProfile.TLS_BASIC_AUTH ? "A00.FR.308" : "A00.FR.411";
        assertThat(violatesAt(f.violations(), path, 0)).as(f.violations().describe()).isTrue();
        assertThat(f.violations().describe()).contains("instead of the peer's own", "certificate #1");
        assertThat(f.toSecurityEvent().orElseThrow().techInfo().orElseThrow()).contains("instead of the peer's own");
    }

    @ParameterizedTest
    @EnumSource(value = SecurityProfile.class, names = {"TLS_BASIC_AUTH", "TLS_CLIENT_CERTIFICATE"})
    @Verifies({"A00.FR.308", "A00.FR.310", "A00.FR.311", "A00.FR.411", "A00.FR.413", "A00.FR.414"})
    void stationWithAnAnyOrderValidatorStillRefusesTheForgedCsmsChain(SecurityProfile profile) throws Exception {
        OcppChainValidator any = OcppChainValidator.forCsmsCertificate(CSO, TestPki.CSMS_FQDN).toBuilder()
                .clock(TestPki.CLOCK).chainOrder(ChainOrder.ANY).build();
        ForgedChain forged = ForgedChain.impersonating(PKI, PkiRole.CSMS, TestPki.CSMS_FQDN, PKI.csmsEc());
        assertThat(any.validate(forged.chain(), TestPki.NOW).isCompliant()).as("precondition: ANY accepts B").isTrue();

        TlsFailure f = stationRefuses(profile, any,
                TlsKeyMaterial.of(forged.attackerKeys().getPrivate(), forged.chain()));

        String path = profile == SecurityProfile.TLS_BASIC_AUTH ? "A00.FR.308" : "A00.FR.411";
        assertThat(violatesAt(f.violations(), path, 0)).as(f.violations().describe()).isTrue();
        assertThat(f.violations().describe()).contains("instead of the peer's own", "certificate #1");
    }

    @ParameterizedTest
    @EnumSource(value = SecurityProfile.class, names = {"TLS_BASIC_AUTH", "TLS_CLIENT_CERTIFICATE"})
    @Verifies({"A00.FR.308", "A00.FR.310", "A00.FR.311", "A00.FR.413", "A00.FR.414"})
    void stationRefusesACaCertificateNamedLikeTheCsms(SecurityProfile profile) throws Exception {
        // A CA under the CSO root whose CN is the CSMS FQDN: its key holder is not the CSMS.
        TestCertificate ca = PKI.builder(PkiRole.CSO_SUB_CA, PKI.csoRoot()).organization(TestPki.CSO_NAME)
                .commonName(TestPki.CSMS_FQDN).sanDns(TestPki.CSMS_FQDN).pathLength(0).build();
        ChainValidator ocpp = OcppChainValidator.forCsmsCertificate(CSO, TestPki.CSMS_FQDN).toBuilder()
                .clock(TestPki.CLOCK).build();

        TlsFailure f = stationRefuses(profile, ocpp, material(ca));

        assertThat(violatesAt(f.violations(), "A00.FR.308", 0)).as(f.violations().describe()).isTrue();
        assertThat(f.violations().describe()).contains("a CA certificate");
    }

    // ---- stationIdentity on a session whose marker is stale ----

    @Test
    @Verifies({"A00.FR.403", "A00.FR.405", "A00.FR.427"})
    void staleMarkerIsRevalidatedWithTheLeafCheck() throws Exception {
        MutableClock clock = new MutableClock();
        CertificateBindingRegistry registry = new CertificateBindingRegistry();
        CsmsTlsContext ctx = build(TlsTestSupport.csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, new Recorder())
                .clock(clock).certificateBindings(registry));
        TestCertificate cert = PKI.stationBuilder("CS-0913").build();
        SSLSession session;
        try (Server s = Server.start(ctx)) {
            TlsTestSupport.roundTrip(stationPresenting(material(cert)), s);
            ServerResult r = s.next();
            assertThat(r.ok()).as("%s", r.failure()).isTrue();
            session = r.session();
        }
        ReloadableTrustManager tm = ctx.trustManager();
        ChainValidator ocpp = tm.current();
        assertThat(ctx.stationIdentity(session).verifiedAt()).isEqualTo(TestPki.NOW);

        // A marker is the verdict of the validator that made it: with another one installed, the session is
        // validated again, with the check that the validated leaf is the station's own certificate.
        tm.update(SKIPS_THE_FIRST);
        assertThatThrownBy(() -> ctx.stationIdentity(session)).isInstanceOf(SSLPeerUnverifiedException.class)
                .hasMessageContaining("A00.FR.403").hasMessageContaining("instead of the peer's own");

        // The handshake's validator back and the marker still fresh: the handshake's verdict is used.
        tm.update(ocpp);
        clock.advance(CsmsTlsContext.MARKER_FRESHNESS.minusSeconds(1));
        assertThat(ctx.stationIdentity(session).verifiedAt()).isEqualTo(TestPki.NOW);

        // Stale: validated again, at the current instant (and refused by a wrong validator).
        clock.advance(Duration.ofSeconds(2));
        StationIdentity id = ctx.stationIdentity(session);
        assertThat(id.commonName()).isEqualTo("CS-0913");
        assertThat(id.certificate()).isEqualTo(cert.certificate());
        assertThat(id.verifiedAt()).isEqualTo(clock.instant()).isAfter(TestPki.NOW);
        tm.update(SKIPS_THE_FIRST);
        assertThatThrownBy(() -> ctx.stationIdentity(session)).isInstanceOf(SSLPeerUnverifiedException.class)
                .hasMessageContaining("instead of the peer's own");
        assertThat(registry.boundIdentity(cert.certificate())).hasValue("CS-0913");
        assertThat(registry.size()).isEqualTo(1);
    }

    /**
     * TLS 1.3 only: JSSE (JDK 17) resumes TLS 1.2 with stateless session tickets, which do not keep the client
     * certificate, so with client authentication required every TLS 1.2 connection is a full handshake (the stale
     * marker of a TLS 1.2 session is covered above).
     */
    @Test
    @Verifies({"A00.FR.403", "A00.FR.405"})
    void resumedTls13SessionIsRevalidatedWithTheLeafCheck() throws Exception {
        MutableClock clock = new MutableClock();
        CsmsTlsContext ctx = build(TlsTestSupport.csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, new Recorder())
                .clock(clock));
        TestCertificate cert = PKI.stationBuilder("CS-0914").build();
        StationTlsContext st = build(station(SecurityProfile.TLS_CLIENT_CERTIFICATE, new Recorder())
                .clientKeyMaterial(material(cert))
                .policy(TlsPolicy.STATION_ECDSA.toBuilder().versions(TlsVersion.TLS_1_3).build()));
        ReloadableTrustManager tm = ctx.trustManager();
        ChainValidator ocpp = tm.current();
        try (Server s = Server.start(ctx)) {
            TlsTestSupport.roundTrip(st, s);
            assertThat(ctx.stationIdentity(s.next().session()).commonName()).isEqualTo("CS-0914");

            // Past the freshness window, with a validator that would refuse any full handshake: the station's
            // next connection can only succeed by resuming its session, without the trust manager.
            clock.advance(CsmsTlsContext.MARKER_FRESHNESS.plusMinutes(1));
            tm.update(SKIPS_THE_FIRST);
            SSLSession client = TlsTestSupport.roundTrip(st, s);
            ServerResult resumed = s.next();
            assertThat(resumed.ok()).as("not resumed: %s", resumed.failure()).isTrue();
            assertThat(client.getProtocol()).isEqualTo("TLSv1.3");

            assertThatThrownBy(() -> ctx.stationIdentity(resumed.session()))
                    .isInstanceOf(SSLPeerUnverifiedException.class)
                    .hasMessageContaining("A00.FR.403").hasMessageContaining("instead of the peer's own");

            tm.update(ocpp);
            StationIdentity id = ctx.stationIdentity(resumed.session());
            assertThat(id.certificate()).isEqualTo(cert.certificate());
            assertThat(id.verifiedAt()).isEqualTo(clock.instant());
        }
    }
}
