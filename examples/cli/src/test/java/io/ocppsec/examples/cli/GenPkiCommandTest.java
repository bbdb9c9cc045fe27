package io.ocppsec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.TlsKeyMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenPkiCommandTest {

    private static final List<String> FILES = List.of("cso-root.pem", "cso-sub-ca.pem", "cso-sub-ca.key", "csms-ec.pem", "csms-ec.key",
            "csms-rsa.pem", "csms-rsa.key", "station.pem", "station.key", "manufacturer-root.pem",
            "manufacturer-sub-ca.pem", "firmware-signing.pem", "firmware-signing.key");

    @TempDir
    Path dir;
    private final Cli cli = new Cli();

    @Test
    void writesTheLabPkiWithKeysReadableOnlyByTheOwner() throws Exception {
        Path out = dir.resolve("pki");
        assertThat(cli.run("gen-pki", "--out", out.toString())).as(cli.err()).isZero();
        assertThat(cli.err().lines().collect(Collectors.toList())).singleElement().asString()
                .startsWith("warning: this is a LAB PKI");
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(FILES);
        }
        for (String f : FILES) {
            String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(f)));
            assertThat(perms).as(f).isEqualTo(f.endsWith(".key") ? "rw-------" : "rw-r--r--");
        }
        assertThat(cli.out()).doesNotContain("PRIVATE KEY").contains("--org): Example CSO");
        // every key belongs to its certificate
        for (String leaf : List.of("csms-ec", "csms-rsa", "station", "firmware-signing")) {
            TlsKeyMaterial.of(PemFiles.privateKey(out.resolve(leaf + ".key")), PemFiles.certificates(out.resolve(leaf + ".pem")));
        }
        // the sub-CA key (mode 600, checked above) is the sub-CA's: it can issue a second station certificate
        java.security.Signature sign = java.security.Signature.getInstance("SHA256withECDSA");
        sign.initSign(PemFiles.privateKey(out.resolve("cso-sub-ca.key")));
        sign.update(new byte[] {1, 2, 3});
        byte[] signature = sign.sign();
        java.security.Signature verify = java.security.Signature.getInstance("SHA256withECDSA");
        verify.initVerify(PemFiles.certificates(out.resolve("cso-sub-ca.pem")).get(0).getPublicKey());
        verify.update(new byte[] {1, 2, 3});
        assertThat(verify.verify(signature)).isTrue();
    }

    @Test
    void theWrittenChainsAreCompliantNow() throws Exception {
        assertThat(cli.run("gen-pki", "--out", dir.toString())).isZero();
        String root = dir.resolve("cso-root.pem").toString();
        for (String csms : List.of("csms-ec.pem", "csms-rsa.pem")) {
            assertThat(cli.run("check-chain", "--role", "csms", "--chain", dir.resolve(csms).toString(), "--trust", root,
                    "--fqdn", TestPki.CSMS_FQDN)).as(cli.out()).isZero();
        }
        assertThat(cli.run("check-chain", "--role", "charging-station", "--chain", dir.resolve("station.pem").toString(),
                "--trust", root, "--org", TestPki.CSO_NAME, "--serial", TestPki.STATION_SERIAL)).as(cli.out()).isZero();
        assertThat(cli.run("check-chain", "--role", "firmware-signing", "--chain",
                dir.resolve("firmware-signing.pem").toString(), "--trust", dir.resolve("manufacturer-root.pem").toString()))
                .as(cli.out()).isZero();
        assertThat(cli.run("lint-cert", "--role", "cso-sub-ca", dir.resolve("cso-sub-ca.pem").toString())).isZero();
    }

    @Test
    void refusesANonEmptyDirectoryUnlessForced() throws Exception {
        Path other = Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThat(cli.run("gen-pki", "--out", dir.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("is not empty").contains("--force");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.count()).isEqualTo(1);
        }
        assertThat(cli.run("gen-pki", "--out", dir.toString(), "--force")).isZero();
        String firstRoot = Files.readString(dir.resolve("cso-root.pem"));
        assertThat(cli.run("gen-pki", "--out", dir.toString(), "--force")).isZero();
        assertThat(Files.readString(dir.resolve("cso-root.pem"))).as("a new PKI").isNotEqualTo(firstRoot);
        assertThat(Files.readString(other)).isEqualTo("mine");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("station.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void outputThatIsAFileOrMissingOptionIsExitTwo() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThat(cli.run("gen-pki", "--out", file.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("not a directory");
        assertThat(cli.run("gen-pki")).isEqualTo(2);
        assertThat(cli.err()).contains("--out");
    }

    @Test
    void directoryThatCannotBeCreatedIsExitTwoAndNoKeyIsLeftAnywhere() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThat(cli.run("gen-pki", "--out", file.resolve("pki").toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: ");
        try (Stream<Path> s = Files.walk(dir)) {
            assertThat(s.filter(p -> p.toString().endsWith(".key"))).isEmpty();
        }
    }

    @Test
    void testPkiCreatedAtAnInstantIsValidAroundIt() {
        Instant now = Instant.parse("2031-02-03T04:05:06Z");
        TestPki pki = TestPki.create(KeyType.EC_P256, now);
        assertThat(pki.now()).isEqualTo(now);
        assertThat(pki.clock().instant()).isEqualTo(now);
        for (X509Certificate c : List.of(pki.csoRoot().certificate(), pki.csoSubCa().certificate(),
                pki.csmsEc().certificate(), pki.station().certificate(), pki.firmwareSigning().certificate(),
                pki.stationBuilder("CS-9").build().certificate())) {
            assertThat(c.getNotBefore().toInstant()).isBefore(now);
            assertThat(c.getNotAfter().toInstant()).isAfter(now.plus(Duration.ofDays(300)));
        }
        assertThat(pki.station(TestPki.Defect.EXPIRED).certificate().getNotAfter().toInstant()).isBefore(now);
        // the fixed-clock factory is unchanged
        TestPki fixed = TestPki.create();
        assertThat(fixed.now()).isEqualTo(TestPki.NOW);
        assertThat(fixed.station().certificate().getNotBefore().toInstant())
                .isEqualTo(TestPki.NOW.minus(Duration.ofDays(1)));
        assertThat(fixed.station().certificate().getNotAfter().toInstant())
                .isEqualTo(TestPki.NOW.plus(Duration.ofDays(365)));
    }
}
