package io.ocppsec.tls;

import static io.ocppsec.tls.TlsTestSupport.PKI;
import static io.ocppsec.tls.TlsTestSupport.TIMEOUT;
import static io.ocppsec.tls.TlsTestSupport.build;
import static io.ocppsec.tls.TlsTestSupport.material;
import static io.ocppsec.tls.TlsTestSupport.station;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.core.cert.CertificateRole;
import io.ocppsec.core.cert.OcppChainValidator;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.testpki.TestPki.Defect;
import io.ocppsec.tls.TlsTestSupport.Recorder;
import io.ocppsec.tls.TlsTestSupport.Server;
import io.ocppsec.tls.internal.ReloadableKeyManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Charging Station refuses a CSMS OCPP does not allow, raises the right security event and ends the
 * connection.
 */
class StationRefusesTest {

    private static CsmsTlsContext csmsWith(TestCertificate cert) throws Exception {
        return CsmsTlsContext.forServer(SecurityProfile.TLS_BASIC_AUTH, List.of(material(cert)))
                .clock(TestPki.CLOCK).failureListener(new Recorder()).build();
    }

    /** Connects to a CSMS with the given certificate and returns the failure the station reported. */
    private static TlsFailure refusedBy(TestCertificate csmsCert, SecurityEventType expected) throws Exception {
        Recorder rec = new Recorder();
        StationTlsContext st = build(station(SecurityProfile.TLS_BASIC_AUTH, rec));
        try (Server server = Server.start(csmsWith(csmsCert))) {
            assertThatThrownBy(() -> st.connect(server.address(), TIMEOUT))
                    .isInstanceOf(OcppTlsHandshakeException.class);
            assertThat(server.next().ok()).as("the CSMS side sees the connection end").isFalse();
        }
        assertThat(rec.failures).hasSize(1);
        TlsFailure f = rec.failures.get(0);
        SecurityEvent e = f.toSecurityEvent().orElseThrow();
        assertThat(e.type()).isEqualTo(expected);
        assertThat(e.type().isCritical()).isTrue();
        assertThat(e.techInfo().orElseThrow().length()).isLessThanOrEqualTo(SecurityEvent.MAX_TECH_INFO_LENGTH);
        return f;
    }

    @Test
    @Verifies({"A00.FR.309", "A00.FR.310", "A00.FR.311", "A00.FR.412", "A00.FR.413", "A00.FR.414"})
    void csmsCertificateForAnotherHostIsRefused() throws Exception {
        TestCertificate other = PKI.csmsBuilder("other.example.com").keyType(KeyType.EC_P256).build();

        TlsFailure f = refusedBy(other, SecurityEventType.INVALID_CSMS_CERTIFICATE);

        assertThat(f.violations().violates("A00.FR.309")).isTrue();
        assertThat(f.violations().describe()).contains("other.example.com", TestPki.CSMS_FQDN);
    }

    @Test
    @Verifies({"A00.FR.308", "A00.FR.310", "A00.FR.311", "A00.FR.411", "A00.FR.413", "A00.FR.414"})
    void csmsCertificateFromAForeignRootIsRefused() throws Exception {
        TlsFailure f = refusedBy(PKI.csms(Defect.FOREIGN_ROOT), SecurityEventType.INVALID_CSMS_CERTIFICATE);

        assertThat(f.violations().violates("A00.FR.308")).isTrue();
    }

    @Test
    @Verifies({"A00.FR.308", "A00.FR.310", "A00.FR.413"})
    void expiredCsmsCertificateIsRefused() throws Exception {
        TlsFailure f = refusedBy(PKI.csms(Defect.EXPIRED), SecurityEventType.INVALID_CSMS_CERTIFICATE);

        assertThat(f.violations().describe()).containsIgnoringCase("valid");
    }

