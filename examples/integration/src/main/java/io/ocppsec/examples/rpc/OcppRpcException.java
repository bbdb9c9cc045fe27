package io.ocppsec.examples.rpc;

import io.ocppsec.core.json.OcppCallError;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a CALL sent with {@link OcppRpc#call} did not give a CALLRESULT. Completes the returned future
 * exceptionally.
 */
public final class OcppRpcException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Machine-readable reasons. */
    public enum Reason {
        /** The peer answered with a CALLERROR; see {@link #callError()}. */
        CALL_ERROR,
        /** No answer within the call timeout. */
        TIMEOUT,
        /** Too many CALLs are already pending on this connection. */
        TOO_MANY_PENDING,
        /** The connection closed (or the RPC layer was closed) before the answer came. */
        CLOSED,
        /** The frame could not be written. */
        SEND_FAILED,
        /** The answer arrived but is not a valid CALLRESULT for this CALL (schema, action). */
        INVALID_RESPONSE
    }

    private final Reason reason;
    private final transient OcppCallError callError;

    OcppRpcException(Reason reason, String message, OcppCallError callError, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.callError = callError;
    }

    /** @return why the CALL failed */
    public Reason reason() {
        return reason;
    }

    /** @return the peer's CALLERROR for {@link Reason#CALL_ERROR} */
    public Optional<OcppCallError> callError() {
        return Optional.ofNullable(callError);
    }
}
