package io.ocppsec.examples.bench;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.CsmsTlsContext;
import io.ocppsec.tls.StationTlsContext;
import io.ocppsec.tls.TlsKeyMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Full mutual-TLS handshakes per second on loopback (security profile 3): the SDK's
 * {@link CsmsTlsContext} and {@link StationTlsContext} (OCPP policy, OCPP chain validation on both sides,
 * CN/FQDN and identity checks) against plain JSSE contexts built from the same keys and the same CSO root
 * with {@code KeyManagerFactory}/{@code TrustManagerFactory} (JDK PKIX, no OCPP checks). Each operation is
 * a fresh TCP connection and a full handshake: the client session is invalidated so nothing is resumed.
 */
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 4, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HandshakeBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final char[] PASSWORD = "bench".toCharArray();

    private Server sdkServer;
    private Server jsseServer;
    private StationTlsContext sdkStation;
    private SSLContext jsseStation;

    /** Mints a PKI valid now and starts both servers. @throws Exception on setup failure */
    @Setup
    public void setUp() throws Exception {
        TestPki pki = TestPki.create(KeyType.EC_P256, Instant.now());
        TestCertificate station = pki.station();
        List<TlsKeyMaterial> csmsKeys = List.of(material(pki.csmsEc()), material(pki.csmsRsa()));

        CsmsTlsContext sdkCsms = CsmsTlsContext.forServer(SecurityProfile.TLS_CLIENT_CERTIFICATE, csmsKeys)
                .stationCertificates(TrustAnchors.cso(pki.csoRoot().certificate()), TestPki.CSO_NAME).build();
        sdkServer = new Server(sdkCsms.createServerSocket(0, 128, InetAddress.getLoopbackAddress()));
        sdkStation = StationTlsContext.forClient(SecurityProfile.TLS_CLIENT_CERTIFICATE,
                        List.of(pki.csoRoot().certificate()))
                .expectedHost(TestPki.CSMS_FQDN).clientKeyMaterial(material(station)).build();

        SSLContext jsseCsms = plainContext(List.of(pki.csmsEc(), pki.csmsRsa()), pki.csoRoot());
        SSLServerSocket plain = (SSLServerSocket) jsseCsms.getServerSocketFactory()
                .createServerSocket(0, 128, InetAddress.getLoopbackAddress());
        plain.setNeedClientAuth(true);
        jsseServer = new Server(plain);
        jsseStation = plainContext(List.of(station), pki.csoRoot());
    }

    private static TlsKeyMaterial material(TestCertificate c) {
        return TlsKeyMaterial.of(c.keyPair().getPrivate(), c.chain());
    }

    /** Plain JSSE: the same keys and root through the JDK's default key and trust manager factories. */
    private static SSLContext plainContext(List<TestCertificate> keys, TestCertificate root)
            throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        int i = 0;
        for (TestCertificate k : keys) {
            ks.setKeyEntry("key" + i++, k.keyPair().getPrivate(), PASSWORD, k.chain().toArray(new Certificate[0]));
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("root", root.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    /** Stops both servers. @throws IOException on close failure */
    @TearDown
    public void tearDown() throws IOException {
        sdkServer.close();
        jsseServer.close();
    }

    /** @return the byte the server wrote @throws IOException on a failed handshake */
    @Benchmark
    public int mutualTlsHandshake_sdk() throws IOException {
        try (SSLSocket s = sdkStation.connect(sdkServer.address(), TIMEOUT)) {
            s.setTcpNoDelay(true);
            return readAndForget(s);
        }
    }

    /** @return the byte the server wrote @throws IOException on a failed handshake */
    @Benchmark
    public int mutualTlsHandshake_baseline() throws IOException {
        try (SSLSocket s = (SSLSocket) jsseStation.getSocketFactory().createSocket()) {
            s.setTcpNoDelay(true);
            s.connect(jsseServer.address(), (int) TIMEOUT.toMillis());
            s.setSoTimeout((int) TIMEOUT.toMillis());
            s.startHandshake();
            return readAndForget(s);
        }
    }

    private static int readAndForget(SSLSocket s) throws IOException {
        int b = s.getInputStream().read();
        s.getSession().invalidate();
        if (b != 'K') {
            throw new IOException("server did not answer");
        }
        return b;
    }

    /** Accepts connections, completes the handshake, writes one byte, closes. */
    private static final class Server implements AutoCloseable {
        private final SSLServerSocket socket;
        private final Thread thread;

        Server(SSLServerSocket socket) {
            this.socket = socket;
            this.thread = new Thread(this::run, "bench-tls-server");
            thread.setDaemon(true);
            thread.start();
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
        }

        private void run() {
            while (!socket.isClosed()) {
                try (SSLSocket s = (SSLSocket) socket.accept()) {
                    s.setSoTimeout((int) TIMEOUT.toMillis());
                    s.setTcpNoDelay(true);
                    s.startHandshake();
                    OutputStream out = s.getOutputStream();
                    out.write('K');
                    out.flush();
                    InputStream in = s.getInputStream();
                    in.read();
                } catch (IOException e) {
                    if (socket.isClosed()) {
                        return;
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
