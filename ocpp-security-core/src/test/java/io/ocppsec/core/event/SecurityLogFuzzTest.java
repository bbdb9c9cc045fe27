package io.ocppsec.core.event;

import static io.ocppsec.core.fuzz.FuzzInvariant.expect;
import static io.ocppsec.core.fuzz.FuzzInvariant.holds;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.core.event.internal.LogFiles;
import io.ocppsec.core.fuzz.FuzzInputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * Fuzzes the security-log file format, which is read back from storage that a crash, a flipped bit or
 * someone with access to the flash may have changed: {@link SecurityLogReader} on a log file holding the
 * fuzz bytes, and the recovery in {@link SecurityLog#open}. Only {@link IOException} may come out.
 */
class SecurityLogFuzzTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final SecurityLogOptions OPTIONS = SecurityLogOptions.defaults()
            .withSync(SyncPolicy.BATCHED).withClock(Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    static Path tmp;

    /** The fuzz bytes are the first log file, as stored (checksums included). */
    @Timeout(10)
    @FuzzTest(maxDuration = "20s")
    void readLog(byte[] data) throws IOException {
        Path dir = freshDirectory("read");
        Files.write(LogFiles.fileFor(dir, 1), data);
        read(data, dir);
    }

    /**
     * Each line of the fuzz bytes is the part of a log line before its checksum; the harness appends the
     * right checksum, so the fuzzer reaches the JSON and value checks behind it. Then the log is opened
     * (recovery cuts a torn tail), one event is appended and everything is read back.
     */
    @Timeout(10)
    @FuzzTest(maxDuration = "20s")
    void openLog(byte[] data) throws IOException {
        Path dir = freshDirectory("open");
        byte[] file = withChecksums(data);
        Files.write(LogFiles.fileFor(dir, 1), file);
        List<SecurityLogEntry> before = read(file, dir);
        SecurityEvent event = new SecurityEvent(SecurityEventType.STARTUP_OF_THE_DEVICE, NOW, Optional.of("fuzz"));
        Optional<Long> seq = holds("SecurityLog.open+append", file, () -> {
            try (SecurityLog log = SecurityLog.open(dir, OPTIONS)) {
                return log.append(event);
            }
        }, IOException.class);
        if (seq.isPresent()) {
            List<SecurityLogEntry> after = read(file, dir);
            expect("SecurityLog.open+append", file, !after.isEmpty()
                    && after.get(after.size() - 1).equals(new SecurityLogEntry(seq.get(), event)),
                    "the appended entry to be read back last");
            long maxBefore = before.stream().mapToLong(SecurityLogEntry::sequence).max().orElse(0);
            expect("SecurityLog.open+append", file, seq.get() > maxBefore,
                    "the new sequence number " + seq.get() + " to be above every intact one (" + maxBefore + ")");
        }
    }

    private static List<SecurityLogEntry> read(byte[] data, Path dir) throws IOException {
        SecurityLogReader reader = SecurityLogReader.of(dir);
        Optional<List<SecurityLogEntry>> entries = holds("SecurityLogReader.entries", data,
                () -> reader.entries(Optional.empty(), Optional.empty()), IOException.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Optional<SecurityLogReader.Summary> summary = holds("SecurityLogReader.export", data,
                () -> reader.export(out, Optional.of(NOW.minusSeconds(86_400)), Optional.of(NOW)), IOException.class);
        if (entries.isEmpty() || summary.isEmpty()) {
            return List.of();
        }
        long lines = 0;
        for (Path f : LogFiles.list(dir)) {
            for (byte b : Files.readAllBytes(f)) {
                lines += b == '\n' ? 1 : 0;
            }
        }
        List<SecurityLogEntry> e = entries.get();
        expect("SecurityLogReader", data, e.size() + summary.get().skippedLines() <= lines,
                "no more entries and skipped lines than lines");
        for (int i = 1; i < e.size(); i++) {
            expect("SecurityLogReader", data, e.get(i).sequence() > e.get(i - 1).sequence(),
                    "strictly increasing sequence numbers");
        }
        return e;
    }

    private static Path freshDirectory(String name) throws IOException {
        Path dir = tmp.resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** Appends {@code ,"crc":"<crc32 of the line>"}} to every line (the stored line format). */
    static byte[] withChecksums(byte[] bodies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bodies.length + 64);
        int start = 0;
        for (int i = 0; i <= bodies.length; i++) {
            if (i == bodies.length || bodies[i] == '\n') {
                if (i == bodies.length && start == i) {
                    break;
                }
                CRC32 crc = new CRC32();
                crc.update(bodies, start, i - start);
                out.write(bodies, start, i - start);
                out.writeBytes(String.format(",\"crc\":\"%08x\"}", crc.getValue()).getBytes(StandardCharsets.US_ASCII));
                if (i < bodies.length) {
                    out.write('\n');
                }
                start = i + 1;
            }
        }
        return out.toByteArray();
    }


    /** The committed seeds hold intact entries. */
    @Test
    void seedsHoldIntactEntries() throws Exception {
        Path dir = freshDirectory("check");
        Files.write(LogFiles.fileFor(dir, 1), FuzzInputs.readSeed(getClass(), "readLog", "three-entries"));
        assertThat(SecurityLogReader.of(dir).entries(Optional.empty(), Optional.empty())).hasSize(3);
        Files.write(LogFiles.fileFor(dir, 1), withChecksums(FuzzInputs.readSeed(getClass(), "openLog", "three-entries")));
        assertThat(SecurityLogReader.of(dir).entries(Optional.empty(), Optional.empty())).hasSize(3);
    }

    /** Regenerates the seed files: {@code -Docppsec.fuzz.writeSeeds=true -Dtest=SecurityLogFuzzTest#writeSeeds}. */
    @Test
    @EnabledIfSystemProperty(named = FuzzInputs.WRITE_SEEDS, matches = "true")
    void writeSeeds() throws Exception {
        Path dir = freshDirectory("seeds");
        try (SecurityLog log = SecurityLog.open(dir, OPTIONS)) {
            log.append(new SecurityEvent(SecurityEventType.STARTUP_OF_THE_DEVICE, NOW.minusSeconds(60), Optional.empty()));
            log.append(new SecurityEvent(SecurityEventType.FIRMWARE_UPDATED, NOW.minusSeconds(30),
                    Optional.of("version 1.2.3 \"quoted\" \u00e9 \u4e2d")));
            log.append(new SecurityEvent(SecurityEventType.of("VendorSpecificThing"), NOW, Optional.of("x")));
        }
        byte[] file = Files.readAllBytes(LogFiles.fileFor(dir, 1));
        FuzzInputs.writeSeed(getClass(), "readLog", "three-entries", file);
        FuzzInputs.writeSeed(getClass(), "readLog", "torn-tail", java.util.Arrays.copyOf(file, file.length - 7));
        String text = new String(file, StandardCharsets.US_ASCII);
        FuzzInputs.writeSeed(getClass(), "readLog", "flipped-bit",
                text.replaceFirst("Startup", "Starttp").getBytes(StandardCharsets.US_ASCII));
        StringBuilder bodies = new StringBuilder();
        for (String line : text.split("\n")) {
            bodies.append(line, 0, line.indexOf(",\"crc\":")).append('\n');
        }
        FuzzInputs.writeSeed(getClass(), "openLog", "three-entries", bodies.toString().getBytes(StandardCharsets.US_ASCII));
        FuzzInputs.writeSeed(getClass(), "openLog", "out-of-order-and-odd-values", String.join("\n",
                "{\"seq\":5,\"timestamp\":\"2026-06-01T12:00:00Z\",\"type\":\"ResetOrReboot\"",
                "{\"seq\":3,\"timestamp\":\"2026-06-01T11:00:00.5+02:00\",\"type\":\"ResetOrReboot\",\"techInfo\":null",
                "{\"seq\":9223372036854775807,\"timestamp\":\"+1000000000-12-31T23:59:59Z\",\"type\":\"\\u0000\"",
                "{\"seq\":1e3,\"timestamp\":\"2026-06-01T12:00:00Z\",\"type\":\"MemoryExhaustion\",\"seq\":2",
                "").getBytes(StandardCharsets.UTF_8));
    }
}
