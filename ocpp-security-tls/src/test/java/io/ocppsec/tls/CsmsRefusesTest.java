package io.ocppsec.tls;

import static io.ocppsec.tls.TlsTestSupport.PKI;
import static io.ocppsec.tls.TlsTestSupport.build;
import static io.ocppsec.tls.TlsTestSupport.csms;
import static io.ocppsec.tls.TlsTestSupport.material;
import static io.ocppsec.tls.TlsTestSupport.station;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.spi.RevocationStatus;
import io.ocppsec.core.cert.CertificateBindingRegistry;
import io.ocppsec.core.cert.OcppChainValidator;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.testpki.TestPki.Defect;
import io.ocppsec.tls.TlsTestSupport.Recorder;
import io.ocppsec.tls.TlsTestSupport.Server;
import io.ocppsec.tls.TlsTestSupport.ServerResult;
import io.ocppsec.tls.internal.HandshakeFailureClassifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSMS ends every handshake OCPP forbids: old versions, weak suites, bad station certificates (judged by the
 * real {@link OcppChainValidator}; revocation through a real OCSP responder is in
 * {@link StationRevocationHandshakeTest}).
 */
class CsmsRefusesTest {

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

    private static StationTlsContext stationWith(TestCertificate stationCert) {
        return build(station(SecurityProfile.TLS_CLIENT_CERTIFICATE, new Recorder()).clientKeyMaterial(material(stationCert)));
    }

    private ServerResult connectAs(TestCertificate stationCert) throws Exception {
        StationTlsContext st = stationWith(stationCert);
        assertThatThrownBy(() -> TlsTestSupport.roundTrip(st, server)).isInstanceOf(IOException.class);
        ServerResult r = server.next();
        assertThat(r.ok()).isFalse();
        return r;
    }

    private TlsFailure onlyReported() {
        assertThat(REC.failures).hasSize(1);
        TlsFailure f = REC.failures.get(0);
        assertThat(f.endpoint()).isEqualTo(TlsFailure.Endpoint.CSMS);
        assertThat(f.kind()).isEqualTo(TlsFailure.Kind.INVALID_PEER_CERTIFICATE);
        assertThat(f.securityEventType()).isEmpty();
        assertThat(f.peer()).hasValueSatisfying(p -> assertThat(p).startsWith("127.0.0.1:"));
        return f;
    }

    @Test
    @Verifies({"A00.FR.404", "A00.FR.407", "A00.FR.408"})
    void stationCertificateOfAnotherCsoIsRefused() throws Exception {
        ServerResult r = connectAs(PKI.station(Defect.WRONG_ORGANIZATION));

        assertThat(HandshakeFailureClassifier.classify(r.failure())).isEqualTo(TlsFailure.Kind.INVALID_PEER_CERTIFICATE);
        TlsFailure f = onlyReported();
        assertThat(f.violations().violates("A00.FR.404")).as(f.violations().describe()).isTrue();
        assertThat(f.violations().describe()).contains(TestPki.CSO_NAME);
    }

    @Test
    @Verifies({"A00.FR.403", "A00.FR.407", "A00.FR.408"})
    void csmsCertificatePresentedAsStationCertificateIsRefused() throws Exception {
        connectAs(PKI.csmsEc());

        TlsFailure f = onlyReported();
        assertThat(f.violations().isCompliant()).isFalse();
        assertThat(f.violations().violates("A00.FR.404") || f.violations().violates("A00.FR.511")
                || f.violations().violates("A00.FR.512")).as(f.violations().describe()).isTrue();
    }

    @Test
    @Verifies({"A00.FR.502", "A00.FR.407"})
    void stationCertificateWithWeakKeyIsRefused() throws Exception {
        connectAs(PKI.station(Defect.WEAK_RSA_KEY));

        assertThat(onlyReported().violations().violates("A00.FR.502")).isTrue();
    }

    @Test
    @Verifies({"A00.FR.405"})
    void certificateOfAnotherStationDoesNotMatchTheUrlIdentity() throws Exception {
        TlsTestSupport.roundTrip(stationWith(PKI.station()), server);
        StationIdentity id = csms3.stationIdentity(server.next().session());

        assertThat(id.checkIdentity(TestPki.STATION_SERIAL).isClean()).isTrue();
        assertThat(id.checkIdentity("CS-0002").violates("A00.FR.405")).isTrue();
        // The same rule in the shared policy: the validator bound to the URL identity refuses the chain.
        var v = (OcppChainValidator.StationCertificates) csms3.trustManager().current();
        ValidationResult r = v.withExpectedSerialNumber("CS-0002").validate(id.chain(), TestPki.NOW).result();
        assertThat(r.violates("A00.FR.405")).isTrue();
        assertThat(r.describe()).contains(TestPki.STATION_SERIAL, "CS-0002");
        assertThat(v.withExpectedSerialNumber(TestPki.STATION_SERIAL).validate(id.chain(), TestPki.NOW).isCompliant())
                .isTrue();
    }

