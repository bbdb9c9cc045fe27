package io.ocppsec.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.testpki.TestPki.Defect;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

/**
 * What a refused certification path reports: the SDK's own wording for each RFC 5280 failure (not just the JDK
 * message), the index of the certificate at fault, validity reported once per certificate, and faults other than
 * validity still found when a certificate is also out of its validity period.
 */
@Verifies("A00.FR.403")
class PathFailureReportTest {

    private static final TestPki PKI = OcppChainValidatorTest.PKI;
    private static final Instant NOW = TestPki.NOW;

    private static ValidationResult station(List<X509Certificate> chain) {
        return OcppChainValidatorTest.station(chain);
    }

    private static TestCertificate stationUnder(TestCertificate issuer) {
        return PKI.builder(PkiRole.CHARGING_STATION, issuer).organization(TestPki.CSO_NAME)
                .commonName(TestPki.STATION_SERIAL).build();
    }

    /** The one blocking violation, which must start with the SDK's wording and carry the JDK detail in brackets. */
    private static Violation single(ValidationResult r, String wording, int index) {
        assertThat(r.blocking()).as(r.describe()).hasSize(1);
        Violation v = r.blocking().get(0);
        assertThat(v.requirement().value()).isEqualTo("A00.FR.403");
        assertThat(v.found()).as(r.describe()).startsWith(wording + " (").endsWith(")");
        assertThat(v.chainIndex()).hasValue(index);
        return v;
    }

    private static void named(ValidationResult r, String wording, int index) {
        assertThat(r.blocking()).as(r.describe()).anySatisfy(v -> {
            assertThat(v.found()).startsWith(wording + " (").endsWith(")");
            assertThat(v.chainIndex()).hasValue(index);
        });
    }

    @Test
    void forgedLeafSignatureIsNamedAsSuch() {
        TestCertificate forged = PKI.station(Defect.FOREIGN_ROOT); // same issuer name, other key
        single(station(List.of(forged.certificate(), PKI.csoSubCa().certificate())),
                "signature does not verify with the issuer's key", 0);
    }

    @Test
    void issuerThatIsNotACaIsNamedAsSuch() {
        // The linter also reports the missing cA flag on its own; the path validator names it too.
        named(station(stationUnder(PKI.notCaSubCa()).chain()), "issuer is not a CA (basicConstraints cA is not TRUE)", 1);
    }

    @Test
    void issuerWithoutKeyCertSignIsNamedAsSuch() {
        TestCertificate sub = PKI.builder(PkiRole.CSO_SUB_CA, PKI.csoRoot()).organization(TestPki.CSO_NAME)
                .commonName("Signing-only Sub-CA").keyUsage(KeyUsage.digitalSignature | KeyUsage.cRLSign).build();
        named(station(stationUnder(sub).chain()), "issuing CA's keyUsage does not allow keyCertSign", 1);
    }

    @Test
    void exceededPathLengthIsNamedAsSuch() {
        TestCertificate subSub = PKI.builder(PkiRole.CSO_SUB_CA, PKI.csoSubCa()).organization(TestPki.CSO_NAME)
                .commonName("Sub-Sub-CA").build();
        ValidationResult r = station(stationUnder(subSub).chain());
        assertThat(r.blocking()).as(r.describe()).singleElement()
                .satisfies(v -> assertThat(v.found()).startsWith("pathLenConstraint of an issuing CA exceeded ("));
    }

    @Test
    void violatedNameConstraintsAreNamedAsSuch() {
        TestCertificate constrained = PKI.builder(PkiRole.CSO_SUB_CA, PKI.csoRoot()).organization(TestPki.CSO_NAME)
                .commonName("Constrained Sub-CA").nameConstraintsPermittedOrganization(TestPki.CSO_NAME).build();
        TestCertificate outside = PKI.builder(PkiRole.CHARGING_STATION, constrained).organization("Other CSO")
                .commonName(TestPki.STATION_SERIAL).build();
        ValidationResult r = OcppChainValidator.forChargingStationCertificate(OcppChainValidatorTest.CSO, "Other CSO")
                .validate(outside.chain(), NOW).result();
        single(r, "name constraints of an issuing CA violated", 0);
    }

    @Test
    void unknownCriticalExtensionIsNamedAsSuch() {
        TestCertificate leaf = PKI.stationBuilder().unknownCriticalExtension("1.3.6.1.4.1.99999.7").build();
        single(station(leaf.chain()), "unrecognised critical extension", 0);
    }

    @Test
    void notYetValidLeafIsReportedOnceAndNotAgainByThePathValidator() {
        ValidationResult r = station(PKI.station(Defect.NOT_YET_VALID).chain());
        assertThat(r.blocking()).as(r.describe()).singleElement().satisfies(v -> {
            assertThat(v.found()).startsWith("certificate not valid before ").contains("checked at " + NOW);
            assertThat(v.chainIndex()).hasValue(0);
        });
    }

