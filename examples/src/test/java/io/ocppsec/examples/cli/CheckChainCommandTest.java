package io.ocppsec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.requirement.Verifies;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckChainCommandTest {

    private static final TestPki PKI = TestPki.create();
    private static final String AT = TestPki.NOW.toString();

    @TempDir
    Path dir;
    private final Cli cli = new Cli();
    private Path csoRoot;
    private Path manufacturerRoot;

    @BeforeEach
    void roots() throws Exception {
        csoRoot = Cli.write(dir, "cso-root.pem", List.of(PKI.csoRoot().certificate()));
        manufacturerRoot = Cli.write(dir, "mf-root.pem", List.of(PKI.manufacturerRoot().certificate()));
    }

    private Path chain(TestCertificate c) throws Exception {
        return Cli.write(dir, "chain-" + System.nanoTime() + ".pem", c.chain());
    }

    private int csms(Path chain, String fqdn, String... more) {
        String[] base = {"check-chain", "--role", "csms", "--chain", chain.toString(), "--trust", csoRoot.toString(),
            "--fqdn", fqdn, "--at", AT};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return cli.run(args);
    }

    private int station(Path chain, String org, String serial) {
        return cli.run("check-chain", "--role", "charging-station", "--chain", chain.toString(), "--trust",
                csoRoot.toString(), "--org", org, "--serial", serial, "--at", AT);
    }

    @Test
    @Verifies({"A00.FR.308", "A00.FR.309"})
    void compliantCsmsChainIsExitZero() throws Exception {
        assertThat(csms(chain(PKI.csmsEc()), TestPki.CSMS_FQDN)).as(cli.out()).isZero();
        assertThat(cli.out()).startsWith("csms chain of 2 certificates at " + AT + ": compliant")
                .contains("#0 CN=" + TestPki.CSMS_FQDN);
    }

    @Test
    @Verifies({"A00.FR.403", "A00.FR.404", "A00.FR.405"})
    void compliantStationChainIsExitZero() throws Exception {
        assertThat(station(chain(PKI.station()), TestPki.CSO_NAME, TestPki.STATION_SERIAL)).as(cli.out()).isZero();
        assertThat(cli.out()).contains("compliant (0 violations");
    }

    @Test
    void firmwareSigningChainToTheManufacturerRootIsExitZero() throws Exception {
        assertThat(cli.run("check-chain", "--role", "firmware-signing", "--chain", chain(PKI.firmwareSigning()).toString(),
                "--trust", manufacturerRoot.toString(), "--at", AT)).as(cli.out()).isZero();
    }

    @Test
    @Verifies("A00.FR.514")
    void advisoriesArePrintedButDoNotFail() throws Exception {
        assertThat(csms(chain(PKI.csms(TestPki.Defect.EKU_PRESENT)), TestPki.CSMS_FQDN)).isZero();
        assertThat(cli.out()).contains("advisory:  A00.FR.514 RECOMMENDED [certificate #0]");
    }

    @Test
    @Verifies("A00.FR.309")
    void wrongFqdnIsAViolationWithIdLevelIndexFoundAndExpected() throws Exception {
        assertThat(csms(chain(PKI.csmsEc()), "other.example.com")).isEqualTo(1);
        assertThat(cli.out()).contains("NOT compliant")
                .contains("violation: A00.FR.309 SHALL [certificate #0]: found CN=csms.example.com; expected CN = other.example.com");
    }

    @Test
    @Verifies("A00.FR.308")
    void chainToAForeignRootIsRefused() throws Exception {
        TestCertificate foreign = PKI.csms(TestPki.Defect.FOREIGN_ROOT);
        assertThat(csms(chain(foreign), TestPki.CSMS_FQDN)).isEqualTo(1);
        assertThat(cli.out()).contains("violation: A00.FR.308 SHALL");
    }

    @Test
    @Verifies({"A00.FR.404", "A00.FR.405"})
    void stationWithWrongSerialAndWrongOrganization() throws Exception {
        assertThat(station(chain(PKI.station()), TestPki.CSO_NAME, "CS-0002")).isEqualTo(1);
        assertThat(cli.out()).contains("A00.FR.405 SHALL [certificate #0]").doesNotContain("A00.FR.404");
        assertThat(station(chain(PKI.station(TestPki.Defect.WRONG_ORGANIZATION)), TestPki.CSO_NAME,
                TestPki.STATION_SERIAL)).isEqualTo(1);
        assertThat(cli.out()).contains("A00.FR.404 SHALL [certificate #0]");
    }

    @Test
    @Verifies("A00.FR.502")
    void weakKeyAndExpiryAreReportedTogether() throws Exception {
        assertThat(csms(chain(PKI.csms(TestPki.Defect.WEAK_RSA_KEY)), TestPki.CSMS_FQDN)).isEqualTo(1);
        assertThat(cli.out()).contains("A00.FR.502 SHALL [certificate #0]");
        assertThat(csms(chain(PKI.csms(TestPki.Defect.EXPIRED)), TestPki.CSMS_FQDN)).isEqualTo(1);
        assertThat(cli.out()).contains("[certificate #0]").contains("expired");
    }

    @Test
    @Verifies("A00.FR.604")
    void firmwareCertificateDoesNotValidateAgainstTheCsoRoot() throws Exception {
        assertThat(cli.run("check-chain", "--role", "firmware-signing", "--chain", chain(PKI.firmwareSigning()).toString(),
                "--trust", csoRoot.toString(), "--at", AT)).isEqualTo(1);
        assertThat(cli.out()).contains("A00.FR.604 SHALL");
    }

    @Test
    @Verifies("A02.FR.16")
    void chainLargerThanMaxCertificateChainSizeIsRefusedBeforeParsing() throws Exception {
        Path c = chain(PKI.csmsEc());
        assertThat(csms(c, TestPki.CSMS_FQDN, "--max-chain-size", "500")).isEqualTo(1);
        assertThat(cli.out()).contains("A02.FR.16 SHALL").contains("at most 500 characters")
                .startsWith("csms chain of 0 certificates");
    }

    @Test
    void jsonIsMachineReadable() throws Exception {
        assertThat(csms(chain(PKI.csmsEc()), "other.example.com", "--json")).isEqualTo(1);
        JsonObject o = Json.createReader(new StringReader(cli.out())).readObject();
        assertThat(o.getBoolean("compliant")).isFalse();
        assertThat(o.getString("role")).isEqualTo("csms");
        assertThat(o.getJsonArray("certificates")).hasSize(2);
        JsonObject v = o.getJsonArray("violations").getJsonObject(0);
        assertThat(v.getString("requirement")).isEqualTo("A00.FR.309");
        assertThat(v.getString("level")).isEqualTo("SHALL");
        assertThat(v.getInt("chainIndex")).isZero();
        assertThat(v.getBoolean("blocking")).isTrue();
        assertThat(csms(chain(PKI.csmsEc()), TestPki.CSMS_FQDN, "--json")).isZero();
        assertThat(Json.createReader(new StringReader(cli.out())).readObject().getBoolean("compliant")).isTrue();
    }

    @Test
    @Verifies("A00.FR.507")
    void unreadableChainNamesBlockAndLineAndNeverEchoesAKey() throws Exception {
        String pem = PKI.csmsEc().chainPem();
        String broken = pem.replaceFirst("(?s)(-----BEGIN CERTIFICATE-----\n.*?-----BEGIN CERTIFICATE-----\n)(.)", "$1!");
        Path bad = Files.writeString(dir.resolve("bad.pem"), broken);
        assertThat(csms(bad, TestPki.CSMS_FQDN)).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: ").contains("GARBAGE_IN_ARMOUR in block #1 at line");

        Path key = Files.writeString(dir.resolve("key.pem"), PKI.csmsEc().privateKeyPem());
        assertThat(csms(key, TestPki.CSMS_FQDN)).isEqualTo(2);
        assertThat(cli.err()).contains("WRONG_BLOCK_TYPE").doesNotContain(PKI.csmsEc().privateKeyPem().split("\n")[1]);

        Path der = Files.write(dir.resolve("chain.der"), PKI.csmsEc().certificate().getEncoded());
        assertThat(csms(der, TestPki.CSMS_FQDN)).isEqualTo(2);
        assertThat(cli.err()).contains("NOT_PEM").contains("A00.FR.507");

        assertThat(csms(dir.resolve("missing.pem"), TestPki.CSMS_FQDN)).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: ");
    }

    @Test
    void optionsThatDoNotFitTheRoleAreUsageErrors() throws Exception {
        Path c = chain(PKI.csmsEc());
        assertThat(cli.run("check-chain", "--role", "csms", "--chain", c.toString(), "--trust", csoRoot.toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("--fqdn");
        assertThat(csms(c, TestPki.CSMS_FQDN, "--org", "X")).isEqualTo(2);
        assertThat(cli.run("check-chain", "--role", "charging-station", "--chain", c.toString(), "--trust",
                csoRoot.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--org");
        assertThat(cli.run("check-chain", "--role", "cso-root", "--chain", c.toString(), "--trust", csoRoot.toString()))
                .isEqualTo(2);
        assertThat(cli.run("check-chain", "--role", "nonsense", "--chain", c.toString(), "--trust", csoRoot.toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("unknown role");
        assertThat(csms(c, "not a host name")).isEqualTo(2);
        assertThat(cli.run("check-chain", "--role", "csms", "--chain", c.toString(), "--trust", csoRoot.toString(),
                "--fqdn", TestPki.CSMS_FQDN, "--at", "yesterday")).isEqualTo(2);
        assertThat(csms(c, TestPki.CSMS_FQDN, "--max-chain-size", "0")).isEqualTo(2);
    }

    @Test
    void trustFileWithALeafIsAUsageError() throws Exception {
        Path leafAsRoot = Cli.write(dir, "leaf.pem", List.of(PKI.csmsEc().certificate()));
        assertThat(cli.run("check-chain", "--role", "csms", "--chain", chain(PKI.csmsEc()).toString(), "--trust",
                leafAsRoot.toString(), "--fqdn", TestPki.CSMS_FQDN)).isEqualTo(2);
        assertThat(cli.err()).contains("not a CA certificate");
    }
}
