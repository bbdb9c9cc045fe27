package io.ocppsec.core.event;

import io.ocppsec.api.event.SecurityEvent;
import java.util.Objects;

/**
 * A critical security event waiting in a {@link SecurityEventQueue} for the CSMS's confirmation.
 *
 * @param sequence the queue's number for it; increases with every enqueue, never reused
 * @param event the event
 */
public record QueuedEvent(long sequence, SecurityEvent event) {

    /**
     * @throws IllegalArgumentException for a sequence number below 1
     */
    public QueuedEvent {
        Objects.requireNonNull(event, "event");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1, was " + sequence);
        }
    }
}