    @Test
    void expiredLeafIsReportedOnceAndNotAgainByThePathValidator() {
        ValidationResult r = station(PKI.station(Defect.EXPIRED).chain());
        assertThat(r.blocking()).as(r.describe()).singleElement().satisfies(v -> {
            assertThat(v.found()).startsWith("certificate expired at ").contains("checked at " + NOW);
            assertThat(v.chainIndex()).hasValue(0);
        });
    }

    @Test
    void certificatesWhoseValidityPeriodsDoNotOverlapAreEachReportedOnce() {
        // The sub-CA expired before the leaf was issued: no instant exists at which the whole path is valid.
        TestCertificate sub = PKI.builder(PkiRole.CSO_SUB_CA, PKI.csoRoot()).organization(TestPki.CSO_NAME)
                .commonName("Old Sub-CA").validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(20)))
                .build();
        TestCertificate leaf = PKI.builder(PkiRole.CHARGING_STATION, sub).organization(TestPki.CSO_NAME)
                .commonName(TestPki.STATION_SERIAL).validity(NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(2)))
                .build();
        ValidationResult r = station(leaf.chain());
        assertThat(r.blocking()).as(r.describe()).hasSize(2)
                .allSatisfy(v -> assertThat(v.found()).startsWith("certificate expired at "))
                .extracting(v -> v.chainIndex().getAsInt()).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void aForgedSignatureIsStillFoundOnAnExpiredLeaf() {
        TestCertificate forged = PKI.builder(PkiRole.CHARGING_STATION, PKI.foreignSubCa())
                .organization(TestPki.CSO_NAME).commonName(TestPki.STATION_SERIAL)
                .validity(NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(1))).build();
        assertExpiryAndForgery(station(List.of(forged.certificate(), PKI.csoSubCa().certificate())), "expired at ");
    }

    @Test
    void aForgedSignatureIsStillFoundOnANotYetValidLeaf() {
        TestCertificate forged = PKI.builder(PkiRole.CHARGING_STATION, PKI.foreignSubCa())
                .organization(TestPki.CSO_NAME).commonName(TestPki.STATION_SERIAL)
                .validity(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(100))).build();
        assertExpiryAndForgery(station(List.of(forged.certificate(), PKI.csoSubCa().certificate())),
                "not valid before ");
    }

    @Test
    void aForgedSignatureIsStillFoundWhenTheIntermediateHasExpired() {
        TestCertificate oldSub = PKI.builder(PkiRole.CSO_SUB_CA, PKI.csoRoot()).organization(TestPki.CSO_NAME)
                .commonName("Example CSO Sub-CA").validity(NOW.minus(Duration.ofDays(100)), NOW.minus(Duration.ofDays(1)))
                .build();
        TestCertificate forged = PKI.builder(PkiRole.CHARGING_STATION, PKI.foreignSubCa())
                .organization(TestPki.CSO_NAME).commonName(TestPki.STATION_SERIAL)
                .validity(NOW.minus(Duration.ofDays(50)), NOW.plus(Duration.ofDays(100))).build();
        ValidationResult r = station(List.of(forged.certificate(), oldSub.certificate()));
        assertThat(r.blocking()).as(r.describe()).hasSize(2);
        assertThat(r.blocking()).anySatisfy(v -> {
            assertThat(v.found()).startsWith("certificate expired at ");
            assertThat(v.chainIndex()).hasValue(1);
        });
        assertThat(r.blocking()).anySatisfy(v -> {
            assertThat(v.found()).startsWith("signature does not verify");
            assertThat(v.chainIndex()).hasValue(0);
        });
    }

    private static void assertExpiryAndForgery(ValidationResult r, String validityWording) {
        assertThat(r.blocking()).as(r.describe()).hasSize(2).allSatisfy(v -> assertThat(v.chainIndex()).hasValue(0));
        assertThat(r.blocking()).anySatisfy(v -> assertThat(v.found()).startsWith("certificate " + validityWording));
        assertThat(r.blocking()).anySatisfy(v -> assertThat(v.found()).startsWith("signature does not verify"));
    }

    @Test
    void aRootThatIsNotYetValidIsNamed() {
        TestCertificate root = PKI.builder(PkiRole.CSO_ROOT, null).organization(TestPki.CSO_NAME)
                .commonName("Future Root").validity(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(400))).build();
        TestCertificate leaf = stationUnder(root);
        ValidationResult r = OcppChainValidator.forChargingStationCertificate(TrustAnchors.cso(root.certificate()),
                TestPki.CSO_NAME).validate(leaf.chain(), NOW).result();
        assertThat(r.blocking()).as(r.describe()).anySatisfy(v -> assertThat(v.found())
                .startsWith("trusted root 'CN=Future Root,O=Example CSO' not valid before "));
    }
}
