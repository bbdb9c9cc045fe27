package io.ocppsec.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.message.CertificateSignedRequest;
import io.ocppsec.api.message.Firmware;
import io.ocppsec.api.message.InstallCertificateRequest;
import io.ocppsec.api.message.InstallCertificateUse;
import io.ocppsec.api.message.SecurityEventNotificationRequest;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.api.message.StatusInfo;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.api.spi.CertificateSigningRequest;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The length limits of the API values (docs/limits.md): schema {@code maxLength} of the message records,
 * techInfo, event type names, violation texts, the CA hand-over request. Just over the limit: an
 * {@link IllegalArgumentException} naming the property and the limit, never the value, thrown without
 * copying the input (a 50 MiB string costs a length check and a code-point count at most). At the limit:
 * accepted.
 */
class ApiLimitsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String HUGE = "A".repeat(50 * 1024 * 1024);

    static Stream<Arguments> limits() {
        return Stream.of(
                limit("CertificateSignedRequest.certificateChain", 10_000,
                        s -> new CertificateSignedRequest(s, Optional.empty())),
                limit("SignCertificateRequest.csr", 5_500, s -> new SignCertificateRequest(s, Optional.empty())),
                limit("InstallCertificateRequest.certificate", 5_500,
                        s -> new InstallCertificateRequest(InstallCertificateUse.CSMS_ROOT_CERTIFICATE, s)),
                limit("SecurityEventNotificationRequest.type", 50,
                        s -> new SecurityEventNotificationRequest(s, NOW, Optional.empty())),
                limit("SecurityEventNotificationRequest.techInfo", 255,
                        s -> new SecurityEventNotificationRequest("Custom", NOW, Optional.of(s))),
                limit("StatusInfo.reasonCode", 20, s -> new StatusInfo(s, Optional.empty())),
                limit("StatusInfo.additionalInfo", 512, s -> new StatusInfo("Reason", Optional.of(s))),
                limit("Firmware.location", 512, s -> new Firmware(s, NOW, Optional.empty(), Optional.empty(),
                        Optional.empty())),
                limit("Firmware.signingCertificate", 5_500, s -> new Firmware("https://x", NOW, Optional.empty(),
                        Optional.of(s), Optional.empty())),
                limit("Firmware.signature", 800, s -> new Firmware("https://x", NOW, Optional.empty(),
                        Optional.empty(), Optional.of(s))),
                limit("SecurityEvent.techInfo", SecurityEvent.MAX_TECH_INFO_LENGTH,
                        s -> new SecurityEvent(SecurityEventType.FIRMWARE_UPDATED, NOW, Optional.of(s))),
                limit("SecurityEventType.of (custom name)", SecurityEventType.MAX_NAME_LENGTH, SecurityEventType::of),
                limit("CertificateSigningRequest.csrPem", CertificateSigningRequest.MAX_PEM_LENGTH,
                        s -> new CertificateSigningRequest(s, Optional.empty(), "CS-0001")),
                limit("CertificateSigningRequest.stationIdentity", CertificateSigningRequest.MAX_IDENTITY_LENGTH,
                        s -> new CertificateSigningRequest("-----BEGIN CERTIFICATE REQUEST-----", Optional.empty(), s)));
    }

    private static Arguments limit(String what, int max, Consumer<String> construct) {
        return Arguments.of(what, max, construct);
    }

    @ParameterizedTest(name = "{0} <= {1}")
    @MethodSource("limits")
    void justOverTheLimitIsRefusedCheaplyAndTheLimitItselfIsAccepted(String what, int max, Consumer<String> construct) {
        assertThatCode(() -> construct.accept("a".repeat(max))).as(what).doesNotThrowAnyException();
        for (String over : new String[] {"a".repeat(max + 1), HUGE}) {
            Probe p = Probe.of(() -> construct.accept(over));
            assertThat(p.thrown).as(what).isInstanceOf(IllegalArgumentException.class);
            assertThat(p.thrown.getMessage()).as(what).contains(String.valueOf(max)).doesNotContain("aaaaaaaaaa");
            assertThat(p.bestMillis).as(what + ": best ms").isLessThan(50);
            assertThat(p.leastBytes).as(what + ": bytes allocated").isLessThan(64 * 1024);
        }
    }

    @ParameterizedTest(name = "{0} <= {1}")
    @MethodSource("limits")
    void aSupplementaryCharacterCountsOnceAsJsonSchemaCounts(String what, int max, Consumer<String> construct) {
        // Only the message records count code points (the schema's maxLength); the other values count chars.
        if (what.startsWith("SecurityEvent") && !what.startsWith("SecurityEventNotification")
                || what.startsWith("CertificateSigningRequest")) {
            return;
        }
        assertThatCode(() -> construct.accept("\uD83D\uDE00".repeat(max))).as(what).doesNotThrowAnyException();
    }

    @org.junit.jupiter.api.Test
    void violationTextsAreClippedTo512Characters() {
        Violation at = Violation.of("A00.FR.507", RequirementLevel.SHALL, "f".repeat(Violation.MAX_TEXT_LENGTH), "e");
        assertThat(at.found()).hasSize(Violation.MAX_TEXT_LENGTH);
        Violation over = Violation.of("A00.FR.507", RequirementLevel.SHALL, "f".repeat(Violation.MAX_TEXT_LENGTH + 1), "e");
        assertThat(over.found()).hasSize(Violation.MAX_TEXT_LENGTH + 3).endsWith("...");
        Probe p = Probe.of(() -> Violation.of("A00.FR.507", RequirementLevel.SHALL, HUGE, HUGE));
        assertThat(p.thrown).isNull();
        assertThat(p.bestMillis).isLessThan(50);
        assertThat(p.leastBytes).isLessThan(64 * 1024);
    }

    /** Best wall time and least allocation of 5 runs after a warm-up (thread MXBean reached by reflection). */
    private static final class Probe {
        Throwable thrown;
        double bestMillis = Double.MAX_VALUE;
        long leastBytes = Long.MAX_VALUE;

        static Probe of(Runnable action) {
            Probe p = new Probe();
            p.thrown = run(action);
            long thread = Thread.currentThread().getId();
            for (int i = 0; i < 5; i++) {
                long b0 = allocated(thread);
                long t0 = System.nanoTime();
                p.thrown = run(action);
                p.bestMillis = Math.min(p.bestMillis, (System.nanoTime() - t0) / 1e6);
                p.leastBytes = Math.min(p.leastBytes, allocated(thread) - b0);
            }
            return p;
        }

        private static Throwable run(Runnable action) {
            try {
                action.run();
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }

        private static long allocated(long thread) {
            try {
                Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                        .invoke(null);
                Method m = Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes", long.class);
                return (long) m.invoke(bean, thread);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
