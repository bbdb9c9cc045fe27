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

    /**
     * A listener that reports each failure as its OCPP security event through the station's reporter (security
     * log, A04.FR.04; critical events queued for the CSMS, A04.FR.01). Charging Station: INVALID_PEER_CERTIFICATE
     * raises InvalidCsmsCertificate (A00.FR.310/413), TLS_VERSION InvalidTLSVersion (A00.FR.316/419),
     * CIPHER_SUITE InvalidTLSCipherSuite (A00.FR.323/426), REJECTED_BY_PEER (the CSMS refused the station's
     * certificate) FailedToAuthenticateAtCsms; on a CSMS a refused station certificate, version or suite is
     * logged as FailedToAuthenticateAtCsms (A00.FR.408). OTHER failures (network, timeouts) raise nothing.
     * A reporter failure (full queue, I/O) is logged and swallowed.
     *
     * <pre>{@code
     * StationTlsContext tls = StationTlsContext.forClient(profile, roots)
     *         .failureListener(TlsFailureListener.reportingTo(reporter))
     *         .build();
     * }</pre>
     *
     * @param reporter the station's security event reporter
     * @return the listener
     */
    static TlsFailureListener reportingTo(io.ocppsec.core.event.SecurityEventReporter reporter) {
        return new io.ocppsec.tls.internal.EventReportingListener(reporter);
    }

    /** @return a listener that writes each failure to the {@code io.ocppsec.tls} System.Logger at WARNING */
    static TlsFailureListener logging() {
        System.Logger log = System.getLogger("io.ocppsec.tls");
        return f -> log.log(System.Logger.Level.WARNING, "TLS failure {0} on {1} (peer {2}): {3} {4}",
                f.kind(), f.endpoint(), f.peer().orElse("unknown"), f.detail(), f.violations().describe());
    }
}
