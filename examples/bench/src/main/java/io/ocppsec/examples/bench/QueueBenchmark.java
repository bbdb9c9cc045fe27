package io.ocppsec.examples.bench;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.core.event.FileSecurityEventQueue;
import io.ocppsec.core.event.QueueFullException;
import io.ocppsec.core.event.QueuedEvent;
import io.ocppsec.core.event.SecurityEventQueueOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Durable security-event queue: appends per second with the default fsync policy (every write forced),
 * each appended event acknowledged right away so the queue never fills (two forced journal writes);
 * against the baseline of the same durable work done by hand: two plain {@code FileChannel} appends
 * (the event line and an acknowledgement line), each followed by {@code force(false)}.
 */
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class QueueBenchmark {

    private Path dir;
    private FileSecurityEventQueue queue;
    private FileChannel raw;
    private SecurityEvent event;
    private ByteBuffer rawRecord;

    /** Opens a fresh queue and a raw file in a temporary directory. @throws IOException on I/O failure */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("ocppsec-bench-queue");
        queue = FileSecurityEventQueue.open(dir.resolve("events.journal"), SecurityEventQueueOptions.defaults());
        raw = FileChannel.open(dir.resolve("raw.journal"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        event = SecurityEvent.of(SecurityEventType.INVALID_CSMS_CERTIFICATE, Instant.parse("2026-06-01T12:00:00Z"),
                "peer=csms.example.com;reason=path validation failed");
        rawRecord = ByteBuffer.wrap(("{\"seq\":1,\"type\":\"InvalidCsmsCertificate\",\"timestamp\":"
                + "\"2026-06-01T12:00:00Z\",\"techInfo\":\"peer=csms.example.com;reason=path validation failed\"}\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Deletes the temporary files. @throws IOException on I/O failure */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        queue.close();
        raw.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** @return the queued event @throws IOException on I/O failure @throws QueueFullException never here */
    @Benchmark
    public QueuedEvent appendDurable_sdk() throws IOException, QueueFullException {
        QueuedEvent q = queue.enqueue(event);
        queue.acknowledge(q.sequence());
        return q;
    }

    /** @return bytes written @throws IOException on I/O failure */
    @Benchmark
    public int appendDurable_baseline() throws IOException {
        rawRecord.rewind();
        int n = raw.write(rawRecord);
        raw.force(false);
        rawRecord.rewind().limit(12);
        n += raw.write(rawRecord);
        raw.force(false);
        rawRecord.limit(rawRecord.capacity());
        return n;
    }
}
