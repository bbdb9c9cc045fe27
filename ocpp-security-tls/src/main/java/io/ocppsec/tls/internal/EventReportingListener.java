package io.ocppsec.tls.internal;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.core.event.SecurityEventReporter;
import io.ocppsec.tls.TlsFailure;
import io.ocppsec.tls.TlsFailureListener;
import java.util.Objects;
import java.util.Optional;

/**
 * The listener behind {@link TlsFailureListener#reportingTo}: turns each failure into its OCPP security event and
 * reports it (security log; critical ones also queued for the CSMS).
 */
public final class EventReportingListener implements TlsFailureListener {

    private static final System.Logger LOG = System.getLogger(TlsFailureListener.class.getName());

    private final SecurityEventReporter reporter;

    /** @param reporter where the events go */
    public EventReportingListener(SecurityEventReporter reporter) {
        this.reporter = Objects.requireNonNull(reporter, "reporter");
    }

    @Override
    public void onFailure(TlsFailure failure) {
        Optional<SecurityEvent> event = eventOf(failure);
        if (event.isEmpty()) {
            return;
        }
        try {
            reporter.report(event.get());
        } catch (Exception e) { // IOException, QueueFullException: the reporter kept what it could
            LOG.log(System.Logger.Level.WARNING, "security event " + event.get().type().ocppName()
                    + " of a TLS failure not reported: " + e.getClass().getName());
        }
    }

    /**
     * @param f a failure
     * @return Charging Station: InvalidCsmsCertificate, InvalidTLSVersion, InvalidTLSCipherSuite
     *     ({@link TlsFailure#toSecurityEvent()}), FailedToAuthenticateAtCsms when the CSMS refused the station's
     *     certificate; CSMS: FailedToAuthenticateAtCsms for a refused station certificate, version or suite
     *     (A00.FR.408); nothing for other failures (network errors, timeouts)
     */
    public static Optional<SecurityEvent> eventOf(TlsFailure f) {
        Objects.requireNonNull(f, "failure");
        Optional<SecurityEvent> standard = f.toSecurityEvent();
        if (standard.isPresent()) {
            return standard;
        }
        boolean stationRefused = f.endpoint() == TlsFailure.Endpoint.CHARGING_STATION
                ? f.kind() == TlsFailure.Kind.REJECTED_BY_PEER
                : f.kind() != TlsFailure.Kind.REJECTED_BY_PEER && f.kind() != TlsFailure.Kind.OTHER;
        if (!stationRefused) {
            return Optional.empty();
        }
        String info = f.kind() + ": " + (f.violations().blocking().isEmpty() ? f.detail()
                : f.violations().blocking().get(0).message());
        if (info.length() > SecurityEvent.MAX_TECH_INFO_LENGTH) {
            info = info.substring(0, SecurityEvent.MAX_TECH_INFO_LENGTH - 3) + "...";
        }
        return Optional.of(SecurityEvent.of(SecurityEventType.FAILED_TO_AUTHENTICATE_AT_CSMS, f.at(), info));
    }
}
