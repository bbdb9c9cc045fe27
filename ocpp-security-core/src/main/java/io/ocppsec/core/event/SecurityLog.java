package io.ocppsec.core.event;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.core.event.internal.LogFiles;
import io.ocppsec.core.event.internal.LogLineCodec;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Charging Station's security log (A04.FR.04): every security event, critical or not, one JSON line
 * per entry in rolling files.
 *
 * <p>Each line holds a sequence number, the ISO-8601 timestamp, the event type, the techInfo and a CRC-32
 * of the line. Files are named after the sequence number of their first entry
 * ({@code security-log-00000000000000000042.jsonl}); the current file is rolled at
 * {@link SecurityLogOptions#maxFileBytes()} and the oldest file is deleted beyond
 * {@link SecurityLogOptions#maxFiles()}, so the log never takes more than about {@code maxFileBytes ×
 * maxFiles}.
 *
 * <p>Crash safety: a line is written with one {@code write} call and forced per {@link SyncPolicy}. When
 * the log is opened, a torn or corrupt tail of the current file (what a power loss leaves) is cut off and
 * the sequence continues after the last intact entry. Readers ({@link SecurityLogReader}) skip lines whose
 * checksum does not match.
 *
 * <p>Secrets: the techInfo of every appended event is scrubbed by {@link TechInfo#scrub(SecurityEvent)}
 * first (A01.FR.12); build techInfo with {@link TechInfo#builder()} to be sure.
 *
 * <pre>{@code
 * try (SecurityLog log = SecurityLog.open(Path.of("/var/lib/ocpp/seclog"), SecurityLogOptions.defaults())) {
 *     log.append(SecurityEvent.of(SecurityEventType.STARTUP_OF_THE_DEVICE, clock.instant()));
 *     log.reader().export(out, Optional.empty(), Optional.empty());   // GetLog, logType SecurityLog
 * }
 * }</pre>
 *
 * <p>Thread-safe. One writer per directory: two {@code SecurityLog}s on the same directory (in one or in
 * two processes) corrupt each other's sequence numbers.
 */
public final class SecurityLog implements Closeable {

    private static final System.Logger LOG = System.getLogger(SecurityLog.class.getName());

    private final Path dir;
    private final SecurityLogOptions options;
    private FileChannel current;
    private long currentSize;
    private long nextSequence;
    private int unforced;
    private boolean closed;

    private SecurityLog(Path dir, SecurityLogOptions options) {
        this.dir = dir;
        this.options = options;
    }

    /**
     * Opens the log in a directory (created if missing), repairing a torn tail left by a crash.
     *
     * @param directory the directory that holds only this log's files
     * @param options limits and policies
     * @return the open log
     * @throws IOException when the directory or the current file cannot be read or written
     */
    public static SecurityLog open(Path directory, SecurityLogOptions options) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(options, "options");
        Files.createDirectories(directory);
        SecurityLog log = new SecurityLog(directory, options);
        log.recover();
        return log;
    }

    private void recover() throws IOException {
        List<Path> files = LogFiles.list(dir);
        if (files.isEmpty()) {
            nextSequence = 1;
            openNewFile();
            return;
        }
        Path last = files.get(files.size() - 1);
        long[] state = {LogFiles.firstSequence(last), 0}; // next sequence, end of the last intact line
        long complete = LogFiles.readLines(last, (line, end) -> {
            Optional<SecurityLogEntry> e = line == null ? Optional.empty() : LogLineCodec.decode(line);
            if (e.isPresent()) {
                state[0] = Math.max(state[0], e.get().sequence() + 1);
                state[1] = end;
            }
        });
        nextSequence = state[0];
        current = FileChannel.open(last, StandardOpenOption.WRITE);
        long size = current.size();
        if (size != state[1]) {
            // A torn last line, or corrupt lines after the last intact one: what a crash leaves behind.
            LOG.log(System.Logger.Level.WARNING, "Security log: cutting {0} bytes of torn or corrupt tail "
                    + "(complete lines end at {1})", size - state[1], complete);
            current.truncate(state[1]);
            current.force(true);
        }
        currentSize = state[1];
        current.position(currentSize);
    }

    private void openNewFile() throws IOException {
        Path file = LogFiles.fileFor(dir, nextSequence);
        current = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        current.truncate(0);
        currentSize = 0;
        LogFiles.syncDirectory(dir);
    }

    /**
     * Writes an event to the log (A04.FR.04), its techInfo scrubbed of secrets first (A01.FR.12).
     *
     * @param event the event, critical or not
     * @return the entry's sequence number
     * @throws IOException when the entry could not be written; it is then not in the log
     */
    public synchronized long append(SecurityEvent event) throws IOException {
        Objects.requireNonNull(event, "event");
        ensureOpen();
        long seq = nextSequence;
        if (seq > LogLineCodec.MAX_SEQUENCE) {
            throw new IOException("Security log sequence numbers exhausted (" + seq + ")");
        }
        byte[] line = (LogLineCodec.encode(seq, TechInfo.scrub(event)) + "\n").getBytes(StandardCharsets.US_ASCII);
        if (currentSize > 0 && currentSize + line.length > options.maxFileBytes()) {
            roll();
        }
        writeFully(line);
        nextSequence = seq + 1;
        return seq;
    }

    private void writeFully(byte[] line) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(line);
        long start = currentSize;
        try {
            while (buf.hasRemaining()) {
                current.write(buf, currentSize + buf.position());
            }
        } catch (IOException e) {
            current.truncate(start); // no half line left behind when the disk is full
            throw e;
        }
        currentSize += line.length;
        switch (options.sync()) {
            case EVERY_WRITE:
                current.force(false);
                break;
            case BATCHED:
                if (++unforced >= options.batchSize()) {
                    current.force(false);
                    unforced = 0;
                }
                break;
            default:
                break;
        }
    }

    private void roll() throws IOException {
        current.force(true);
        current.close();
        openNewFile();
        List<Path> files = LogFiles.list(dir);
        for (int i = 0; i < files.size() - options.maxFiles(); i++) {
            Files.deleteIfExists(files.get(i));
        }
        LogFiles.syncDirectory(dir);
    }

    /**
     * Clears the log and writes {@code SecurityLogWasCleared} as the first entry of the fresh log. The
     * caller hands the returned (critical) event to the CSMS queue; {@link SecurityEventReporter#clearSecurityLog()}
     * does both.
     *
     * <p>For crash safety the fresh file with its first entry is written and forced before the old files
     * are deleted; a crash in between leaves the old entries before the new one, never a log without the
     * {@code SecurityLogWasCleared} entry. Sequence numbers keep increasing.
     *
     * @return the {@code SecurityLogWasCleared} event that was written
     * @throws IOException when the log could not be cleared
     */
    public synchronized SecurityEvent clear() throws IOException {
        ensureOpen();
        List<Path> old = LogFiles.list(dir);
        current.force(true);
        current.close();
        openNewFile();
        SecurityEvent cleared = SecurityEvent.of(SecurityEventType.SECURITY_LOG_WAS_CLEARED,
                options.clock().instant());
        long seq = nextSequence;
        writeFully((LogLineCodec.encode(seq, cleared) + "\n").getBytes(StandardCharsets.US_ASCII));
        current.force(true);
        nextSequence = seq + 1;
        Path fresh = LogFiles.fileFor(dir, seq);
        for (Path p : old) {
            if (!p.equals(fresh)) {
                Files.deleteIfExists(p);
            }
        }
        LogFiles.syncDirectory(dir);
        return cleared;
    }

    /** @return the sequence number the next entry will get */
    public synchronized long nextSequence() {
        return nextSequence;
    }

    /** @return a reader over this log's directory, e.g. for a GetLog upload */
    public SecurityLogReader reader() {
        return SecurityLogReader.of(dir);
    }

    /**
     * Forces appended entries to storage now (useful with {@link SyncPolicy#BATCHED}).
     *
     * @throws IOException when forcing fails
     */
    public synchronized void flush() throws IOException {
        ensureOpen();
        current.force(false);
        unforced = 0;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("security log is closed");
        }
    }

    /** Forces and closes the current file. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            try {
                current.force(true);
            } finally {
                current.close();
            }
        }
    }
}
