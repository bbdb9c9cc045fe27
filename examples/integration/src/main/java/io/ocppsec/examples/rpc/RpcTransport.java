package io.ocppsec.examples.rpc;

import java.util.concurrent.CompletableFuture;

/**
 * Where {@link OcppRpc} writes its frames: one WebSocket connection. Implementations must accept a call
 * while an earlier send is still in flight (queue it), because the RPC layer answers CALLs and sends its
 * own CALLs from different threads.
 */
@FunctionalInterface
public interface RpcTransport {

    /**
     * @param text one complete OCPP-J frame
     * @return completes when the frame was written, exceptionally if the connection is gone
     */
    CompletableFuture<Void> sendText(String text);
}
