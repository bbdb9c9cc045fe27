package io.ocppsec.core.event;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.core.event.internal.JournalCodec;
import io.ocppsec.core.event.internal.LogFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The default {@link SecurityEventQueue}: an append-only journal file of ENQUEUE and ACK records, each with
 * its length and CRC-32 (A04.FR.01/02/03 on the Charging Station side).
 *
 * <p><b>Durability.</b> Each record is written with one positional {@code write} and forced per
 * {@link SyncPolicy}; with {@link SyncPolicy#EVERY_WRITE} (the default) an {@link #enqueue} that returned
 * survives a killed process and a power loss. Opening replays the journal; a torn last record is cut
 * off. Damage followed by intact records is handled per {@link SecurityEventQueueOptions.Recovery}.
 *
 * <p><b>Compaction.</b> When acknowledged records make up more than
 * {@link SecurityEventQueueOptions#compactDeadRatio()} of a journal larger than
 * {@link SecurityEventQueueOptions#compactMinBytes()}, the live records are written to
 * {@code <name>.tmp}, forced, renamed over the journal atomically and the directory is forced.
 *
 * <p><b>When full.</b> Normal capacity is {@code maxRecords - 1} events and {@code maxBytes} minus one
 * maximal record; the rest is reserved. The first enqueue that finds the queue full puts a
 * {@code MemoryExhaustion} event into the reserve and throws {@link QueueFullException} carrying it; later
 * ones throw without raising another until an acknowledgement makes room. No accepted event is ever dropped.
 *
 * <pre>{@code
 * try (FileSecurityEventQueue q = FileSecurityEventQueue.open(Path.of("/var/lib/ocpp/events.journal"),
 *         SecurityEventQueueOptions.defaults())) {
 *     q.enqueue(SecurityEvent.of(SecurityEventType.TAMPER_DETECTION_ACTIVATED, clock.instant()));
 * }
 * }</pre>
 *
 * <p>Thread-safe. One instance per file: the journal is not locked against other processes.
 */
public final class FileSecurityEventQueue implements SecurityEventQueue {

    private static final System.Logger LOG = System.getLogger(FileSecurityEventQueue.class.getName());

    private final Path file;
    private final SecurityEventQueueOptions options;
    private final Map<Long, QueuedEvent> live = new LinkedHashMap<>();
    private final Map<Long, Integer> liveSizes = new LinkedHashMap<>();
    private FileChannel channel;
    private long fileSize;
    private long liveBytes;
    private long nextSequence = 1;
    private int unforced;
    private boolean memoryExhaustionRaised;
    private boolean closed;
    private long salvagedBytes;

    private FileSecurityEventQueue(Path file, SecurityEventQueueOptions options) {
        this.file = file;
        this.options = options;
    }

    /**
     * Opens (or creates) the journal and replays it.
     *
     * @param file the journal file; its directory is created if missing
     * @param options limits and policies
     * @return the open queue
     * @throws JournalCorruptedException when the journal is damaged and the recovery mode is STRICT, or
     *     the file is larger than any journal these options can produce
     * @throws IOException when the file cannot be read or written
     */
    public static FileSecurityEventQueue open(Path file, SecurityEventQueueOptions options) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        FileSecurityEventQueue q = new FileSecurityEventQueue(abs, options);
        q.recover();
        return q;
    }

    private long sizeLimit() {
        // Compaction keeps the journal below about maxBytes / (1 - ratio); anything far larger is not ours.
        double bound = options.maxBytes() / (1.0 - options.compactDeadRatio()) * 2 + options.compactMinBytes()
                + 16L * 1024 * 1024;
        return (long) Math.min(bound, Integer.MAX_VALUE - 64);
    }

    private void recover() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            rewrite(List.of(), 1);
            return;
        }
        long size = Files.size(file);
        if (size > sizeLimit()) {
            throw new JournalCorruptedException(0, "journal has " + size + " bytes, more than the "
                    + sizeLimit() + " these options can produce");
        }
        byte[] buf = Files.readAllBytes(file);
        int end = buf.length;
        long base = JournalCodec.parseHeader(buf, end);
        boolean damaged = false;
        int pos = JournalCodec.HEADER_SIZE;
        if (base < 0) {
            if (options.recovery() == SecurityEventQueueOptions.Recovery.STRICT) {
                throw new JournalCorruptedException(0, "journal header is missing or damaged");
            }
            damaged = true;
            base = 1;
            pos = 0;
        }
        int cut = end;
        while (pos < end) {
            Optional<JournalCodec.Decoded> d = JournalCodec.decode(buf, pos, end);
            if (d.isPresent()) {
                apply(d.get());
                pos += d.get().size();
                continue;
            }
            int next = resync(buf, pos + 1, end);
            if (next < 0) {
                cut = pos; // nothing intact follows: a torn last write
                break;
            }
            if (options.recovery() == SecurityEventQueueOptions.Recovery.STRICT) {
                throw new JournalCorruptedException(pos, "damaged record followed by intact records");
            }
            damaged = true;
            salvagedBytes += next - pos;
            pos = next;
        }
        nextSequence = Math.max(nextSequence, base);
        if (damaged) {
            Path copy = file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            LOG.log(System.Logger.Level.WARNING, "Security event journal {0} was damaged: skipped {1} bytes, "
                    + "kept {2} events; the damaged file was copied to {3}", file, salvagedBytes, live.size(), copy);
            rewrite(new ArrayList<>(live.values()), nextSequence);
            return;
        }
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
        if (cut < end) {
            LOG.log(System.Logger.Level.INFO, "Security event journal {0}: cutting a torn tail of {1} bytes",
                    file, end - cut);
            channel.truncate(cut);
            channel.force(true);
        }
        fileSize = cut;
    }

    private static int resync(byte[] buf, int from, int end) {
        for (int q = from; q + JournalCodec.RECORD_OVERHEAD <= end; q++) {
            if (JournalCodec.decode(buf, q, end).isPresent()) {
                return q;
            }
        }
        return -1;
    }

    private void apply(JournalCodec.Decoded d) {
        if (d.isEnqueue()) {
            if (d.sequence() >= nextSequence) {
                live.put(d.sequence(), new QueuedEvent(d.sequence(), d.event().get()));
                liveSizes.put(d.sequence(), d.size());
                liveBytes += d.size();
                nextSequence = d.sequence() + 1;
            }
        } else {
            Integer s = liveSizes.remove(d.sequence());
            if (s != null) {
                live.remove(d.sequence());
                liveBytes -= s;
            }
        }
    }

    /** Writes a fresh journal holding {@code events} via temp file + force + atomic rename + force dir. */
    private void rewrite(List<QueuedEvent> events, long base) throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        long size;
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            size = writeAll(out, 0, JournalCodec.header(base));
            for (QueuedEvent e : events) {
                size += writeAll(out, size, JournalCodec.enqueue(e.sequence(), e.event()));
            }
            out.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        LogFiles.syncDirectory(file.getParent());
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
        fileSize = size;
    }

    private static int writeAll(FileChannel ch, long at, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            ch.write(b, at + b.position());
        }
        return bytes.length;
    }

    private void append(byte[] record) throws IOException {
        try {
            writeAll(channel, fileSize, record);
        } catch (IOException e) {
            channel.truncate(fileSize); // leave no partial record behind (e.g. disk full)
            throw e;
        }
        fileSize += record.length;
        if (options.sync() == SyncPolicy.EVERY_WRITE
                || (options.sync() == SyncPolicy.BATCHED && ++unforced >= options.batchSize())) {
            channel.force(false);
            unforced = 0;
        }
    }

    @Override
    public synchronized QueuedEvent enqueue(SecurityEvent event) throws QueueFullException, IOException {
        Objects.requireNonNull(event, "event");
        if (!event.type().isCritical()) {
            // A04.FR.01: only critical events are pushed; the others stay in the security log (A04.FR.04).
            throw new IllegalArgumentException("only critical events are queued for the CSMS, not "
                    + event.type().ocppName());
        }
        ensureOpen();
        byte[] record = JournalCodec.enqueue(nextSequence, event);
        if (live.size() + 1 > options.maxRecords() - 1
                || liveBytes + record.length > options.maxBytes() - JournalCodec.MAX_RECORD) {
            Optional<QueuedEvent> raised = Optional.empty();
            if (!memoryExhaustionRaised) {
                SecurityEvent me = SecurityEvent.of(SecurityEventType.MEMORY_EXHAUSTION, options.clock().instant(),
                        "security event queue full: " + live.size() + " events, " + liveBytes + " bytes");
                raised = Optional.of(store(me, JournalCodec.enqueue(nextSequence, me)));
                memoryExhaustionRaised = true;
            }
            throw new QueueFullException(event, raised, "security event queue full (" + live.size() + " events, "
                    + liveBytes + " bytes); " + event.type().ocppName() + " was not queued");
        }
        QueuedEvent q = store(event, record);
        maybeCompact();
        return q;
    }

    private QueuedEvent store(SecurityEvent event, byte[] record) throws IOException {
        long seq = nextSequence;
        append(record);
        nextSequence = seq + 1;
        QueuedEvent q = new QueuedEvent(seq, event);
        live.put(seq, q);
        liveSizes.put(seq, record.length);
        liveBytes += record.length;
        return q;
    }

    @Override
    public synchronized Optional<QueuedEvent> peek() {
        return live.values().stream().findFirst();
    }

    @Override
    public synchronized List<QueuedEvent> pending() {
        return List.copyOf(live.values());
    }

    @Override
    public synchronized boolean acknowledge(long sequence) throws IOException {
        ensureOpen();
        if (!live.containsKey(sequence)) {
            return false;
        }
        append(JournalCodec.ack(sequence));
        live.remove(sequence);
        liveBytes -= liveSizes.remove(sequence);
        if (live.size() < options.maxRecords() - 1
                && liveBytes < options.maxBytes() - 2L * JournalCodec.MAX_RECORD) {
            memoryExhaustionRaised = false;
        }
        maybeCompact();
        return true;
    }

    private void maybeCompact() throws IOException {
        long payload = fileSize - JournalCodec.HEADER_SIZE;
        if (fileSize >= options.compactMinBytes() && payload > 0
                && (payload - liveBytes) > options.compactDeadRatio() * payload) {
            rewrite(new ArrayList<>(live.values()), nextSequence);
        }
    }

    /**
     * Compacts the journal now, whatever its dead share.
     *
     * @throws IOException when the new journal could not be written; the old one is then still in place
     */
    public synchronized void compact() throws IOException {
        ensureOpen();
        rewrite(new ArrayList<>(live.values()), nextSequence);
    }

    @Override
    public synchronized int size() {
        return live.size();
    }

    /** @return the journal's current size in bytes (header and dead records included) */
    public synchronized long journalBytes() {
        return fileSize;
    }

    /** @return how many damaged bytes opening skipped (0 when the journal was intact or only torn) */
    public long salvagedBytes() {
        return salvagedBytes;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("security event queue is closed");
        }
    }

    /** Forces and closes the journal. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            try {
                channel.force(true);
            } finally {
                channel.close();
            }
        }
    }
}
