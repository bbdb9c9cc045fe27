package io.ocppsec.limits;

import static io.ocppsec.limits.LimitProbe.HUGE;
import static io.ocppsec.limits.LimitProbe.padTo;
import static io.ocppsec.limits.LimitProbe.probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.event.FileSecurityEventQueue;
import io.ocppsec.core.event.JournalCorruptedException;
import io.ocppsec.core.event.QueueFullException;
import io.ocppsec.core.event.SecurityEventQueueOptions;
import io.ocppsec.core.event.SecurityLog;
import io.ocppsec.core.event.SecurityLogOptions;
import io.ocppsec.core.event.SecurityLogReader;
import io.ocppsec.core.event.SyncPolicy;
import io.ocppsec.core.event.internal.JournalCodec;
import io.ocppsec.core.event.internal.LogFiles;
import io.ocppsec.core.event.internal.LogLineCodec;
import io.ocppsec.core.firmware.FirmwareImageException;
import io.ocppsec.core.firmware.FirmwareVerificationOutcome;
import io.ocppsec.core.firmware.FirmwareVerifier;
import io.ocppsec.core.store.CertificateStoreException;
import io.ocppsec.core.store.CertificateStorePersistence;
import io.ocppsec.core.store.ClientInstallResult;
import io.ocppsec.core.store.FileCertificateStorePersistence;
import io.ocppsec.core.store.KeyHandle;
import io.ocppsec.core.store.RootCertificateType;
import io.ocppsec.core.store.RootInstallResult;
import io.ocppsec.core.store.StationCertificate;
import io.ocppsec.core.store.StationCertificateStore;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file- and stream-shaped limits of docs/limits.md: the durable event queue, the security log, the
 * certificate store file and entries, and the firmware signature, certificate and image. Just over a limit
 * is refused with the documented typed error or status, without reading or holding the excess; at the
 * limit passes it.
 */
class FileResourceLimitsTest {

    private static final TestPki PKI = TestPki.create();
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ durable event queue

    private static SecurityEvent critical(String techInfo) {
        return SecurityEvent.of(SecurityEventType.TAMPER_DETECTION_ACTIVATED, TestPki.NOW, techInfo);
    }

    private static SecurityEventQueueOptions fast() {
        return SecurityEventQueueOptions.defaults().withSync(SyncPolicy.NONE).withClock(TestPki.CLOCK);
    }

    @Test
    void queueHoldsAtMostMaxRecordsOneReservedForMemoryExhaustion() throws Exception {
        try (FileSecurityEventQueue q = FileSecurityEventQueue.open(dir.resolve("q"), fast().withMaxRecords(3))) {
            q.enqueue(critical("1"));
            q.enqueue(critical("2")); // at the limit: 2 events + the reserved MemoryExhaustion slot
            QueueFullException e = probe(() -> q.enqueue(critical("3"))).cheap().outcome(QueueFullException.class);
            assertThat(e.rejected().techInfo()).contains("3");
            assertThat(q.size()).isEqualTo(3);
            assertThat(q.pending().get(2).event().type()).isEqualTo(SecurityEventType.MEMORY_EXHAUSTION);
        }
    }

    @Test
    void queueHoldsAtMostMaxBytesOneMaximalRecordReserved() throws Exception {
        SecurityEvent big = critical("x".repeat(SecurityEvent.MAX_TECH_INFO_LENGTH));
        int record = JournalCodec.enqueue(1, big).length;
        long maxBytes = 8 * 1024;
        int fits = (int) ((maxBytes - JournalCodec.MAX_RECORD) / record);
        try (FileSecurityEventQueue q = FileSecurityEventQueue.open(dir.resolve("q"), fast().withMaxBytes(maxBytes))) {
            for (int i = 0; i < fits; i++) {
                q.enqueue(big);
            }
            assertThat(q.size()).isEqualTo(fits);
            probe(() -> q.enqueue(big)).cheap().outcome(QueueFullException.class);
            assertThat(q.size()).isEqualTo(fits + 1); // plus MemoryExhaustion, raised once
        }
    }

