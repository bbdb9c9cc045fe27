package io.ocppsec.core.event;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.core.event.SecurityEventNotificationHandler.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The usage snippets of the javadoc of the public {@code io.ocppsec.core.event} types, as compiled code: each region
 * {@code // javadoc:<Type>:begin} ... {@code end} is a snippet of that type's javadoc, which
 * {@link io.ocppsec.core.JavadocSnippetsTest} compares with the javadoc. Free names are the method's parameters.
 * The snippets with the absolute paths of a real station ({@code /var/lib/ocpp}) are compiled, not run.
 */
final class JavadocSnippets {

    private JavadocSnippets() {
    }

    /** The OCPP-J client of the SecurityEventDelivery snippet. */
    interface Ocpp {
        CompletionStage<Object> call(String action, Object payload);
    }

    /** The application's event store of the SecurityEventNotificationHandler snippet. */
    interface EventStore {
        void save(String station, SecurityEvent event) throws IOException;
    }

    /** The fields of a received SecurityEventNotificationRequest, as received. */
    interface ReceivedFields {
        String type();

        String timestamp();

        Optional<String> techInfo();
    }

    private static Object toPayload(SecurityEvent event) {
        return event.type().ocppName();
    }

    static void fileSecurityEventQueue(Clock clock) throws IOException, QueueFullException {
        // javadoc:FileSecurityEventQueue:begin
        try (FileSecurityEventQueue q = FileSecurityEventQueue.open(Path.of("/var/lib/ocpp/events.journal"),
                SecurityEventQueueOptions.defaults())) {
            q.enqueue(SecurityEvent.of(SecurityEventType.TAMPER_DETECTION_ACTIVATED, clock.instant()));
        }
        // javadoc:FileSecurityEventQueue:end
    }

    static SecurityEventDelivery securityEventDelivery(SecurityEventQueue queue, ScheduledExecutorService scheduler,
                                                       Ocpp ocpp) {
        // javadoc:SecurityEventDelivery:begin
        SecurityEventDelivery d = SecurityEventDelivery.create(queue, Clock.systemUTC(), RetryPolicy.defaults());
        d.start(scheduler, event -> ocpp.call("SecurityEventNotification", toPayload(event))
                .thenApply(response -> true).toCompletableFuture().orTimeout(30, TimeUnit.SECONDS));
        // javadoc:SecurityEventDelivery:end
        return d;
    }

    static Outcome securityEventNotificationHandler(EventStore store, ReceivedFields req) {
        // javadoc:SecurityEventNotificationHandler:begin
        SecurityEventNotificationHandler h = SecurityEventNotificationHandler.create(
                (station, event) -> store.save(station, event), Clock.systemUTC(), Duration.ofDays(1));
        Outcome o = h.handle("CS001", req.type(), req.timestamp(), req.techInfo());   // the fields as received
        // javadoc:SecurityEventNotificationHandler:end
        return o;
    }

    static SecurityEventQueueOptions securityEventQueueOptions() {
        // javadoc:SecurityEventQueueOptions:begin
        SecurityEventQueueOptions o = SecurityEventQueueOptions.defaults().withMaxRecords(500).withSync(SyncPolicy.BATCHED);
        // javadoc:SecurityEventQueueOptions:end
        return o;
    }

    static SecurityEventReporter securityEventReporter(SecurityLog log, SecurityEventQueue queue,
                                                       SecurityEventDelivery delivery, Clock clock)
            throws IOException, QueueFullException {
        // javadoc:SecurityEventReporter:begin
        SecurityEventReporter reporter = new SecurityEventReporter(log, queue, delivery::wakeUp);
        reporter.report(TechInfo.builder().put("origin", "192.0.2.7").build()
                .event(SecurityEventType.MAINTENANCE_LOGIN_FAILED, clock.instant()));
        // javadoc:SecurityEventReporter:end
        return reporter;
    }

    static void securityLog(Clock clock, OutputStream out) throws IOException {
        // javadoc:SecurityLog:begin
        try (SecurityLog log = SecurityLog.open(Path.of("/var/lib/ocpp/seclog"), SecurityLogOptions.defaults())) {
            log.append(SecurityEvent.of(SecurityEventType.STARTUP_OF_THE_DEVICE, clock.instant()));
            log.reader().export(out, Optional.empty(), Optional.empty());   // GetLog, logType SecurityLog
        }
        // javadoc:SecurityLog:end
    }

    static SecurityLogOptions securityLogOptions() {
        // javadoc:SecurityLogOptions:begin
        SecurityLogOptions o = SecurityLogOptions.defaults().withMaxFileBytes(256 * 1024).withMaxFiles(8);
        // javadoc:SecurityLogOptions:end
        return o;
    }

    static void securityLogReader(Path upload, Instant oldestTimestamp, Instant latestTimestamp)
            throws IOException {
        // javadoc:SecurityLogReader:begin
        SecurityLogReader r = SecurityLogReader.of(Path.of("/var/lib/ocpp/seclog"));
        try (OutputStream out = Files.newOutputStream(upload)) {
            r.export(out, Optional.of(oldestTimestamp), Optional.of(latestTimestamp));
        }
        // javadoc:SecurityLogReader:end
    }

    static String techInfo(Clock clock) {
        // javadoc:TechInfo:begin
        TechInfo info = TechInfo.builder().put("user", "service").put("origin", "192.0.2.7").build();
        SecurityEvent e = info.event(SecurityEventType.MAINTENANCE_LOGIN_ACCEPTED, clock.instant());
        TechInfo.scrub("SetVariables BasicAuthPassword=hunter2hunter2");  // "SetVariables BasicAuthPassword=<redacted>"
        // javadoc:TechInfo:end
        return e.techInfo().orElseThrow() + "|" + TechInfo.scrub("SetVariables BasicAuthPassword=hunter2hunter2");
    }
}
