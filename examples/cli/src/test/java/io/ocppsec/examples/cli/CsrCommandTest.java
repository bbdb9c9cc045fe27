package io.ocppsec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.testing.Openssl;
import io.ocppsec.testing.Verifies;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsrCommandTest {

    private static final String ORG = "Example CSO";
    private static final String SERIAL = "CS-0042";

    @TempDir
    Path dir;
    private final Cli cli = new Cli();

    private int create(String... extra) {
        String[] base = {"csr", "create", "--org", ORG, "--serial", SERIAL, "--out-key", dir.resolve("station.key").toString(),
            "--out-csr", dir.resolve("station.csr").toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return cli.run(args);
    }

    private int inspect(String serial, String org, String... extra) {
        String[] base = {"csr", "inspect", "--csr", dir.resolve("station.csr").toString(), "--serial", serial, "--org", org};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return cli.run(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec-p256", "ec-p384", "rsa-2048"})
    @Verifies({"A02.FR.02", "A02.FR.03", "A02.FR.05", "A02.FR.11", "A03.FR.02", "A03.FR.03"})
    void createdCsrVerifiesWithOpensslAndIsAccepted(String keyType) throws Exception {
        assertThat(create("--key-type", keyType, "--country", "NL")).as(cli.err()).isZero();
        Path key = dir.resolve("station.key");
        Path csr = dir.resolve("station.csr");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(csr))).isEqualTo("rw-r--r--");
        assertThat(cli.out()).contains("ChargingStationCertificate CSR, " + keyType).contains("mode 600")
                .doesNotContain("PRIVATE KEY");
        String keyPem = Files.readString(key);
        assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(cli.out() + cli.err()).doesNotContain(keyPem.split("\n")[1]);

        String verify = Openssl.run(dir, "req", "-verify", "-in", csr.toString(), "-noout", "-subject");
        assertThat(verify).contains("verify OK").contains("CN = " + SERIAL).contains("O = " + ORG).contains("C = NL");
        // the key written is the key of the CSR
        String csrKey = Openssl.run(dir, "req", "-in", csr.toString(), "-noout", "-pubkey");
        String fileKey = Openssl.run(dir, "pkey", "-in", key.toString(), "-pubout");
        assertThat(csrKey).isEqualTo(fileKey);

        assertThat(inspect(SERIAL, ORG)).as(cli.out()).isZero();
        assertThat(cli.out()).startsWith("Accepted: ChargingStationCertificate CSR for CN=CS-0042,O=Example CSO,C=NL");
    }

    @Test
    @Verifies({"A02.FR.11", "A03.FR.11"})
    void v2gCsrIsAcceptedAsV2GCertificate() throws Exception {
        assertThat(create("--v2g")).isZero();
        assertThat(cli.out()).contains("V2GCertificate CSR");
        assertThat(inspect(SERIAL, ORG, "--type", "V2GCertificate", "--json")).isZero();
        JsonObject o = Json.createReader(new StringReader(cli.out())).readObject();
        assertThat(o.getString("status")).isEqualTo("Accepted");
        assertThat(o.getString("certificateType")).isEqualTo("V2GCertificate");
        assertThat(o.containsKey("reasonCode")).isFalse();
    }

    @Test
    @Verifies({"A02.FR.12", "A03.FR.12", "A00.FR.511"})
    void csrOfAnotherStationIsRejectedWithReasons() throws Exception {
        assertThat(create()).isZero();
        assertThat(inspect("CS-0001", ORG)).isEqualTo(1);
        assertThat(cli.out()).startsWith("Rejected (InvalidCSR)")
                .contains("violation: A00.FR.511 SHALL: found CN 'CS-0042'; expected exactly one CN equal to the "
                        + "connected station's serial number 'CS-0001'");
    }

    @Test
    @Verifies({"A02.FR.12", "A00.FR.404"})
    void csrOfAnotherOrganizationIsRejectedAsJson() throws Exception {
        assertThat(create()).isZero();
        assertThat(inspect(SERIAL, "Other CSO", "--json")).isEqualTo(1);
        JsonObject o = Json.createReader(new StringReader(cli.out())).readObject();
        assertThat(o.getString("status")).isEqualTo("Rejected");
        assertThat(o.getString("reasonCode")).isEqualTo("InvalidCSR");
        assertThat(o.getJsonArray("violations").getJsonObject(0).getString("requirement")).isEqualTo("A00.FR.404");
    }

    @Test
    @Verifies({"A02.FR.03", "A02.FR.12"})
    void garbageOrTamperedCsrIsRejectedNotACrash() throws Exception {
        assertThat(create()).isZero();
        Path csr = dir.resolve("station.csr");
        String pem = Files.readString(csr);
        Files.writeString(csr, "not a CSR at all");
        assertThat(inspect(SERIAL, ORG)).isEqualTo(1);
        assertThat(cli.out()).contains("A02.FR.03 SHALL");
        // Another subject under the same signature: the proof of possession fails.
        String tampered = pem.replace(pem.substring(100, 104), pem.substring(100, 104).equals("AAAA") ? "BBBB" : "AAAA");
        Files.writeString(csr, tampered);
        assertThat(inspect(SERIAL, ORG)).isEqualTo(1);
        assertThat(cli.out()).startsWith("Rejected");
    }

    @Test
    void existingKeyIsNeverOverwrittenWithoutForce() throws Exception {
        Path key = Files.writeString(dir.resolve("station.key"), "precious");
        assertThat(create()).isEqualTo(2);
        assertThat(cli.err()).contains("station.key exists; refusing to overwrite it (use --force)");
        assertThat(Files.readString(key)).isEqualTo("precious");
        assertThat(dir.resolve("station.csr")).doesNotExist();

        assertThat(create("--force")).isZero();
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("station.key", "station.csr");
        }
    }

    @Test
    void existingCsrFileIsNotOverwrittenEither() throws Exception {
        Files.writeString(dir.resolve("station.csr"), "old");
        assertThat(create()).isEqualTo(2);
        assertThat(dir.resolve("station.key")).doesNotExist();
    }

    @Test
    void badSubjectsAndKeyTypesAreUsageErrors() throws Exception {
        assertThat(cli.run("csr", "create", "--org", ORG, "--serial", "https://cs.example.com", "--out-key",
                dir.resolve("k").toString(), "--out-csr", dir.resolve("c").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("A00.FR.511");
        assertThat(create("--country", "nld")).isEqualTo(2);
        assertThat(create("--key-type", "rsa-1024")).isEqualTo(2);
        assertThat(cli.err()).contains("unknown key type");
        assertThat(create("--v2g", "--key-type", "rsa-2048")).isEqualTo(2);
        assertThat(cli.err()).contains("V2GCertificate needs an EC key");
        assertThat(cli.run("csr", "create", "--org", ORG, "--serial", SERIAL, "--out-key", dir.resolve("same").toString(),
                "--out-csr", dir.resolve("same").toString())).isEqualTo(2);
        try (var s = Files.list(dir)) {
            assertThat(s.count()).as("nothing written").isZero();
        }
    }

    @Test
    void inspectUsageErrors() throws Exception {
        assertThat(create()).isZero();
        assertThat(inspect(SERIAL, ORG, "--type", "TLSCertificate")).isEqualTo(2);
        assertThat(cli.err()).contains("ChargingStationCertificate or V2GCertificate");
        assertThat(inspect(SERIAL, " ")).isEqualTo(2);
        assertThat(cli.run("csr", "inspect", "--csr", dir.resolve("missing.csr").toString(), "--serial", SERIAL,
                "--org", ORG)).isEqualTo(2);
    }
}
