package io.ocppsec.core.event;

import io.ocppsec.api.event.SecurityEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * A critical event could not be queued because the queue reached its limit; the event is NOT queued and
 * the caller decides what to do (keep it elsewhere, retry after delivery made room).
 *
 * <p>The queue never drops an event it has accepted to make room. The first time it fills up it puts a
 * {@code MemoryExhaustion} event into space reserved for it, so the CSMS learns about the problem; that
 * event is returned by {@link #memoryExhaustionQueued()} (empty on later rejections until the queue has
 * had room again).
 */
public final class QueueFullException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient SecurityEvent rejected;
    private final transient QueuedEvent memoryExhaustion;

    /**
     * @param rejected the event that was not queued
     * @param memoryExhaustion the {@code MemoryExhaustion} event queued now, if any
     * @param message what limit was reached (no secret: only counts and the event type)
     */
    public QueueFullException(SecurityEvent rejected, Optional<QueuedEvent> memoryExhaustion, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.rejected = Objects.requireNonNull(rejected, "rejected");
        this.memoryExhaustion = Objects.requireNonNull(memoryExhaustion, "memoryExhaustion").orElse(null);
    }

    /** @return the event that was not queued */
    public SecurityEvent rejected() {
        return rejected;
    }

    /** @return the {@code MemoryExhaustion} event the queue raised with this rejection, if it raised one */
    public Optional<QueuedEvent> memoryExhaustionQueued() {
        return Optional.ofNullable(memoryExhaustion);
    }
}
