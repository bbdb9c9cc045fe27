package io.ocppsec.examples.demo;

import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The demo's lab PKI: the CSO hierarchy of the test PKI plus a CSMS and a station certificate valid around
 * the real "now" of the given clock. The CSMS certificate has CN {@value TestPki#CSMS_FQDN} and the
 * subjectAltNames {@code DNS:csms.example.com} and {@code IP:127.0.0.1}, because the station's JDK HTTP
 * client checks the certificate against the host it connects to, here the loopback address.
 * LEAD: certificates issued through the SDK's CA service can replace these.
 *
 * <p>Lab only: never use these certificates outside a test.
 */
public final class DemoPki {

    /** The loopback address the demo CSMS listens on (and its certificate names). */
    public static final String LOOPBACK = "127.0.0.1";

    private final TestPki pki;
    private final TestCertificate csms;
    private final TestCertificate station;

    private DemoPki(TestPki pki, TestCertificate csms, TestCertificate station) {
        this.pki = pki;
        this.csms = csms;
        this.station = station;
    }

    /**
     * @param clock the real time source: leaves are valid from one hour before to 30 days after its now
     * @return a fresh PKI
     */
    public static DemoPki create(Clock clock) {
        Instant now = clock.instant();
        TestPki pki = TestPki.create();
        Instant from = now.minus(Duration.ofHours(1));
        Instant to = now.plus(Duration.ofDays(30));
        TestCertificate csms = pki.csmsBuilder(TestPki.CSMS_FQDN).sanIp(LOOPBACK).validity(from, to).build();
        TestCertificate station = pki.stationBuilder(TestPki.STATION_SERIAL).validity(from, to).build();
        return new DemoPki(pki, csms, station);
    }

    /** @return the test PKI (CSO root and sub-CA) */
    public TestPki testPki() {
        return pki;
    }

    /** @return the CSMS server certificate and key */
    public TestCertificate csms() {
        return csms;
    }

    /** @return the Charging Station certificate and key (CN {@value TestPki#STATION_SERIAL}) */
    public TestCertificate station() {
        return station;
    }

    /** @return the CSO root both sides trust */
    public TestCertificate csoRoot() {
        return pki.csoRoot();
    }

    /**
     * Writes the PEM files: {@code cso-root.pem}, {@code csms-chain.pem}, {@code csms-key.pem},
     * {@code station-chain.pem}, {@code station-key.pem}. Key files get owner-only permissions (600) where
     * the file system supports POSIX permissions; they are created with them, never readable by others.
     *
     * @param dir an existing directory
     * @return the files written
     * @throws IOException if a file cannot be written
     */
    public List<Path> writeTo(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        return List.of(
                write(dir.resolve("cso-root.pem"), pki.csoRoot().pem(), false),
                write(dir.resolve("csms-chain.pem"), csms.chainPem(), false),
                write(dir.resolve("csms-key.pem"), csms.privateKeyPem(), true),
                write(dir.resolve("station-chain.pem"), station.chainPem(), false),
                write(dir.resolve("station-key.pem"), station.privateKeyPem(), true));
    }

    static Path write(Path file, String text, boolean secret) throws IOException {
        Files.deleteIfExists(file);
        if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        return file;
    }
}
