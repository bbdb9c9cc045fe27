package io.ocppsec.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.testing.Verifies;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that writes the queue or the log with SIGKILL at random moments, then checks that nothing it
 * reported as stored is lost, that order holds and that the files open without corruption.
 */
class CrashTest {

    @TempDir
    Path dir;

    @Test
    @Verifies({"A04.FR.02", "A04.FR.03"})
    void queueSurvivesKillMinus9_short() throws Exception {
        queueCrashLoop(10, 1);
    }

    @Test
    @Tag("long")
    @Verifies({"A04.FR.02", "A04.FR.03"})
    void queueSurvivesKillMinus9_long() throws Exception {
        queueCrashLoop(200, 2);
    }

    @Test
    @Verifies("A04.FR.04")
    void logSurvivesKillMinus9_short() throws Exception {
        logCrashLoop(10, 3);
    }

    @Test
    @Tag("long")
    @Verifies("A04.FR.04")
    void logSurvivesKillMinus9_long() throws Exception {
        logCrashLoop(200, 4);
    }

    private void queueCrashLoop(int cycles, long seed) throws Exception {
        Path journal = dir.resolve("q.journal");
        Random rnd = new Random(seed);
        Map<Long, String> mustHave = new HashMap<>(); // reported enqueued, not reported acknowledged
        TreeSet<Long> acked = new TreeSet<>();
        long enqueued = 0;
        long acks = 0;
        long losses = 0;
        long lastSeq = 0;
        for (int c = 0; c < cycles; c++) {
            List<String> lines = runAndKill("queue", journal, rnd);
            for (String l : lines) {
                String[] f = l.split(" ");
                if (f[0].equals("E")) {
                    long seq = Long.parseLong(f[1]);
                    assertThat(seq).as("sequence numbers only grow").isGreaterThan(lastSeq);
                    lastSeq = seq;
                    mustHave.put(seq, f[2].replace('_', ' '));
                    enqueued++;
                } else if (f[0].equals("a")) {
                    // about to acknowledge: after a kill it may or may not be gone, both are right
                    mustHave.remove(Long.parseLong(f[1]));
                } else if (f[0].equals("A")) {
                    long seq = Long.parseLong(f[1]);
                    mustHave.remove(seq);
                    acked.add(seq);
                    acks++;
                }
            }
            try (FileSecurityEventQueue q = FileSecurityEventQueue.open(journal, SecurityEventQueueOptions.defaults()
                    .withMaxRecords(1_000_000).withMaxBytes(1 << 30)
                    .withRecovery(SecurityEventQueueOptions.Recovery.STRICT))) {
                List<QueuedEvent> pending = q.pending();
                Map<Long, String> present = new HashMap<>();
                long prev = 0;
                for (QueuedEvent e : pending) {
                    assertThat(e.sequence()).as("FIFO order").isGreaterThan(prev);
                    prev = e.sequence();
                    present.put(e.sequence(), e.event().techInfo().orElse(""));
                    assertThat(acked).as("an acknowledged event came back").doesNotContain(e.sequence());
                }
                for (Map.Entry<Long, String> m : mustHave.entrySet()) {
                    if (!m.getValue().equals(present.get(m.getKey()))) {
                        System.out.println("LOST cycle " + c + " seq " + m.getKey() + " expected '" + m.getValue()
                                + "' found '" + present.get(m.getKey()) + "'");
                        losses++;
                    }
                }
                // events stored but not reported before the kill may be there too; they are now known
                for (QueuedEvent e : pending) {
                    mustHave.putIfAbsent(e.sequence(), e.event().techInfo().orElse(""));
                    lastSeq = Math.max(lastSeq, e.sequence());
                }
            }
        }
        System.out.printf("queue crash test: cycles=%d enqueued=%d acked=%d pendingAtEnd=%d losses=%d%n",
                cycles, enqueued, acks, mustHave.size(), losses);
        assertThat(losses).isZero();
        assertThat(enqueued).isPositive();
    }

    private void logCrashLoop(int cycles, long seed) throws Exception {
        Path logDir = dir.resolve("log");
        Random rnd = new Random(seed);
        TreeSet<Long> reported = new TreeSet<>();
        long losses = 0;
        long skipped = 0;
        for (int c = 0; c < cycles; c++) {
            for (String l : runAndKill("log", logDir, rnd)) {
                String[] f = l.split(" ");
                if (f[0].equals("L")) {
                    reported.add(Long.parseLong(f[1]));
                }
            }
            // the reader first, before a writer repairs anything: no torn line may be visible
            List<SecurityLogEntry> entries = new ArrayList<>();
            SecurityLogReader.Summary s = SecurityLogReader.of(logDir).forEach(Optional.empty(), Optional.empty(),
                    entries::add);
            skipped += s.skippedLines();
            TreeSet<Long> present = new TreeSet<>();
            long prev = 0;
            for (SecurityLogEntry e : entries) {
                assertThat(e.sequence()).as("increasing sequence").isGreaterThan(prev);
                prev = e.sequence();
                present.add(e.sequence());
            }
            for (long r : reported) {
                if (!present.contains(r)) {
                    losses++;
                }
            }
            try (SecurityLog log = SecurityLog.open(logDir, SecurityLogOptions.defaults().withMaxFileBytes(4096)
                    .withMaxFiles(1000))) {
                assertThat(log.nextSequence()).isGreaterThan(prev);
            }
        }
        System.out.printf("log crash test: cycles=%d entriesReported=%d skippedLines=%d losses=%d%n",
                cycles, reported.size(), skipped, losses);
        assertThat(losses).isZero();
        assertThat(skipped).isZero();
        assertThat(reported).isNotEmpty();
    }

    /**
     * Starts the child with its stdout going to a file (a pipe may lose what the child wrote just before
     * it was killed; a file keeps it), waits until it is working, kills it with SIGKILL after a random delay.
     */
    private List<String> runAndKill(String mode, Path path, Random rnd) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String cp = System.getProperty("java.class.path");
        Path out = Files.createTempFile(dir, "child-", ".out");
        Process p = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", cp,
                CrashChild.class.getName(), mode, path.toString(), Long.toString(rnd.nextLong()))
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(out, StandardCharsets.US_ASCII).contains("READY")) {
            assertThat(p.isAlive()).as("child died on its own; see stderr").isTrue();
            assertThat(System.nanoTime()).as("child did not start").isLessThan(deadline);
            Thread.sleep(5); // polling for the child's start, not clock logic
        }
        Thread.sleep(20 + rnd.nextInt(250)); // the random moment of the crash
        assertThat(p.isAlive()).as("child died on its own; see stderr").isTrue();
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(out, StandardCharsets.US_ASCII)) {
            if (l.endsWith(" .")) { // a line cut by the kill is not a report
                lines.add(l.substring(0, l.length() - 2));
            }
        }
        Files.delete(out);
        return lines;
    }
}
