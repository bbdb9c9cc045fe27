package io.ocppsec.core.event;

import io.ocppsec.api.event.SecurityEvent;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The Charging Station's durable queue of critical security events waiting for the CSMS
 * (A04.FR.01/02/03). {@link FileSecurityEventQueue} is the default; integrators may plug their own store
 * (a database, NVRAM) by implementing this contract:
 *
 * <ul>
 *   <li>Only critical events are accepted ({@link io.ocppsec.api.event.SecurityEventType#isCritical()});
 *       non-critical ones go to the security log only.</li>
 *   <li>{@link #enqueue} returns only once the event is stored as durably as the store promises, and it
 *       survives restarts until {@link #acknowledge} is called for it.</li>
 *   <li>Events come out in the order they went in (FIFO) and an event leaves the queue ONLY through
 *       {@link #acknowledge}, which the delivery calls after the CSMS answered with
 *       {@code SecurityEventNotificationResponse} (A04.FR.03).</li>
 *   <li>The queue is bounded. When full, it never drops an accepted event: it raises one
 *       {@code MemoryExhaustion} event into reserved space and rejects the new one with
 *       {@link QueueFullException}.</li>
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface SecurityEventQueue extends Closeable {

    /**
     * Stores a critical event at the end of the queue.
     *
     * @param event a critical event, techInfo already free of secrets
     * @return the queued event with its sequence number
     * @throws QueueFullException when the queue is at its limit; the event is not queued
     * @throws IllegalArgumentException when the event is not critical
     * @throws IOException when it could not be stored; it is then not queued
     */
    QueuedEvent enqueue(SecurityEvent event) throws QueueFullException, IOException;

    /** @return the oldest unacknowledged event, if any */
    Optional<QueuedEvent> peek();

    /** @return every unacknowledged event, oldest first (a snapshot) */
    List<QueuedEvent> pending();

    /**
     * Removes an event after the CSMS confirmed it (A04.FR.03).
     *
     * @param sequence the event's sequence number
     * @return whether it was pending (false when unknown or already acknowledged)
     * @throws IOException when the acknowledgement could not be stored; the event then stays queued
     */
    boolean acknowledge(long sequence) throws IOException;

    /** @return the number of unacknowledged events */
    int size();
}
