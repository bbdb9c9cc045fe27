package io.ocppsec.core.event;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers the queued critical events to the CSMS in order, one at a time, removing each only after the
 * CSMS confirmed it (A04.FR.02, A04.FR.03), and backing off exponentially after a failure.
 *
 * <p>Two ways to drive it:
 * <ul>
 *   <li>by hand: call {@link #deliverPending(SecurityEventSender)} when {@link #nextAttemptDue()} says so
 *       (tests use a movable {@link Clock}: no sleeping);</li>
 *   <li>with {@link #start(ScheduledExecutorService, SecurityEventSender)}: the delivery schedules itself;
 *       call {@link #wakeUp()} after an enqueue and {@link #onConnected()} after (re)connecting.</li>
 * </ul>
 *
 * <p>Delivery is at least once: when the acknowledgement cannot be stored (I/O error) or the process
 * dies between the CSMS's response and the acknowledgement, the event is sent again later.
 *
 * <pre>{@code
 * SecurityEventDelivery d = SecurityEventDelivery.create(queue, Clock.systemUTC(), RetryPolicy.defaults());
 * d.start(scheduler, event -> ocpp.call("SecurityEventNotification", toPayload(event))
 *         .thenApply(response -> true).toCompletableFuture().orTimeout(30, TimeUnit.SECONDS));
 * }</pre>
 */
public final class SecurityEventDelivery {

    private static final System.Logger LOG = System.getLogger(SecurityEventDelivery.class.getName());

    private final SecurityEventQueue queue;
    private final Clock clock;
    private final RetryPolicy retry;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private int failures;
    private Instant retryAt = Instant.MIN;
    private ScheduledExecutorService scheduler;
    private SecurityEventSender loopSender;
    private ScheduledFuture<?> scheduled;
    private long generation;

    private SecurityEventDelivery(SecurityEventQueue queue, Clock clock, RetryPolicy retry) {
        this.queue = queue;
        this.clock = clock;
        this.retry = retry;
    }

    /**
     * @param queue the queue to drain
     * @param clock decides when the next attempt is due
     * @param retry back-off after failures
     * @return the delivery
     */
    public static SecurityEventDelivery create(SecurityEventQueue queue, Clock clock, RetryPolicy retry) {
        return new SecurityEventDelivery(Objects.requireNonNull(queue, "queue"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(retry, "retry"));
    }

    /**
     * What one delivery pass did.
     *
     * @param delivered events confirmed by the CSMS and removed in this pass
     * @param pending events still queued afterwards
     * @param nextAttempt when the next pass is due, if anything is pending
     * @param busy whether the pass did nothing because another pass was in flight
     */
    public record Report(int delivered, int pending, Optional<Instant> nextAttempt, boolean busy) {
    }

    /** @return when the next attempt is due (now or earlier when not backing off), or empty when nothing is queued */
    public synchronized Optional<Instant> nextAttemptDue() {
        if (queue.size() == 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.of(retryAt.isAfter(now) ? retryAt : now);
    }

    /** @return the number of consecutive failed attempts (0 after a success) */
    public synchronized int consecutiveFailures() {
        return failures;
    }

    /** Forgets the back-off, e.g. after the connection to the CSMS was re-established. */
    public synchronized void resetBackoff() {
        failures = 0;
        retryAt = Instant.MIN;
    }

    /**
     * Sends pending events in order while the CSMS confirms them; stops at the first failure and sets the
     * back-off. Does nothing when the back-off has not elapsed or another pass is in flight.
     *
     * @param sender sends one notification
     * @return completes when the pass ends (never exceptionally)
     */
    public CompletionStage<Report> deliverPending(SecurityEventSender sender) {
        Objects.requireNonNull(sender, "sender");
        if (!inFlight.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(new Report(0, queue.size(), nextAttemptDue(), true));
        }
        synchronized (this) {
            if (retryAt.isAfter(clock.instant())) {
                inFlight.set(false);
                reschedule();
                return CompletableFuture.completedFuture(new Report(0, queue.size(), nextAttemptDue(), false));
            }
        }
        Pass pass = new Pass(sender);
        pass.next();
        return pass.result;
    }

    private final class Pass {
        final SecurityEventSender sender;
        final CompletableFuture<Report> result = new CompletableFuture<>();
        int delivered;

        Pass(SecurityEventSender sender) {
            this.sender = sender;
        }

        /** Iterates while sends complete synchronously, so a long queue does not grow the stack. */
        void next() {
            try {
                while (true) {
                    Optional<QueuedEvent> head = queue.peek();
                    if (head.isEmpty()) {
                        finish(false);
                        return;
                    }
                    CompletableFuture<Boolean> f = sender.send(head.get().event()).toCompletableFuture();
                    if (!f.isDone()) {
                        f.whenComplete((ok, err) -> {
                            try {
                                if (handled(head.get(), err == null && Boolean.TRUE.equals(ok))) {
                                    next();
                                }
                            } catch (RuntimeException e) {
                                finish(true);
                            }
                        });
                        return;
                    }
                    boolean ok = !f.isCompletedExceptionally() && Boolean.TRUE.equals(f.getNow(false));
                    if (!handled(head.get(), ok)) {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                // a sender that throws instead of failing its stage counts as a failed attempt
                finish(true);
            }
        }

        private boolean handled(QueuedEvent head, boolean confirmed) {
            if (!confirmed) {
                finish(true);
                return false;
            }
            try {
                queue.acknowledge(head.sequence()); // A04.FR.03: removed only after the CSMS's response
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not store the acknowledgement of security event #"
                        + head.sequence() + "; it will be sent again", e);
                finish(true);
                return false;
            }
            delivered++;
            synchronized (SecurityEventDelivery.this) {
                failures = 0;
                retryAt = Instant.MIN;
            }
            return true;
        }

        private void finish(boolean failed) {
            if (failed) {
                synchronized (SecurityEventDelivery.this) {
                    failures = Math.min(failures + 1, 1_000);
                    retryAt = clock.instant().plus(retry.delayAfter(failures));
                }
            }
            inFlight.set(false);
            result.complete(new Report(delivered, queue.size(), nextAttemptDue(), false));
            reschedule();
        }
    }

    /**
     * Starts delivering by itself on {@code scheduler}: a pass now, then whenever events are pending and the
     * back-off has elapsed, and after {@link #wakeUp()}.
     *
     * @param scheduler runs the passes; not shut down by this class
     * @param sender sends one notification
     * @throws IllegalStateException when already started
     */
    public synchronized void start(ScheduledExecutorService scheduler, SecurityEventSender sender) {
        if (this.scheduler != null) {
            throw new IllegalStateException("already started");
        }
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.loopSender = Objects.requireNonNull(sender, "sender");
        scheduleIn(Duration.ZERO);
    }

    /** Stops scheduling passes; a pass in flight completes. */
    public synchronized void stop() {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        scheduler = null;
        loopSender = null;
    }

    /** Asks for a pass soon (e.g. after an enqueue); the back-off still applies. */
    public synchronized void wakeUp() {
        if (scheduler != null) {
            scheduleIn(Duration.ZERO);
        }
    }

    /** Forgets the back-off and asks for a pass now: call it after the CSMS connection is (re)established. */
    public void onConnected() {
        resetBackoff();
        wakeUp();
    }

    private synchronized void reschedule() {
        if (scheduler == null) {
            return;
        }
        Optional<Instant> due = nextAttemptDue();
        if (due.isPresent()) {
            scheduleIn(Duration.between(clock.instant(), due.get()));
        }
    }

    private void scheduleIn(Duration delay) {
        long ms = Math.max(0, delay.toMillis());
        if (scheduled != null && !scheduled.isDone() && scheduled.getDelay(TimeUnit.MILLISECONDS) <= ms) {
            return; // an earlier pass is already planned
        }
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        long gen = ++generation;
        scheduled = scheduler.schedule(() -> runScheduled(gen), ms, TimeUnit.MILLISECONDS);
    }

    private void runScheduled(long gen) {
        SecurityEventSender sender;
        synchronized (this) {
            if (gen == generation) {
                scheduled = null; // this task is running: it no longer counts as planned
            }
            sender = loopSender;
        }
        if (sender != null) {
            deliverPending(sender);
        }
    }
}
