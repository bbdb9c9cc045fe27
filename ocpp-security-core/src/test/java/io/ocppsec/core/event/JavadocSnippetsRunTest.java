package io.ocppsec.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code io.ocppsec.core.event} javadoc snippets that need no real station path run; the log and queue of the
 * reporter snippet live in a temporary directory.
 */
class JavadocSnippetsRunTest {

    @TempDir
    Path dir;

    @Test
    void theOptionSnippetsSetWhatTheySay() {
        assertThat(JavadocSnippets.securityEventQueueOptions().maxRecords()).isEqualTo(500);
        assertThat(JavadocSnippets.securityEventQueueOptions().sync()).isEqualTo(SyncPolicy.BATCHED);
        assertThat(JavadocSnippets.securityLogOptions().maxFileBytes()).isEqualTo(256 * 1024);
        assertThat(JavadocSnippets.securityLogOptions().maxFiles()).isEqualTo(8);
    }

    @Test
    void theTechInfoSnippetBuildsTheTextAndScrubsThePassword() {
        String[] out = JavadocSnippets.techInfo(Clock.systemUTC()).split("\\|");
        assertThat(out[0]).contains("user").contains("service").contains("192.0.2.7");
        assertThat(out[1]).isEqualTo("SetVariables BasicAuthPassword=<redacted>");
    }

    @Test
    void theNotificationSnippetHandsAValidEventToTheStore() {
        List<SecurityEvent> stored = new ArrayList<>();
        SecurityEventNotificationHandler.Outcome o = JavadocSnippets.securityEventNotificationHandler(
                (station, event) -> stored.add(event), fields("InvalidCsmsCertificate", Instant.now().toString()));
        assertThat(o.accepted()).isPresent();
        assertThat(stored).singleElement().extracting(SecurityEvent::type)
                .isEqualTo(SecurityEventType.INVALID_CSMS_CERTIFICATE);
        SecurityEventNotificationHandler.Outcome bad = JavadocSnippets.securityEventNotificationHandler(
                (station, event) -> stored.add(event), fields("InvalidCsmsCertificate", "yesterday"));
        assertThat(bad.accepted()).isEmpty();
        assertThat(bad.callErrorCode()).isPresent();
        assertThat(stored).hasSize(1);
    }

    @Test
    void theReporterSnippetWritesTheEventToTheSecurityLog() throws Exception {
        try (SecurityLog log = SecurityLog.open(dir.resolve("seclog"), SecurityLogOptions.defaults());
             FileSecurityEventQueue queue = FileSecurityEventQueue.open(dir.resolve("events.journal"),
                     SecurityEventQueueOptions.defaults())) {
            SecurityEventDelivery delivery = SecurityEventDelivery.create(queue, Clock.systemUTC(),
                    RetryPolicy.defaults());
            JavadocSnippets.securityEventReporter(log, queue, delivery, Clock.systemUTC());
            log.flush();
            assertThat(SecurityLogReader.of(dir.resolve("seclog")).entries(Optional.empty(), Optional.empty()))
                    .singleElement().asString().contains("MaintenanceLoginFailed");
        }
    }

    private static JavadocSnippets.ReceivedFields fields(String type, String timestamp) {
        return new JavadocSnippets.ReceivedFields() {
            public String type() {
                return type;
            }

            public String timestamp() {
                return timestamp;
            }

            public Optional<String> techInfo() {
                return Optional.empty();
            }
        };
    }
}
