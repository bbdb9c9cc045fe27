package io.ocppsec.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks that the threads the demo's servers and clients start are gone after they were closed. */
public final class ThreadLeaks {

    private ThreadLeaks() {
    }

    /**
     * @param before the threads alive before the code under test ran
     */
    public static void assertNoNewThreads(Set<Thread> before) {
        long deadline = System.currentTimeMillis() + 5000;
        List<String> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive() && ours(t.getName()))
                    .map(Thread::getName).collect(Collectors.toList());
            if (left.isEmpty()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.currentTimeMillis() < deadline);
        assertThat(left).as("threads still running").isEmpty();
    }

    private static boolean ours(String name) {
        return name.startsWith("csms-") || name.startsWith("ocpp-rpc") || name.startsWith("station-");
    }
}