    @Test
    void journalFileLargerThanTheOptionsCanProduceIsRefusedUnread() throws Exception {
        SecurityEventQueueOptions o = fast().withMaxBytes(8 * 1024)
                .withRecovery(SecurityEventQueueOptions.Recovery.STRICT);
        // FileSecurityEventQueue.sizeLimit(): maxBytes / (1 - compactDeadRatio) * 2 + compactMinBytes + 16 MiB
        long limit = (long) (o.maxBytes() / (1.0 - o.compactDeadRatio()) * 2 + o.compactMinBytes() + 16L * MIB);
        Path at = sparse(dir.resolve("at"), limit);
        assertThat((Throwable) LimitProbe.call(() -> FileSecurityEventQueue.open(at, o)))
                .isInstanceOf(JournalCorruptedException.class).hasMessageContaining("header"); // read, then refused
        for (long size : new long[] {limit + 1, 50L * MIB, 3L << 30}) {
            Path over = sparse(dir.resolve("over-" + size), size);
            assertThat(probe(() -> FileSecurityEventQueue.open(over, o)).cheap().outcome(JournalCorruptedException.class))
                    .hasMessageContaining("more than the " + limit);
        }
    }

    @Test
    void journalRecordLengthIsBoundedBeforeAllocation() {
        SecurityEvent largest = SecurityEvent.of(SecurityEventType.INVALID_CHARGING_STATION_CERTIFICATE, TestPki.NOW,
                "\u20ac".repeat(SecurityEvent.MAX_TECH_INFO_LENGTH)); // 3 UTF-8 bytes each
        byte[] record = JournalCodec.enqueue(7, largest);
        assertThat(record.length).isLessThanOrEqualTo(JournalCodec.MAX_RECORD);
        assertThat(JournalCodec.decode(record, 0, record.length).orElseThrow().event()).contains(largest);

        byte[] buf = new byte[64 * 1024];
        for (int len : new int[] {JournalCodec.MAX_PAYLOAD + 1, Integer.MAX_VALUE}) {
            ByteBuffer.wrap(buf).putInt(len);
            assertThat(probe(() -> JournalCodec.decode(buf, 0, buf.length)).cheap(LimitProbe.CHEAP_MILLIS, 1024)
                    .outcome(Optional.class)).isEmpty();
        }
    }

    private static Path sparse(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        return file;
    }

    // ------------------------------------------------------------------ security log

    @Test
    void securityLogKeepsAtMostMaxFilesOfAtMostMaxFileBytes() throws Exception {
        SecurityLogOptions o = SecurityLogOptions.defaults().withSync(SyncPolicy.NONE).withClock(TestPki.CLOCK)
                .withMaxFileBytes(1024).withMaxFiles(2);
        Path logDir = dir.resolve("log");
        try (SecurityLog log = SecurityLog.open(logDir, o)) {
            for (int i = 0; i < 40; i++) {
                log.append(SecurityEvent.of(SecurityEventType.FIRMWARE_UPDATED, TestPki.NOW, "event " + i));
            }
        }
        List<Path> files = LogFiles.list(logDir);
        assertThat(files).hasSize(2);
        for (Path f : files) {
            assertThat(Files.size(f)).isLessThanOrEqualTo(1024);
        }
        List<String> kept = new ArrayList<>();
        SecurityLogReader.of(logDir).forEach(Optional.empty(), Optional.empty(),
                e -> kept.add(e.event().techInfo().orElseThrow()));
        assertThat(kept).last().isEqualTo("event 39");
    }

