package io.ocppsec.tls;

import static io.ocppsec.tls.TlsTestSupport.PKI;
import static io.ocppsec.tls.TlsTestSupport.TIMEOUT;
import static io.ocppsec.tls.TlsTestSupport.build;
import static io.ocppsec.tls.TlsTestSupport.csms;
import static io.ocppsec.tls.TlsTestSupport.material;
import static io.ocppsec.tls.TlsTestSupport.station;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.TlsTestSupport.Recorder;
import io.ocppsec.tls.TlsTestSupport.Server;
import io.ocppsec.tls.internal.ReloadableKeyManager;
import java.io.IOException;
import java.net.InetAddress;
import java.security.KeyManagementException;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.Test;

/**
 * The {@code SSLContext} of the OCPP contexts used alone, as an integrator who never calls {@code sslParameters()}
 * would: every socket, server socket and engine it makes carries the policy, and a socket whose suites were widened
 * afterwards fails closed in the trust manager with the right failure.
 */
class PolicySslContextTest {

    private static final String CBC = "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256";
    private static final String OLD_CBC = "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA";

    @Test
    @Verifies({"A00.FR.401", "A00.FR.402", "A00.FR.416", "A00.FR.423"})
    void aServerSocketFromTheRawContextCarriesThePolicy() throws Exception {
        CsmsTlsContext ctx = build(csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, new Recorder()));
        try (SSLServerSocket ss = (SSLServerSocket) ctx.sslContext().getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            assertThat(ss.getNeedClientAuth()).isTrue();
            assertThat(ss.getEnabledCipherSuites()).containsExactly(ctx.sslParameters().getCipherSuites());
            assertThat(ss.getEnabledProtocols()).containsExactlyInAnyOrder(ctx.sslParameters().getProtocols());
        }
        SSLEngine e = ctx.sslContext().createSSLEngine();
        assertThat(e.getUseClientMode()).isFalse();
        assertThat(e.getNeedClientAuth()).isTrue();
        assertThat(e.getEnabledCipherSuites()).containsExactly(ctx.sslParameters().getCipherSuites());
        assertThat(ctx.sslContext().getDefaultSSLParameters().getNeedClientAuth()).isTrue();
        assertThat(ctx.sslContext().getSupportedSSLParameters().getCipherSuites())
                .containsExactly(ctx.sslParameters().getCipherSuites());
        assertThat(ctx.sslContext().getServerSocketFactory().getDefaultCipherSuites())
                .containsExactly(ctx.sslParameters().getCipherSuites());
    }

    @Test
    @Verifies({"A00.FR.401", "A00.FR.407"})
    void aRawServerSocketRefusesAClientWithoutCertificate() throws Exception {
        CsmsTlsContext ctx = build(csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, new Recorder()));
        try (Server server = new Server(rawServer(ctx))) {
            assertThatThrownBy(() -> plainClient(null, null, server)).isInstanceOf(IOException.class);
            assertThat(server.next().ok()).isFalse();
        }
    }

    @Test
    @Verifies({"A00.FR.320", "A00.FR.322", "A00.FR.423", "A00.FR.425"})
    void aRawServerSocketRefusesAClientThatOffersOnlyAWeakSuite() throws Exception {
        CsmsTlsContext ctx = build(csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, new Recorder()));
        try (Server server = new Server(rawServer(ctx))) {
            assertThatThrownBy(() -> plainClient(new KeyManager[] {ReloadableKeyManager.of(List.of(
                    material(PKI.station())))}, new String[] {OLD_CBC}, server)).isInstanceOf(IOException.class);
            assertThat(server.next().ok()).isFalse();
        }
    }

    @Test
    @Verifies({"A00.FR.319", "A00.FR.320"})
    void aStationSocketFromTheRawContextCarriesThePolicyAndRefusesACbcServer() throws Exception {
        Recorder rec = new Recorder();
        StationTlsContext st = build(station(SecurityProfile.TLS_BASIC_AUTH, rec));
        try (Server server = new Server(cbcOnlyServer());
             SSLSocket s = (SSLSocket) st.sslContext().getSocketFactory().createSocket(
                     InetAddress.getLoopbackAddress(), server.port())) {
            assertThat(s.getUseClientMode()).isTrue();
            assertThat(s.getEnabledCipherSuites()).containsExactly(st.sslParameters().getCipherSuites())
                    .doesNotContain(CBC);
            s.setSoTimeout((int) TIMEOUT.toMillis());
            assertThatThrownBy(s::startHandshake).isInstanceOf(IOException.class);
        }
        SSLEngine e = st.sslContext().createSSLEngine(TestPki.CSMS_FQDN, 443);
        assertThat(e.getUseClientMode()).isTrue();
        assertThat(e.getEnabledCipherSuites()).containsExactly(st.sslParameters().getCipherSuites());
        assertThat(e.getSSLParameters().getServerNames()).isEqualTo(st.sslParameters().getServerNames());
    }

    @Test
    @Verifies({"A00.FR.314", "A00.FR.320", "A00.FR.323"})
    void aStationSocketWhoseSuitesWereWidenedFailsClosedInTheTrustManager() throws Exception {
        Recorder rec = new Recorder();
        StationTlsContext st = build(station(SecurityProfile.TLS_BASIC_AUTH, rec));
        try (Server server = new Server(cbcOnlyServer());
             SSLSocket s = (SSLSocket) st.sslContext().getSocketFactory().createSocket(
                     InetAddress.getLoopbackAddress(), server.port())) {
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.setEnabledCipherSuites(Stream.concat(Stream.of(s.getEnabledCipherSuites()), Stream.of(CBC))
                    .toArray(String[]::new)); // what a foreign framework may do
            s.setSoTimeout((int) TIMEOUT.toMillis());
            assertThatThrownBy(s::startHandshake).isInstanceOf(IOException.class)
                    .satisfies(ex -> assertThat(st.reportHandshakeFailure(ex, java.util.Optional.empty()).kind())
                            .isEqualTo(TlsFailure.Kind.CIPHER_SUITE));
        }
        assertThat(rec.failures).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(TlsFailure.Kind.CIPHER_SUITE);
            assertThat(f.endpoint()).isEqualTo(TlsFailure.Endpoint.CHARGING_STATION);
            assertThat(f.violations().violates("A00.FR.320")).isTrue();
            assertThat(f.toSecurityEvent().orElseThrow().type()).isEqualTo(SecurityEventType.INVALID_TLS_CIPHER_SUITE);
        });
    }

    @Test
    @Verifies({"A00.FR.417", "A00.FR.423"})
    void aCsmsServerSocketWhoseSuitesWereWidenedFailsClosedInTheTrustManager() throws Exception {
        Recorder rec = new Recorder();
        CsmsTlsContext ctx = build(csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, rec));
        SSLServerSocket ss = rawServer(ctx);
        ss.setEnabledProtocols(new String[] {"TLSv1.2"});
        ss.setEnabledCipherSuites(Stream.concat(Stream.of(ss.getEnabledCipherSuites()), Stream.of(CBC))
                .toArray(String[]::new));
        try (Server server = new Server(ss)) {
            assertThatThrownBy(() -> plainClient(new KeyManager[] {ReloadableKeyManager.of(List.of(
                    material(PKI.station())))}, new String[] {CBC}, server)).isInstanceOf(IOException.class);
            assertThat(server.next().ok()).isFalse();
        }
        assertThat(rec.failures).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(TlsFailure.Kind.CIPHER_SUITE);
            assertThat(f.endpoint()).isEqualTo(TlsFailure.Endpoint.CSMS);
            assertThat(f.violations().violates("A00.FR.423")).isTrue();
        });
    }

    @Test
    void rawContextsOfBothSidesHandshakeWithEachOther() throws Exception {
        Recorder rec = new Recorder();
        CsmsTlsContext ctx = build(csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, rec));
        StationTlsContext st = build(station(SecurityProfile.TLS_CLIENT_CERTIFICATE, rec));
        try (Server server = new Server(rawServer(ctx));
             SSLSocket s = (SSLSocket) st.sslContext().getSocketFactory().createSocket(
                     InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout((int) TIMEOUT.toMillis());
            assertThat(s.getInputStream().read()).isEqualTo('K');
            assertThat(st.verifySession(s.getSession()).isCompliant()).isTrue();
        }
        assertThat(rec.failures).isEmpty();
    }

    @Test
    @Verifies({"A00.FR.401", "A00.FR.416", "A00.FR.423"})
    void anEngineCanOnlyBeNarrowedWithinThePolicy() {
        CsmsTlsContext ctx = build(csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, new Recorder()));
        String[] policy = ctx.sslParameters().getCipherSuites();
        SSLEngine e = ctx.sslContext().createSSLEngine();
        assertThat(e.getSupportedCipherSuites()).containsExactly(policy);
        assertThat(e.getSupportedProtocols()).containsExactlyInAnyOrder(ctx.sslParameters().getProtocols());

        e.setEnabledCipherSuites(Stream.concat(Stream.of(OLD_CBC, CBC), Stream.of(policy)).toArray(String[]::new));
        assertThat(e.getEnabledCipherSuites()).containsExactly(policy);
        e.setEnabledCipherSuites(new String[] {policy[0]});
        assertThat(e.getEnabledCipherSuites()).containsExactly(policy[0]);
        assertThatThrownBy(() -> e.setEnabledCipherSuites(new String[] {CBC}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(CBC).hasMessageContaining("A00.FR.320");
        assertThatThrownBy(() -> e.setEnabledProtocols(new String[] {"TLSv1.1"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TLSv1.1");
        e.setEnabledProtocols(new String[] {"TLSv1", "TLSv1.2"});
        assertThat(e.getEnabledProtocols()).containsExactly("TLSv1.2");

        e.setWantClientAuth(true);
        e.setNeedClientAuth(false);
        javax.net.ssl.SSLParameters none = new javax.net.ssl.SSLParameters(new String[] {OLD_CBC, policy[0]});
        e.setSSLParameters(none);
        assertThat(e.getNeedClientAuth()).as("profile 3 keeps requiring a client certificate").isTrue();
        assertThat(e.getEnabledCipherSuites()).containsExactly(policy[0]);
    }

    @Test
    void theContextCannotBeReinitialised() {
        StationTlsContext st = build(station(SecurityProfile.TLS_BASIC_AUTH, new Recorder()));
        assertThatThrownBy(() -> st.sslContext().init(null, null, null)).isInstanceOf(KeyManagementException.class)
                .hasMessageContaining("StationTlsContext");
    }

    private static SSLServerSocket rawServer(CsmsTlsContext ctx) throws IOException {
        return (SSLServerSocket) ctx.sslContext().getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    /** A server that is not OCPP-compliant: TLS 1.2 with a CBC suite only. */
    private static SSLServerSocket cbcOnlyServer() throws Exception {
        SSLContext plain = SSLContext.getInstance("TLS");
        plain.init(new KeyManager[] {ReloadableKeyManager.of(List.of(material(PKI.csmsEc())))}, null, null);
        SSLServerSocket ss = (SSLServerSocket) plain.getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress());
        ss.setEnabledProtocols(new String[] {"TLSv1.2"});
        ss.setEnabledCipherSuites(new String[] {CBC});
        return ss;
    }

    /** A JDK client that trusts any server, with optional keys and suites; reads the server's byte. */
    private static void plainClient(KeyManager[] keys, String[] suites, Server server) throws Exception {
        SSLContext plain = SSLContext.getInstance("TLS");
        plain.init(keys, new TrustManager[] {new io.ocppsec.testing.TrustAll()}, null);
        try (SSLSocket s = (SSLSocket) plain.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                server.port())) {
            s.setSoTimeout((int) TIMEOUT.toMillis());
            if (suites != null) {
                s.setEnabledProtocols(new String[] {"TLSv1.2"});
                s.setEnabledCipherSuites(suites);
            }
            if (s.getInputStream().read() != 'K') {
                throw new IOException("the server sent no byte");
            }
        }
    }
}
