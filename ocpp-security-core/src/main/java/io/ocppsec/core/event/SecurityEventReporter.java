package io.ocppsec.core.event;

import io.ocppsec.api.event.SecurityEvent;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The Charging Station's single entry point for security events: every event goes to the security log
 * (A04.FR.04) and critical ones are also queued for the CSMS (A04.FR.01), with techInfo scrubbed of secrets
 * first (A01.FR.12).
 *
 * <pre>{@code
 * SecurityEventReporter reporter = new SecurityEventReporter(log, queue, delivery::wakeUp);
 * reporter.report(TechInfo.builder().put("origin", "192.0.2.7").build()
 *         .event(SecurityEventType.MAINTENANCE_LOGIN_FAILED, clock.instant()));
 * }</pre>
 *
 * <p>When the queue is full, the event is still in the security log, the {@code MemoryExhaustion} event the
 * queue raised is logged too, and {@link QueueFullException} tells the caller that the CSMS will not be
 * told about this event.
 */
public final class SecurityEventReporter {

    private final SecurityLog log;
    private final SecurityEventQueue queue;
    private final Runnable onEnqueued;

    /**
     * @param log the security log
     * @param queue the queue of critical events for the CSMS
     * @param onEnqueued called after each successful enqueue, e.g. {@link SecurityEventDelivery#wakeUp()}
     */
    public SecurityEventReporter(SecurityLog log, SecurityEventQueue queue, Runnable onEnqueued) {
        this.log = Objects.requireNonNull(log, "log");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.onEnqueued = Objects.requireNonNull(onEnqueued, "onEnqueued");
    }

    /**
     * Logs the event and, when it is critical, queues it for the CSMS. Queuing is attempted even when
     * writing the log failed.
     *
     * @param event the event
     * @return the queued event when it was critical, empty otherwise
     * @throws QueueFullException when a critical event was logged but could not be queued
     * @throws IOException when the log or the queue could not be written (the other one still was, if possible)
     */
    public Optional<QueuedEvent> report(SecurityEvent event) throws IOException, QueueFullException {
        SecurityEvent clean = TechInfo.scrub(Objects.requireNonNull(event, "event"));
        IOException logFailure = null;
        try {
            log.append(clean); // A04.FR.04: every event, critical or not
        } catch (IOException e) {
            logFailure = e;
        }
        if (!clean.type().isCritical()) {
            if (logFailure != null) {
                throw logFailure;
            }
            return Optional.empty();
        }
        QueuedEvent queued;
        try {
            queued = queue.enqueue(clean); // A04.FR.01: critical events are pushed to the CSMS
        } catch (QueueFullException full) {
            if (full.memoryExhaustionQueued().isPresent()) {
                appendQuietly(full.memoryExhaustionQueued().get().event(), full);
                onEnqueued.run();
            }
            if (logFailure != null) {
                full.addSuppressed(logFailure);
            }
            throw full;
        } catch (IOException e) {
            if (logFailure != null) {
                e.addSuppressed(logFailure);
            }
            throw e;
        }
        onEnqueued.run();
        if (logFailure != null) {
            throw logFailure;
        }
        return Optional.of(queued);
    }

    /**
     * Clears the security log; the {@code SecurityLogWasCleared} event becomes its first entry and is queued
     * for the CSMS.
     *
     * @return the queued {@code SecurityLogWasCleared} event
     * @throws IOException when the log could not be cleared or the event could not be queued
     * @throws QueueFullException when the log was cleared but the queue is full
     */
    public QueuedEvent clearSecurityLog() throws IOException, QueueFullException {
        SecurityEvent cleared = log.clear();
        QueuedEvent q;
        try {
            q = queue.enqueue(cleared);
        } catch (QueueFullException full) {
            if (full.memoryExhaustionQueued().isPresent()) {
                appendQuietly(full.memoryExhaustionQueued().get().event(), full);
                onEnqueued.run();
            }
            throw full;
        }
        onEnqueued.run();
        return q;
    }

    private void appendQuietly(SecurityEvent event, Exception onto) {
        try {
            log.append(event);
        } catch (IOException e) {
            onto.addSuppressed(e);
        }
    }
}
