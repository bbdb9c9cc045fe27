package io.ocppsec.core.event;

import io.ocppsec.api.event.SecurityEvent;
import java.util.Objects;

/**
 * One entry of the security log as read back: its sequence number and the event.
 *
 * @param sequence the entry's number; increases by one per entry and keeps increasing across rolls,
 *     restarts and {@link SecurityLog#clear()}
 * @param event the event
 */
public record SecurityLogEntry(long sequence, SecurityEvent event) {

    /**
     * @throws IllegalArgumentException for a negative sequence number
     */
    public SecurityLogEntry {
        Objects.requireNonNull(event, "event");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0, was " + sequence);
        }
    }
}
