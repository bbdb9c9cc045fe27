package io.ocppsec.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.testing.Verifies;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityEventReporterTest {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final String CANARY = "Canary-Pw-0d9e8f7a6b";

    @TempDir
    Path dir;

    SecurityLog log;
    FileSecurityEventQueue queue;
    SecurityEventReporter reporter;
    AtomicInteger wakeUps = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        log = SecurityLog.open(dir.resolve("log"), SecurityLogOptions.defaults().withClock(clock));
        queue = FileSecurityEventQueue.open(dir.resolve("q.journal"),
                SecurityEventQueueOptions.defaults().withMaxRecords(4).withClock(clock));
        reporter = new SecurityEventReporter(log, queue, wakeUps::incrementAndGet);
    }

    @AfterEach
    void tearDown() throws Exception {
        log.close();
        queue.close();
    }

    @Test
    @Verifies({"A04.FR.01", "A04.FR.04"})
    void everyEventIsLoggedOnlyCriticalOnesAreQueued() throws Exception {
        assertThat(reporter.report(SecurityEvent.of(SecurityEventType.INVALID_MESSAGES, T0))).isEmpty();
        assertThat(reporter.report(SecurityEvent.of(SecurityEventType.STARTUP_OF_THE_DEVICE, T0))).isPresent();
        assertThat(reporter.report(SecurityEvent.of(SecurityEventType.of("VendorEvent"), T0))).isEmpty();
        assertThat(log.reader().entries(Optional.empty(), Optional.empty())).extracting(e -> e.event().type().ocppName())
                .containsExactly("InvalidMessages", "StartupOfTheDevice", "VendorEvent");
        assertThat(queue.pending()).extracting(q -> q.event().type())
                .containsExactly(SecurityEventType.STARTUP_OF_THE_DEVICE);
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void fullQueueLogsEverythingAndTellsTheCaller() throws Exception {
        for (int i = 0; i < 3; i++) {
            reporter.report(SecurityEvent.of(SecurityEventType.TAMPER_DETECTION_ACTIVATED, T0));
        }
        assertThatThrownBy(() -> reporter.report(SecurityEvent.of(SecurityEventType.FIRMWARE_UPDATED, T0)))
                .isInstanceOf(QueueFullException.class);
        assertThat(log.reader().entries(Optional.empty(), Optional.empty())).extracting(e -> e.event().type())
                .containsExactly(SecurityEventType.TAMPER_DETECTION_ACTIVATED, SecurityEventType.TAMPER_DETECTION_ACTIVATED,
                        SecurityEventType.TAMPER_DETECTION_ACTIVATED, SecurityEventType.FIRMWARE_UPDATED,
                        SecurityEventType.MEMORY_EXHAUSTION);
        assertThat(queue.pending()).extracting(q -> q.event().type()).endsWith(SecurityEventType.MEMORY_EXHAUSTION);
    }

    @Test
    @Verifies("A04.FR.04")
    void clearingTheLogQueuesSecurityLogWasCleared() throws Exception {
        reporter.report(SecurityEvent.of(SecurityEventType.INVALID_MESSAGES, T0));
        QueuedEvent q = reporter.clearSecurityLog();
        assertThat(q.event().type()).isEqualTo(SecurityEventType.SECURITY_LOG_WAS_CLEARED);
        assertThat(log.reader().entries(Optional.empty(), Optional.empty())).extracting(e -> e.event().type())
                .containsExactly(SecurityEventType.SECURITY_LOG_WAS_CLEARED);
        assertThat(queue.pending()).containsExactly(q);
    }

    @Test
    @Verifies("A01.FR.12")
    void canaryReachesNeitherLogNorQueue() throws Exception {
        reporter.report(SecurityEvent.of(SecurityEventType.RESET_OR_REBOOT, T0,
                "reboot after SetVariables BasicAuthPassword=" + CANARY));
        reporter.report(SecurityEvent.of(SecurityEventType.RECONFIGURATION_OF_SECURITY_PARAMETERS, T0,
                "password: " + CANARY));
        assertThat(queue.pending().get(0).event().techInfo()).contains(
                "reboot after SetVariables BasicAuthPassword=<redacted>");
        queue.close();
        log.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(CANARY);
            }
        }
    }
}
