package io.ocppsec.examples.rpc;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.WARNING;

import io.ocppsec.api.message.OcppAction;
import io.ocppsec.api.message.OcppRequest;
import io.ocppsec.api.message.OcppResponse;
import io.ocppsec.core.json.OcppCall;
import io.ocppsec.core.json.OcppCallError;
import io.ocppsec.core.json.OcppCallResult;
import io.ocppsec.core.json.OcppErrorCode;
import io.ocppsec.core.json.OcppFrame;
import io.ocppsec.core.json.OcppJsonCodec;
import io.ocppsec.core.json.OcppJsonException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * OCPP-J RPC over one connection, the same on both sides: {@link #call} sends a CALL and returns a future
 * of its CALLRESULT; incoming CALLs go to the handler registered with {@link #onCall}; every frame goes
 * through {@link OcppJsonCodec}, so payloads are schema-checked in both directions.
 *
 * <pre>{@code
 * OcppRpc rpc = OcppRpc.builder("CS-0001", transport).callTimeout(Duration.ofSeconds(10)).build();
 * rpc.onCall(TriggerMessageRequest.class, call -> new TriggerMessageResponse(ACCEPTED, Optional.empty()));
 * // the transport's listener feeds: rpc.onText(fragment, last)
 * BootNotificationResponse r = rpc.call(bootRequest, BootNotificationResponse.class).get();
 * }</pre>
 *
 * <p>What it guarantees:
 * <ul>
 *   <li>a CALLRESULT is matched to its CALL by messageId and decoded with the CALL's action; a CALLERROR
 *       fails the future with {@link OcppRpcException.Reason#CALL_ERROR}; no answer within the timeout
 *       fails it with {@link OcppRpcException.Reason#TIMEOUT};</li>
 *   <li>at most {@code maxPending} CALLs wait for an answer (default 1, as OCPP-J asks: no new CALL until
 *       the previous one was answered or timed out); more fail at once with
 *       {@link OcppRpcException.Reason#TOO_MANY_PENDING};</li>
 *   <li>an undecodable CALL is answered with the codec's CALLERROR ({@link OcppJsonException#toCallError()});
 *       an undecodable CALLRESULT/CALLERROR is never answered (it fails the matching pending CALL);</li>
 *   <li>a CALL for an action without a handler is answered {@code NotSupported}; a handler that throws an
 *       unexpected exception gives {@code InternalError} without its message (it could hold a secret);</li>
 *   <li>fragments are reassembled up to the codec's frame limit; a longer message is cut at limit + 1
 *       characters, so memory stays bounded and the codec refuses it by its length;</li>
 *   <li>frames are logged (DEBUG) only through {@link OcppJsonCodec#toLogString}, which masks secrets.</li>
 * </ul>
 *
 * <p>Futures complete on the thread that delivered the answer (a network thread) or the timeout
 * scheduler: use the {@code *Async} methods of {@code CompletableFuture} for slow follow-up work.
 */
public final class OcppRpc implements AutoCloseable {

    /** Default time to wait for a CALLRESULT. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
    /** Default number of CALLs that may wait for an answer at once (OCPP-J: one). */
    public static final int DEFAULT_MAX_PENDING = 1;

    private static final System.Logger LOG = System.getLogger(OcppRpc.class.getName());

    private final String name;
    private final RpcTransport transport;
    private final OcppJsonCodec codec;
    private final Duration callTimeout;
    private final int maxPending;
    private final ExecutorService ownedExecutor;
    private final java.util.concurrent.Executor executor;
    private final ScheduledExecutorService ownedScheduler;
    private final ScheduledExecutorService scheduler;
    private final Supplier<String> messageIds;
    private final Map<String, Pending> pending = new HashMap<>();
    private final Map<OcppAction, CallHandler<?>> handlers = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean closed;

    private record Pending(OcppAction action, CompletableFuture<OcppResponse> future) {
    }

    private OcppRpc(Builder b) {
        this.name = b.name;
        this.transport = b.transport;
        this.codec = b.codec;
        this.callTimeout = b.callTimeout;
        this.maxPending = b.maxPending;
        if (b.executor == null) {
            ownedExecutor = Executors.newSingleThreadExecutor(daemon("ocpp-rpc-" + name));
            executor = ownedExecutor;
        } else {
            ownedExecutor = null;
            executor = b.executor;
        }
        if (b.scheduler == null) {
            ownedScheduler = Executors.newSingleThreadScheduledExecutor(daemon("ocpp-rpc-timer-" + name));
            scheduler = ownedScheduler;
        } else {
            ownedScheduler = null;
            scheduler = b.scheduler;
        }
        this.messageIds = b.messageIds != null ? b.messageIds : randomIds(new SecureRandom());
    }

    /**
     * @param name a name for log lines and thread names, e.g. the station identity (not a secret)
     * @param transport where frames are written
     * @return a builder
     */
    public static Builder builder(String name, RpcTransport transport) {
        return new Builder(name, transport);
    }

    /** @return the name given to the builder */
    public String name() {
        return name;
    }

    /** @return the codec this layer encodes and decodes with */
    public OcppJsonCodec codec() {
        return codec;
    }

    /**
     * Registers the handler of one action, replacing an earlier one.
     *
     * @param <Q> the request type
     * @param requestType the request record class, e.g. {@code BootNotificationRequest.class}
     * @param handler answers the CALL
     * @return this
     */
    public <Q extends OcppRequest> OcppRpc onCall(Class<Q> requestType, CallHandler<Q> handler) {
        Objects.requireNonNull(handler, "handler");
        handlers.put(actionOf(requestType), handler);
        return this;
    }

    private static OcppAction actionOf(Class<? extends OcppRequest> requestType) {
        Objects.requireNonNull(requestType, "requestType");
        for (OcppAction a : OcppAction.values()) {
            if (a.requestType() == requestType) {
                return a;
            }
        }
        throw new IllegalArgumentException("Not a request record type: " + requestType.getName());
    }

    // ---------------------------------------------------------------------------------------- outgoing

    /**
     * Sends a CALL.
     *
     * @param request the request
     * @return the CALLRESULT payload, or an {@link OcppRpcException} naming why there is none
     */
    public CompletableFuture<OcppResponse> call(OcppRequest request) {
        Objects.requireNonNull(request, "request");
        CompletableFuture<OcppResponse> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(failure(OcppRpcException.Reason.CLOSED, "connection closed", null));
            return future;
        }
        String id = messageIds.get();
        synchronized (pending) {
            if (pending.size() >= maxPending) {
                future.completeExceptionally(failure(OcppRpcException.Reason.TOO_MANY_PENDING,
                        pending.size() + " CALL(s) already wait for an answer (limit " + maxPending + ")", null));
                return future;
            }
            pending.put(id, new Pending(request.action(), future));
        }
        ScheduledFuture<?> timer = scheduler.schedule(() -> fail(id, OcppRpcException.Reason.TIMEOUT,
                "no answer to " + request.action().ocppValue() + " within " + callTimeout.toMillis() + " ms", null),
                callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        future.whenComplete((r, e) -> timer.cancel(false));
        OcppCall frame = new OcppCall(id, request);
        LOG.log(DEBUG, () -> name + " -> " + codec.toLogString(frame));
        send(codec.encode(frame)).whenComplete((v, e) -> {
            if (e != null) {
                fail(id, OcppRpcException.Reason.SEND_FAILED, "could not send the CALL", e);
            }
        });
        return future;
    }

    /**
     * Sends a CALL and casts the answer.
     *
     * @param <R> the response type
     * @param request the request
     * @param responseType the response record class of the request's action
     * @return the typed CALLRESULT payload
     * @throws IllegalArgumentException if {@code responseType} is not the action's response type
     */
    public <R extends OcppResponse> CompletableFuture<R> call(OcppRequest request, Class<R> responseType) {
        Objects.requireNonNull(request, "request");
        if (request.action().responseType() != responseType) {
            throw new IllegalArgumentException(request.action().ocppValue() + " is answered with "
                    + request.action().responseType().getSimpleName() + ", not " + responseType.getSimpleName());
        }
        return call(request).thenApply(responseType::cast);
    }

    /** @return the number of CALLs waiting for an answer */
    public int pendingCount() {
        synchronized (pending) {
            return pending.size();
        }
    }

    private CompletableFuture<Void> send(String text) {
        try {
            return Objects.requireNonNull(transport.sendText(text), "transport result");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void fail(String id, OcppRpcException.Reason reason, String message, Throwable cause) {
        Pending p;
        synchronized (pending) {
            p = pending.remove(id);
        }
        if (p != null) {
            p.future.completeExceptionally(failure(reason, message, cause));
        }
    }

    private static OcppRpcException failure(OcppRpcException.Reason reason, String message, Throwable cause) {
        return new OcppRpcException(reason, message, null, cause);
    }

    // ---------------------------------------------------------------------------------------- incoming

    /**
     * Feeds one fragment of a text message (as the JDK {@code WebSocket.Listener#onText} delivers them).
     *
     * @param fragment the fragment
     * @param last true on the message's last fragment
     */
    public void onText(CharSequence fragment, boolean last) {
        Objects.requireNonNull(fragment, "fragment");
        String message;
        synchronized (partial) {
            int room = codec.maxFrameChars() + 1 - partial.length();
            if (room > 0) {
                partial.append(fragment, 0, Math.min(room, fragment.length()));
            }
            if (!last) {
                return;
            }
            message = partial.toString();
            partial.setLength(0);
            if (partial.capacity() > 4096) {
                partial.trimToSize();
            }
        }
        onMessage(message);
    }

    /**
     * Handles one complete text message (as Jetty's {@code onWebSocketText} delivers them).
     *
     * @param text the frame text
     */
    public void onMessage(String text) {
        Objects.requireNonNull(text, "text");
        if (closed) {
            return;
        }
        LOG.log(DEBUG, () -> name + " <- " + codec.toLogString(text));
        OcppFrame frame;
        try {
            frame = codec.decode(text, this::pendingAction);
        } catch (OcppJsonException e) {
            if (e.isAnswerable()) {
                OcppCallError error = e.toCallError();
                LOG.log(DEBUG, () -> name + " -> " + codec.toLogString(error));
                send(codec.encode(error));
            } else {
                LOG.log(WARNING, () -> name + ": undecodable answer dropped: " + e.getMessage());
                e.messageId().ifPresent(id -> fail(id, OcppRpcException.Reason.INVALID_RESPONSE,
                        "the answer is not a valid CALLRESULT/CALLERROR: " + e.getMessage(), e));
            }
            return;
        }
        if (frame instanceof OcppCall) {
            OcppCall call = (OcppCall) frame;
            executor.execute(() -> dispatch(call));
        } else if (frame instanceof OcppCallResult) {
            OcppCallResult result = (OcppCallResult) frame;
            Pending p;
            synchronized (pending) {
                p = pending.remove(result.messageId());
            }
            if (p != null) {
                p.future.complete(result.payload());
            }
        } else {
            OcppCallError error = (OcppCallError) frame;
            Pending p;
            synchronized (pending) {
                p = pending.remove(error.messageId());
            }
            if (p == null) {
                LOG.log(WARNING, () -> name + ": CALLERROR for no pending CALL dropped");
            } else {
                p.future.completeExceptionally(new OcppRpcException(OcppRpcException.Reason.CALL_ERROR,
                        p.action.ocppValue() + " answered with CALLERROR " + error.errorCode().ocppValue()
                                + ": " + error.errorDescription(), error, null));
            }
        }
    }

    private Optional<OcppAction> pendingAction(String messageId) {
        synchronized (pending) {
            return Optional.ofNullable(pending.get(messageId)).map(Pending::action);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dispatch(OcppCall call) {
        CallHandler handler = handlers.get(call.action());
        IncomingCall incoming = new IncomingCall<>(call.messageId(), call.payload());
        OcppFrame answer;
        if (handler == null) {
            answer = new OcppCallError(call.messageId(), OcppErrorCode.NOT_SUPPORTED,
                    call.action().ocppValue() + " is not supported by this endpoint");
        } else {
            try {
                OcppResponse response = Objects.requireNonNull(handler.handle(incoming), "handler result");
                if (response.action() != call.action()) {
                    throw new IllegalStateException("handler answered " + call.action().ocppValue()
                            + " with a " + response.action().ocppValue() + " response");
                }
                answer = new OcppCallResult(call.messageId(), response);
            } catch (CallRejectedException e) {
                answer = new OcppCallError(call.messageId(), e.errorCode(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(WARNING, () -> name + ": handler of " + call.action().ocppValue() + " failed: "
                        + e.getClass().getName());
                answer = new OcppCallError(call.messageId(), OcppErrorCode.INTERNAL_ERROR,
                        "internal error while handling " + call.action().ocppValue());
            }
        }
        OcppFrame sent = answer;
        LOG.log(DEBUG, () -> name + " -> " + codec.toLogString(sent));
        CompletableFuture<Void> written = send(codec.encode(answer));
        if (answer instanceof OcppCallResult) {
            List<Runnable> after = new ArrayList<>(incoming.afterReplyActions());
            if (!after.isEmpty()) {
                written.thenRunAsync(() -> after.forEach(OcppRpc::runQuietly), executor);
            }
        }
    }

    private static void runQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(WARNING, "after-reply action failed: " + e.getClass().getName());
        }
    }

    // ---------------------------------------------------------------------------------------- lifecycle

    /** @return true once {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Fails every pending CALL with {@link OcppRpcException.Reason#CLOSED}, drops later frames and stops
     * the threads this instance created. Call it when the connection closed. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        List<Pending> left;
        synchronized (pending) {
            left = new ArrayList<>(pending.values());
            pending.clear();
        }
        for (Pending p : left) {
            p.future.completeExceptionally(failure(OcppRpcException.Reason.CLOSED,
                    "connection closed before " + p.action.ocppValue() + " was answered", null));
        }
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
        if (ownedScheduler != null) {
            ownedScheduler.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "OcppRpc{" + name + ", pending=" + pendingCount() + (closed ? ", closed" : "") + "}";
    }

    static java.util.concurrent.ThreadFactory daemon(String threadName) {
        return r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        };
    }

    private static Supplier<String> randomIds(SecureRandom random) {
        return () -> {
            // A version-4 UUID from the injected random source.
            long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb).toString();
        };
    }

    /** Builder of {@link OcppRpc}; only the name and the transport are required. */
    public static final class Builder {
        private final String name;
        private final RpcTransport transport;
        private OcppJsonCodec codec = OcppJsonCodec.create();
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private int maxPending = DEFAULT_MAX_PENDING;
        private java.util.concurrent.Executor executor;
        private ScheduledExecutorService scheduler;
        private Supplier<String> messageIds;

        private Builder(String name, RpcTransport transport) {
            this.name = Objects.requireNonNull(name, "name");
            this.transport = Objects.requireNonNull(transport, "transport");
        }

        /** @param c the codec (default {@link OcppJsonCodec#create()}) @return this */
        public Builder codec(OcppJsonCodec c) {
            this.codec = Objects.requireNonNull(c, "codec");
            return this;
        }

        /** @param t how long a CALL waits for its answer, positive @return this */
        public Builder callTimeout(Duration t) {
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("callTimeout must be positive");
            }
            this.callTimeout = t;
            return this;
        }

        /** @param n CALLs that may wait for an answer at once, 1 to 1000 @return this */
        public Builder maxPending(int n) {
            if (n < 1 || n > 1000) {
                throw new IllegalArgumentException("maxPending must be 1 to 1000, got " + n);
            }
            this.maxPending = n;
            return this;
        }

        /**
         * @param e runs CALL handlers (default: a thread of this instance, stopped by {@link #close()})
         * @return this
         */
        public Builder executor(java.util.concurrent.Executor e) {
            this.executor = Objects.requireNonNull(e, "executor");
            return this;
        }

        /**
         * @param s runs call timeouts (default: a thread of this instance, stopped by {@link #close()})
         * @return this
         */
        public Builder scheduler(ScheduledExecutorService s) {
            this.scheduler = Objects.requireNonNull(s, "scheduler");
            return this;
        }

        /**
         * @param ids messageId source; each id 1 to 36 characters, unique per connection (default:
         *        random UUIDs)
         * @return this
         */
        public Builder messageIds(Supplier<String> ids) {
            this.messageIds = Objects.requireNonNull(ids, "messageIds");
            return this;
        }

        /** @return the RPC layer */
        public OcppRpc build() {
            return new OcppRpc(this);
        }
    }
}
