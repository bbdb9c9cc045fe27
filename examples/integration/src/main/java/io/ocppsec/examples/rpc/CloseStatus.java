package io.ocppsec.examples.rpc;

import java.util.Objects;

/**
 * How a WebSocket connection ended, as one side saw it.
 *
 * @param code the WebSocket close code (RFC 6455: 1000 normal, 1002 protocol error, 1006 abnormal, 1008
 *        policy violation, ...)
 * @param reason the close reason, possibly empty
 */
public record CloseStatus(int code, String reason) {

    /** Abnormal closure: no close frame was received (RFC 6455 1006). */
    public static final int ABNORMAL = 1006;

    /** @throws NullPointerException if the reason is null */
    public CloseStatus {
        Objects.requireNonNull(reason, "reason");
    }
}
