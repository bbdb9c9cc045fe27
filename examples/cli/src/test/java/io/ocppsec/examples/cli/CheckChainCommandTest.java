package io.ocppsec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.ForgedChain;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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

    // Issue 20: the certificate validated is the first of the chain (whose key a TLS peer or a signer proves), never
    // a certificate chosen by names. ForgedChain is [X, B, B's sub-CA, D]: X self-signed with the attacker's key and
    // the victim's name, B genuine (public part only), D "issued" by X so that X is not a leaf by names. The old
    // validator validated B and reported the chain compliant (exit 0) while every consumer used X.

    /**
     * The victim is the station whose genuine certificate B the attacker borrowed: X claims its serial, so that the
     * old validator's serial check (made on B) passed while the CSMS took X's CN and key.
     */
    private static final String VICTIM = TestPki.STATION_SERIAL;

    private Path forged(ForgedChain f) throws Exception {
        return Files.writeString(dir.resolve("forged-" + System.nanoTime() + ".pem"), f.pem());
    }

    private static ForgedChain forgedStation() {
        return ForgedChain.impersonating(PKI, PkiRole.CHARGING_STATION, VICTIM, PKI.station());
    }

    private static ForgedChain forgedCsms() {
        return ForgedChain.impersonating(PKI, PkiRole.CSMS, TestPki.CSMS_FQDN, PKI.csmsEc());
    }

    private static ForgedChain forgedFirmwareSigner() {
        return ForgedChain.impersonating(PKI, PkiRole.FIRMWARE_SIGNING, "Firmware Signing 1",
                PKI.firmwareSigning());
    }

    /** @return the line printed for certificate #i of the chain */
    private String line(int i) {
        return cli.out().lines().filter(l -> l.startsWith("  #" + i + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for #" + i + " in:\n" + cli.out()));
    }

    private static List<Integer> path(JsonObject o) {
        return o.getJsonArray("path").getValuesAs(jakarta.json.JsonNumber.class).stream()
                .map(jakarta.json.JsonNumber::intValue).toList();
    }

    /** The text marks #0 (the attacker's X) as the validated leaf and nothing else: B is not what was judged. */
    private void assertOnlyTheFirstIsValidated(ForgedChain f) {
        assertThat(cli.out()).contains("NOT compliant");
        assertThat(line(0)).contains(f.attacker().certificate().getSubjectX500Principal().getName())
                .endsWith("(validated: the leaf)");
        for (int i = 1; i < f.chain().size(); i++) {
            assertThat(line(i)).doesNotContain("(validated").doesNotContain("(path)");
        }
        assertThat(cli.out()).containsOnlyOnce("(validated: the leaf)");
    }

    @Test
    @Verifies("A00.FR.403")
    void forgedStationChainWithTheVictimSerialIsRefusedAtTheFirstCertificate() throws Exception {
        ForgedChain f = forgedStation();
        assertThat(station(forged(f), TestPki.CSO_NAME, VICTIM)).as(cli.out()).isEqualTo(1);
        assertThat(cli.out()).startsWith("charging-station chain of 4 certificates at " + AT + ": NOT compliant")
                .contains("violation: A00.FR.403 SHALL [certificate #0]: found no certification path to a trusted CSO root")
                .doesNotContain("[certificate #1]");
        assertOnlyTheFirstIsValidated(f);
    }

    @Test
    @Verifies("A00.FR.403")
    void forgedStationChainWithoutSerialIsRefusedAtTheFirstCertificate() throws Exception {
        ForgedChain f = forgedStation();
        assertThat(cli.run("check-chain", "--role", "charging-station", "--chain", forged(f).toString(), "--trust",
                csoRoot.toString(), "--org", TestPki.CSO_NAME, "--at", AT)).as(cli.out()).isEqualTo(1);
        assertThat(cli.out()).contains("violation: A00.FR.403 SHALL [certificate #0]");
        assertOnlyTheFirstIsValidated(f);
    }

    @Test
    @Verifies("A00.FR.308")
    void forgedCsmsChainIsRefusedAtTheFirstCertificate() throws Exception {
        ForgedChain f = forgedCsms();
        assertThat(csms(forged(f), TestPki.CSMS_FQDN)).as(cli.out()).isEqualTo(1);
        assertThat(cli.out()).startsWith("csms chain of 4 certificates at " + AT + ": NOT compliant")
                .contains("violation: A00.FR.308 SHALL [certificate #0]: found no certification path to a trusted CSO root");
        assertOnlyTheFirstIsValidated(f);
    }

    @Test
    @Verifies("A00.FR.604")
    void forgedFirmwareSigningChainIsRefusedAtTheFirstCertificate() throws Exception {
        ForgedChain f = forgedFirmwareSigner();
        assertThat(cli.run("check-chain", "--role", "firmware-signing", "--chain", forged(f).toString(),
                "--trust", manufacturerRoot.toString(), "--at", AT)).as(cli.out()).isEqualTo(1);
        assertThat(cli.out()).startsWith("firmware-signing chain of 4 certificates at " + AT + ": NOT compliant")
                .contains("violation: A00.FR.604 SHALL [certificate #0]: found no certification path to a trusted "
                        + "MANUFACTURER root");
        assertOnlyTheFirstIsValidated(f);
    }

    @Test
    @Verifies({"A00.FR.403", "A00.FR.308", "A00.FR.604"})
    void forgedChainsAsJsonHaveThePathOfTheFirstCertificateOnlyAndTheViolationAtIndexZero() throws Exception {
        ForgedChain st = forgedStation();
        assertThat(cli.run("check-chain", "--role", "charging-station", "--chain", forged(st).toString(), "--trust",
                csoRoot.toString(), "--org", TestPki.CSO_NAME, "--serial", VICTIM, "--at", AT, "--json")).isEqualTo(1);
        assertForgedJson("A00.FR.403", st);

        ForgedChain cs = forgedCsms();
        assertThat(csms(forged(cs), TestPki.CSMS_FQDN, "--json")).isEqualTo(1);
        assertForgedJson("A00.FR.308", cs);

        ForgedChain fw = forgedFirmwareSigner();
        assertThat(cli.run("check-chain", "--role", "firmware-signing", "--chain", forged(fw).toString(),
                "--trust", manufacturerRoot.toString(), "--at", AT, "--json")).isEqualTo(1);
        assertForgedJson("A00.FR.604", fw);
    }

    private void assertForgedJson(String requirement, ForgedChain f) {
        JsonObject o = Json.createReader(new StringReader(cli.out())).readObject();
        assertThat(o.getBoolean("compliant")).as(cli.out()).isFalse();
        assertThat(o.getJsonArray("certificates")).hasSize(4);
        assertThat(o.getJsonArray("certificates").getString(0))
                .isEqualTo(f.attacker().certificate().getSubjectX500Principal().getName());
        // The path is X alone: a self-signed certificate that is no trusted root; B and its sub-CA are not on it.
        assertThat(path(o)).containsExactly(0);
        JsonArray violations = o.getJsonArray("violations");
        assertThat(violations).isNotEmpty();
        JsonObject v = violations.getJsonObject(0);
        assertThat(v.getString("requirement")).isEqualTo(requirement);
        assertThat(v.getString("level")).isEqualTo("SHALL");
        assertThat(v.getBoolean("blocking")).isTrue();
        assertThat(v.getInt("chainIndex")).isZero();
        for (JsonValue each : violations) {
            assertThat(each.asJsonObject().getInt("chainIndex")).as("violation about the first certificate only: %s", each)
                    .isZero();
        }
    }

    @Test
    @Verifies({"A00.FR.403", "A00.FR.404", "A00.FR.405"})
    void genuineChainShowsItsWholePathLeafFirst() throws Exception {
        Path c = chain(PKI.station());
        assertThat(station(c, TestPki.CSO_NAME, TestPki.STATION_SERIAL)).as(cli.out()).isZero();
        assertThat(line(0)).isEqualTo("  #0 CN=" + TestPki.STATION_SERIAL + ",O=" + TestPki.CSO_NAME
                + " (validated: the leaf)");
        assertThat(line(1)).endsWith(" (path)").contains("Sub-CA");
        assertThat(cli.run("check-chain", "--role", "charging-station", "--chain", c.toString(), "--trust",
                csoRoot.toString(), "--org", TestPki.CSO_NAME, "--serial", TestPki.STATION_SERIAL, "--at", AT,
                "--json")).isZero();
        JsonObject o = Json.createReader(new StringReader(cli.out())).readObject();
        assertThat(o.getBoolean("compliant")).isTrue();
        assertThat(path(o)).containsExactly(0, 1);
    }

    @Test
    @Verifies("A00.FR.403")
    void subCaFirstAndTheLeafAfterItIsRefused() throws Exception {
        // A genuine station chain with its sub-CA first: by names the station certificate is the leaf (the old
        // validator validated it, exit 0), but the first certificate, whose key a peer proves, is a CA.
        Path c = Cli.write(dir, "subca-first.pem", List.of(PKI.csoSubCa().certificate(), PKI.station().certificate()));
        assertThat(station(c, TestPki.CSO_NAME, TestPki.STATION_SERIAL)).as(cli.out()).isEqualTo(1);
        assertThat(cli.out()).contains("NOT compliant")
                .contains("violation: A00.FR.403 SHALL [certificate #0]: found a CA certificate (basicConstraints cA=TRUE)");
        assertThat(line(0)).contains("Sub-CA").endsWith("(validated: the leaf)");
        assertThat(line(1)).contains("CN=" + TestPki.STATION_SERIAL).doesNotContain("(validated").doesNotContain("(path)");

        // The same for a CSMS chain in reverse order with the root: the root first is no CSMS certificate either.
        Path r = Cli.write(dir, "csms-reversed.pem", List.of(PKI.csoRoot().certificate(), PKI.csoSubCa().certificate(),
                PKI.csmsEc().certificate()));
        assertThat(csms(r, TestPki.CSMS_FQDN, "--json")).as(cli.out()).isEqualTo(1);
        JsonObject o = Json.createReader(new StringReader(cli.out())).readObject();
        assertThat(o.getBoolean("compliant")).isFalse();
        assertThat(path(o)).startsWith(0).doesNotContain(2);
        assertThat(o.getJsonArray("violations").getValuesAs(JsonObject.class))
                .anySatisfy(v -> {
                    assertThat(v.getString("requirement")).isEqualTo("A00.FR.308");
                    assertThat(v.getInt("chainIndex")).isZero();
                    assertThat(v.getBoolean("blocking")).isTrue();
                });
    }

    @Test
    void helpSaysTheFirstCertificateIsTheOneValidated() {
        // The help used to say "leaf first or in any order": since issue 20 the first certificate is always the
        // one validated, whatever the names of the others say.
        assertThat(cli.run("check-chain", "--help")).isZero();
        String help = cli.out().replaceAll("\\s+", " ");
        assertThat(help).doesNotContain("leaf first or in any order")
                .contains("--chain=FILE PEM chain: the certificate to check first (the one validated");
    }
}
