package io.ocppsec.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.testpki.TestPki.Defect;
import java.math.BigInteger;
import java.time.Duration;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateLinterTest {

    private static final TestPki PKI = TestPki.create();
    private static final LintOptions CSO = LintOptions.builder().expectedOrganization(TestPki.CSO_NAME).build();

    @Test
    @Verifies({"A00.FR.501", "A00.FR.508", "A00.FR.509", "A00.FR.510", "A00.FR.511", "A00.FR.512", "A00.FR.514"})
    void goodCertificatesAreClean() {
        assertClean(CertificateLinter.lint(PKI.station().certificate(), CertificateRole.CHARGING_STATION, CSO));
        assertClean(CertificateLinter.lint(PKI.csmsEc().certificate(), CertificateRole.CSMS));
        assertClean(CertificateLinter.lint(PKI.csmsRsa().certificate(), CertificateRole.CSMS));
        assertClean(CertificateLinter.lint(PKI.firmwareSigning().certificate(), CertificateRole.FIRMWARE_SIGNING));
        assertClean(CertificateLinter.lint(PKI.csoRoot().certificate(), CertificateRole.CSO_ROOT));
        assertClean(CertificateLinter.lint(PKI.csoSubCa().certificate(), CertificateRole.CSO_SUB_CA));
        assertClean(CertificateLinter.lint(PKI.manufacturerSubCa().certificate(), CertificateRole.MANUFACTURER_SUB_CA));
    }

    static Stream<Arguments> stationDefects() {
        return Stream.of(
                Arguments.of(Defect.WEAK_RSA_KEY, "A00.FR.502", RequirementLevel.SHALL),
                Arguments.of(Defect.WEAK_EC_KEY, "A00.FR.503", RequirementLevel.SHALL),
                Arguments.of(Defect.DSA_KEY, "A00.FR.504", RequirementLevel.SHALL),
                Arguments.of(Defect.SHA1_SIGNATURE, "A00.FR.504", RequirementLevel.SHALL),
                Arguments.of(Defect.MISSING_KEY_USAGE, "A00.FR.512", RequirementLevel.SHOULD),
                Arguments.of(Defect.EKU_PRESENT, "A00.FR.514", RequirementLevel.RECOMMENDED),
                Arguments.of(Defect.WRONG_ORGANIZATION, "A00.FR.404", RequirementLevel.SHALL),
                Arguments.of(Defect.MISSING_ORGANIZATION, "A00.FR.509", RequirementLevel.SHALL),
                Arguments.of(Defect.CN_IS_URL, "A00.FR.511", RequirementLevel.SHALL_NOT),
                Arguments.of(Defect.CN_IS_IP, "A00.FR.511", RequirementLevel.SHALL_NOT),
                Arguments.of(Defect.CN_IS_HOSTNAME, "A00.FR.511", RequirementLevel.SHALL_NOT),
                Arguments.of(Defect.SAN_DNS_PRESENT, "A00.FR.511", RequirementLevel.SHOULD_NOT),
                Arguments.of(Defect.ZERO_SERIAL, "A00.FR.508", RequirementLevel.SHALL));
    }

    @ParameterizedTest
    @MethodSource("stationDefects")
    @Verifies({"A00.FR.404", "A00.FR.501", "A00.FR.502", "A00.FR.503", "A00.FR.504", "A00.FR.508", "A00.FR.509",
        "A00.FR.511", "A00.FR.512", "A00.FR.514"})
    void catchesEachStationDefect(Defect defect, String id, RequirementLevel level) {
        ValidationResult r = CertificateLinter.lint(PKI.station(defect).certificate(),
                CertificateRole.CHARGING_STATION, CSO);
        assertThat(r.violations()).as(r.describe())
                .anySatisfy(v -> {
                    assertThat(v.requirement().value()).isEqualTo(id);
                    assertThat(v.level()).isEqualTo(level);
                });
        assertThat(r.isCompliant()).isEqualTo(!level.isMandatory());
    }

    static Stream<Arguments> csmsDefects() {
        return Stream.of(
                Arguments.of(Defect.WEAK_RSA_KEY, "A00.FR.502"),
                Arguments.of(Defect.WEAK_EC_KEY, "A00.FR.503"),
                Arguments.of(Defect.DSA_KEY, "A00.FR.504"),
                Arguments.of(Defect.SHA1_SIGNATURE, "A00.FR.504"),
                Arguments.of(Defect.MISSING_KEY_USAGE, "A00.FR.512"),
                Arguments.of(Defect.EKU_PRESENT, "A00.FR.514"),
                Arguments.of(Defect.WRONG_ORGANIZATION, "A00.FR.509"),
                Arguments.of(Defect.MISSING_ORGANIZATION, "A00.FR.509"),
                Arguments.of(Defect.CN_IS_URL, "A00.FR.510"),
                Arguments.of(Defect.CN_IS_IP, "A00.FR.510"),
                Arguments.of(Defect.ZERO_SERIAL, "A00.FR.508"));
    }

    @ParameterizedTest
    @MethodSource("csmsDefects")
    @Verifies({"A00.FR.502", "A00.FR.503", "A00.FR.504", "A00.FR.508", "A00.FR.509", "A00.FR.510", "A00.FR.512",
        "A00.FR.514"})
    void catchesEachCsmsDefect(Defect defect, String id) {
        ValidationResult r = CertificateLinter.lint(PKI.csms(defect).certificate(), CertificateRole.CSMS, CSO);
        assertThat(r.violates(id)).as(r.describe()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("csmsDefects")
    @Verifies({"A00.FR.502", "A00.FR.503", "A00.FR.504", "A00.FR.508", "A00.FR.509", "A00.FR.512", "A00.FR.514"})
    void catchesEachFirmwareSigningDefect(Defect defect, String id) {
        if (id.equals("A00.FR.510")) {
            return; // CN rules are CSMS-only
        }
        LintOptions o = LintOptions.builder().expectedOrganization(TestPki.MANUFACTURER_NAME).build();
        ValidationResult r = CertificateLinter.lint(PKI.firmwareSigning(defect).certificate(),
                CertificateRole.FIRMWARE_SIGNING, o);
        assertThat(r.violates(id)).as(r.describe()).isTrue();
    }

    @Test
    @Verifies("A00.FR.511")
    void dnsSanIsAllowedForCsmsButNotForStations() {
        assertClean(CertificateLinter.lint(PKI.csms(Defect.SAN_DNS_PRESENT).certificate(), CertificateRole.CSMS));
        ValidationResult r = CertificateLinter.lint(PKI.station(Defect.SAN_DNS_PRESENT).certificate(),
                CertificateRole.CHARGING_STATION);
        assertThat(r.isCompliant()).isTrue();
        assertThat(r.advisory()).extracting(v -> v.requirement().value()).containsExactly("A00.FR.511");
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.10", "2001:db8::1", "https://csms.example.com/ocpp", "*.example.com", "localhost",
        "csms_example.com", "csms..example.com", "-csms.example.com", "csms.example.123"})
    @Verifies("A00.FR.510")
    void csmsCommonNameMustBeAnFqdn(String cn) {
        TestCertificate c = PKI.csmsBuilder().commonName(cn).build();
        ValidationResult r = CertificateLinter.lint(c.certificate(), CertificateRole.CSMS);
        assertThat(r.violates("A00.FR.510")).as(cn).isTrue();
        assertThat(r.isCompliant()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"csms.example.com", "a-b.c.example.org", "CSMS.EXAMPLE.COM", "x1.io"})
    @Verifies("A00.FR.510")
    void acceptsFqdnCommonNames(String cn) {
        assertClean(CertificateLinter.lint(PKI.csmsBuilder().commonName(cn).build().certificate(), CertificateRole.CSMS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://cs.example.com", "wss://cs/1", "cs/0001", "10.0.0.1", "2001:db8::7", "::1",
        "cs-0001.example.com", "station.local.de"})
    @Verifies("A00.FR.511")
    void stationCommonNameIsNotAUrlIpOrHostName(String cn) {
        ValidationResult r = CertificateLinter.lint(PKI.stationBuilder(cn).build().certificate(),
                CertificateRole.CHARGING_STATION);
        assertThat(r.blocking()).as(cn).extracting(v -> v.requirement().value()).containsExactly("A00.FR.511");
        assertThat(r.blocking().get(0).level()).isEqualTo(RequirementLevel.SHALL_NOT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CS-0001", "SN123456", "ABC_001", "SN.1234", "0001"})
    @Verifies("A00.FR.511")
    void acceptsSerialNumberCommonNames(String cn) {
        assertClean(CertificateLinter.lint(PKI.stationBuilder(cn).build().certificate(), CertificateRole.CHARGING_STATION));
    }

    @Test
    @Verifies({"A00.FR.511", "A00.FR.510"})
    void missingCommonNameIsAViolation() {
        assertThat(CertificateLinter.lint(PKI.stationBuilder().commonName(null).build().certificate(),
                CertificateRole.CHARGING_STATION).violates("A00.FR.511")).isTrue();
        assertThat(CertificateLinter.lint(PKI.csmsBuilder().commonName(null).build().certificate(),
                CertificateRole.CSMS).violates("A00.FR.510")).isTrue();
    }

    @Test
    @Verifies("A00.FR.404")
    void organizationMustEqualTheCsoName() {
        LintOptions other = LintOptions.builder().expectedOrganization("Another CSO").build();
        ValidationResult r = CertificateLinter.lint(PKI.station().certificate(), CertificateRole.CHARGING_STATION, other);
        Violation v = r.blocking().get(0);
        assertThat(v.requirement().value()).isEqualTo("A00.FR.404");
        assertThat(v.found()).contains(TestPki.CSO_NAME);
        assertThat(v.expected()).contains("Another CSO");
    }

    @Test
    @Verifies("A00.FR.508")
    void negativeSerialIsAViolation() {
        ValidationResult r = CertificateLinter.lint(PKI.stationBuilder().serial(BigInteger.valueOf(-5)).build()
                .certificate(), CertificateRole.CHARGING_STATION);
        assertThat(r.violates("A00.FR.508")).isTrue();
        assertThat(r.violations().get(0).found()).contains("-5");
    }

    @Test
    @Verifies("A00.FR.701")
    void fastExpirationFlagsCsmsCertificatesLongerThan24Hours() {
        LintOptions fast = LintOptions.builder().fastExpiration(true).build();
        TestCertificate day = PKI.csmsBuilder().validity(TestPki.NOW.minus(Duration.ofHours(1)),
                TestPki.NOW.plus(Duration.ofHours(23))).build();
        TestCertificate longer = PKI.csmsBuilder().validity(TestPki.NOW.minus(Duration.ofHours(1)),
                TestPki.NOW.plus(Duration.ofHours(24))).build();
        assertClean(CertificateLinter.lint(day.certificate(), CertificateRole.CSMS, fast));
        ValidationResult r = CertificateLinter.lint(longer.certificate(), CertificateRole.CSMS, fast);
        assertThat(r.advisory()).extracting(v -> v.requirement().value()).containsExactly("A00.FR.701");
        assertThat(r.advisory().get(0).level()).isEqualTo(RequirementLevel.SHOULD);
        assertThat(r.isCompliant()).isTrue();
        assertClean(CertificateLinter.lint(longer.certificate(), CertificateRole.CSMS));
        assertClean(CertificateLinter.lint(PKI.station().certificate(), CertificateRole.CHARGING_STATION, fast));
    }

    @Test
    @Verifies("A00.FR.512")
    void leafUsableAsCaAndLeafWithoutDigitalSignatureAreReported() {
        TestCertificate signsCerts = PKI.stationBuilder().keyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign)
                .build();
        TestCertificate encryptOnly = PKI.stationBuilder().keyUsage(KeyUsage.keyAgreement).build();
        assertThat(CertificateLinter.lint(signsCerts.certificate(), CertificateRole.CHARGING_STATION).advisory())
                .extracting(v -> v.requirement().value()).containsExactly("A00.FR.512");
        assertThat(CertificateLinter.lint(encryptOnly.certificate(), CertificateRole.CHARGING_STATION).advisory())
                .extracting(v -> v.requirement().value()).containsExactly("A00.FR.512");
    }

    @Test
    @Verifies({"A00.FR.403", "A00.FR.512"})
    void caCertificatesNeedCaTrueAndKeyCertSign() {
        TestCertificate noKeyCertSign = PKI.builder(PkiRole.CSO_SUB_CA, PKI.csoRoot()).organization(TestPki.CSO_NAME)
                .commonName("Sub").keyUsage(KeyUsage.digitalSignature).build();
        TestCertificate noBasicConstraints = PKI.builder(PkiRole.CSO_SUB_CA, PKI.csoRoot())
                .organization(TestPki.CSO_NAME).commonName("Sub").withoutBasicConstraints().build();
        TestCertificate noKeyUsage = PKI.builder(PkiRole.MANUFACTURER_SUB_CA, PKI.manufacturerRoot())
                .organization(TestPki.MANUFACTURER_NAME).commonName("Sub").withoutKeyUsage().build();
        assertThat(CertificateLinter.lint(noKeyCertSign.certificate(), CertificateRole.CSO_SUB_CA).blocking())
                .extracting(v -> v.requirement().value()).containsExactly("A00.FR.403");
        assertThat(CertificateLinter.lint(noBasicConstraints.certificate(), CertificateRole.CSO_SUB_CA).blocking())
                .extracting(v -> v.requirement().value()).containsExactly("A00.FR.403");
        ValidationResult r = CertificateLinter.lint(noKeyUsage.certificate(), CertificateRole.MANUFACTURER_SUB_CA);
        assertThat(r.isCompliant()).isTrue();
        assertThat(r.advisory()).extracting(v -> v.requirement().value()).containsExactly("A00.FR.512");
        assertThat(CertificateLinter.lint(PKI.notCaSubCa().certificate(), CertificateRole.CSO_SUB_CA,
                LintOptions.builder().caStructureRequirement(io.ocppsec.api.requirement.RequirementId.of("A00.FR.308"))
                        .build()).violates("A00.FR.308")).isTrue();
    }

    @Test
    @Verifies("A00.FR.505")
    void rsaPkcs1CaSignatureIsAdvisory() {
        TestPki rsa = TestPki.create(KeyType.RSA_2048);
        ValidationResult r = CertificateLinter.lint(rsa.station().certificate(), CertificateRole.CHARGING_STATION);
        assertThat(r.isCompliant()).isTrue();
        assertThat(r.advisory()).extracting(v -> v.requirement().value()).containsExactly("A00.FR.505");
    }

    @Test
    @Verifies({"A00.FR.502", "A00.FR.508", "A00.FR.509", "A00.FR.512", "A00.FR.514"})
    void reportsEveryViolationNotJustTheFirst() {
        TestCertificate bad = PKI.stationBuilder().keyType(KeyType.RSA_1024_WEAK).serial(BigInteger.ZERO)
                .organization(null).withoutKeyUsage().extendedKeyUsage(KeyPurposeId.id_kp_clientAuth).build();
        ValidationResult r = CertificateLinter.lint(bad.certificate(), CertificateRole.CHARGING_STATION);
        assertThat(r.violations()).extracting(v -> v.requirement().value())
                .contains("A00.FR.502", "A00.FR.508", "A00.FR.509", "A00.FR.512", "A00.FR.514");
        assertThat(r.violations()).allSatisfy(v -> assertThat(v.chainIndex()).isEmpty());
        assertThat(r.violations().stream().filter(v -> v.requirement().value().equals("A00.FR.502")).findFirst()
                .orElseThrow().found()).contains("1024");
    }

    private static void assertClean(ValidationResult r) {
        assertThat(r.violations()).as(r.describe()).isEmpty();
    }
}
