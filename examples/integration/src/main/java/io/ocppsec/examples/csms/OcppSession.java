package io.ocppsec.examples.csms;

import io.ocppsec.examples.rpc.CloseStatus;
import io.ocppsec.examples.rpc.OcppRpc;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One accepted OCPP-J connection on the CSMS: the station identity it authenticated as, what its TLS
 * handshake gave, and its RPC layer.
 */
public final class OcppSession {

    private final HandshakeInfo handshake;
    private final OcppRpc rpc;
    private final Session session;
    private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();

    OcppSession(HandshakeInfo handshake, OcppRpc rpc, Session session) {
        this.handshake = Objects.requireNonNull(handshake, "handshake");
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.session = Objects.requireNonNull(session, "session");
    }

    /** @return the Charging Station identity from the URL */
    public String identity() {
        return handshake.identity();
    }

    /** @return the handshake facts the upgrade was accepted on */
    public HandshakeInfo handshake() {
        return handshake;
    }

    /** @return the RPC layer: send CALLs to the station, register handlers for its CALLs */
    public OcppRpc rpc() {
        return rpc;
    }

    /** @return true until the connection closed */
    public boolean isOpen() {
        return session.isOpen() && !closed.isDone();
    }

    /**
     * Closes the connection with a close frame.
     *
     * @param code WebSocket close code, e.g. 1000 or 1008 (policy violation)
     * @param reason short reason, at most 123 bytes in UTF-8, no secrets
     * @return completes when the connection is closed
     */
    public CompletableFuture<CloseStatus> close(int code, String reason) {
        session.close(code, Objects.requireNonNull(reason, "reason"), Callback.NOOP);
        return closed;
    }

    /** @return completes with the close status once the connection is closed */
    public CompletableFuture<CloseStatus> closed() {
        return closed;
    }

    void markClosed(CloseStatus status) {
        rpc.close();
        closed.complete(status);
    }

    @Override
    public String toString() {
        return "OcppSession{" + handshake.identity() + ", " + handshake.tlsProtocol() + (isOpen() ? "" : ", closed")
                + "}";
    }
}
