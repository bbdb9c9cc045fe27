package io.ocppsec.core.station.internal;

import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.core.event.QueueFullException;
import io.ocppsec.core.event.SecurityEventReporter;
import io.ocppsec.core.event.TechInfo;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;

/**
 * Reports the security events of the station's certificate handlers. A failure to log or queue never
 * changes the answer to the CSMS; it is logged (without the techInfo, which may name certificates) and the
 * handler goes on.
 */
public final class SecurityEvents {

    private static final System.Logger LOG = System.getLogger(SecurityEvents.class.getName());

    private final SecurityEventReporter reporter;
    private final Clock clock;

    /**
     * @param reporter the security log and event queue
     * @param clock the time of the events
     */
    public SecurityEvents(SecurityEventReporter reporter, Clock clock) {
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * {@code InvalidChargingStationCertificate} (critical: logged and queued for the CSMS; A02.FR.07).
     *
     * @param info what was refused
     */
    public void invalidCertificate(TechInfo info) {
        report(SecurityEventType.INVALID_CHARGING_STATION_CERTIFICATE, info);
    }

    /**
     * {@code ReconfigurationOfSecurityParameters}: a key or certificate changed (logged only).
     *
     * @param info what changed
     */
    public void reconfigured(TechInfo info) {
        report(SecurityEventType.RECONFIGURATION_OF_SECURITY_PARAMETERS, info);
    }

    private void report(SecurityEventType type, TechInfo info) {
        try {
            reporter.report(info.event(type, clock.instant()));
        } catch (QueueFullException e) {
            LOG.log(System.Logger.Level.WARNING, "Security event {0} was logged but the queue to the CSMS is full",
                    type.ocppName());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Security event {0} could not be recorded: {1}", type.ocppName(),
                    e.getClass().getSimpleName());
        }
    }
}
