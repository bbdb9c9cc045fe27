package io.ocppsec.examples.sslcontext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.ocppsec.api.SecurityProfile;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.examples.station.ConnectOutcome;
import io.ocppsec.examples.station.StationClient;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.CsmsTlsContext;
import io.ocppsec.tls.StationTlsContext;
import io.ocppsec.tls.TlsFailure;
import io.ocppsec.tls.TlsKeyMaterial;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK's {@code SSLContext} handed alone to the libraries integrators use, never calling {@code sslParameters()}
 * or {@code configure(...)}: Jetty {@code SslContextFactory.Server#setSslContext}, Netty {@code JdkSslContext} and the
 * JDK {@code HttpClient} (standing in for OkHttp, which is not available to this build: both take an
 * {@code SSLContext}/socket factory and apply their own defaults to its engines and sockets). Each runs on the OCPP
 * policy: a profile-3 CSMS requires the client certificate and refuses a non-OCPP suite, a station accepts only the
 * policy's suites.
 */
class SslContextOnlyIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String OLD_CBC = "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA";

    private static TestPki pki;
    private static TestCertificate csmsCertificate;
    private final List<TlsFailure> failures = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void pki() {
        pki = TestPki.create(KeyType.EC_P256, Instant.now());
        csmsCertificate = pki.csmsBuilder(TestPki.CSMS_FQDN).sanIp("127.0.0.1").build();
    }

    private CsmsTlsContext csms() throws Exception {
        return CsmsTlsContext.forServer(SecurityProfile.TLS_CLIENT_CERTIFICATE,
                        List.of(TlsKeyMaterial.of(csmsCertificate.keyPair().getPrivate(), csmsCertificate.chain())))
                .stationCertificates(TrustAnchors.cso(pki.csoRoot().certificate()), TestPki.CSO_NAME)
                .failureListener(failures::add).build();
    }

    private StationTlsContext station() throws Exception {
        TestCertificate st = pki.station();
        return StationTlsContext.forClient(SecurityProfile.TLS_CLIENT_CERTIFICATE, List.of(pki.csoRoot().certificate()))
                .expectedHost(TestPki.CSMS_FQDN)
                .clientKeyMaterial(TlsKeyMaterial.of(st.keyPair().getPrivate(), st.chain()))
                .failureListener(failures::add).build();
    }

    @Test
    @Verifies({"A00.FR.401", "A00.FR.407", "A00.FR.423"})
    void jettyWithOnlySetSslContextRunsOnThePolicy() throws Exception {
        CsmsTlsContext csms = csms();
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setSslContext(csms.sslContext());
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty, new SslConnectionFactory(factory, "http/1.1"),
                new HttpConnectionFactory());
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.write(true, ByteBuffer.wrap("ok".getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        jetty.start();
        try {
            URI uri = URI.create("https://127.0.0.1:" + connector.getLocalPort() + "/");
            // The station with the JDK HttpClient, given only the SDK's SSLContext.
            HttpClient http = HttpClient.newBuilder().sslContext(station().sslContext()).connectTimeout(TIMEOUT).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("ok");
            // A client without a certificate, and one that only offers a CBC suite, are refused.
            HttpClient noCert = HttpClient.newBuilder().sslContext(plain(false)).connectTimeout(TIMEOUT).build();
            assertThatThrownBy(() -> noCert.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> handshake(plain(true), connector.getLocalPort(), OLD_CBC))
                    .isInstanceOf(IOException.class);
        } finally {
            jetty.stop();
        }
        assertThat(failures).allSatisfy(f -> assertThat(f.kind()).isNotEqualTo(TlsFailure.Kind.OTHER));
    }

    @Test
    @Verifies({"A00.FR.401", "A00.FR.416", "A00.FR.423"})
    void nettyJdkSslContextOverTheRawContextRunsOnThePolicy() throws Exception {
        CsmsTlsContext csms = csms();
        SslContext netty = new JdkSslContext(csms.sslContext(), false, ClientAuth.NONE);
        SSLEngine engine = netty.newEngine(ByteBufAllocator.DEFAULT);
        assertThat(engine.getNeedClientAuth()).isTrue();
        assertThat(csms.sslParameters().getCipherSuites()).contains(engine.getEnabledCipherSuites());
        assertThat(csms.sslParameters().getProtocols()).contains(engine.getEnabledProtocols());

        SSLEngine client = new JdkSslContext(station().sslContext(), true, ClientAuth.NONE)
                .newEngine(ByteBufAllocator.DEFAULT);
        assertThat(client.getUseClientMode()).isTrue();
        assertThat(csms.sslParameters().getCipherSuites()).contains(client.getEnabledCipherSuites());

        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(netty.newHandler(ch.alloc()), new ChannelInboundHandlerAdapter() {
                                @Override
                                public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                                    if (evt instanceof SslHandshakeCompletionEvent done && done.isSuccess()) {
                                        ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'K'}));
                                    }
                                }
                            });
                        }
                    }).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            assertThat(handshake(station().sslContext(), port, null)).isEqualTo('K');
            assertThatThrownBy(() -> handshake(plain(false), port, null)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> handshake(plain(true), port, OLD_CBC)).isInstanceOf(IOException.class);
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
        }
    }

    /** A CSMS that refuses the station by completing the handshake and dropping the connection (Node ocpp-rpc). */
    @Test
    void stationClientReportsADropAfterTheHandshakeAsARefusalByTheCsms() throws Exception {
        CsmsTlsContext csms = csms();
        try (javax.net.ssl.SSLServerSocket ss = csms.createServerSocket(0, 5, InetAddress.getLoopbackAddress());
             StationClient client = StationClient.builder(station()).connectTimeout(TIMEOUT).build()) {
            // Every connection (the JDK client retries a GET once) is handshaken and dropped.
            java.util.concurrent.CompletableFuture<Void> drop = java.util.concurrent.CompletableFuture.runAsync(() -> {
                while (!ss.isClosed()) {
                    try (SSLSocket s = (SSLSocket) ss.accept()) {
                        s.startHandshake(); // then close without answering the upgrade
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            ConnectOutcome o = client.connect(URI.create("wss://127.0.0.1:" + ss.getLocalPort() + "/" + TestPki.STATION_SERIAL),
                    java.util.Optional.empty());
            ss.close();
            drop.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(o).isInstanceOfSatisfying(ConnectOutcome.Failed.class, f -> {
                assertThat(f.kind()).as(f.detail()).isEqualTo(ConnectOutcome.Kind.REFUSED_AFTER_HANDSHAKE);
                assertThat(f.detail()).contains("refused by the CSMS after the handshake")
                        .contains("FailedToAuthenticateAtCsms");
                assertThat(f.tlsFailure().orElseThrow().kind()).isEqualTo(TlsFailure.Kind.REJECTED_BY_PEER);
            });
        }
    }

    /** Handshakes over a socket of {@code ctx} (optionally offering one suite only) and reads the server's byte. */
    private static int handshake(SSLContext ctx, int port, String onlySuite) throws IOException {
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout((int) TIMEOUT.toMillis());
            if (onlySuite != null) {
                s.setEnabledProtocols(new String[] {"TLSv1.2"});
                s.setEnabledCipherSuites(new String[] {onlySuite});
            }
            s.startHandshake();
            int b = s.getInputStream().read();
            if (b < 0) {
                throw new IOException("the server closed the connection after the handshake");
            }
            return b;
        }
    }

    /** A JDK context that trusts any server; with the station's certificate or none. */
    private static SSLContext plain(boolean withStationCertificate) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        javax.net.ssl.KeyManager[] keys = null;
        if (withStationCertificate) {
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            TestCertificate st = pki.station();
            ks.setKeyEntry("station", st.keyPair().getPrivate(), new char[] {'x'}, st.chain().toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(ks, new char[] {'x'});
            keys = kmf.getKeyManagers();
        }
        ctx.init(keys, new TrustManager[] {new io.ocppsec.testing.TrustAll()}, null);
        return ctx;
    }
}