    @Test
    void securityLogLineIsBoundedAt4096BytesOnRead() throws Exception {
        Path f = dir.resolve("lines");
        Files.writeString(f, "x".repeat(LogLineCodec.MAX_LINE_BYTES) + "\n" + "y".repeat(LogLineCodec.MAX_LINE_BYTES + 1)
                + "\n", StandardCharsets.US_ASCII);
        List<String> lines = new ArrayList<>();
        LogFiles.readLines(f, (line, end) -> lines.add(line));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).hasSize(LogLineCodec.MAX_LINE_BYTES);
        assertThat(lines.get(1)).isNull(); // over the limit: reported as skipped, never held
    }

    @Test
    void aHugeLineInTheSecurityLogIsSkippedWithoutHoldingIt() throws Exception {
        Path logDir = dir.resolve("log");
        SecurityLogOptions o = SecurityLogOptions.defaults().withSync(SyncPolicy.NONE).withClock(TestPki.CLOCK);
        try (SecurityLog log = SecurityLog.open(logDir, o)) {
            log.append(SecurityEvent.of(SecurityEventType.FIRMWARE_UPDATED, TestPki.NOW, "before"));
        }
        Path file = LogFiles.list(logDir).get(0);
        Files.write(file, (HUGE + "\n").getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);
        SecurityLogReader reader = SecurityLogReader.of(logDir);
        // Reading 50 MiB takes linear time (byte by byte through a 16 KiB buffer); the memory stays bounded.
        SecurityLogReader.Summary s = probe(() -> reader.forEach(Optional.empty(), Optional.empty(), e -> { }))
                .cheap(5_000, 256 * 1024).outcome(SecurityLogReader.Summary.class);
        assertThat(s.entries()).isEqualTo(1);
        assertThat(s.skippedLines()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ certificate store

    @Test
    void certificateStoreFileIsBoundedByMaxFileSizeBeforeReading() throws Exception {
        Path file = dir.resolve("certs.store");
        FileCertificateStorePersistence p = FileCertificateStorePersistence.builder(file).build();
        long max = FileCertificateStorePersistence.DEFAULT_MAX_FILE_SIZE;
        Files.write(file, new byte[(int) max]);
        assertThat(((CertificateStoreException) LimitProbe.call(p::load)).reason())
                .isEqualTo(CertificateStoreException.Reason.CORRUPT); // read, then refused as not a store
        for (long size : new long[] {max + 1, 50L * MIB}) {
            sparse(file, size);
            assertThat(probe(p::load).cheap().outcome(CertificateStoreException.class).reason())
                    .isEqualTo(CertificateStoreException.Reason.TOO_LARGE);
        }
    }

    @Test
    void certificateStoreHoldsAtMostMaxEntriesRoots() throws Exception {
        StationCertificateStore store = StationCertificateStore.builder(CertificateStorePersistence.inMemory())
                .clock(TestPki.CLOCK).maxEntries(2).build();
        assertThat(store.installRoot(RootCertificateType.CSMS_ROOT_CERTIFICATE, PKI.csoRoot().certificate()))
                .isEqualTo(RootInstallResult.ACCEPTED);
        assertThat(store.installRoot(RootCertificateType.MANUFACTURER_ROOT_CERTIFICATE,
                PKI.manufacturerRoot().certificate())).isEqualTo(RootInstallResult.ACCEPTED);
        java.security.cert.X509Certificate foreign = PKI.foreignRoot().certificate();
        assertThat(probe(() -> store.installRoot(RootCertificateType.CSMS_ROOT_CERTIFICATE, foreign)).cheap()
                .outcome(RootInstallResult.class)).isEqualTo(RootInstallResult.FAILED_STORE_FULL);
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void clientCertificateChainIsBoundedAt10Certificates() throws Exception {
        StationCertificateStore store = StationCertificateStore.builder(CertificateStorePersistence.inMemory())
                .clock(TestPki.CLOCK).build();
        TestCertificate station = PKI.station();
        KeyHandle key = KeyHandle.inMemory("station", station.keyPair().getPrivate());
        List<java.security.cert.X509Certificate> over =
                Collections.nCopies(StationCertificate.MAX_CHAIN_LENGTH + 1, station.certificate());
        ClientInstallResult r = probe(() -> store.installClientCertificate(
                CertificateSigningUse.CHARGING_STATION_CERTIFICATE, over, key, (chain, at) -> io.ocppsec.core.cert.ChainValidationResult.of(chain, ValidationResult.compliant())))
                .cheap().outcome(ClientInstallResult.class);
        assertThat(r.accepted()).isFalse();
        assertThat(r.validation().violates("A02.FR.06")).isTrue();
        assertThat(store.installClientCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE,
                Collections.nCopies(StationCertificate.MAX_CHAIN_LENGTH, station.certificate()), key,
                (chain, at) -> io.ocppsec.core.cert.ChainValidationResult.of(chain, ValidationResult.compliant())).accepted()).isTrue();
    }

    // ------------------------------------------------------------------ firmware

    private static FirmwareVerifier verifier(long maxImageBytes) {
        return FirmwareVerifier.forManufacturerRoots(List.of(PKI.manufacturerRoot().certificate()))
                .clock(TestPki.CLOCK).maxImageBytes(maxImageBytes).build();
    }

    /** 800 characters of strict base64 (600 zero bytes): well-formed text, not a valid signature. */
    private static final String SIGNATURE_AT_LIMIT = "A".repeat(FirmwareVerifier.MAX_SIGNATURE_CHARS);

    @Test
    void firmwareSignatureIsBoundedAt800Characters() {
        FirmwareVerifier v = verifier(MIB);
        String pem = PKI.firmwareSigning().chainPem();
        assertThat(v.checkRequest(SIGNATURE_AT_LIMIT, pem)).isEmpty(); // the download may start
        for (String over : List.of(SIGNATURE_AT_LIMIT + "AAAA", HUGE)) {
            // The signature's length is checked after the (bounded) certificate validation, hence ~100 KB.
            Optional<?> o = probe(() -> v.checkRequest(over, pem)).cheap(LimitProbe.CHEAP_MILLIS, MIB)
                    .outcome(Optional.class);
            var bad = (FirmwareVerificationOutcome.InvalidFirmwareSignature) o.orElseThrow();
            assertThat(bad.problem()).isEqualTo(FirmwareVerificationOutcome.SignatureProblem.MALFORMED);
            assertThat(bad.detail()).contains("more than the 800 allowed");
        }
    }

    @Test
    void firmwareSigningCertificateIsBoundedAt5500Characters() {
        FirmwareVerifier v = verifier(MIB);
        String pem = PKI.firmwareSigning().chainPem();
        assertThat(v.checkRequest(SIGNATURE_AT_LIMIT, padTo(pem, FirmwareVerifier.MAX_CERTIFICATE_CHARS))).isEmpty();
        for (String over : List.of(padTo(pem, FirmwareVerifier.MAX_CERTIFICATE_CHARS + 1), HUGE)) {
            Optional<?> o = probe(() -> v.checkRequest(SIGNATURE_AT_LIMIT, over)).cheap().outcome(Optional.class);
            var bad = (FirmwareVerificationOutcome.InvalidFirmwareSigningCertificate) o.orElseThrow();
            assertThat(bad.problem()).isEqualTo(FirmwareVerificationOutcome.CertificateProblem.MALFORMED);
            assertThat(bad.detail()).contains("TOO_LARGE").contains("limit of 5500");
        }
    }

    @Test
    void firmwareImageIsBoundedByMaxImageBytes() throws Exception {
        String pem = PKI.firmwareSigning().chainPem();
        FirmwareVerifier small = verifier(1024);
        FirmwareVerificationOutcome at = small.verify(zeros(1024), SIGNATURE_AT_LIMIT, pem);
        assertThat(at).isInstanceOf(FirmwareVerificationOutcome.InvalidFirmwareSignature.class); // read, not verified
        assertThat(((FirmwareVerificationOutcome.InvalidFirmwareSignature) at).bytesRead()).isEqualTo(1024);
        // Certificate validation (~100 KB) and the 64 KiB read buffer, nothing image-sized.
        assertThat(probe(() -> small.verify(zeros(1025), SIGNATURE_AT_LIMIT, pem)).cheap(LimitProbe.CHEAP_MILLIS, MIB)
                .outcome(FirmwareImageException.class).bytesRead()).isEqualTo(1024);
        // 50 MiB offered, refused after 1 MiB was digested through the 64 KiB buffer.
        FirmwareVerifier oneMib = verifier(MIB);
        assertThat(probe(() -> oneMib.verify(zeros(50L * MIB), SIGNATURE_AT_LIMIT, pem)).cheap(200, MIB)
                .outcome(FirmwareImageException.class).bytesRead()).isEqualTo(MIB);
    }

    /** A stream of {@code size} zero bytes that allocates nothing. */
    private static InputStream zeros(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }
}
