package io.ocppsec.core.event;

import static io.ocppsec.core.fuzz.FuzzInvariant.expect;
import static io.ocppsec.core.fuzz.FuzzInvariant.holds;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.core.event.internal.JournalCodec;
import io.ocppsec.core.fuzz.FuzzInputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the recovery of the durable event queue's journal ({@link FileSecurityEventQueue#open}) in both
 * recovery modes: the fuzz bytes are the journal file as found after a crash. Only {@link IOException}
 * (including {@link JournalCorruptedException}) may come out; whatever opens must take an enqueue and
 * reopen with the same pending events.
 */
class FileSecurityEventQueueFuzzTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final SecurityEventQueueOptions SALVAGE = SecurityEventQueueOptions.defaults()
            .withSync(SyncPolicy.BATCHED).withClock(Clock.fixed(NOW, ZoneOffset.UTC));
    private static final SecurityEventQueueOptions STRICT = SALVAGE.withRecovery(SecurityEventQueueOptions.Recovery.STRICT);

    @TempDir
    static Path tmp;

    /** The fuzz bytes are the journal, checksums and all. */
    @Timeout(10)
    @FuzzTest(maxDuration = "20s")
    void openJournal(byte[] data) throws IOException {
        open(data);
    }

    /**
     * The fuzz bytes are a journal whose header and record checksums the harness recomputes (where a record
     * length is in range), so the fuzzer reaches the record payload decoding and the replay behind them.
     */
    @Timeout(10)
    @FuzzTest(maxDuration = "20s")
    void openJournalWithValidChecksums(byte[] data) throws IOException {
        open(withChecksums(data));
    }

    private static void open(byte[] data) throws IOException {
        for (SecurityEventQueueOptions options : List.of(STRICT, SALVAGE)) {
            Path dir = freshDirectory();
            Path journal = dir.resolve("events.journal");
            Files.write(journal, data);
            String mode = "FileSecurityEventQueue.open(" + options.recovery() + ")";
            Optional<List<QueuedEvent>> pending = holds(mode, data, () -> {
                try (FileSecurityEventQueue q = FileSecurityEventQueue.open(journal, options)) {
                    List<QueuedEvent> p = q.pending();
                    q.enqueue(new SecurityEvent(SecurityEventType.RESET_OR_REBOOT, NOW, Optional.of("fuzz")));
                    return p;
                }
            }, IOException.class, QueueFullException.class);
            if (pending.isEmpty()) {
                continue;
            }
            for (int i = 1; i < pending.get().size(); i++) {
                expect(mode, data, pending.get().get(i).sequence() > pending.get().get(i - 1).sequence(),
                        "pending events in increasing sequence order");
            }
            // What recovery left (and the enqueue appended) must be a clean journal: STRICT opens it again.
            Optional<List<QueuedEvent>> again = holds(mode + " then reopen", data, () -> {
                try (FileSecurityEventQueue q = FileSecurityEventQueue.open(journal, STRICT)) {
                    return q.pending();
                }
            });
            expect(mode + " then reopen", data, again.isPresent() && again.get().size() == pending.get().size() + 1
                    && again.get().subList(0, pending.get().size()).equals(pending.get()),
                    "the recovered events plus the new one after reopening, got " + again + " after " + pending);
        }
    }

    private static Path freshDirectory() throws IOException {
        Path dir = tmp.resolve("q");
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** Recomputes the header checksum (if the magic is there) and the checksum of every in-range record. */
    static byte[] withChecksums(byte[] in) {
        byte[] b = in.clone();
        ByteBuffer buf = ByteBuffer.wrap(b);
        int pos = 0;
        if (b.length >= JournalCodec.HEADER_SIZE && b[0] == 'O' && b[1] == 'S' && b[2] == 'E' && b[3] == 'Q') {
            CRC32 c = new CRC32();
            c.update(b, 0, 16);
            buf.putInt(16, (int) c.getValue());
            pos = JournalCodec.HEADER_SIZE;
        }
        while (pos + JournalCodec.RECORD_OVERHEAD <= b.length) {
            int len = buf.getInt(pos);
            if (len < 1 || len > JournalCodec.MAX_PAYLOAD || pos + JournalCodec.RECORD_OVERHEAD + len > b.length) {
                break;
            }
            CRC32 c = new CRC32();
            c.update(b, pos, 4);
            c.update(b, pos + JournalCodec.RECORD_OVERHEAD, len);
            buf.putInt(pos + 4, (int) c.getValue());
            pos += JournalCodec.RECORD_OVERHEAD + len;
        }
        return b;
    }


    /** The committed journal seed replays to two pending events. */
    @Test
    void seedJournalReplays() throws Exception {
        Path journal = freshDirectory().resolve("events.journal");
        Files.write(journal, FuzzInputs.readSeed(getClass(), "openJournal", "three-enqueues-one-ack"));
        try (FileSecurityEventQueue q = FileSecurityEventQueue.open(journal, STRICT)) {
            assertThat(q.pending()).extracting(QueuedEvent::sequence).containsExactly(2L, 3L);
        }
    }

    /** Regenerates the seed files: {@code -Docppsec.fuzz.writeSeeds=true -Dtest=FileSecurityEventQueueFuzzTest#writeSeeds}. */
    @Test
    @EnabledIfSystemProperty(named = FuzzInputs.WRITE_SEEDS, matches = "true")
    void writeSeeds() throws Exception {
        ByteArrayOutputStream j = new ByteArrayOutputStream();
        j.writeBytes(JournalCodec.header(1));
        j.writeBytes(JournalCodec.enqueue(1, new SecurityEvent(SecurityEventType.STARTUP_OF_THE_DEVICE, NOW, Optional.empty())));
        j.writeBytes(JournalCodec.enqueue(2, new SecurityEvent(SecurityEventType.FIRMWARE_UPDATED, NOW.plusNanos(123),
                Optional.of("v1.2.3 \u00e9\u4e2d"))));
        j.writeBytes(JournalCodec.ack(1));
        j.writeBytes(JournalCodec.enqueue(3, new SecurityEvent(SecurityEventType.of("VendorThing"),
                Instant.ofEpochSecond(-1), Optional.of(""))));
        byte[] journal = j.toByteArray();
        for (String method : new String[] {"openJournal", "openJournalWithValidChecksums"}) {
            FuzzInputs.writeSeed(getClass(), method, "three-enqueues-one-ack", journal);
            FuzzInputs.writeSeed(getClass(), method, "torn-tail", Arrays.copyOf(journal, journal.length - 5));
            byte[] flipped = journal.clone();
            flipped[JournalCodec.HEADER_SIZE + 12] ^= 0x10;
            FuzzInputs.writeSeed(getClass(), method, "damaged-first-record", flipped);
            FuzzInputs.writeSeed(getClass(), method, "no-header",
                    Arrays.copyOfRange(journal, JournalCodec.HEADER_SIZE, journal.length));
        }
    }
}
