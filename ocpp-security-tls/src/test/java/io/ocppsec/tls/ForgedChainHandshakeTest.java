package io.ocppsec.tls;

import static io.ocppsec.tls.TlsTestSupport.CSO;
import static io.ocppsec.tls.TlsTestSupport.PKI;
import static io.ocppsec.tls.TlsTestSupport.TIMEOUT;
import static io.ocppsec.tls.TlsTestSupport.build;
import static io.ocppsec.tls.TlsTestSupport.csms;
import static io.ocppsec.tls.TlsTestSupport.material;
import static io.ocppsec.tls.TlsTestSupport.station;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.requirement.RequirementId;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.cert.CertificateBindingRegistry;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.ForgedChain;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.TlsTestSupport.Recorder;
import io.ocppsec.tls.TlsTestSupport.Server;
import io.ocppsec.tls.TlsTestSupport.ServerResult;
import io.ocppsec.tls.internal.HandshakeFailureClassifier;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 20, end to end over loopback with real signatures: a peer that presents the forged chain
 * {@code [X, B, B's sub-CA, D]} ({@link ForgedChain}: X self-signed with the attacker's key and the victim's name, B a
 * genuine certificate whose public part is borrowed, D "issued" by X) proves the key of X, so the trust manager must
 * validate X, not B. The old validator chose B by names, accepted the chain, and {@code stationIdentity} read X's CN:
 * every handshake below succeeded there.
 */
class ForgedChainHandshakeTest {

    /** A genuine station certificate whose public part the attacker borrows (its key is never used). */
    static final TestCertificate BORROWED = PKI.stationBuilder("CS-0901").build();

    static final Recorder REC = new Recorder();
    static CsmsTlsContext csms3;
    static Server server;

    @BeforeAll
    static void start() throws Exception {
        csms3 = build(csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, REC));
        server = Server.start(csms3);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @BeforeEach
    void clear() {
        REC.failures.clear();
        server.results.clear();
    }

    private static TlsPolicy only(TlsVersion version) {
        return TlsPolicy.STATION_ECDSA.toBuilder().versions(version).build();
    }

    /** A profile 3 station context that presents the given key and chain. */
    private static StationTlsContext presenting(TlsKeyMaterial m, TlsVersion version) {
        return build(station(SecurityProfile.TLS_CLIENT_CERTIFICATE, new Recorder()).clientKeyMaterial(m)
                .policy(only(version)));
    }

    /** What a forging station presents: X first (JSSE signs with the key of the first certificate). */
    private static TlsKeyMaterial forgedMaterial(ForgedChain f, List<X509Certificate> chain) {
        return TlsKeyMaterial.of(f.attackerKeys().getPrivate(), chain);
    }

    static boolean violatesAt(ValidationResult r, String requirement, int index) {
        return r.blocking().stream().anyMatch(v -> v.requirement().equals(RequirementId.of(requirement))
                && v.chainIndex().equals(OptionalInt.of(index)));
    }

    /** Connects with the station context, expects the CSMS to end the handshake, returns its one failure. */
    private static TlsFailure csmsRefuses(StationTlsContext st, Server s, Recorder rec) throws Exception {
        TlsFailure f = TlsTestSupport.csmsRefuses(st, s, rec);
        assertThat(f.securityEventType()).isEmpty();
        return f;
    }

    // ---- CSMS side: a forging Charging Station ----

    @ParameterizedTest(name = "{0}")
    @EnumSource(TlsVersion.class)
    @Verifies({"A00.FR.403", "A00.FR.405", "A00.FR.407", "A00.FR.408", "A00.FR.427"})
    void forgedStationChainCannotImpersonateABoundStation(TlsVersion version) throws Exception {
        CertificateBindingRegistry registry = new CertificateBindingRegistry();
        Recorder rec = new Recorder();
        CsmsTlsContext ctx = build(csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, rec).certificateBindings(registry));
        TestCertificate victim = PKI.stationBuilder("CS-VICTIM").build();
        ForgedChain forged = ForgedChain.impersonating(PKI, PkiRole.CHARGING_STATION, "CS-VICTIM", BORROWED);
        try (Server s = Server.start(ctx)) {
            assertThat(TlsTestSupport.roundTrip(presenting(material(victim), version), s).getProtocol())
                    .isEqualTo(version.jsseName());
            assertThat(ctx.stationIdentity(s.next().session()).commonName()).isEqualTo("CS-VICTIM");
            assertThat(registry.boundIdentity(victim.certificate())).hasValue("CS-VICTIM");

            TlsFailure f = csmsRefuses(presenting(forgedMaterial(forged, forged.chain()), version), s, rec);

            assertThat(violatesAt(f.violations(), "A00.FR.403", 0)).as(f.violations().describe()).isTrue();
        }
        // The victim keeps its binding; neither X nor the borrowed certificate was bound to anything.
        assertThat(registry.boundIdentity(victim.certificate())).hasValue("CS-VICTIM");
        assertThat(registry.boundIdentity(forged.attacker().certificate())).isEmpty();
        assertThat(registry.boundIdentity(BORROWED.certificate())).isEmpty();
        assertThat(registry.size()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TlsVersion.class)
    @Verifies({"A00.FR.403", "A00.FR.407", "A00.FR.408", "A00.FR.427"})
    void forgedChainBorrowingTheVictimsOwnCertificateAndSerialIsRefused(TlsVersion version) throws Exception {
        // The attacker borrows the public certificate of the victim itself and copies its serial into X's CN.
        CertificateBindingRegistry registry = new CertificateBindingRegistry();
        Recorder rec = new Recorder();
        CsmsTlsContext ctx = build(csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, rec).certificateBindings(registry));
        TestCertificate victim = PKI.stationBuilder("CS-0902").build();
        ForgedChain forged = ForgedChain.impersonating(PKI, PkiRole.CHARGING_STATION, "CS-0902", victim);
        try (Server s = Server.start(ctx)) {
            TlsTestSupport.roundTrip(presenting(material(victim), version), s);
            assertThat(ctx.stationIdentity(s.next().session()).certificate()).isEqualTo(victim.certificate());

            TlsFailure f = csmsRefuses(presenting(forgedMaterial(forged, forged.chain()), version), s, rec);

            assertThat(violatesAt(f.violations(), "A00.FR.403", 0)).as(f.violations().describe()).isTrue();
        }
        assertThat(registry.boundIdentity(victim.certificate())).hasValue("CS-0902");
        assertThat(registry.boundIdentity(forged.attacker().certificate())).isEmpty();
        assertThat(registry.size()).isEqualTo(1);
    }

    /** X always first (the client proves its key); the borrowed certificates after it in every order, or left out. */
    static Stream<Arguments> orders() {
        Function<ForgedChain, X509Certificate> x = f -> f.attacker().certificate();
        Function<ForgedChain, X509Certificate> b = f -> f.genuine().certificate();
        Function<ForgedChain, X509Certificate> sub = f -> f.genuine().chain().get(1);
        Function<ForgedChain, X509Certificate> d = f -> f.dangling().certificate();
        return Stream.of(
                Arguments.of("X, B, sub-CA, D", List.of(x, b, sub, d)),
                Arguments.of("X, D, B, sub-CA", List.of(x, d, b, sub)),
                Arguments.of("X, sub-CA, B, D", List.of(x, sub, b, d)),
                Arguments.of("X, D, sub-CA, B", List.of(x, d, sub, b)),
                Arguments.of("X, sub-CA, D, B", List.of(x, sub, d, b)),
                Arguments.of("X, B, D, sub-CA", List.of(x, b, d, sub)),
                Arguments.of("X, B, sub-CA", List.of(x, b, sub)),
                Arguments.of("X, sub-CA, B", List.of(x, sub, b)),
                Arguments.of("X, D", List.of(x, d)),
                Arguments.of("X, B", List.of(x, b)));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("orders")
    @Verifies({"A00.FR.403", "A00.FR.407", "A00.FR.408"})
    void forgedStationChainIsRefusedInAnyOrder(String name, List<Function<ForgedChain, X509Certificate>> order)
            throws Exception {
        ForgedChain forged = ForgedChain.impersonating(PKI, PkiRole.CHARGING_STATION, "CS-VICTIM", BORROWED);
        List<X509Certificate> chain = order.stream().map(fn -> fn.apply(forged)).toList();

        TlsFailure f = csmsRefuses(presenting(forgedMaterial(forged, chain), TlsVersion.TLS_1_3), server, REC);

        assertThat(violatesAt(f.violations(), "A00.FR.403", 0)).as(f.violations().describe()).isTrue();
        assertThat(f.violations().describe()).as("the report concerns X, the certificate whose key was proven")
                .doesNotContain("CS-0901");
    }

    // ---- Charging Station side: a forging CSMS (or a MITM) ----

    static Stream<Arguments> profilesAndVersions() {
        return Stream.of(SecurityProfile.TLS_BASIC_AUTH, SecurityProfile.TLS_CLIENT_CERTIFICATE)
                .flatMap(p -> Stream.of(TlsVersion.values()).map(v -> Arguments.of(p, v)));
    }

    @ParameterizedTest(name = "profile {0}, {1}")
    @MethodSource("profilesAndVersions")
    @Verifies({"A00.FR.308", "A00.FR.310", "A00.FR.311", "A00.FR.411", "A00.FR.413", "A00.FR.414"})
    void stationRefusesACsmsPresentingAForgedChain(SecurityProfile profile, TlsVersion version) throws Exception {
        ForgedChain forged = ForgedChain.impersonating(PKI, PkiRole.CSMS, TestPki.CSMS_FQDN, PKI.csmsEc());
        CsmsTlsContext.Builder b = CsmsTlsContext.forServer(profile, List.of(forgedMaterial(forged, forged.chain())))
                .clock(TestPki.CLOCK).failureListener(new Recorder());
        if (profile.requiresClientCertificate()) {
            b.stationCertificates(CSO, TestPki.CSO_NAME);
        }
        Recorder rec = new Recorder();
        StationTlsContext st = build(station(profile, rec).policy(only(version)));
        try (Server s = Server.start(build(b))) {
            assertThatThrownBy(() -> st.connect(s.address(), TIMEOUT)).isInstanceOf(OcppTlsHandshakeException.class)
                    .satisfies(e -> assertThat(((OcppTlsHandshakeException) e).failure().kind())
                            .isEqualTo(TlsFailure.Kind.INVALID_PEER_CERTIFICATE));
            // The station ended the handshake: the forging server's handshake failed, so it never wrote its byte
            // nor read any application data. It sees the station's alert, or the closed connection when the alert
            // is lost to the reset of the connection (a race on loopback), never a completed handshake.
            ServerResult r = s.next();
            assertThat(r.ok()).as("the forging CSMS completed a handshake").isFalse();
            assertThat(r.session()).isNull();
            assertThat(HandshakeFailureClassifier.classify(r.failure())).as("%s", r.failure())
                    .isIn(TlsFailure.Kind.REJECTED_BY_PEER, TlsFailure.Kind.OTHER);
        }
        assertThat(rec.failures).hasSize(1);
        TlsFailure f = rec.failures.get(0);
        assertThat(f.endpoint()).isEqualTo(TlsFailure.Endpoint.CHARGING_STATION);
        assertThat(f.kind()).isEqualTo(TlsFailure.Kind.INVALID_PEER_CERTIFICATE);
        SecurityEvent e = f.toSecurityEvent().orElseThrow();
        assertThat(e.type()).isEqualTo(SecurityEventType.INVALID_CSMS_CERTIFICATE);
        assertThat(e.type().isCritical()).isTrue();
        // X is judged (not the borrowed CSMS certificate): it has no path to the CSO root. The OCPP validator cites
        // its path requirement, A00.FR.308, in both profiles (documented as the same rule as A00.FR.411).
        assertThat(violatesAt(f.violations(), "A00.FR.308", 0)).as(f.violations().describe()).isTrue();
        assertThat(f.violations().describe()).contains("self-signed");
        assertThat(e.techInfo().orElseThrow()).contains("A00.FR.308");
    }
}
