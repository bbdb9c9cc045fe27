package io.ocppsec.examples.rpc;

import io.ocppsec.api.message.OcppRequest;
import io.ocppsec.api.message.OcppResponse;

/**
 * Answers one kind of incoming CALL. Runs on the RPC layer's handler executor, never on a network thread,
 * so it may block briefly; it must not wait for a CALLRESULT of its own peer (schedule follow-up CALLs
 * with {@link IncomingCall#afterReply(Runnable)} instead).
 *
 * @param <Q> the request record type
 */
@FunctionalInterface
public interface CallHandler<Q extends OcppRequest> {

    /**
     * @param call the incoming CALL
     * @return the response; its action must be the request's action
     * @throws CallRejectedException to answer with a CALLERROR
     */
    OcppResponse handle(IncomingCall<Q> call) throws CallRejectedException;
}
