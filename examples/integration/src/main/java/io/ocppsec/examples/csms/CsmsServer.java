package io.ocppsec.examples.csms;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.WARNING;

import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.json.OcppJsonCodec;
import io.ocppsec.examples.rpc.CloseStatus;
import io.ocppsec.examples.rpc.OcppRpc;
import io.ocppsec.tls.AdmissionDecision;
import io.ocppsec.tls.CsmsAdmission;
import io.ocppsec.tls.CsmsTlsContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The demo CSMS: Jetty 12 core WebSocket over TLS on a loopback address.
 *
 * <pre>{@code
 * CsmsTlsContext tls = CsmsTlsContext.forServer(SecurityProfile.TLS_BASIC_AUTH, List.of(ecKeys, rsaKeys)).build();
 * try (CsmsServer csms = CsmsServer.builder(tls)
 *         .admission(CsmsAdmission.builder(tls).passwords(basicAuth).profileRegistry(profiles).build())
 *         .sessionListener(s -> s.rpc().onCall(BootNotificationRequest.class, call -> accepted()))
 *         .start()) {
 *     URI uri = csms.uri("CS-0001");   // wss://127.0.0.1:<port>/ocpp/CS-0001
 * }
 * }</pre>
 *
 * <p>TLS is exactly the SDK's {@link CsmsTlsContext}: its {@code SSLContext} and {@code SSLParameters}
 * (versions, suites, client authentication of the profile), nothing of Jetty's defaults. A failed TLS
 * handshake is classified and reported through {@link CsmsTlsContext#reportHandshakeFailure} (A00.FR.408).
 *
 * <p>An upgrade request goes through, in this order: the path must be {@code /ocpp/{identity}} with a valid
 * identity (else 404/400); the {@link UpgradeAuthenticator}, usually the SDK's {@link CsmsAdmission} through
 * {@link Builder#admission} (else its status, 401 with a {@code WWW-Authenticate: Basic} challenge); the
 * subprotocol: without {@value #SUBPROTOCOL} in the offer
 * the handshake completes without a {@code Sec-WebSocket-Protocol} header and the connection is closed at
 * once with 1002, as OCPP-J (Part 4) prescribes. Once the WebSocket is open, an admission is told
 * ({@link CsmsAdmission#connected}, raising the station's profile floor, A05.FR.07). A second connection of the same identity replaces the
 * first, which is closed with 1008.
 */
public final class CsmsServer implements AutoCloseable {

    /** The only WebSocket subprotocol accepted. */
    public static final String SUBPROTOCOL = "ocpp2.0.1";
    /** The path prefix; the identity follows it. */
    public static final String PATH_PREFIX = "/ocpp/";
    /** Maximum identity length (OCPP-J 2.0.1: identity is a string of at most 48 characters). */
    public static final int MAX_IDENTITY_LENGTH = ChargingStationIdentity.MAX_LENGTH;

    private static final System.Logger LOG = System.getLogger(CsmsServer.class.getName());

    private final Builder config;
    private final Server server;
    private final ServerConnector connector;
    private final PolicySslContextFactory sslContextFactory;
    private final ExecutorService handlerExecutor;
    private final ScheduledExecutorService scheduler;
    private final Map<String, OcppSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, List<CompletableFuture<OcppSession>>> waiters = new HashMap<>();

    private CsmsServer(Builder b) {
        this.config = b;
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("csms-jetty");
        pool.setDaemon(true);
        server = new Server(pool);
        server.setStopTimeout(2000);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // The station connects to 127.0.0.1 (no SNI) while the certificate names csms.example.com; the
        // station checks the CSMS name itself (A00.FR.309/412), so Jetty's SNI-vs-certificate check is off.
        secure.setSniHostCheck(false);
        secure.setSniRequired(false);
        http.addCustomizer(secure);
        sslContextFactory = new PolicySslContextFactory(b.tls.sslContext(), b.tls.sslParameters());
        connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(sslContextFactory, "http/1.1"),
                new HttpConnectionFactory(http));
        connector.addBean(new SslHandshakeListener() {
            @Override
            public void handshakeFailed(Event event, Throwable failure) {
                // A00.FR.407/408: the handshake ended the connection; classify and report it.
                String peer = event.getSSLEngine().getPeerHost() + ":" + event.getSSLEngine().getPeerPort();
                b.tls.reportHandshakeFailure(failure, Optional.of(peer));
            }
        });
        connector.setHost(b.host);
        connector.setPort(b.port);
        server.addConnector(connector);
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, container -> {
            // chars to UTF-8 bytes: at most 3 bytes per char; the codec then enforces its char limit.
            container.setMaxTextMessageSize(3L * b.codec.maxFrameChars());
            container.setMaxBinaryMessageSize(1024);
            container.setIdleTimeout(b.idleTimeout);
            container.addMapping(PATH_PREFIX + "*", this::createWebSocket);
        });
        server.setHandler(ws);
        server.setErrorHandler(new LoggingErrorHandler());
        handlerExecutor = Executors.newFixedThreadPool(2, named("csms-handler"));
        scheduler = Executors.newSingleThreadScheduledExecutor(named("csms-timer"));
    }

    /**
     * @param tls the SDK's CSMS TLS context of this endpoint's security profile (server certificates,
     *        versions and suites, and for profile 3 the station certificate validation)
     * @return a builder
     */
    public static Builder builder(CsmsTlsContext tls) {
        return new Builder(tls);
    }

    /** @return the port the server listens on (the real one when the builder asked for port 0) */
    public int port() {
        return connector.getLocalPort();
    }

    /** @return the address the server listens on */
    public String host() {
        return config.host;
    }

    /**
     * @param identity a station identity
     * @return {@code wss://host:port/ocpp/identity}
     */
    public URI uri(String identity) {
        return URI.create("wss://" + config.host + ":" + port() + PATH_PREFIX + Objects.requireNonNull(identity));
    }

    /**
     * @param identity a station identity
     * @return its open session, if any
     */
    public Optional<OcppSession> session(String identity) {
        return Optional.ofNullable(sessions.get(identity)).filter(OcppSession::isOpen);
    }

    /**
     * @param identity a station identity
     * @return completes with its open session now, or with the next one that opens (the client may see the
     *         upgrade complete slightly before the server has set the session up)
     */
    public CompletableFuture<OcppSession> awaitSession(String identity) {
        synchronized (waiters) {
            Optional<OcppSession> open = session(identity);
            if (open.isPresent()) {
                return CompletableFuture.completedFuture(open.get());
            }
            CompletableFuture<OcppSession> f = new CompletableFuture<>();
            waiters.computeIfAbsent(identity, k -> new ArrayList<>()).add(f);
            return f;
        }
    }

    /** @return the SDK TLS context the server was built with */
    public CsmsTlsContext tls() {
        return config.tls;
    }

    /** @return the protocols and cipher suites the server enforces, as given */
    public javax.net.ssl.SSLParameters tlsPolicy() {
        return sslContextFactory.policy();
    }

    private Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        String path = request.getHttpURI().getDecodedPath();
        String identity = path == null || !path.startsWith(PATH_PREFIX) ? "" : path.substring(PATH_PREFIX.length());
        if (identity.isEmpty()) {
            Response.writeError(request, response, callback, 404, "no station identity in the path");
            return null;
        }
        if (!validIdentity(identity)) {
            Response.writeError(request, response, callback, 400, "invalid station identity");
            return null;
        }
        EndPoint.SslSessionData tls = (EndPoint.SslSessionData) request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
        if (tls == null) {
            Response.writeError(request, response, callback, 403, "TLS required");
            return null;
        }
        X509Certificate[] peer = tls.peerCertificates();
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        HandshakeInfo handshake = new HandshakeInfo(identity,
                Optional.ofNullable(request.getHeaders().get(HttpHeader.AUTHORIZATION)),
                peer == null || peer.length == 0 ? Optional.empty() : Optional.of(Arrays.asList(peer)),
                remote instanceof InetSocketAddress ? (InetSocketAddress) remote : new InetSocketAddress(0),
                tls.sslSession().getProtocol(), tls.cipherSuite(), tls.sslSession());
        UpgradeDecision decision;
        try {
            decision = Objects.requireNonNull(config.authenticator.authenticate(handshake), "decision");
        } catch (RuntimeException e) {
            LOG.log(WARNING, "authenticator failed for " + identity + ": " + e.getClass().getName());
            decision = UpgradeDecision.reject(403, "authentication failed");
        }
        if (decision instanceof UpgradeDecision.Reject) {
            UpgradeDecision.Reject reject = (UpgradeDecision.Reject) decision;
            LOG.log(DEBUG, "upgrade refused for " + identity + " from " + handshake.remoteAddress() + ": "
                    + reject.httpStatus() + " " + reject.reason());
            if (reject.httpStatus() == 401) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, AdmissionDecision.BASIC_CHALLENGE);
            }
            Response.writeError(request, response, callback, reject.httpStatus(), reject.reason());
            return null;
        }
        if (!request.hasSubProtocol(SUBPROTOCOL)) {
            LOG.log(DEBUG, "no " + SUBPROTOCOL + " subprotocol offered by " + identity + ": closing");
            return new SubprotocolRefusal();
        }
        response.setAcceptedSubProtocol(SUBPROTOCOL);
        return new Endpoint(this, handshake, (UpgradeDecision.Accept) decision);
    }

    /**
     * The SDK's identity rule ({@link ChargingStationIdentity}: 1 to 48 characters of identifierString, no
     * {@code :}, A00.FR.204), checked before any authenticator sees the request, as {@link CsmsAdmission} does.
     */
    static boolean validIdentity(String identity) {
        return ChargingStationIdentity.problem(identity).isEmpty();
    }

    /**
     * Accepts the handshake without a subprotocol and closes at once (OCPP-J Part 4). Public only because
     * Jetty calls listener methods through a public method lookup.
     */
    public static final class SubprotocolRefusal implements Session.Listener.AutoDemanding {
        SubprotocolRefusal() {
        }

        /** @param session the session to close */
        @Override
        public void onWebSocketOpen(Session session) {
            session.close(1002, "subprotocol " + SUBPROTOCOL + " required", org.eclipse.jetty.websocket.api.Callback.NOOP);
        }
    }

    /**
     * The Jetty endpoint of one OCPP session. Public only because Jetty calls listener methods through a
     * public method lookup; not for use outside this package.
     */
    public static final class Endpoint implements Session.Listener.AutoDemanding {
        private final CsmsServer csms;
        private final HandshakeInfo handshake;
        private final UpgradeDecision.Accept accepted;
        private volatile OcppSession ocpp;

        Endpoint(CsmsServer csms, HandshakeInfo handshake, UpgradeDecision.Accept accepted) {
            this.csms = csms;
            this.handshake = handshake;
            this.accepted = accepted;
        }

        /** @param session the opened session */
        @Override
        public void onWebSocketOpen(Session session) {
            OcppRpc rpc = OcppRpc.builder(handshake.identity(), text -> {
                CompletableFuture<Void> sent = new CompletableFuture<>();
                session.sendText(text, org.eclipse.jetty.websocket.api.Callback.from(() -> sent.complete(null),
                        sent::completeExceptionally));
                return sent;
            }).codec(csms.config.codec).callTimeout(csms.config.callTimeout).maxPending(csms.config.maxPending)
                    .executor(csms.handlerExecutor).scheduler(csms.scheduler).build();
            OcppSession s = new OcppSession(handshake, rpc, session);
            ocpp = s;
            OcppSession previous = csms.sessions.put(handshake.identity(), s);
            if (previous != null) {
                previous.close(1008, "replaced by a new connection");
            }
            try {
                accepted.opened(); // the connection is established: e.g. the A05.FR.07 floor is raised now
                csms.config.listener.onOpen(s);
            } catch (RuntimeException e) {
                LOG.log(WARNING, "session setup failed for " + handshake.identity() + ": " + e.getClass().getName());
                s.close(1011, "server error");
                return;
            }
            LOG.log(DEBUG, "session opened: " + handshake);
            List<CompletableFuture<OcppSession>> ready;
            synchronized (csms.waiters) {
                ready = csms.waiters.remove(handshake.identity());
            }
            if (ready != null) {
                ready.forEach(f -> f.complete(s));
            }
        }

        /** @param message a complete text message */
        @Override
        public void onWebSocketText(String message) {
            OcppSession s = ocpp;
            if (s != null) {
                s.rpc().onMessage(message);
            }
        }

        /** @param statusCode close code @param reason close reason */
        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            OcppSession s = ocpp;
            if (s == null) {
                return;
            }
            csms.sessions.remove(handshake.identity(), s);
            CloseStatus status = new CloseStatus(statusCode, reason == null ? "" : reason);
            s.markClosed(status);
            LOG.log(DEBUG, "session closed: " + handshake.identity() + " " + status);
            try {
                csms.config.listener.onClose(s, status);
            } catch (RuntimeException e) {
                LOG.log(WARNING, "session listener failed on close: " + e.getClass().getName());
            }
        }

        /** @param cause what went wrong */
        @Override
        public void onWebSocketError(Throwable cause) {
            LOG.log(DEBUG, "session error for " + handshake.identity() + ": " + cause.getClass().getName());
        }
    }

    /**
     * Stops the server: open sessions are closed (their pending CALLs fail), threads end. Idempotent.
     */
    @Override
    public void close() {
        for (OcppSession s : sessions.values()) {
            s.close(1001, "server shutting down");
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(WARNING, "server stop failed: " + e);
        }
        for (OcppSession s : sessions.values()) {
            s.markClosed(new CloseStatus(1001, "server shutting down"));
        }
        sessions.clear();
        synchronized (waiters) {
            waiters.values().forEach(l -> l.forEach(f -> f.cancel(false)));
            waiters.clear();
        }
        handlerExecutor.shutdownNow();
        scheduler.shutdownNow();
    }

    /** Logs why Jetty answered with a server error (the exception class only), then renders the error. */
    private static final class LoggingErrorHandler extends org.eclipse.jetty.server.handler.ErrorHandler {
        @Override
        public boolean handle(org.eclipse.jetty.server.Request request, Response response, Callback callback)
                throws Exception {
            Object cause = request.getAttribute(ERROR_EXCEPTION);
            if (cause instanceof Throwable) {
                LOG.log(WARNING, "request failed: " + ((Throwable) cause).getClass().getName());
            }
            return super.handle(request, response, callback);
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Builder of {@link CsmsServer}; the SDK TLS context is required. */
    public static final class Builder {
        private final CsmsTlsContext tls;
        private String host = "127.0.0.1";
        private int port;
        private UpgradeAuthenticator authenticator = h -> UpgradeDecision.reject(403, "no authenticator configured");
        private SessionListener listener = s -> { };
        private OcppJsonCodec codec = OcppJsonCodec.create();
        private Duration callTimeout = OcppRpc.DEFAULT_CALL_TIMEOUT;
        private Duration idleTimeout = Duration.ofMinutes(5);
        private int maxPending = OcppRpc.DEFAULT_MAX_PENDING;

        private Builder(CsmsTlsContext tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
        }

        /** @param h loopback address to bind (default 127.0.0.1) @return this */
        public Builder host(String h) {
            this.host = Objects.requireNonNull(h, "host");
            return this;
        }

        /** @param p port, 0 for any free one (default 0) @return this */
        public Builder port(int p) {
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535");
            }
            this.port = p;
            return this;
        }

        /** @param a decides on every upgrade (default: refuse all with 403) @return this */
        public Builder authenticator(UpgradeAuthenticator a) {
            this.authenticator = Objects.requireNonNull(a, "authenticator");
            return this;
        }

        /**
         * Lets the SDK decide every upgrade ({@link UpgradeAuthenticator#admitting}) and tells it when the
         * WebSocket is open.
         *
         * @param a the admission of this endpoint, built over the same TLS context
         * @return this
         * @throws IllegalArgumentException when the admission is for another TLS context
         */
        public Builder admission(CsmsAdmission a) {
            if (a.tlsContext().orElse(null) != tls) {
                throw new IllegalArgumentException("the admission must be built over this server's CsmsTlsContext");
            }
            return authenticator(UpgradeAuthenticator.admitting(a));
        }

        /** @param l told about sessions; registers their CALL handlers @return this */
        public Builder sessionListener(SessionListener l) {
            this.listener = Objects.requireNonNull(l, "listener");
            return this;
        }

        /** @param c the codec of every session @return this */
        public Builder codec(OcppJsonCodec c) {
            this.codec = Objects.requireNonNull(c, "codec");
            return this;
        }

        /** @param t call timeout of every session @return this */
        public Builder callTimeout(Duration t) {
            this.callTimeout = Objects.requireNonNull(t, "callTimeout");
            return this;
        }

        /** @param t WebSocket idle timeout @return this */
        public Builder idleTimeout(Duration t) {
            this.idleTimeout = Objects.requireNonNull(t, "idleTimeout");
            return this;
        }

        /** @param n pending CALL limit of every session @return this */
        public Builder maxPending(int n) {
            this.maxPending = n;
            return this;
        }

        /**
         * Starts the server.
         *
         * @return the running server
         * @throws Exception if Jetty cannot start (port in use, bad TLS configuration)
         */
        public CsmsServer start() throws Exception {
            CsmsServer s = new CsmsServer(this);
            try {
                s.server.start();
            } catch (Exception e) {
                s.close();
                throw e;
            }
            return s;
        }
    }
}
