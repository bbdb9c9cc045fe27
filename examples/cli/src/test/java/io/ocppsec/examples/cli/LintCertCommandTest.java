package io.ocppsec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCertCommandTest {

    private static final TestPki PKI = TestPki.create();

    @TempDir
    Path dir;
    private final Cli cli = new Cli();

    private String file(TestCertificate c) throws Exception {
        return Cli.write(dir, "c" + System.nanoTime() + ".pem", List.of(c.certificate())).toString();
    }

    @Test
    void everyRoleOfTheTestPkiIsCompliant() throws Exception {
        assertThat(cli.run("lint-cert", "--role", "cso-root", file(PKI.csoRoot()))).as(cli.out()).isZero();
        assertThat(cli.run("lint-cert", "--role", "cso-sub-ca", file(PKI.csoSubCa()))).isZero();
        assertThat(cli.run("lint-cert", "--role", "manufacturer-root", file(PKI.manufacturerRoot()))).isZero();
        assertThat(cli.run("lint-cert", "--role", "manufacturer-sub-ca", file(PKI.manufacturerSubCa()))).isZero();
        assertThat(cli.run("lint-cert", "--role", "firmware-signing", file(PKI.firmwareSigning()))).isZero();
        assertThat(cli.run("lint-cert", "--role", "csms", file(PKI.csmsRsa()))).isZero();
        assertThat(cli.run("lint-cert", "--role", "charging-station", "--org", TestPki.CSO_NAME, file(PKI.station())))
                .isZero();
        assertThat(cli.out()).startsWith("charging-station certificate CN=CS-0001,O=Example CSO: compliant");
    }

    @Test
    @Verifies({"A00.FR.502", "A00.FR.503"})
    void weakKeysAreViolations() throws Exception {
        assertThat(cli.run("lint-cert", "--role", "charging-station", file(PKI.station(TestPki.Defect.WEAK_RSA_KEY))))
                .isEqualTo(1);
        assertThat(cli.out()).contains("violation: A00.FR.502 SHALL");
        assertThat(cli.run("lint-cert", "--role", "charging-station", file(PKI.station(TestPki.Defect.WEAK_EC_KEY))))
                .isEqualTo(1);
        assertThat(cli.out()).contains("violation: A00.FR.503 SHALL");
    }

    @Test
    @Verifies({"A00.FR.511", "A00.FR.404"})
    void stationCnThatIsAUrlAndWrongOrganization() throws Exception {
        assertThat(cli.run("lint-cert", "--role", "charging-station", file(PKI.station(TestPki.Defect.CN_IS_URL))))
                .isEqualTo(1);
        assertThat(cli.out()).contains("A00.FR.511 SHALL NOT");
        assertThat(cli.run("lint-cert", "--role", "charging-station", "--org", TestPki.CSO_NAME,
                file(PKI.station(TestPki.Defect.WRONG_ORGANIZATION)))).isEqualTo(1);
        assertThat(cli.out()).contains("A00.FR.404 SHALL");
    }

    @Test
    @Verifies("A00.FR.512")
    void missingKeyUsageIsAnAdvisory() throws Exception {
        assertThat(cli.run("lint-cert", "--role", "csms", file(PKI.csms(TestPki.Defect.MISSING_KEY_USAGE)))).isZero();
        assertThat(cli.out()).contains("advisory:  A00.FR.512 SHOULD");
    }

    @Test
    @Verifies("A00.FR.701")
    void fastExpirationReportsAYearLongCsmsCertificate() throws Exception {
        assertThat(cli.run("lint-cert", "--role", "csms", "--fast-expiration", "--json", file(PKI.csmsEc()))).isZero();
        JsonObject o = Json.createReader(new StringReader(cli.out())).readObject();
        assertThat(o.getBoolean("compliant")).isTrue();
        assertThat(o.getJsonArray("violations").getJsonObject(0).getString("requirement")).isEqualTo("A00.FR.701");
        assertThat(o.getJsonArray("violations").getJsonObject(0).getBoolean("blocking")).isFalse();
    }

    @Test
    void leafCheckedAsACaIsAViolation() throws Exception {
        assertThat(cli.run("lint-cert", "--role", "cso-sub-ca", file(PKI.csmsEc()))).isEqualTo(1);
        assertThat(cli.out()).contains("NOT compliant");
    }

    @Test
    void chainFileLintsTheFirstCertificateAndSaysSo() throws Exception {
        Path chain = Cli.write(dir, "chain.pem", PKI.station().chain());
        assertThat(cli.run("lint-cert", "--role", "charging-station", chain.toString())).isZero();
        assertThat(cli.out()).contains("CN=CS-0001").contains("[first of 2 certificates in the file]");
    }

    @Test
    void unreadableInputAndBadUsageAreExitTwo() throws Exception {
        Path key = Files.writeString(dir.resolve("key.pem"), PKI.station().privateKeyPem());
        assertThat(cli.run("lint-cert", "--role", "csms", key.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("WRONG_BLOCK_TYPE").doesNotContain("MIG");
        assertThat(cli.run("lint-cert", "--role", "csms", dir.resolve("missing.pem").toString())).isEqualTo(2);
        assertThat(cli.run("lint-cert", "--role", "web-server", file(PKI.csmsEc()))).isEqualTo(2);
        assertThat(cli.run("lint-cert", "--role", "csms", "--org", " ", file(PKI.csmsEc()))).isEqualTo(2);
        assertThat(cli.run("lint-cert", "--role", "csms")).isEqualTo(2);
        assertThat(cli.err()).contains("FILE");
    }
}
