package io.ocppsec.examples.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ocppsec.api.SecurityProfile;
import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.core.credential.BasicAuthenticator;
import io.ocppsec.core.credential.CredentialState;
import io.ocppsec.core.credential.InMemoryCredentialStore;
import io.ocppsec.core.event.SecurityEventNotificationHandler;
import io.ocppsec.core.json.OcppJsonCodec;
import io.ocppsec.core.password.BasicAuthPassword;
import io.ocppsec.core.password.PasswordHasher;
import io.ocppsec.core.profile.StationProfileRegistry;
import io.ocppsec.core.profile.StationProfileStore;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.CsmsAdmission;
import io.ocppsec.tls.CsmsTlsContext;
import io.ocppsec.tls.TlsKeyMaterial;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A small OCPP 2.0.1 CSMS endpoint on Netty 4.2, showing where the SDK plugs in. Per connection:
 *
 * <ol>
 *   <li><b>TLS</b>: an {@link SslHandler} over {@link CsmsTlsContext#createSSLEngine()}, so versions, cipher
 *       suites and (profile 3) the client-certificate checks inside the handshake are exactly the SDK's
 *       policy. Netty's {@code SslContextBuilder} is deliberately not used: it would bring its own defaults.
 *       Failed handshakes go to {@link CsmsTlsContext#reportHandshakeFailure} (A00.FR.407/408).</li>
 *   <li><b>Upgrade</b> on {@code /ocpp/{identity}} with subprotocol {@value #SUBPROTOCOL}:
 *       {@link UpgradeGate} asks the SDK's {@link CsmsAdmission} before the 101 (profile 2: Basic auth, else
 *       401; profile 3: certificate CN = URL identity, else 403; the endpoint's profile, A00.FR.002, and with a
 *       {@code StationProfileRegistry} never a lower profile than the station reached, A05.FR.07).</li>
 *   <li><b>OCPP-J</b>: {@link OcppFrameHandler} decodes frames with the SDK's {@link OcppJsonCodec} and
 *       answers BootNotification and SecurityEventNotification.</li>
 * </ol>
 *
 * <pre>{@code
 * CsmsTlsContext tls = CsmsTlsContext.forServer(SecurityProfile.TLS_BASIC_AUTH, csmsKeys).build();
 * CsmsAdmission admission = CsmsAdmission.builder(tls).passwords(basicAuth).profileRegistry(profiles).build();
 * try (NettyCsmsExample csms = NettyCsmsExample.start(new InetSocketAddress(8443), admission, events)) {
 *     ... csms.uri("CS-0001") ...
 * }
 * }</pre>
 */
public final class NettyCsmsExample implements AutoCloseable {

    /** The path prefix; the station identity follows it. */
    public static final String PATH_PREFIX = "/ocpp/";
    /** The WebSocket subprotocol agreed to. */
    public static final String SUBPROTOCOL = "ocpp2.0.1";

    private final EventLoopGroup group;
    private final Channel server;

    private NettyCsmsExample(EventLoopGroup group, Channel server) {
        this.group = group;
        this.server = server;
    }

    /**
     * Binds and starts serving with an admission of the TLS context's profile and no A05.FR.07 floor (see
     * {@link #start(InetSocketAddress, CsmsAdmission, SecurityEventNotificationHandler)} for one).
     *
     * @param address where to listen (port 0 for any free one)
     * @param tls the SDK's CSMS TLS context; its profile (2 or 3) decides how stations authenticate
     * @param passwords the Basic-auth check of profile 2 (not used on a profile 3 endpoint)
     * @param events checks and takes the stations' security events (A04)
     * @return the running endpoint
     * @throws InterruptedException if interrupted while binding
     */
    public static NettyCsmsExample start(InetSocketAddress address, CsmsTlsContext tls, BasicAuthenticator passwords,
            SecurityEventNotificationHandler events) throws InterruptedException {
        Objects.requireNonNull(passwords, "passwords");
        CsmsAdmission.Builder admission = CsmsAdmission.builder(Objects.requireNonNull(tls, "tls"))
                .withoutProfileRegistry();
        if (tls.profile().usesBasicAuth()) {
            admission.passwords(passwords);
        }
        return start(address, admission.build(), events);
    }

    /**
     * Binds and starts serving.
     *
     * @param address where to listen (port 0 for any free one)
     * @param admission the SDK's admission of this endpoint, over its CSMS TLS context (profile 2 or 3)
     * @param events checks and takes the stations' security events (A04)
     * @return the running endpoint
     * @throws InterruptedException if interrupted while binding
     */
    public static NettyCsmsExample start(InetSocketAddress address, CsmsAdmission admission,
            SecurityEventNotificationHandler events) throws InterruptedException {
        CsmsTlsContext tls = Objects.requireNonNull(admission, "admission").tlsContext().orElseThrow(() ->
                new IllegalArgumentException("the Netty example serves profiles 2 and 3 (wss://) only"));
        Objects.requireNonNull(events, "events");
        OcppJsonCodec codec = OcppJsonCodec.create();
        int maxFrameBytes = 3 * codec.maxFrameChars(); // UTF-8: at most 3 bytes per char; the codec checks chars
        // Threads are named "csms-netty-*" (non-daemon: they keep a main() alive until close()).
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("csms-netty"),
                NioIoHandler.newFactory());
        try {
            Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            // One engine per connection, server mode with the SDK's SSLParameters applied.
                            // Profile 3 with online revocation blocks in the handshake: then give the
                            // SslHandler an executor for its delegated tasks, off the event loop.
                            ch.pipeline().addLast(new SslHandler(tls.createSSLEngine()))
                                    .addLast(new HandshakeFailureReporter(tls))
                                    .addLast(new HttpServerCodec()) // default header and line size limits
                                    .addLast(new HttpObjectAggregator(8 * 1024)) // an upgrade has no body
                                    .addLast(new UpgradeGate(admission))
                                    .addLast(new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig
                                            .newBuilder().websocketPath(PATH_PREFIX.substring(0, PATH_PREFIX.length() - 1))
                                            .checkStartsWith(true).subprotocols(SUBPROTOCOL)
                                            .maxFramePayloadLength(maxFrameBytes).build()))
                                    .addLast(new WebSocketFrameAggregator(maxFrameBytes))
                                    .addLast(new OcppFrameHandler(codec, events, Clock.systemUTC()));
                        }
                    }).bind(address).sync().channel();
            return new NettyCsmsExample(group, server);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** @return the address bound */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    /**
     * @param identity a station identity
     * @return {@code wss://host:port/ocpp/identity} for this endpoint
     */
    public URI uri(String identity) {
        return URI.create("wss://" + address().getAddress().getHostAddress() + ":" + address().getPort()
                + PATH_PREFIX + ChargingStationIdentity.of(identity).value());
    }

    /** Closes the listening socket and every connection, and stops the threads. */
    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Reports failed TLS handshakes through the SDK (classification into security events). */
    private static final class HandshakeFailureReporter extends ChannelInboundHandlerAdapter {
        private final CsmsTlsContext tls;

        HandshakeFailureReporter(CsmsTlsContext tls) {
            this.tls = tls;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof SslHandshakeCompletionEvent && !((SslHandshakeCompletionEvent) evt).isSuccess()) {
                tls.reportHandshakeFailure(((SslHandshakeCompletionEvent) evt).cause(),
                        Optional.of(String.valueOf(ctx.channel().remoteAddress())));
            }
            ctx.fireUserEventTriggered(evt);
        }
    }

    /**
     * Lab run on loopback with a fresh test PKI: {@code NettyCsmsExample <port> [2|3]}. Prints the CSO root
     * (the station's CSMSRootCertificate). Profile 2 accepts station {@code CS-0001} with the password in the
     * environment variable {@code OCPP_EXAMPLE_PASSWORD} (never printed). Lab certificates only.
     *
     * @param args the port, optionally the profile (default 2)
     * @throws Exception if the endpoint cannot start
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8443;
        boolean profile3 = args.length > 1 && "3".equals(args[1]);
        TestPki pki = TestPki.create(KeyType.EC_P256, Instant.now());
        // The JDK station client checks the host it connects to: name 127.0.0.1 as well as the FQDN.
        TestCertificate csms = pki.csmsBuilder(TestPki.CSMS_FQDN).sanIp("127.0.0.1").build();
        CsmsTlsContext.Builder tls = CsmsTlsContext.forServer(
                profile3 ? SecurityProfile.TLS_CLIENT_CERTIFICATE : SecurityProfile.TLS_BASIC_AUTH,
                List.of(TlsKeyMaterial.of(csms.keyPair().getPrivate(), csms.chain())));
        if (profile3) {
            tls.stationCertificates(TrustAnchors.cso(pki.csoRoot().certificate()), TestPki.CSO_NAME);
        }
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        PasswordHasher hasher = PasswordHasher.defaults();
        String password = System.getenv("OCPP_EXAMPLE_PASSWORD");
        if (password != null) { // only the salted hash is kept (A01.FR.08)
            store.put(CredentialState.withPassword(ChargingStationIdentity.of("CS-0001"),
                    hasher.hash(BasicAuthPassword.of(password))));
        }
        SecurityEventNotificationHandler events = SecurityEventNotificationHandler.create(
                (station, event) -> System.out.println(station + ": " + event.type().ocppName()),
                Clock.systemUTC(), Duration.ofMinutes(5));
        CsmsTlsContext context = tls.build();
        CsmsAdmission.Builder admission = CsmsAdmission.builder(context)
                .profileRegistry(new StationProfileRegistry(StationProfileStore.inMemory())); // A05.FR.07
        if (!profile3) {
            admission.passwords(new BasicAuthenticator(store, hasher));
        }
        NettyCsmsExample server = start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                admission.build(), events);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "csms-netty-shutdown"));
        System.out.print(pki.csoRoot().pem());
        System.out.println("Listening on " + server.uri("CS-0001") + " (profile " + (profile3 ? 3 : 2) + ")");
    }
}
