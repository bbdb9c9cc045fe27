package io.ocppsec.core.event;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

/**
 * Started by {@link CrashTest} in a separate JVM and killed with SIGKILL at a random moment. Prints a line
 * only AFTER the call it reports returned, ending with " ." so a line cut by the kill is recognisable.
 *
 * <p>Usage: {@code queue <journal> <seed>} or {@code log <dir> <seed>}.
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path path = Path.of(args[1]);
        Random rnd = new Random(Long.parseLong(args[2]));
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, "US-ASCII");
        if (mode.equals("queue")) {
            SecurityEventQueueOptions o = SecurityEventQueueOptions.defaults().withMaxRecords(1_000_000)
                    .withMaxBytes(1 << 30).withCompaction(0.5, 4096).withRecovery(SecurityEventQueueOptions.Recovery.STRICT);
            FileSecurityEventQueue q = FileSecurityEventQueue.open(path, o);
            out.println("READY " + q.size() + " .");
            out.flush();
            for (long i = 0; ; i++) {
                if (q.size() > 0 && rnd.nextInt(100) < 45) {
                    long seq = q.peek().orElseThrow().sequence();
                    out.println("a " + seq + " ."); // intent: a kill from here on may or may not remove it
                    out.flush();
                    q.acknowledge(seq);
                    out.println("A " + seq + " .");
                } else {
                    String info = "child " + ProcessHandle.current().pid() + " item " + i;
                    QueuedEvent e = q.enqueue(SecurityEvent.of(SecurityEventType.TAMPER_DETECTION_ACTIVATED,
                            Instant.now(), info));
                    out.println("E " + e.sequence() + " " + info.replace(' ', '_') + " .");
                }
                out.flush();
            }
        } else {
            SecurityLog log = SecurityLog.open(path, SecurityLogOptions.defaults().withMaxFileBytes(4096)
                    .withMaxFiles(1000));
            out.println("READY " + log.nextSequence() + " .");
            out.flush();
            for (long i = 0; ; i++) {
                long seq = log.append(new SecurityEvent(SecurityEventType.INVALID_MESSAGES, Instant.now(),
                        Optional.of("item " + i + " \"quoted\" " + "x".repeat(rnd.nextInt(200)))));
                out.println("L " + seq + " .");
                out.flush();
            }
        }
    }
}
