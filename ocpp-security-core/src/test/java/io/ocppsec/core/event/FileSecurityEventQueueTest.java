package io.ocppsec.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.core.event.SecurityEventQueueOptions.Recovery;
import io.ocppsec.testing.Verifies;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSecurityEventQueueTest {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    Path journal() {
        return dir.resolve("events.journal");
    }

    FileSecurityEventQueue open() throws IOException {
        return open(SecurityEventQueueOptions.defaults());
    }

    FileSecurityEventQueue open(SecurityEventQueueOptions o) throws IOException {
        return FileSecurityEventQueue.open(journal(), o.withClock(CLOCK));
    }

    static SecurityEvent ev(int i) {
        return SecurityEvent.of(SecurityEventType.TAMPER_DETECTION_ACTIVATED, T0.plusMillis(i), "event " + i);
    }

    static List<String> infos(SecurityEventQueue q) {
        return q.pending().stream().map(e -> e.event().techInfo().orElse("")).collect(Collectors.toList());
    }

    @Test
    @Verifies({"A04.FR.01", "A04.FR.02"})
    void criticalEventsSurviveReopenInOrder() throws Exception {
        try (FileSecurityEventQueue q = open()) {
            for (int i = 0; i < 5; i++) {
                assertThat(q.enqueue(ev(i)).sequence()).isEqualTo(i + 1);
            }
        }
        try (FileSecurityEventQueue q = open()) {
            assertThat(infos(q)).containsExactly("event 0", "event 1", "event 2", "event 3", "event 4");
            assertThat(q.peek().orElseThrow().sequence()).isEqualTo(1);
            assertThat(q.pending().get(4).event()).isEqualTo(ev(4));
            assertThat(q.enqueue(ev(5)).sequence()).isEqualTo(6);
        }
    }

    @Test
    @Verifies("A04.FR.01")
    void nonCriticalEventsAreNotQueued() throws Exception {
        try (FileSecurityEventQueue q = open()) {
            for (SecurityEventType t : SecurityEventType.standardValues()) {
                if (!t.isCritical()) {
                    assertThatThrownBy(() -> q.enqueue(SecurityEvent.of(t, T0)))
                            .isInstanceOf(IllegalArgumentException.class);
                }
            }
            assertThatThrownBy(() -> q.enqueue(SecurityEvent.of(SecurityEventType.of("VendorThing"), T0)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(q.size()).isZero();
        }
    }

    @Test
    @Verifies("A04.FR.03")
    void onlyAcknowledgementRemovesAnEvent() throws Exception {
        try (FileSecurityEventQueue q = open()) {
            q.enqueue(ev(0));
            q.enqueue(ev(1));
            q.enqueue(ev(2));
            assertThat(q.acknowledge(2)).isTrue();
            assertThat(q.acknowledge(2)).isFalse();
            assertThat(q.acknowledge(99)).isFalse();
        }
        try (FileSecurityEventQueue q = open()) {
            assertThat(infos(q)).containsExactly("event 0", "event 2");
            q.acknowledge(1);
            q.acknowledge(3);
            assertThat(q.peek()).isEmpty();
        }
        try (FileSecurityEventQueue q = open()) {
            assertThat(q.size()).isZero();
            assertThat(q.enqueue(ev(9)).sequence()).isEqualTo(4);
        }
    }

    @Test
    void fullQueueRaisesMemoryExhaustionOnceAndNeverDrops() throws Exception {
        try (FileSecurityEventQueue q = open(SecurityEventQueueOptions.defaults().withMaxRecords(5))) {
            for (int i = 0; i < 4; i++) {
                q.enqueue(ev(i));
            }
            QueueFullException full = org.junit.jupiter.api.Assertions.assertThrows(QueueFullException.class,
                    () -> q.enqueue(ev(4)));
            assertThat(full.rejected()).isEqualTo(ev(4));
            assertThat(full.memoryExhaustionQueued()).isPresent();
            assertThat(full.memoryExhaustionQueued().get().event().type())
                    .isEqualTo(SecurityEventType.MEMORY_EXHAUSTION);
            assertThat(full.getMessage()).contains("TamperDetectionActivated").doesNotContain("event 4");
            QueueFullException again = org.junit.jupiter.api.Assertions.assertThrows(QueueFullException.class,
                    () -> q.enqueue(ev(5)));
            assertThat(again.memoryExhaustionQueued()).isEmpty();
            assertThat(q.size()).isEqualTo(5);
            assertThat(infos(q)).startsWith("event 0", "event 1", "event 2", "event 3");
            q.acknowledge(1);
            assertThatThrownBy(() -> q.enqueue(ev(6))).isInstanceOf(QueueFullException.class);
            q.acknowledge(2);
            q.acknowledge(5); // the MemoryExhaustion event
            q.enqueue(ev(7));
            assertThat(q.size()).isEqualTo(3);
            // a new full episode raises MemoryExhaustion again
            q.enqueue(ev(8));
            QueueFullException third = org.junit.jupiter.api.Assertions.assertThrows(QueueFullException.class,
                    () -> q.enqueue(ev(9)));
            assertThat(third.memoryExhaustionQueued()).isPresent();
        }
    }

    @Test
    void byteLimitIsEnforced() throws Exception {
        String big = "x".repeat(255);
        try (FileSecurityEventQueue q = open(SecurityEventQueueOptions.defaults().withMaxBytes(8 * 1024))) {
            int accepted = 0;
            try {
                while (true) {
                    q.enqueue(SecurityEvent.of(SecurityEventType.FIRMWARE_UPDATED, T0, big));
                    accepted++;
                }
            } catch (QueueFullException e) {
                assertThat(e.memoryExhaustionQueued()).isPresent();
            }
            assertThat(accepted).isBetween(15, 25);
            assertThat(q.size()).isEqualTo(accepted + 1);
        }
    }

    @Test
    void compactionBoundsTheJournalAndKeepsSequence() throws Exception {
        SecurityEventQueueOptions o = SecurityEventQueueOptions.defaults().withCompaction(0.5, 2048);
        long maxSize = 0;
        try (FileSecurityEventQueue q = open(o)) {
            for (int i = 0; i < 500; i++) {
                QueuedEvent e = q.enqueue(ev(i));
                if (i % 10 != 0) {
                    q.acknowledge(e.sequence());
                }
                maxSize = Math.max(maxSize, q.journalBytes());
            }
            assertThat(q.size()).isEqualTo(50);
        }
        assertThat(maxSize).isLessThan(16 * 1024);
        assertThat(Files.exists(dir.resolve("events.journal.tmp"))).isFalse();
        try (FileSecurityEventQueue q = open(o)) {
            assertThat(q.size()).isEqualTo(50);
            assertThat(q.pending().get(49).event()).isEqualTo(ev(490));
            for (QueuedEvent e : q.pending()) {
                q.acknowledge(e.sequence());
            }
            q.compact();
        }
        try (FileSecurityEventQueue q = open(o)) {
            assertThat(q.enqueue(ev(1)).sequence()).isEqualTo(501);
        }
    }

    @Test
    void everyTornTailLengthLosesOnlyTheTornRecord() throws Exception {
        try (FileSecurityEventQueue q = open(SecurityEventQueueOptions.defaults().withCompaction(0.99, 1 << 20))) {
            q.enqueue(ev(0));
            q.enqueue(ev(1));
        }
        byte[] full = Files.readAllBytes(journal());
        try (FileSecurityEventQueue q = open()) {
            q.enqueue(ev(2));
        }
        byte[] withThird = Files.readAllBytes(journal());
        for (int len = full.length; len < withThird.length; len++) {
            Files.write(journal(), Arrays.copyOf(withThird, len));
            try (FileSecurityEventQueue q = open(SecurityEventQueueOptions.defaults().withRecovery(Recovery.STRICT))) {
                assertThat(infos(q)).as("length %d", len).containsExactly("event 0", "event 1");
                assertThat(q.journalBytes()).isEqualTo(full.length);
                assertThat(q.enqueue(ev(3)).sequence()).isEqualTo(3);
            }
            try (FileSecurityEventQueue q = open()) {
                assertThat(infos(q)).containsExactly("event 0", "event 1", "event 3");
            }
        }
    }

    @Test
    void garbageTailIsCut() throws Exception {
        try (FileSecurityEventQueue q = open()) {
            q.enqueue(ev(0));
        }
        Files.write(journal(), new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3},
                java.nio.file.StandardOpenOption.APPEND);
        try (FileSecurityEventQueue q = open(SecurityEventQueueOptions.defaults().withRecovery(Recovery.STRICT))) {
            assertThat(infos(q)).containsExactly("event 0");
        }
    }

    @Test
    void flippedByteInTheMiddle_strictRefuses_salvageKeepsTheRest() throws Exception {
        byte[] original = threeEvents();
        byte[] b = original.clone();
        b[24 + 8 + 12] ^= 0x40; // inside the first record's payload
        Files.write(journal(), b);
        assertThatThrownBy(() -> open(SecurityEventQueueOptions.defaults().withRecovery(Recovery.STRICT)))
                .isInstanceOf(JournalCorruptedException.class)
                .satisfies(e -> assertThat(((JournalCorruptedException) e).offset()).isEqualTo(24));
        try (FileSecurityEventQueue q = open()) {
            assertThat(infos(q)).containsExactly("event 1", "event 2");
            assertThat(q.salvagedBytes()).isPositive();
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("events.journal.corrupt-"))).hasSize(1);
        }
        try (FileSecurityEventQueue q = open(SecurityEventQueueOptions.defaults().withRecovery(Recovery.STRICT))) {
            assertThat(infos(q)).containsExactly("event 1", "event 2");
        }
    }

    @Test
    void hugeLengthFieldIsBoundedBeforeAllocation() throws Exception {
        byte[] b = threeEvents();
        b[24] = 0x7f;
        b[25] = (byte) 0xff;
        b[26] = (byte) 0xff;
        b[27] = (byte) 0xff;
        Files.write(journal(), b);
        assertThatThrownBy(() -> open(SecurityEventQueueOptions.defaults().withRecovery(Recovery.STRICT)))
                .isInstanceOf(JournalCorruptedException.class);
        try (FileSecurityEventQueue q = open()) {
            assertThat(infos(q)).containsExactly("event 1", "event 2");
        }
    }

    @Test
    void damagedHeader() throws Exception {
        byte[] b = threeEvents();
        b[1] = 'X';
        Files.write(journal(), b);
        assertThatThrownBy(() -> open(SecurityEventQueueOptions.defaults().withRecovery(Recovery.STRICT)))
                .isInstanceOf(JournalCorruptedException.class).hasMessageContaining("header");
        try (FileSecurityEventQueue q = open()) {
            assertThat(infos(q)).containsExactly("event 0", "event 1", "event 2");
            assertThat(q.enqueue(ev(3)).sequence()).isEqualTo(4);
        }
    }

    @Test
    void hugeFileIsRefusedWithoutReadingIt() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(journal().toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        assertThatThrownBy(this::open).isInstanceOf(JournalCorruptedException.class).hasMessageContaining("bytes");
    }

    @Test
    void pureGarbageFileSalvagesToEmpty() throws Exception {
        byte[] junk = new byte[64 * 1024];
        new Random(7).nextBytes(junk);
        Files.write(journal(), junk);
        try (FileSecurityEventQueue q = open()) {
            assertThat(q.size()).isZero();
            assertThat(q.enqueue(ev(0)).sequence()).isEqualTo(1);
        }
    }

    @Test
    void randomDamageNeverCrashesAndKeepsOrder() throws Exception {
        byte[] original = manyEvents(30);
        Random rnd = new Random(42);
        for (int round = 0; round < 300; round++) {
            byte[] b = original.clone();
            int kind = round % 3;
            if (kind == 0) {
                for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
            } else if (kind == 1) {
                b = Arrays.copyOf(b, rnd.nextInt(b.length));
            } else {
                int at = rnd.nextInt(b.length - 16);
                for (int k = 0; k < 16; k++) {
                    b[at + k] = (byte) rnd.nextInt();
                }
            }
            Files.write(journal(), b);
            try (FileSecurityEventQueue q = open(SecurityEventQueueOptions.defaults().withRecovery(Recovery.STRICT))) {
                assertOrderedSubset(q);
            } catch (JournalCorruptedException expected) {
                // a typed refusal is allowed in STRICT mode
            }
            Files.write(journal(), b);
            try (FileSecurityEventQueue q = open()) {
                assertOrderedSubset(q);
            }
        }
    }

    private static void assertOrderedSubset(SecurityEventQueue q) {
        long last = 0;
        for (QueuedEvent e : q.pending()) {
            assertThat(e.sequence()).isGreaterThan(last);
            assertThat(e.event()).isEqualTo(ev((int) e.sequence() - 1));
            last = e.sequence();
        }
    }

    @Test
    void closedQueueRefusesWrites() throws Exception {
        FileSecurityEventQueue q = open();
        q.close();
        q.close();
        assertThatThrownBy(() -> q.enqueue(ev(0))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> q.acknowledge(1)).isInstanceOf(IOException.class);
    }

    @Test
    void optionsRejectBadLimits() {
        SecurityEventQueueOptions d = SecurityEventQueueOptions.defaults();
        assertThatThrownBy(() -> d.withMaxRecords(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withMaxBytes(100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withCompaction(1.0, 4096)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withCompaction(0.5, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withBatchSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void batchedSyncPolicyWorks() throws Exception {
        try (FileSecurityEventQueue q = open(SecurityEventQueueOptions.defaults().withSync(SyncPolicy.BATCHED)
                .withBatchSize(4))) {
            for (int i = 0; i < 10; i++) {
                q.enqueue(ev(i));
            }
        }
        try (FileSecurityEventQueue q = open()) {
            assertThat(q.size()).isEqualTo(10);
        }
    }

    private byte[] threeEvents() throws Exception {
        return manyEvents(3);
    }

    private byte[] manyEvents(int n) throws Exception {
        try (FileSecurityEventQueue q = open()) {
            for (int i = 0; i < n; i++) {
                q.enqueue(ev(i));
            }
        }
        byte[] b = Files.readAllBytes(journal());
        Files.delete(journal());
        return b;
    }
}
