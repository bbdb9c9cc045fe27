package io.ocppsec.core.event;

import io.ocppsec.core.event.internal.LogFiles;
import io.ocppsec.core.event.internal.LogLineCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the security log across its rolled files, oldest entry first, for the OCPP {@code GetLog}
 * upload with {@code logType = SecurityLog}.
 *
 * <p>Only intact entries are returned: a line whose checksum does not match (a torn append, a flipped
 * bit) or that is longer than any valid entry is skipped and counted in {@link Summary#skippedLines()}.
 * Reading needs no {@link SecurityLog} and may run while one appends.
 *
 * <pre>{@code
 * SecurityLogReader r = SecurityLogReader.of(Path.of("/var/lib/ocpp/seclog"));
 * try (OutputStream out = Files.newOutputStream(upload)) {
 *     r.export(out, Optional.of(oldestTimestamp), Optional.of(latestTimestamp));
 * }
 * }</pre>
 */
public final class SecurityLogReader {

    private final Path dir;

    private SecurityLogReader(Path dir) {
        this.dir = dir;
    }

    /**
     * @param directory the log directory
     * @return a reader of that directory
     */
    public static SecurityLogReader of(Path directory) {
        return new SecurityLogReader(Objects.requireNonNull(directory, "directory"));
    }

    /**
     * What a read pass found.
     *
     * @param entries number of entries passed on
     * @param skippedLines number of torn, corrupt or over-long lines skipped
     */
    public record Summary(long entries, long skippedLines) {
    }

    /**
     * Passes every intact entry within the window to {@code consumer}, oldest first.
     *
     * @param from the oldest timestamp wanted (inclusive), if any
     * @param to the latest timestamp wanted (inclusive), if any
     * @param consumer receives the entries
     * @return counts of entries and skipped lines
     * @throws IOException when a file cannot be read
     */
    public Summary forEach(Optional<Instant> from, Optional<Instant> to, Consumer<SecurityLogEntry> consumer)
            throws IOException {
        Objects.requireNonNull(consumer, "consumer");
        return scan(from, to, (entry, line) -> consumer.accept(entry));
    }

    /**
     * @param from the oldest timestamp wanted (inclusive), if any
     * @param to the latest timestamp wanted (inclusive), if any
     * @return the intact entries within the window, oldest first (at most the log's size limit)
     * @throws IOException when a file cannot be read
     */
    public List<SecurityLogEntry> entries(Optional<Instant> from, Optional<Instant> to) throws IOException {
        List<SecurityLogEntry> out = new ArrayList<>();
        forEach(from, to, out::add);
        return out;
    }

    /**
     * Writes the intact entries within the window to one stream, one JSON line each (the lines as stored,
     * checksums included), oldest first. The stream is not closed.
     *
     * @param out where to write, e.g. the file to upload for GetLog
     * @param from the oldest timestamp wanted (inclusive), if any
     * @param to the latest timestamp wanted (inclusive), if any
     * @return counts of entries written and lines skipped
     * @throws IOException when reading or writing fails
     */
    public Summary export(OutputStream out, Optional<Instant> from, Optional<Instant> to) throws IOException {
        Objects.requireNonNull(out, "out");
        try {
            return scan(from, to, (entry, line) -> {
                try {
                    out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private interface Sink {
        void accept(SecurityLogEntry entry, String line);
    }

    private Summary scan(Optional<Instant> from, Optional<Instant> to, Sink sink) throws IOException {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        long[] counts = new long[2];
        long[] lastSeq = {-1};
        for (Path file : LogFiles.list(dir)) {
            LogFiles.readLines(file, (line, end) -> {
                Optional<SecurityLogEntry> e = line == null ? Optional.empty() : LogLineCodec.decode(line);
                if (e.isEmpty() || e.get().sequence() <= lastSeq[0]) {
                    counts[1]++;
                    return;
                }
                SecurityLogEntry entry = e.get();
                lastSeq[0] = entry.sequence();
                Instant t = entry.event().timestamp();
                if (from.map(t::isBefore).orElse(false) || to.map(t::isAfter).orElse(false)) {
                    return;
                }
                counts[0]++;
                sink.accept(entry, line);
            });
        }
        return new Summary(counts[0], counts[1]);
    }
}