    @Test
    @Verifies({"A00.FR.310", "A00.FR.413"})
    void csmsCertificateWithWeakKeyIsRefused() throws Exception {
        TlsFailure f = refusedBy(PKI.csms(Defect.WEAK_RSA_KEY), SecurityEventType.INVALID_CSMS_CERTIFICATE);

        assertThat(f.violations().violates("A00.FR.502")).isTrue();
    }

    @Test
    @Verifies({"A00.FR.320", "A00.FR.323", "A00.FR.423", "A00.FR.426"})
    void serverOfferingOnlyWeakSuitesRaisesInvalidTlsCipherSuite() throws Exception {
        SSLContext plain = SSLContext.getInstance("TLS");
        plain.init(new KeyManager[] {ReloadableKeyManager.of(List.of(material(PKI.csmsEc())))}, null, null);
        SSLServerSocket ss = (SSLServerSocket) plain.getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress());
        ss.setEnabledProtocols(new String[] {"TLSv1.2"});
        ss.setEnabledCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"});
        Recorder rec = new Recorder();
        StationTlsContext st = build(station(SecurityProfile.TLS_CLIENT_CERTIFICATE, rec));
        try (Server server = new Server(ss)) {
            assertThatThrownBy(() -> st.connect(server.address(), TIMEOUT))
                    .isInstanceOf(OcppTlsHandshakeException.class)
                    .satisfies(e -> assertThat(((OcppTlsHandshakeException) e).failure().kind())
                            .isEqualTo(TlsFailure.Kind.CIPHER_SUITE));
        }
        assertThat(rec.failures).singleElement().satisfies(f -> assertThat(f.toSecurityEvent().orElseThrow().type())
                .isEqualTo(SecurityEventType.INVALID_TLS_CIPHER_SUITE));
    }

    @Test
    @Verifies({"A00.FR.313", "A00.FR.316", "A00.FR.416", "A00.FR.419"})
    void serverOfferingOnlyTls11RaisesInvalidTlsVersion(@TempDir Path dir) throws Exception {
        Path ks = ForkedPeer.keyStore(dir, PKI.csmsEc());
        Recorder rec = new Recorder();
        StationTlsContext st = build(station(SecurityProfile.TLS_BASIC_AUTH, rec));
        String serverSaw;
        try (ForkedPeer peer = ForkedPeer.start(dir, "server", ks.toString(), ForkedPeer.PASSWORD, "TLSv1.1", "-")) {
            int port = Integer.parseInt(peer.line("PORT ").substring(5).trim());
            assertThatThrownBy(() -> st.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT))
                    .isInstanceOf(OcppTlsHandshakeException.class);
            serverSaw = peer.line("HANDSHAKE_");
        }
        assertThat(serverSaw).startsWith("HANDSHAKE_FAILED");
        assertThat(rec.failures).singleElement().satisfies(f -> {
            assertThat(f.kind()).as(f.detail()).isEqualTo(TlsFailure.Kind.TLS_VERSION);
            assertThat(f.toSecurityEvent().orElseThrow().type()).isEqualTo(SecurityEventType.INVALID_TLS_VERSION);
        });
    }

    @Test
    @Verifies({"A00.FR.309", "A00.FR.412"})
    void hostNameComesFromSniWhenNoExpectedHostIsSet() throws Exception {
        Recorder rec = new Recorder();
        StationTlsContext st = build(StationTlsContext.forClient(SecurityProfile.TLS_BASIC_AUTH,
                List.of(PKI.csoRoot().certificate())).clock(TestPki.CLOCK).failureListener(rec));
        try (Server server = Server.start(csmsWith(PKI.csmsEc()))) {
            try (SSLSocket s = st.configure((SSLSocket) st.sslContext().getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), server.port()))) {
                SSLParameters p = s.getSSLParameters();
                p.setServerNames(List.of(new SNIHostName(TestPki.CSMS_FQDN)));
                s.setSSLParameters(p);
                s.startHandshake();
                assertThat(st.verifySession(s.getSession()).isClean()).isTrue();
            }
            server.next();
            // By IP, without SNI: the CN cannot match 127.0.0.1, the station refuses.
            assertThatThrownBy(() -> st.connect(server.address(), TIMEOUT)).isInstanceOf(OcppTlsHandshakeException.class);
            server.next();
        }
        assertThat(rec.failures).singleElement().satisfies(f -> assertThat(f.violations().violates("A00.FR.309")).isTrue());
    }

    @Test
    @Verifies({"A00.FR.309", "A00.FR.412"})
    void aSubjectAltNameMatchesOnlyWhenAllowed() throws Exception {
        TestCertificate sanOnly = PKI.csmsBuilder("csms-backend.example.com").keyType(KeyType.EC_P256)
                .sanDns(TestPki.CSMS_FQDN).build();
        Recorder rec = new Recorder();
        StationTlsContext strict = build(station(SecurityProfile.TLS_BASIC_AUTH, rec));
        StationTlsContext lenient = build(station(SecurityProfile.TLS_BASIC_AUTH, new Recorder()).allowSubjectAltNameMatch());
        try (Server server = Server.start(csmsWith(sanOnly))) {
            assertThatThrownBy(() -> strict.connect(server.address(), TIMEOUT)).isInstanceOf(OcppTlsHandshakeException.class);
            server.next();
            TlsTestSupport.roundTrip(lenient, server);
            assertThat(server.next().ok()).isTrue();
        }
        assertThat(rec.failures).singleElement().satisfies(f -> {
            assertThat(f.violations().violates("A00.FR.309")).isTrue();
            assertThat(f.violations().blocking()).as(f.violations().describe()).hasSize(1);
        });
    }

    @Test
    @Verifies({"A00.FR.309", "A00.FR.310"})
    void aCustomValidatorStillGetsTheNameCheck() throws Exception {
        Recorder rec = new Recorder();
        // A deliberately permissive validator: the CN/FQDN check of the trust manager must still refuse.
        StationTlsContext st = build(station(SecurityProfile.TLS_BASIC_AUTH, rec)
                .chainValidator((chain, at) -> io.ocppsec.core.cert.ChainValidationResult.of(chain, io.ocppsec.api.requirement.ValidationResult.compliant())));
        TestCertificate other = PKI.csmsBuilder("other.example.com").keyType(KeyType.EC_P256).build();
        try (Server server = Server.start(csmsWith(other))) {
            assertThatThrownBy(() -> st.connect(server.address(), TIMEOUT)).isInstanceOf(OcppTlsHandshakeException.class);
            server.next();
        }
        assertThat(rec.failures).singleElement().satisfies(f -> {
            assertThat(f.violations().violates("A00.FR.309")).isTrue();
            assertThat(f.violations().describe()).contains("other.example.com");
        });
    }

    @Test
    @Verifies({"A00.FR.308", "A00.FR.309"})
    void theDefaultValidatorIsTheSharedOcppPolicy() throws Exception {
        StationTlsContext bound = build(station(SecurityProfile.TLS_BASIC_AUTH, new Recorder()));
        assertThat(bound.trustManager().current()).isInstanceOfSatisfying(OcppChainValidator.class, v -> {
            assertThat(v.role()).isEqualTo(CertificateRole.CSMS);
            assertThat(v.expectedFqdn()).contains(TestPki.CSMS_FQDN);
        });
        StationTlsContext unbound = build(StationTlsContext.forClient(SecurityProfile.TLS_BASIC_AUTH,
                List.of(PKI.csoRoot().certificate())).clock(TestPki.CLOCK));
        OcppChainValidator v = (OcppChainValidator) unbound.trustManager().current();
        assertThat(v.expectedFqdn()).isEmpty();
        // Never bound to a host, it accepts nothing.
        assertThat(v.validate(PKI.csmsEc().chain(), TestPki.NOW).result().violates("A00.FR.309")).isTrue();
        assertThatThrownBy(() -> StationTlsContext.forClient(SecurityProfile.TLS_BASIC_AUTH,
                List.of(PKI.csmsEc().certificate()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a CA");
    }

    @Test
    @Verifies({"A00.FR.308"})
    void trustedRootsCanBeReplacedAtRuntime() throws Exception {
        Recorder rec = new Recorder();
        StationTlsContext st = build(StationTlsContext.forClient(SecurityProfile.TLS_BASIC_AUTH,
                        List.of(PKI.foreignRoot().certificate())).expectedHost(TestPki.CSMS_FQDN)
                .clock(TestPki.CLOCK).failureListener(rec));
        try (Server server = Server.start(csmsWith(PKI.csmsEc()))) {
            assertThatThrownBy(() -> st.connect(server.address(), TIMEOUT)).isInstanceOf(OcppTlsHandshakeException.class);
            server.next();

            st.updateTrustedRoots(List.of(PKI.csoRoot().certificate()));

            TlsTestSupport.roundTrip(st, server);
            assertThat(server.next().ok()).isTrue();
        }
        assertThat(rec.failures).hasSize(1);
    }

    @Test
    @Verifies({"A00.FR.307", "A00.FR.410"})
    void csmsCertificateCanBeReplacedAtRuntime() throws Exception {
        CsmsTlsContext csms = csmsWith(PKI.csmsEc());
        TestCertificate renewed = PKI.csmsBuilder().keyType(KeyType.EC_P256).build();
        StationTlsContext st = build(station(SecurityProfile.TLS_BASIC_AUTH, new Recorder()));
        try (Server server = Server.start(csms)) {
            assertThat(TlsTestSupport.roundTrip(st, server).getPeerCertificates()[0]).isEqualTo(PKI.csmsEc().certificate());
            csms.updateKeyMaterial(List.of(material(renewed)));
            // A fresh station context: an existing one could resume its TLS 1.3 session (ticket) without
            // a new certificate exchange.
            StationTlsContext fresh = build(station(SecurityProfile.TLS_BASIC_AUTH, new Recorder()));
            assertThat(TlsTestSupport.roundTrip(fresh, server).getPeerCertificates()[0]).isEqualTo(renewed.certificate());
        }
    }

    @Test
    @Verifies({"A00.FR.401", "A00.FR.402"})
    void profile3StationNeedsKeyMaterialAndProfile2RefusesIt() {
        assertThatThrownBy(() -> StationTlsContext.forClient(SecurityProfile.TLS_CLIENT_CERTIFICATE,
                List.of(PKI.csoRoot().certificate())).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("A00.FR.402");
        assertThatThrownBy(() -> StationTlsContext.forClient(SecurityProfile.TLS_BASIC_AUTH,
                List.of(PKI.csoRoot().certificate())).clientKeyMaterial(material(PKI.station())).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> StationTlsContext.forClient(SecurityProfile.TLS_BASIC_AUTH, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A00.FR.308");
        assertThatThrownBy(() -> StationTlsContext.forClient(SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH,
                List.of(PKI.csoRoot().certificate()))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StationTlsContext.forClient(SecurityProfile.TLS_BASIC_AUTH,
                List.of(PKI.csoRoot().certificate())).expectedHost("192.0.2.1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stationOffersOnlyItsPolicy() throws Exception {
        StationTlsContext st = build(station(SecurityProfile.TLS_BASIC_AUTH, new Recorder()));
        assertThat(List.of(st.sslParameters().getProtocols())).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(List.of(st.sslParameters().getCipherSuites())).allSatisfy(s ->
                assertThat(CipherSuite.fromJsseName(s)).isPresent());
        assertThat(st.sslParameters().getServerNames()).containsExactly(new SNIHostName(TestPki.CSMS_FQDN));
        assertThat(Optional.of(st.toString())).hasValueSatisfying(t -> assertThat(t).contains("csms.example.com"));
    }
}
