package io.ocppsec.tls;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.internal.HandshakeFailureClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/** Shared fixtures: one test PKI, context factories and a loopback server that records each handshake. */
final class TlsTestSupport {

    static final TestPki PKI = TestPki.create();
    /** The CSO roots of {@link #PKI}: the anchors of the real OCPP validators. */
    static final TrustAnchors CSO = TrustAnchors.cso(PKI.csoRoot().certificate());
    static final Duration TIMEOUT = Duration.ofSeconds(4);

    private TlsTestSupport() {
    }

    static TlsKeyMaterial material(TestCertificate c) {
        return TlsKeyMaterial.of(c.keyPair().getPrivate(), c.chain());
    }

    /** Records every failure a context reports. */
    static final class Recorder implements TlsFailureListener {
        final List<TlsFailure> failures = new CopyOnWriteArrayList<>();

        @Override
        public void onFailure(TlsFailure failure) {
            failures.add(failure);
        }
    }

    static CsmsTlsContext.Builder csms(SecurityProfile profile, Recorder rec) {
        CsmsTlsContext.Builder b = CsmsTlsContext.forServer(profile, List.of(material(PKI.csmsEc()), material(PKI.csmsRsa())))
                .clock(TestPki.CLOCK).failureListener(rec);
        if (profile.requiresClientCertificate()) {
            b.stationCertificates(CSO, TestPki.CSO_NAME);
        }
        return b;
    }

    static StationTlsContext.Builder station(SecurityProfile profile, Recorder rec) {
        StationTlsContext.Builder b = StationTlsContext.forClient(profile, List.of(PKI.csoRoot().certificate()))
                .expectedHost(TestPki.CSMS_FQDN).clock(TestPki.CLOCK).failureListener(rec);
        if (profile.requiresClientCertificate()) {
            b.clientKeyMaterial(material(PKI.station()));
        }
        return b;
    }

    /** The outcome of one server-side handshake. */
    record ServerResult(SSLSession session, Exception failure) {
        boolean ok() {
            return failure == null;
        }
    }

    /** A loopback server that handshakes each accepted connection, writes one byte and closes. */
    static final class Server implements AutoCloseable {
        final SSLServerSocket socket;
        final BlockingQueue<ServerResult> results = new LinkedBlockingQueue<>();
        private final Thread thread;

        Server(SSLServerSocket socket) {
            this.socket = socket;
            this.thread = new Thread(this::run, "tls-test-server");
            thread.setDaemon(true);
            thread.start();
        }

        static Server start(CsmsTlsContext ctx) throws IOException {
            return new Server(ctx.createServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        }

        int port() {
            return socket.getLocalPort();
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
        }

        private void run() {
            while (!socket.isClosed()) {
                SSLSocket s;
                try {
                    s = (SSLSocket) socket.accept();
                } catch (IOException e) {
                    return;
                }
                try (s) {
                    s.setSoTimeout((int) TIMEOUT.toMillis());
                    s.startHandshake();
                    OutputStream out = s.getOutputStream();
                    out.write('K');
                    out.flush();
                    // Wait for the client to close (read -1), so TLS 1.3 client-auth failures surface here.
                    InputStream in = s.getInputStream();
                    in.read();
                    results.add(new ServerResult(s.getSession(), null));
                } catch (SocketTimeoutException e) {
                    results.add(new ServerResult(s.getSession(), null));
                } catch (IOException e) {
                    results.add(new ServerResult(null, e));
                }
            }
        }

        ServerResult next() throws InterruptedException {
            ServerResult r = results.poll(TIMEOUT.toMillis() + 2000, TimeUnit.MILLISECONDS);
            if (r == null) {
                throw new AssertionError("server saw no handshake");
            }
            return r;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Connects with the station context, reads the server's byte, closes; returns the session. */
    /**
     * Connects as the station and expects the CSMS to end the handshake over the station's certificate.
     *
     * @return the one failure the CSMS reported (INVALID_PEER_CERTIFICATE at the CSMS endpoint)
     */
    static TlsFailure csmsRefuses(StationTlsContext station, Server server, Recorder rec) throws Exception {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> roundTrip(station, server))
                .isInstanceOf(IOException.class);
        ServerResult r = server.next();
        org.assertj.core.api.Assertions.assertThat(r.ok()).as("the CSMS accepted the station").isFalse();
        org.assertj.core.api.Assertions.assertThat(HandshakeFailureClassifier.classify(r.failure()))
                .isEqualTo(TlsFailure.Kind.INVALID_PEER_CERTIFICATE);
        org.assertj.core.api.Assertions.assertThat(rec.failures).hasSize(1);
        TlsFailure f = rec.failures.get(0);
        org.assertj.core.api.Assertions.assertThat(f.endpoint()).isEqualTo(TlsFailure.Endpoint.CSMS);
        org.assertj.core.api.Assertions.assertThat(f.kind()).isEqualTo(TlsFailure.Kind.INVALID_PEER_CERTIFICATE);
        return f;
    }

    static SSLSession roundTrip(StationTlsContext station, Server server) throws IOException {
        try (SSLSocket s = station.connect(server.address(), TIMEOUT)) {
            int b = s.getInputStream().read();
            if (b != 'K') {
                throw new IOException("expected the server's byte, got " + b);
            }
            return s.getSession();
        }
    }

    static CsmsTlsContext build(CsmsTlsContext.Builder b) {
        try {
            return b.build();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static StationTlsContext build(StationTlsContext.Builder b) {
        try {
            return b.build();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