    @Test
    @Verifies({"A00.FR.427"})
    void aKeyCertifiedForTwoStationsIsRefusedForTheSecond() throws Exception {
        CertificateBindingRegistry registry = new CertificateBindingRegistry();
        CsmsTlsContext ctx = build(csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, new Recorder())
                .certificateBindings(registry));
        TestCertificate first = PKI.stationBuilder("CS-0101").build();
        TestCertificate sameKey = PKI.stationBuilder("CS-0102").keyPair(first.keyPair()).build();
        try (Server s = Server.start(ctx)) {
            TlsTestSupport.roundTrip(stationWith(first), s);
            assertThat(ctx.stationIdentity(s.next().session()).commonName()).isEqualTo("CS-0101");

            TlsTestSupport.roundTrip(stationWith(sameKey), s);
            SSLSession second = s.next().session();
            assertThatThrownBy(() -> ctx.stationIdentity(second)).isInstanceOf(SSLPeerUnverifiedException.class)
                    .hasMessageContaining("A00.FR.427").hasMessageContaining("CS-0101");
            // Typed: the rule is in the result, so callers need not parse the message.
            assertThatThrownBy(() -> ctx.stationIdentity(second))
                    .isInstanceOfSatisfying(StationCertificateRefusedException.class, e -> {
                        assertThat(e.result().violates("A00.FR.427")).isTrue();
                        assertThat(e.result().isCompliant()).isFalse();
                    });

            // The first station renewing its certificate (new key, same identity) is fine.
            TestCertificate renewed = PKI.stationBuilder("CS-0101").build();
            TlsTestSupport.roundTrip(stationWith(renewed), s);
            assertThat(ctx.stationIdentity(s.next().session()).certificate()).isEqualTo(renewed.certificate());
        }
        assertThat(registry.size()).isEqualTo(1);
    }

    @Test
    @Verifies({"A00.FR.403", "A00.FR.407", "A00.FR.408"})
    void stationCertificateFromAForeignRootIsRefused() throws Exception {
        connectAs(PKI.station(Defect.FOREIGN_ROOT));

        assertThat(onlyReported().violations().violates("A00.FR.403")).isTrue();
    }

    @Test
    @Verifies({"A00.FR.403", "A00.FR.407", "A00.FR.408"})
    void expiredStationCertificateIsRefused() throws Exception {
        connectAs(PKI.station(Defect.EXPIRED));

        assertThat(onlyReported().violations().describe()).containsIgnoringCase("valid");
    }

    @Test
    @Verifies({"A00.FR.401", "A00.FR.402", "A00.FR.407"})
    void stationWithoutCertificateIsRefusedInProfile3() throws Exception {
        StationTlsContext p2station = build(station(SecurityProfile.TLS_BASIC_AUTH, new Recorder()));
        assertThatThrownBy(() -> TlsTestSupport.roundTrip(p2station, server)).isInstanceOf(IOException.class);

        ServerResult r = server.next();
        assertThat(r.ok()).isFalse();
        TlsFailure f = csms3.reportHandshakeFailure(r.failure(), Optional.empty());
        assertThat(f.kind()).isEqualTo(TlsFailure.Kind.INVALID_PEER_CERTIFICATE);
    }

    @Test
    @Verifies({"A00.FR.320", "A00.FR.322", "A00.FR.423", "A00.FR.425"})
    void plainClientOfferingOnlyCbcSuitesIsRefused() throws Exception {
        SSLContext plain = SSLContext.getInstance("TLS");
        plain.init(null, null, null);
        try (SSLSocket s = (SSLSocket) plain.getSocketFactory().createSocket(server.address().getAddress(), server.port())) {
            s.setSoTimeout(4000);
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.setEnabledCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
                    "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA256"});
            assertThatThrownBy(s::startHandshake).isInstanceOf(IOException.class);
        }
        ServerResult r = server.next();
        TlsFailure f = csms3.reportHandshakeFailure(r.failure(), Optional.of("test"));
        assertThat(f.kind()).isEqualTo(TlsFailure.Kind.CIPHER_SUITE);
        assertThat(REC.failures).containsExactly(f);
    }

    @Test
    @Verifies({"A00.FR.313", "A00.FR.315", "A00.FR.416", "A00.FR.418"})
    void plainClientLimitedToTls11IsRefused(@TempDir Path dir) throws Exception {
        String result;
        try (ForkedPeer peer = ForkedPeer.start(dir, "client", "127.0.0.1", String.valueOf(server.port()), "TLSv1.1", "-")) {
            result = peer.line("HANDSHAKE_");
        }
        assertThat(result).startsWith("HANDSHAKE_FAILED");
        ServerResult r = server.next();
        assertThat(r.ok()).isFalse();
        assertThat(csms3.reportHandshakeFailure(r.failure(), Optional.empty()).kind())
                .as("%s", r.failure()).isEqualTo(TlsFailure.Kind.TLS_VERSION);
    }

    @Test
    @Verifies({"A00.FR.313", "A00.FR.416"})
    void sameLegacyClientSucceedsWhenItOffersTls12ProvingTheForkWorks(@TempDir Path dir) throws Exception {
        String result;
        try (ForkedPeer peer = ForkedPeer.start(dir, "client", "127.0.0.1", String.valueOf(server.port()),
                "TLSv1.1,TLSv1.2", "-")) {
            result = peer.line("HANDSHAKE_");
        }
        // profile 3 still refuses it for lack of a certificate, but the version was negotiated: not TLS_VERSION
        ServerResult r = server.next();
        assertThat(HandshakeFailureClassifier.classify(r.failure())).isNotEqualTo(TlsFailure.Kind.TLS_VERSION);
        assertThat(result).startsWith("HANDSHAKE_");
    }

    @Test
    @Verifies({"A00.FR.407"})
    void acceptedAfterTheValidatorIsReplacedAtRuntime() throws Exception {
        TestCertificate other = PKI.stationBuilder("CS-0042").build();
        CsmsTlsContext ctx = build(csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, new Recorder())
                .stationCertificateValidator((chain, at) -> io.ocppsec.core.cert.ChainValidationResult.refused(
                        io.ocppsec.api.requirement.ValidationResult.of(io.ocppsec.api.requirement.Violation.of(
                                "A00.FR.403", io.ocppsec.api.requirement.RequirementLevel.SHALL, "nothing trusted yet",
                                "a CSO root")))));
        try (Server s = Server.start(ctx)) {
            StationTlsContext st = build(station(SecurityProfile.TLS_CLIENT_CERTIFICATE, new Recorder())
                    .clientKeyMaterial(material(other)));
            assertThatThrownBy(() -> TlsTestSupport.roundTrip(st, s)).isInstanceOf(IOException.class);
            assertThat(s.next().ok()).isFalse();

            ctx.updateStationCertificateValidator(OcppChainValidator.forChargingStationCertificate(
                    TlsTestSupport.CSO, TestPki.CSO_NAME));

            TlsTestSupport.roundTrip(st, s);
            assertThat(ctx.stationIdentity(s.next().session()).commonName()).isEqualTo("CS-0042");
        }
    }

    @Test
    void profile1AndMissingValidatorAreRejectedAtBuildTime() {
        assertThatThrownBy(() -> CsmsTlsContext.forServer(SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH,
                List.of(material(PKI.csmsEc())))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("profile 1");
        assertThatThrownBy(() -> CsmsTlsContext.forServer(SecurityProfile.TLS_CLIENT_CERTIFICATE,
                List.of(material(PKI.csmsEc()))).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("A00.FR.403");
        assertThatThrownBy(() -> CsmsTlsContext.forServer(SecurityProfile.TLS_CLIENT_CERTIFICATE,
                List.of(material(PKI.csmsEc()))).stationCertificateValidator((c, at) -> io.ocppsec.core.cert.ChainValidationResult.of(c, ValidationResult.compliant()))
                .revocationSource((c, i, at) -> RevocationStatus.unknown("x")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stationCertificates");
        assertThatThrownBy(() -> CsmsTlsContext.forServer(SecurityProfile.TLS_CLIENT_CERTIFICATE,
                List.of(material(PKI.csmsEc()))).stationCertificates(TlsTestSupport.CSO, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsmsTlsContext.forServer(SecurityProfile.TLS_CLIENT_CERTIFICATE,
                List.of(material(PKI.csmsEc()))).stationCertificates(
                        TrustAnchors.manufacturer(PKI.manufacturerRoot().certificate()), TestPki.CSO_NAME))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hierarch");
        assertThatThrownBy(() -> CsmsTlsContext.forServer(SecurityProfile.TLS_BASIC_AUTH, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A00.FR.307");
    }

    @Test
    @Verifies({"A00.FR.318", "A00.FR.421"})
    void policyWithoutTheFourRequiredSuitesIsRejected() {
        TlsPolicy tls13Only = TlsPolicy.builder().versions(TlsVersion.TLS_1_3).cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256).build();
        assertThatThrownBy(() -> csms(SecurityProfile.TLS_BASIC_AUTH, new Recorder()).policy(tls13Only).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("A00.FR.318");
    }

    @Test
    @Verifies({"A00.FR.318"})
    void selfCheckWarnsWhenOnlyOneCertificateTypeIsServed() throws Exception {
        CsmsTlsContext ecOnly = CsmsTlsContext.forServer(SecurityProfile.TLS_BASIC_AUTH, List.of(material(PKI.csmsEc())))
                .failureListener(new Recorder()).build();
        assertThat(ecOnly.selfCheck().isCompliant()).isTrue();
        assertThat(ecOnly.selfCheck().advisory()).hasSize(1);
        assertThat(ecOnly.selfCheck().describe()).contains("no RSA CSMS certificate");
    }
}
