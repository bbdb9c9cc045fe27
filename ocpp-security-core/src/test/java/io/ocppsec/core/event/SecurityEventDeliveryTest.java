package io.ocppsec.core.event;

import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityEventDeliveryTest {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dir;

    MutableClock clock = new MutableClock(T0);
    FileSecurityEventQueue queue;
    SecurityEventDelivery delivery;
    List<String> sent = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        queue = FileSecurityEventQueue.open(dir.resolve("q.journal"), SecurityEventQueueOptions.defaults());
        delivery = SecurityEventDelivery.create(queue, clock,
                new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(60)));
    }

    @AfterEach
    void tearDown() throws Exception {
        queue.close();
    }

    void enqueue(int... ids) throws Exception {
        for (int i : ids) {
            queue.enqueue(SecurityEvent.of(SecurityEventType.FIRMWARE_UPDATED, T0, "e" + i));
        }
    }

    SecurityEventSender answering(boolean answer) {
        return e -> {
            sent.add(e.techInfo().orElse(""));
            return CompletableFuture.completedFuture(answer);
        };
    }

    SecurityEventDelivery.Report pass(SecurityEventSender s) {
        return delivery.deliverPending(s).toCompletableFuture().join();
    }

    @Test
    @Verifies({"A04.FR.02", "A04.FR.03"})
    void deliversInOrderAndRemovesOnlyConfirmed() throws Exception {
        enqueue(1, 2, 3);
        SecurityEventDelivery.Report r = pass(answering(true));
        assertThat(r.delivered()).isEqualTo(3);
        assertThat(r.pending()).isZero();
        assertThat(r.nextAttempt()).isEmpty();
        assertThat(sent).containsExactly("e1", "e2", "e3");
        assertThat(queue.size()).isZero();
    }

    @Test
    @Verifies({"A04.FR.02", "A04.FR.03"})
    void unconfirmedEventStaysAndBacksOffExponentially() throws Exception {
        enqueue(1, 2);
        SecurityEventDelivery.Report r = pass(answering(false));
        assertThat(r.delivered()).isZero();
        assertThat(r.pending()).isEqualTo(2);
        assertThat(r.nextAttempt()).contains(T0.plusSeconds(5));
        assertThat(sent).containsExactly("e1");
        // not due yet: nothing is sent
        assertThat(pass(answering(true)).delivered()).isZero();
        assertThat(sent).hasSize(1);
        clock.advance(Duration.ofSeconds(5));
        assertThat(pass(answering(false)).nextAttempt()).contains(T0.plusSeconds(5 + 10));
        clock.advance(Duration.ofSeconds(10));
        assertThat(pass(e -> CompletableFuture.failedFuture(new RuntimeException("offline"))).nextAttempt())
                .contains(T0.plusSeconds(15 + 20));
        clock.advance(Duration.ofSeconds(20));
        assertThat(pass(e -> {
            throw new IllegalStateException("sender bug");
        }).nextAttempt()).contains(T0.plusSeconds(35 + 40));
        clock.advance(Duration.ofSeconds(40));
        assertThat(pass(answering(false)).nextAttempt()).contains(T0.plusSeconds(75 + 60)); // capped
        assertThat(delivery.consecutiveFailures()).isEqualTo(5);
        assertThat(queue.pending()).extracting(q -> q.event().techInfo().orElseThrow()).containsExactly("e1", "e2");
        clock.advance(Duration.ofSeconds(60));
        assertThat(pass(answering(true)).delivered()).isEqualTo(2);
        assertThat(delivery.consecutiveFailures()).isZero();
    }

    @Test
    void failureMidwayKeepsTheRestInOrder() throws Exception {
        enqueue(1, 2, 3);
        AtomicInteger n = new AtomicInteger();
        SecurityEventDelivery.Report r = pass(e -> CompletableFuture.completedFuture(n.incrementAndGet() < 2));
        assertThat(r.delivered()).isEqualTo(1);
        assertThat(queue.pending()).extracting(q -> q.event().techInfo().orElseThrow()).containsExactly("e2", "e3");
    }

    @Test
    void resetBackoffMakesItDueNow() throws Exception {
        enqueue(1);
        pass(answering(false));
        assertThat(delivery.nextAttemptDue()).contains(T0.plusSeconds(5));
        delivery.resetBackoff();
        assertThat(delivery.nextAttemptDue()).contains(T0);
    }

    @Test
    void asynchronousResponsesAndSingleFlight() throws Exception {
        enqueue(1, 2);
        List<CompletableFuture<Boolean>> calls = new ArrayList<>();
        SecurityEventSender later = e -> {
            CompletableFuture<Boolean> f = new CompletableFuture<>();
            calls.add(f);
            return f;
        };
        CompletableFuture<SecurityEventDelivery.Report> first = delivery.deliverPending(later).toCompletableFuture();
        SecurityEventDelivery.Report second = pass(answering(true));
        assertThat(second.busy()).isTrue();
        assertThat(calls).hasSize(1);
        calls.get(0).complete(true);
        assertThat(calls).hasSize(2);
        assertThat(queue.size()).isEqualTo(1);
        calls.get(1).complete(true);
        assertThat(first.join().delivered()).isEqualTo(2);
    }

    @Test
    void longQueueWithSynchronousSenderDoesNotOverflowTheStack() throws Exception {
        try (FileSecurityEventQueue big = FileSecurityEventQueue.open(dir.resolve("big.journal"),
                SecurityEventQueueOptions.defaults().withMaxRecords(20_000).withMaxBytes(8 << 20)
                        .withSync(SyncPolicy.NONE))) {
            for (int i = 0; i < 10_000; i++) {
                big.enqueue(SecurityEvent.of(SecurityEventType.FIRMWARE_UPDATED, T0));
            }
            SecurityEventDelivery d = SecurityEventDelivery.create(big, clock, RetryPolicy.defaults());
            assertThat(d.deliverPending(e -> CompletableFuture.completedFuture(true)).toCompletableFuture().join()
                    .delivered()).isEqualTo(10_000);
        }
    }

    @Test
    void scheduledLoopRetriesUntilConfirmed() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            SecurityEventDelivery d = SecurityEventDelivery.create(queue, java.time.Clock.systemUTC(),
                    new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(20)));
            CountDownLatch done = new CountDownLatch(3);
            AtomicInteger attempts = new AtomicInteger();
            d.start(scheduler, e -> {
                boolean ok = attempts.incrementAndGet() > 3; // the CSMS is "offline" for three attempts
                if (ok) {
                    sent.add(e.techInfo().orElse(""));
                    done.countDown();
                }
                return CompletableFuture.completedFuture(ok);
            });
            assertThatThrownBy(() -> d.start(scheduler, answering(true))).isInstanceOf(IllegalStateException.class);
            enqueue(1, 2);
            d.wakeUp();
            enqueue(3);
            d.wakeUp();
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(sent).containsExactly("e1", "e2", "e3");
            d.stop();
        } finally {
            scheduler.shutdown();
            assertThat(scheduler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(queue.size()).isZero();
    }

    @Test
    void retryPolicyBounds() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(p.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.delayAfter(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.delayAfter(1000)).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> p.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofDays(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Optional.of(p)).isPresent();
    }
}
