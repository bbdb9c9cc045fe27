package io.ocppsec.core.store;

import io.ocppsec.testpki.MutableClock;
import static io.ocppsec.api.message.CertificateSigningUse.CHARGING_STATION_CERTIFICATE;
import static io.ocppsec.api.message.CertificateSigningUse.V2G_CERTIFICATE;
import static io.ocppsec.core.store.StoreFixtures.PKI;
import static io.ocppsec.core.store.StoreFixtures.csoChain;
import static io.ocppsec.core.store.StoreFixtures.station;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.core.store.CertificateStoreException.Reason;
import io.ocppsec.core.store.internal.StoreFileCodec;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store: round trips, key handling, and every kind of damaged file. */
class FileCertificateStorePersistenceTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();

    private StationCertificateStore populated(CertificateStorePersistence p, TestCertificate soft, TestCertificate hsm)
            throws Exception {
        StationCertificateStore s = StationCertificateStore.builder(p).clock(clock).build();
        s.installRoot(RootCertificateType.CSMS_ROOT_CERTIFICATE, PKI.csoRoot().certificate());
        s.installRoot(RootCertificateType.MANUFACTURER_ROOT_CERTIFICATE, PKI.manufacturerRoot().certificate());
        s.installClientCertificate(CHARGING_STATION_CERTIFICATE, soft.chain(),
                KeyHandle.inMemory("cs-key", soft.keyPair().getPrivate()), csoChain());
        s.installClientCertificate(V2G_CERTIFICATE, hsm.chain(), KeyHandle.external("pkcs11:slot=1;id=v2g"), csoChain());
        s.confirmWorking(CHARGING_STATION_CERTIFICATE);
        return s;
    }

    @Test
    void roundTripKeepsCertificatesRootsConfirmationAndAliasesButNotKeysByDefault() throws Exception {
        Path file = dir.resolve("certs.store");
        TestCertificate soft = station(TestPki.NOW.minus(Duration.ofDays(1)), 100);
        TestCertificate hsm = station(TestPki.NOW.minus(Duration.ofDays(1)), 100);
        StationCertificateStore s = populated(FileCertificateStorePersistence.builder(file).build(), soft, hsm);

        String content = Files.readString(file, StandardCharsets.UTF_8);
        byte[] pkcs8 = soft.keyPair().getPrivate().getEncoded();
        assertThat(content).doesNotContain(Base64.getEncoder().encodeToString(pkcs8).substring(0, 40));
        assertThat(content).startsWith(StoreFileCodec.MAGIC + "\t1\n");

        StationCertificateStore reloaded = StationCertificateStore.builder(FileCertificateStorePersistence.builder(file).build())
                .clock(clock).build();
        assertThat(reloaded.snapshot().roots()).extracting(InstalledRoot::certificate)
                .containsExactlyElementsOf(s.snapshot().roots().stream().map(InstalledRoot::certificate).toList());
        StationCertificate cs = reloaded.activeCertificate(CHARGING_STATION_CERTIFICATE).orElseThrow();
        assertThat(cs.chain()).isEqualTo(soft.chain());
        assertThat(cs.confirmedWorkingAt()).contains(TestPki.NOW);
        assertThat(cs.key().alias()).isEqualTo("cs-key");
        assertThat(cs.key().privateKey()).as("default: the key stays with the caller").isEmpty();
        assertThat(reloaded.activeCertificate(V2G_CERTIFICATE).orElseThrow().key()).isEqualTo(KeyHandle.external("pkcs11:slot=1;id=v2g"));
    }

    @Test
    void keyResolverRestoresHandlesFromTheCallersKeyStore() throws Exception {
        Path file = dir.resolve("certs.store");
        TestCertificate soft = station(TestPki.NOW.minus(Duration.ofDays(1)), 100);
        populated(FileCertificateStorePersistence.builder(file).build(), soft, station(TestPki.NOW.minus(Duration.ofDays(1)), 100));
        KeyHandle mine = KeyHandle.inMemory("cs-key", soft.keyPair().getPrivate());
        var p = FileCertificateStorePersistence.builder(file)
                .keyResolver(alias -> alias.equals("cs-key") ? mine : KeyHandle.external(alias)).build();
        StationCertificateStore reloaded = StationCertificateStore.builder(p).clock(clock).build();
        assertThat(reloaded.activeCertificate(CHARGING_STATION_CERTIFICATE).orElseThrow().key()).isSameAs(mine);
    }

    @Test
    void insecurePlaintextOptionWritesPkcs8AndRestoresTheKey() throws Exception {
        Path file = dir.resolve("certs.store");
        TestCertificate soft = station(TestPki.NOW.minus(Duration.ofDays(1)), 100);
        var p = FileCertificateStorePersistence.builder(file).insecurePlaintextPrivateKeysInFile().build();
        assertThat(p.toString()).contains("INSECURE");
        populated(p, soft, station(TestPki.NOW.minus(Duration.ofDays(1)), 100));
        StationCertificateStore reloaded = StationCertificateStore.builder(p).clock(clock).build();
        assertThat(reloaded.activeCertificate(CHARGING_STATION_CERTIFICATE).orElseThrow().key().privateKey().orElseThrow()
                .getEncoded()).isEqualTo(soft.keyPair().getPrivate().getEncoded());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void missingFileIsAnEmptyStore() throws Exception {
        var p = FileCertificateStorePersistence.builder(dir.resolve("none.store")).build();
        assertThat(p.load()).isEmpty();
        assertThat(StationCertificateStore.builder(p).build().size()).isZero();
    }

    private Path validFile() throws Exception {
        Path file = dir.resolve("certs.store");
        populated(FileCertificateStorePersistence.builder(file).build(),
                station(TestPki.NOW.minus(Duration.ofDays(1)), 100), station(TestPki.NOW.minus(Duration.ofDays(1)), 100));
        return file;
    }

    private static Reason loadFailure(Path file) {
        try {
            FileCertificateStorePersistence.builder(file).build().load();
            throw new AssertionError("loaded a damaged file");
        } catch (CertificateStoreException e) {
            assertThat(e.getMessage()).doesNotContain("BEGIN");
            return e.reason();
        }
    }

    @Test
    void everyTruncationIsDetectedAsCorrupt() throws Exception {
        Path file = validFile();
        byte[] good = Files.readAllBytes(file);
        for (int len = 0; len < good.length; len += Math.max(1, good.length / 257)) {
            Files.write(file, Arrays.copyOf(good, len));
            assertThat(loadFailure(file)).as("truncated to %d bytes", len).isEqualTo(Reason.CORRUPT);
        }
        Files.write(file, Arrays.copyOf(good, good.length - 1));
        assertThat(loadFailure(file)).isEqualTo(Reason.CORRUPT);
    }

    @Test
    void everySingleByteFlipIsDetected() throws Exception {
        Path file = validFile();
        byte[] good = Files.readAllBytes(file);
        Random r = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] bad = good.clone();
            int pos = r.nextInt(bad.length);
            bad[pos] ^= (byte) (1 + r.nextInt(255));
            Files.write(file, bad);
            assertThat(loadFailure(file)).as("flip at %d", pos).isIn(Reason.CORRUPT, Reason.UNSUPPORTED_VERSION);
        }
    }

    @Test
    void garbageIsCorrupt() throws Exception {
        Path file = dir.resolve("g.store");
        Random r = new Random(7);
        for (int i = 0; i < 50; i++) {
            byte[] junk = new byte[r.nextInt(5000)];
            r.nextBytes(junk);
            Files.write(file, junk);
            assertThat(loadFailure(file)).isEqualTo(Reason.CORRUPT);
        }
        Files.writeString(file, "SHA-256\t" + "0".repeat(64) + "\n");
        assertThat(loadFailure(file)).isEqualTo(Reason.CORRUPT);
    }

    /** A well-formed file with a correct checksum whose records are nonsense is still a typed error. */
    @Test
    void checksummedNonsenseIsCorruptAndUnknownVersionIsReported() throws Exception {
        Path file = dir.resolve("n.store");
        for (String body : List.of(
                "OCPPSEC-CERTSTORE\t1\nR\tCSMSRootCertificate\t2026-01-01T00:00:00Z\tnot-base64!\nEND\t1\n",
                "OCPPSEC-CERTSTORE\t1\nR\tNoSuchType\t2026-01-01T00:00:00Z\tAAAA\nEND\t1\n",
                "OCPPSEC-CERTSTORE\t1\nR\tCSMSRootCertificate\tyesterday\tAAAA\nEND\t1\n",
                "OCPPSEC-CERTSTORE\t1\nX\tsomething\nEND\t1\n",
                "OCPPSEC-CERTSTORE\t1\nEND\t5\n",
                "OCPPSEC-CERTSTORE\t1\nC\tChargingStationCertificate\t2026-01-01T00:00:00Z\t-\tYQ\tEC\tAAAA\tAAAA\nEND\t1\n",
                "OCPPSEC-CERTSTORE\t1\nC\tChargingStationCertificate\t2026-01-01T00:00:00Z\t-\tYQ\t-\t-\t\nEND\t1\n",
                "NOT-A-STORE\t1\nEND\t0\n")) {
            Files.write(file, withChecksum(body));
            assertThat(loadFailure(file)).as(body).isEqualTo(Reason.CORRUPT);
        }
        Files.write(file, withChecksum("OCPPSEC-CERTSTORE\t2\nEND\t0\n"));
        assertThat(loadFailure(file)).isEqualTo(Reason.UNSUPPORTED_VERSION);
        Files.write(file, withChecksum("OCPPSEC-CERTSTORE\t1\nEND\t0\n"));
        assertThat(FileCertificateStorePersistence.builder(file).build().load()).contains(StoreSnapshot.EMPTY);
    }

    private static byte[] withChecksum(String body) throws Exception {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String t = "SHA-256\t" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)) + "\n";
        return (body + t).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void hugeFileIsRefusedBeforeReading() throws Exception {
        Path file = dir.resolve("huge.store");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(8L * 1024 * 1024 * 1024);   // sparse 8 GiB: reading it would exhaust the heap
        }
        assertThat(loadFailure(file)).isEqualTo(Reason.TOO_LARGE);
        var small = FileCertificateStorePersistence.builder(dir.resolve("s.store")).maxFileSize(4096).build();
        StationCertificateStore s = StationCertificateStore.builder(small).clock(clock).build();
        s.installRoot(RootCertificateType.CSMS_ROOT_CERTIFICATE, PKI.csoRoot().certificate());
        long before = Files.size(small.file());
        assertThatThrownBy(() -> {
            for (int i = 0; i < 20; i++) {
                s.installRoot(RootCertificateType.V2G_ROOT_CERTIFICATE, PKI.builder(io.ocppsec.testpki.PkiRole.CSO_ROOT, null)
                        .organization("O").commonName("R" + i).build().certificate());
            }
        }).isInstanceOfSatisfying(CertificateStoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        assertThat(small.load().orElseThrow().roots().size()).isEqualTo(s.snapshot().roots().size());
        assertThat(Files.size(small.file())).isGreaterThanOrEqualTo(before);
        assertThatThrownBy(() -> FileCertificateStorePersistence.builder(file).maxFileSize(10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void directoryInPlaceOfTheFileIsATypedError() throws Exception {
        Path file = dir.resolve("d.store");
        Files.createDirectory(file);
        assertThat(loadFailure(file)).isEqualTo(Reason.CORRUPT);
        var p = FileCertificateStorePersistence.builder(file).build();
        assertThatThrownBy(() -> p.save(StoreSnapshot.EMPTY)).isInstanceOfSatisfying(CertificateStoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.IO));
    }

    @Test
    void staleTemporaryFilesFromACrashAreRemovedOnLoad() throws Exception {
        Path file = validFile();
        Path stale = dir.resolve(".certs.store.12345.tmp");
        Files.writeString(stale, "half written");
        Path unrelated = dir.resolve("other.tmp");
        Files.writeString(unrelated, "keep");
        assertThat(FileCertificateStorePersistence.builder(file).build().load()).isPresent();
        assertThat(stale).doesNotExist();
        assertThat(unrelated).exists();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("certs.store", "other.tmp");
        }
    }
}
