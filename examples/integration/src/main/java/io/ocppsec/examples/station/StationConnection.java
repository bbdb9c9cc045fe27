package io.ocppsec.examples.station;

import io.ocppsec.examples.rpc.CloseStatus;
import io.ocppsec.examples.rpc.OcppRpc;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** One open OCPP-J connection of a Charging Station to the CSMS. */
public final class StationConnection {

    private final URI uri;
    private final WebSocket webSocket;
    private final OcppRpc rpc;
    private final CompletableFuture<CloseStatus> closed;

    StationConnection(URI uri, WebSocket webSocket, OcppRpc rpc, CompletableFuture<CloseStatus> closed) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.webSocket = Objects.requireNonNull(webSocket, "webSocket");
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.closed = Objects.requireNonNull(closed, "closed");
    }

    /** @return the URI connected to */
    public URI uri() {
        return uri;
    }

    /** @return the subprotocol the CSMS agreed to */
    public String subprotocol() {
        return webSocket.getSubprotocol();
    }

    /** @return the RPC layer of this connection */
    public OcppRpc rpc() {
        return rpc;
    }

    /** @return true until the connection closed */
    public boolean isOpen() {
        return !closed.isDone() && !webSocket.isInputClosed();
    }

    /** @return completes with the close code and reason the CSMS sent (1006 if the connection broke) */
    public CompletableFuture<CloseStatus> closed() {
        return closed;
    }

    /**
     * Starts the closing handshake.
     *
     * @param code WebSocket close code, e.g. 1000
     * @param reason short reason, no secrets
     * @return completes when the CSMS answered the close (or the connection broke)
     */
    public CompletableFuture<CloseStatus> close(int code, String reason) {
        webSocket.sendClose(code, Objects.requireNonNull(reason, "reason"))
                .whenComplete((w, e) -> {
                    if (e != null) {
                        abort();
                    }
                });
        return closed;
    }

    /** Drops the connection without a closing handshake. */
    public void abort() {
        webSocket.abort();
        rpc.close();
        closed.complete(new CloseStatus(CloseStatus.ABNORMAL, "aborted"));
    }

    @Override
    public String toString() {
        return "StationConnection{" + uri + (isOpen() ? "" : ", closed") + "}";
    }
}
