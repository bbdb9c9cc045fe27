package io.ocppsec.tls;

/**
 * Receives every TLS failure a context detects. A Charging Station forwards
 * {@link TlsFailure#toSecurityEvent()} to its security log and event queue; a CSMS writes the failure
 * to its own security log (A00.FR.408). Called on the handshake thread: keep it fast; an exception it
 * throws is logged and ignored.
 *
 * <pre>{@code
 * TlsFailureListener l = f -> f.toSecurityEvent().ifPresent(eventQueue::add);
 * }</pre>
 */
@FunctionalInterface
public interface TlsFailureListener {

    /**
     * @param failure the classified failure
     */
    void onFailure(TlsFailure failure);

    /** @return a listener that writes each failure to the {@code io.ocppsec.tls} System.Logger at WARNING */
    static TlsFailureListener logging() {
        System.Logger log = System.getLogger("io.ocppsec.tls");
        return f -> log.log(System.Logger.Level.WARNING, "TLS failure {0} on {1} (peer {2}): {3} {4}",
                f.kind(), f.endpoint(), f.peer().orElse("unknown"), f.detail(), f.violations().describe());
    }
}
