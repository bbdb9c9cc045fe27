package io.ocppsec.examples.station;

import static java.lang.System.Logger.Level.DEBUG;

import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.json.OcppJsonCodec;
import io.ocppsec.examples.rpc.CloseStatus;
import io.ocppsec.examples.rpc.OcppRpc;
import io.ocppsec.tls.StationTlsContext;
import io.ocppsec.tls.TlsFailure;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * The demo Charging Station's connection to the CSMS: the JDK {@code java.net.http} WebSocket over TLS
 * with subprotocol {@value #SUBPROTOCOL}, an optional {@code Authorization} header (profiles 1 and 2), and
 * one {@link OcppRpc} per connection.
 *
 * <pre>{@code
 * StationTlsContext tls = StationTlsContext.forClient(SecurityProfile.TLS_BASIC_AUTH, installedCsmsRoots)
 *         .expectedHost("csms.example.com").build();
 * try (StationClient client = StationClient.builder(tls)
 *         .handlers(rpc -> rpc.onCall(TriggerMessageRequest.class, this::onTrigger)).build()) {
 *     ConnectOutcome o = client.connect(csmsUri, Optional.of(basicAuthHeader));
 *     if (o instanceof ConnectOutcome.Refused) { ... ((ConnectOutcome.Refused) o).httpStatus() ... }
 *     StationConnection c = o.connection();
 * }
 * }</pre>
 *
 * <p>Host name check: the JDK client always verifies the CSMS certificate against the host of the URI
 * (there is no supported per-client switch, and the global {@code jdk.internal.httpclient.disable
 * HostnameVerification} property must not be used). The demo therefore connects to {@code 127.0.0.1}
 * with a CSMS certificate whose subjectAltName holds both {@code DNS:csms.example.com} and
 * {@code IP:127.0.0.1}. The OCPP checks (path to the installed CSMS root only, CN = the configured FQDN,
 * A00.FR.308/309, 411/412) are made inside the handshake by the trust manager of the SDK's
 * {@link StationTlsContext}; a failed handshake is classified by it ({@link StationTlsContext#reportHandshakeFailure},
 * which raises InvalidCsmsCertificate / InvalidTLSVersion / InvalidTLSCipherSuite through its failure
 * listener) and returned as {@link ConnectOutcome.Failed#tlsFailure()}.
 */
public final class StationClient implements AutoCloseable {

    /** The WebSocket subprotocol offered. */
    public static final String SUBPROTOCOL = "ocpp2.0.1";

    private static final System.Logger LOG = System.getLogger(StationClient.class.getName());

    private final Builder config;
    private final ExecutorService executor;
    private final HttpClient http;
    private final java.util.Set<StationConnection> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private StationClient(Builder b) {
        this.config = b;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "station-http");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().sslContext(b.tls.sslContext()).sslParameters(b.tls.sslParameters())
                .connectTimeout(b.connectTimeout).executor(executor).build();
    }

    /**
     * @param tls the SDK's station TLS context (trust = installed CSMS roots, expected CSMS FQDN, the
     *        station certificate for profile 3)
     * @return a builder
     */
    public static Builder builder(StationTlsContext tls) {
        return new Builder(tls);
    }

    /**
     * Connects and waits for the outcome (at most the connect timeout plus one second).
     *
     * @param uri {@code wss://host:port/ocpp/{identity}}
     * @param authorization the {@code Authorization} header value (e.g. {@code Basic ...}), or empty
     * @return the outcome; never throws for a refused or failed connection
     */
    public ConnectOutcome connect(URI uri, Optional<String> authorization) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(authorization, "authorization");
        Listener listener = new Listener(uri.getPath());
        WebSocket.Builder wb = http.newWebSocketBuilder()
                .subprotocols(config.offered[0], java.util.Arrays.copyOfRange(config.offered, 1, config.offered.length))
                .connectTimeout(config.connectTimeout);
        authorization.ifPresent(a -> wb.header("Authorization", a));
        WebSocket ws;
        try {
            ws = wb.buildAsync(uri, listener).get(config.connectTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            ConnectOutcome o = classify(e.getCause(), uri);
            LOG.log(DEBUG, "connect to " + uri + " gave " + o);
            return o;
        } catch (TimeoutException e) {
            return new ConnectOutcome.Failed(ConnectOutcome.Kind.TIMEOUT, "no upgrade response within "
                    + config.connectTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ConnectOutcome.Failed(ConnectOutcome.Kind.IO, "interrupted");
        }
        if (!SUBPROTOCOL.equals(ws.getSubprotocol())) {
            ws.abort();
            listener.closeRpc();
            return new ConnectOutcome.Failed(ConnectOutcome.Kind.SUBPROTOCOL_NOT_ACCEPTED,
                    "the CSMS did not agree to " + SUBPROTOCOL);
        }
        StationConnection c = new StationConnection(uri, ws, listener.rpc, listener.closed);
        open.add(c);
        c.closed().whenComplete((st, e) -> open.remove(c));
        return new ConnectOutcome.Connected(c);
    }

    private ConnectOutcome classify(Throwable failure, URI uri) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WebSocketHandshakeException) {
                return new ConnectOutcome.Refused(((WebSocketHandshakeException) t).getResponse().statusCode());
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                // A00.FR.310/311, 316, 323: classified, reported to the context's listener; the connection is gone.
                TlsFailure f = config.tls.reportHandshakeFailure(failure,
                        Optional.of(uri.getHost() + ":" + uri.getPort()));
                return new ConnectOutcome.Failed(ConnectOutcome.Kind.TLS_HANDSHAKE, describe(t), Optional.of(f));
            }
            if (t instanceof HttpTimeoutException) {
                return new ConnectOutcome.Failed(ConnectOutcome.Kind.TIMEOUT, describe(t));
            }
        }
        if (config.tls.profile().requiresClientCertificate() && droppedAfterHandshake(failure)) {
            TlsFailure f = new TlsFailure(TlsFailure.Kind.REJECTED_BY_PEER, TlsFailure.Endpoint.CHARGING_STATION,
                    ValidationResult.compliant(), "refused by the CSMS after the handshake: " + describe(failure),
                    Optional.of(uri.getHost() + ":" + uri.getPort()), Instant.now());
            return new ConnectOutcome.Failed(ConnectOutcome.Kind.REFUSED_AFTER_HANDSHAKE,
                    "refused by the CSMS after the handshake (" + describe(failure) + "); security event "
                            + SecurityEventType.FAILED_TO_AUTHENTICATE_AT_CSMS.ocppName(), Optional.of(f));
        }
        return new ConnectOutcome.Failed(ConnectOutcome.Kind.IO, describe(failure));
    }

    /**
     * The JDK client's view of a CSMS that closed or reset the connection once TLS was up: an end of stream or a
     * reset where the upgrade response was expected (a refused TCP connection is a {@link ConnectException}).
     */
    private static boolean droppedAfterHandshake(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof java.nio.channels.UnresolvedAddressException) {
                return false;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (t instanceof EOFException || m.contains("received no bytes") || m.contains("connection reset")
                    || m.contains("eof reached")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable t) {
        return t == null ? "unknown" : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** Aborts the connections still open and stops the client's threads. */
    @Override
    public void close() {
        for (StationConnection c : open) {
            c.abort();
        }
        executor.shutdownNow();
    }

    /** The JDK WebSocket listener of one connection. */
    private final class Listener implements WebSocket.Listener {
        private final String name;
        private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
        private volatile OcppRpc rpc;
        private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

        Listener(String path) {
            this.name = path == null ? "station" : path.substring(path.lastIndexOf('/') + 1);
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            rpc = OcppRpc.builder(name, text -> send(webSocket, text)).codec(config.codec)
                    .callTimeout(config.callTimeout).maxPending(config.maxPending).build();
            config.handlers.accept(rpc);
            webSocket.request(1);
        }

        /** The JDK WebSocket allows one outstanding send: queue each frame behind the previous one. */
        private synchronized CompletableFuture<Void> send(WebSocket webSocket, String text) {
            CompletableFuture<Void> next = lastSend.handle((v, e) -> null)
                    .thenCompose(x -> webSocket.sendText(text, true)).thenApply(w -> null);
            lastSend = next;
            return next;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            rpc.onText(data, last);
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1); // OCPP-J uses text frames only
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new CloseStatus(statusCode, reason == null ? "" : reason));
            closeRpc();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new CloseStatus(CloseStatus.ABNORMAL, error.getClass().getSimpleName()));
            closeRpc();
        }

        void closeRpc() {
            OcppRpc r = rpc;
            if (r != null) {
                r.close();
            }
        }
    }

    /** Builder of {@link StationClient}; the SDK TLS context is required. */
    public static final class Builder {
        private final StationTlsContext tls;
        private OcppJsonCodec codec = OcppJsonCodec.create();
        private Duration callTimeout = OcppRpc.DEFAULT_CALL_TIMEOUT;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private int maxPending = OcppRpc.DEFAULT_MAX_PENDING;
        private Consumer<OcppRpc> handlers = rpc -> { };
        private String[] offered = {SUBPROTOCOL};

        private Builder(StationTlsContext tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
        }

        /** @param c the codec @return this */
        public Builder codec(OcppJsonCodec c) {
            this.codec = Objects.requireNonNull(c, "codec");
            return this;
        }

        /** @param t call timeout @return this */
        public Builder callTimeout(Duration t) {
            this.callTimeout = Objects.requireNonNull(t, "callTimeout");
            return this;
        }

        /** @param t connect (TCP + TLS + upgrade) timeout @return this */
        public Builder connectTimeout(Duration t) {
            this.connectTimeout = Objects.requireNonNull(t, "connectTimeout");
            return this;
        }

        /** @param n pending CALL limit @return this */
        public Builder maxPending(int n) {
            this.maxPending = n;
            return this;
        }

        /**
         * @param h registers the CALL handlers of each new connection, before its first frame is read
         * @return this
         */
        public Builder handlers(Consumer<OcppRpc> h) {
            this.handlers = Objects.requireNonNull(h, "handlers");
            return this;
        }

        /**
         * For negative tests only: the subprotocols to offer instead of {@value #SUBPROTOCOL}. A connection
         * still succeeds only if the CSMS agrees to {@value #SUBPROTOCOL}.
         *
         * @param subprotocols one or more subprotocol names
         * @return this
         */
        public Builder offerSubprotocols(String... subprotocols) {
            if (subprotocols.length == 0) {
                throw new IllegalArgumentException("at least one subprotocol");
            }
            this.offered = subprotocols.clone();
            return this;
        }

        /** @return the client */
        public StationClient build() {
            return new StationClient(this);
        }
    }
}
