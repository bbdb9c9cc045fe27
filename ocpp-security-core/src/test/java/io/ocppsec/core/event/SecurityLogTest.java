package io.ocppsec.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.core.event.internal.LogFiles;
import io.ocppsec.testing.Verifies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityLogTest {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);

    @TempDir
    Path dir;

    SecurityLog open(SecurityLogOptions o) throws IOException {
        return SecurityLog.open(dir, o.withClock(CLOCK));
    }

    static SecurityEvent ev(int i) {
        return SecurityEvent.of(i % 2 == 0 ? SecurityEventType.INVALID_MESSAGES : SecurityEventType.RESET_OR_REBOOT,
                T0.plusSeconds(i), "event " + i);
    }

    List<Long> seqs() throws IOException {
        return SecurityLogReader.of(dir).entries(Optional.empty(), Optional.empty()).stream()
                .map(SecurityLogEntry::sequence).collect(Collectors.toList());
    }

    @Test
    @Verifies("A04.FR.04")
    void everyEventCriticalOrNotIsLoggedWithIncreasingSequence() throws IOException {
        try (SecurityLog log = open(SecurityLogOptions.defaults())) {
            for (SecurityEventType t : SecurityEventType.standardValues()) {
                log.append(SecurityEvent.of(t, T0));
            }
            log.append(SecurityEvent.of(SecurityEventType.of("VendorCustomEvent"), T0, "x"));
        }
        List<SecurityLogEntry> all = SecurityLogReader.of(dir).entries(Optional.empty(), Optional.empty());
        assertThat(all).hasSize(21);
        assertThat(all).extracting(SecurityLogEntry::sequence).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 21).boxed().collect(Collectors.toList()));
        assertThat(all.get(0).event().type()).isEqualTo(SecurityEventType.FIRMWARE_UPDATED);
        assertThat(all.get(1).event().type().isCritical()).isFalse();
        assertThat(all.get(20).event().techInfo()).contains("x");
    }

    @Test
    void lineFormatIsJsonWithChecksum() throws IOException {
        try (SecurityLog log = open(SecurityLogOptions.defaults())) {
            log.append(SecurityEvent.of(SecurityEventType.STARTUP_OF_THE_DEVICE, T0, "boot \"1\"\n\u00e9\u0001"));
        }
        String line = Files.readString(LogFiles.list(dir).get(0)).strip();
        assertThat(line).startsWith("{\"seq\":1,\"timestamp\":\"2025-03-01T10:00:00Z\",\"type\":\"StartupOfTheDevice\","
                + "\"techInfo\":\"boot \\\"1\\\"\\u000a\\u00e9\\u0001\",\"crc\":\"").matches(".*\"crc\":\"[0-9a-f]{8}\"}");
        assertThat(jakarta.json.Json.createReader(new java.io.StringReader(line)).readObject().getString("techInfo"))
                .isEqualTo("boot \"1\"\n\u00e9\u0001");
        assertThat(SecurityLogReader.of(dir).entries(Optional.empty(), Optional.empty()).get(0).event().techInfo())
                .contains("boot \"1\"\n\u00e9\u0001");
    }

    @Test
    void rollsFilesWithinLimitsAndKeepsOrder() throws IOException {
        SecurityLogOptions o = SecurityLogOptions.defaults().withMaxFileBytes(1024).withMaxFiles(3);
        try (SecurityLog log = open(o)) {
            for (int i = 0; i < 200; i++) {
                log.append(ev(i));
            }
        }
        List<Path> files = LogFiles.list(dir);
        assertThat(files).hasSize(3);
        for (Path f : files) {
            assertThat(Files.size(f)).isLessThanOrEqualTo(1024);
        }
        List<Long> s = seqs();
        assertThat(s.get(s.size() - 1)).isEqualTo(200);
        for (int i = 1; i < s.size(); i++) {
            assertThat(s.get(i)).isEqualTo(s.get(i - 1) + 1);
        }
        assertThat(LogFiles.firstSequence(files.get(0))).isEqualTo(s.get(0));
    }

    @Test
    void reopenContinuesSequence() throws IOException {
        try (SecurityLog log = open(SecurityLogOptions.defaults())) {
            log.append(ev(1));
            log.append(ev(2));
        }
        try (SecurityLog log = open(SecurityLogOptions.defaults())) {
            assertThat(log.nextSequence()).isEqualTo(3);
            assertThat(log.append(ev(3))).isEqualTo(3);
        }
        assertThat(seqs()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aChecksummedLineWithAnImpossibleSequenceNumberIsNotAnEntry() throws IOException {
        // Found by the fuzz smoke run: an intact-looking line at Long.MAX_VALUE made the next sequence overflow, so
        // an appended entry was not read back last.
        try (SecurityLog log = open(SecurityLogOptions.defaults())) {
            log.append(ev(1));
        }
        Path f = LogFiles.list(dir).get(0);
        Files.write(f, (io.ocppsec.core.event.internal.LogLineCodec.encode(Long.MAX_VALUE, ev(2)) + "\n")
                .getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);
        assertThat(seqs()).containsExactly(1L);
        try (SecurityLog log = open(SecurityLogOptions.defaults())) {
            assertThat(log.append(ev(3))).isEqualTo(2);
        }
        assertThat(seqs()).containsExactly(1L, 2L);
    }

    @Test
    void tornLastLineIsInvisibleAndCutOnOpen() throws IOException {
        try (SecurityLog log = open(SecurityLogOptions.defaults())) {
            log.append(ev(1));
            log.append(ev(2));
        }
        Path f = LogFiles.list(dir).get(0);
        long intact = Files.size(f);
        Files.write(f, "{\"seq\":3,\"timestamp\":\"2025-03-01T1".getBytes(StandardCharsets.US_ASCII),
                StandardOpenOption.APPEND);
        assertThat(seqs()).containsExactly(1L, 2L);
        try (SecurityLog log = open(SecurityLogOptions.defaults())) {
            assertThat(Files.size(f)).isEqualTo(intact);
            assertThat(log.append(ev(3))).isEqualTo(3);
        }
        assertThat(seqs()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void corruptCompleteLastLineIsSkippedAndCut() throws IOException {
        try (SecurityLog log = open(SecurityLogOptions.defaults())) {
            log.append(ev(1));
            log.append(ev(2));
        }
        Path f = LogFiles.list(dir).get(0);
        byte[] b = Files.readAllBytes(f);
        b[b.length - 20] ^= 0x01; // a flipped bit in the second line
        Files.write(f, b);
        SecurityLogReader.Summary s = SecurityLogReader.of(dir).forEach(Optional.empty(), Optional.empty(), e -> { });
        assertThat(s).isEqualTo(new SecurityLogReader.Summary(1, 1));
        try (SecurityLog log = open(SecurityLogOptions.defaults())) {
            assertThat(log.append(ev(9))).isEqualTo(2);
        }
        assertThat(seqs()).containsExactly(1L, 2L);
    }

    @Test
    void corruptLineInTheMiddleIsSkippedButLaterLinesKept() throws IOException {
        try (SecurityLog log = open(SecurityLogOptions.defaults())) {
            for (int i = 1; i <= 3; i++) {
                log.append(ev(i));
            }
        }
        Path f = LogFiles.list(dir).get(0);
        String text = Files.readString(f).replaceFirst("event 2", "event X");
        Files.writeString(f, text);
        assertThat(seqs()).containsExactly(1L, 3L);
        try (SecurityLog log = open(SecurityLogOptions.defaults())) {
            assertThat(log.append(ev(4))).isEqualTo(4);
        }
        assertThat(seqs()).containsExactly(1L, 3L, 4L);
    }

    @Test
    void garbageAndHugeLinesAreSkippedWithoutHoldingThem() throws IOException {
        try (SecurityLog log = open(SecurityLogOptions.defaults())) {
            log.append(ev(1));
        }
        Path f = LogFiles.list(dir).get(0);
        byte[] huge = new byte[3_000_000];
        java.util.Arrays.fill(huge, (byte) 'A');
        Files.write(f, huge, StandardOpenOption.APPEND);
        Files.write(f, "\n{}\nnot json\n{\"seq\":5,\"crc\":\"zzzzzzzz\"}\n\u0000\u0000\n".getBytes(StandardCharsets.ISO_8859_1),
                StandardOpenOption.APPEND);
        SecurityLogReader.Summary s = SecurityLogReader.of(dir).forEach(Optional.empty(), Optional.empty(), e -> { });
        assertThat(s).isEqualTo(new SecurityLogReader.Summary(1, 5));
        try (SecurityLog log = open(SecurityLogOptions.defaults())) {
            assertThat(log.append(ev(2))).isEqualTo(2);
        }
        assertThat(Files.size(f)).isLessThan(1000);
    }

    @Test
    void timeWindowAndExport() throws IOException {
        try (SecurityLog log = open(SecurityLogOptions.defaults().withMaxFileBytes(1024).withMaxFiles(20))) {
            for (int i = 0; i < 50; i++) {
                log.append(ev(i));
            }
        }
        SecurityLogReader r = SecurityLogReader.of(dir);
        List<SecurityLogEntry> window = r.entries(Optional.of(T0.plusSeconds(10)), Optional.of(T0.plusSeconds(19)));
        assertThat(window).extracting(e -> e.event().timestamp().getEpochSecond() - T0.getEpochSecond())
                .containsExactly(10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(r.export(out, Optional.empty(), Optional.empty()).entries()).isEqualTo(50);
        String[] lines = out.toString(StandardCharsets.US_ASCII).split("\n");
        assertThat(lines).hasSize(50);
        assertThat(lines[49]).startsWith("{\"seq\":50,");
        assertThat(LogFiles.list(dir).size()).isGreaterThan(1);
    }

    @Test
    @Verifies("A04.FR.04")
    void clearLeavesOnlySecurityLogWasClearedAndContinuesSequence() throws IOException {
        try (SecurityLog log = open(SecurityLogOptions.defaults().withMaxFileBytes(1024))) {
            for (int i = 0; i < 30; i++) {
                log.append(ev(i));
            }
            SecurityEvent cleared = log.clear();
            assertThat(cleared.type()).isEqualTo(SecurityEventType.SECURITY_LOG_WAS_CLEARED);
            assertThat(cleared.type().isCritical()).isTrue();
            assertThat(cleared.timestamp()).isEqualTo(CLOCK.instant());
            log.append(ev(99));
        }
        List<SecurityLogEntry> all = SecurityLogReader.of(dir).entries(Optional.empty(), Optional.empty());
        assertThat(all).extracting(SecurityLogEntry::sequence).containsExactly(31L, 32L);
        assertThat(all.get(0).event().type()).isEqualTo(SecurityEventType.SECURITY_LOG_WAS_CLEARED);
        assertThat(LogFiles.list(dir)).hasSize(1);
        try (SecurityLog log = open(SecurityLogOptions.defaults())) {
            assertThat(log.nextSequence()).isEqualTo(33);
        }
    }

    @Test
    @Verifies("A01.FR.12")
    void canaryPasswordNeverReachesTheFiles() throws IOException {
        String canary = "Canary-Pw-51e0c7d2aa";
        String b64 = Base64.getEncoder().encodeToString(("CS001:" + canary).getBytes(StandardCharsets.UTF_8));
        try (SecurityLog log = open(SecurityLogOptions.defaults())) {
            log.append(TechInfo.builder().put("variable", "BasicAuthPassword").put("BasicAuthPassword", canary)
                    .build().event(SecurityEventType.RECONFIGURATION_OF_SECURITY_PARAMETERS, T0));
            log.append(SecurityEvent.of(SecurityEventType.RECONFIGURATION_OF_SECURITY_PARAMETERS, T0,
                    "SetVariables SecurityCtrlr.BasicAuthPassword=" + canary));
            log.append(SecurityEvent.of(SecurityEventType.FAILED_TO_AUTHENTICATE_AT_CSMS, T0,
                    "rejected Authorization: Basic " + b64));
            log.append(SecurityEvent.of(SecurityEventType.INVALID_MESSAGES, T0,
                    "-----BEGIN PRIVATE KEY-----\n" + canary));
        }
        List<String> contents = new ArrayList<>();
        for (Path f : LogFiles.list(dir)) {
            contents.add(Files.readString(f, StandardCharsets.ISO_8859_1));
        }
        String all = String.join("", contents);
        assertThat(all).doesNotContain(canary).doesNotContain(b64).contains("<redacted>");
        assertThat(seqs()).hasSize(4);
    }

    @Test
    void batchedAndNoSyncPoliciesWrite() throws IOException {
        try (SecurityLog log = open(SecurityLogOptions.defaults().withSync(SyncPolicy.BATCHED).withBatchSize(3))) {
            for (int i = 0; i < 7; i++) {
                log.append(ev(i));
            }
            log.flush();
        }
        try (SecurityLog log = open(SecurityLogOptions.defaults().withSync(SyncPolicy.NONE))) {
            log.append(ev(8));
        }
        assertThat(seqs()).hasSize(8);
    }

    @Test
    void closedLogRefusesAppends() throws IOException {
        SecurityLog log = open(SecurityLogOptions.defaults());
        log.close();
        log.close();
        assertThatThrownBy(() -> log.append(ev(1))).isInstanceOf(IOException.class);
        assertThatThrownBy(log::clear).isInstanceOf(IOException.class);
    }

    @Test
    void optionsRejectBadLimits() {
        SecurityLogOptions d = SecurityLogOptions.defaults();
        assertThatThrownBy(() -> d.withMaxFileBytes(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withMaxFiles(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withBatchSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withMaxFileBytes(1L << 40)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyCurrentFileAfterCrashedRollKeepsSequence() throws IOException {
        try (SecurityLog log = open(SecurityLogOptions.defaults())) {
            log.append(ev(1));
        }
        Files.createFile(LogFiles.fileFor(dir, 2));
        try (SecurityLog log = open(SecurityLogOptions.defaults())) {
            assertThat(log.append(ev(2))).isEqualTo(2);
        }
        assertThat(seqs()).containsExactly(1L, 2L);
    }
}
