package io.ocppsec.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.testpki.TestPki.Defect;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class OcppChainValidatorTest {

    static final TestPki PKI = TestPki.create();
    static final TrustAnchors CSO = TrustAnchors.cso(PKI.csoRoot().certificate());
    static final TrustAnchors MANUFACTURER = TrustAnchors.manufacturer(PKI.manufacturerRoot().certificate());
    static final OcppChainValidator.StationCertificates STATION = OcppChainValidator
            .forChargingStationCertificate(CSO, TestPki.CSO_NAME).toBuilder().clock(TestPki.CLOCK).build();
    static final OcppChainValidator.CsmsCertificates CSMS = OcppChainValidator.forCsmsCertificate(CSO, TestPki.CSMS_FQDN);
    static final OcppChainValidator.FirmwareSigningCertificates FIRMWARE =
            OcppChainValidator.forFirmwareSigningCertificate(MANUFACTURER);

    static ValidationResult station(List<X509Certificate> chain) {
        return STATION.validate(chain, TestPki.NOW).result();
    }

    static List<String> ids(ValidationResult r) {
        return r.violations().stream().map(v -> v.requirement().value()).toList();
    }

    /** The station certificate first, its issuers in any order, with or without the root. */
    static Stream<List<X509Certificate>> leafFirstShapes() {
        TestCertificate s = PKI.station();
        return Stream.of(s.chain(), s.chainWithRoot(), List.of(s.certificate(), s.root(), s.chain().get(1)));
    }

    /** Orders whose first certificate is not the station certificate. */
    static Stream<List<X509Certificate>> leafElsewhereShapes() {
        TestCertificate s = PKI.station();
        List<X509Certificate> reversed = new ArrayList<>(s.chainWithRoot());
        Collections.reverse(reversed);
        List<X509Certificate> rootInMiddle = List.of(s.chain().get(1), s.root(), s.certificate());
        return Stream.of(reversed, rootInMiddle, List.of(s.chain().get(1), s.certificate()));
    }

    @ParameterizedTest
    @MethodSource("leafFirstShapes")
    @Verifies({"A00.FR.403", "A00.FR.404"})
    void acceptsStationChainsLeafFirstWithIssuersInAnyOrderWithOrWithoutRoot(List<X509Certificate> chain) {
        ChainValidationResult v = STATION.validate(chain, TestPki.NOW);
        assertThat(v.result().violations()).as(v.result().describe()).isEmpty();
        assertThat(v.leaf()).contains(chain.get(0));
        assertThat(v.path()).containsExactly(PKI.station().certificate(), PKI.csoSubCa().certificate());
        assertThat(v.anchor()).contains(PKI.csoRoot().certificate());
        assertThat(STATION.validate(chain)).isEqualTo(v); // the clock is fixed at NOW
    }

    @ParameterizedTest
    @MethodSource("leafElsewhereShapes")
    @Verifies("A00.FR.403")
    void theFirstCertificateIsTheLeafUnlessAnyOrderIsAskedFor(List<X509Certificate> chain) {
        ChainValidationResult strict = STATION.validate(chain, TestPki.NOW);
        assertThat(strict.isCompliant()).as(strict.toString()).isFalse();
        assertThat(strict.leaf()).contains(chain.get(0)); // judged, and refused, as the leaf it was sent as
        ChainValidationResult any = STATION.toBuilder().chainOrder(ChainOrder.ANY).build().validate(chain, TestPki.NOW);
        assertThat(any.result().violations()).as(any.result().describe()).isEmpty();
        assertThat(any.leaf()).contains(PKI.station().certificate());
        assertThat(any.path()).containsExactly(PKI.station().certificate(), PKI.csoSubCa().certificate());
    }

    @Test
    @Verifies({"A00.FR.308", "A00.FR.309", "A00.FR.411", "A00.FR.412", "A00.FR.604"})
    void acceptsGoodCsmsAndFirmwareChains() {
        assertThat(CSMS.validate(PKI.csmsEc().chain(), TestPki.NOW).result().violations()).isEmpty();
        assertThat(CSMS.validate(PKI.csmsRsa().chainWithRoot(), TestPki.NOW).result().violations()).isEmpty();
        assertThat(CSMS.withExpectedFqdn("CSMS.Example.COM").validate(PKI.csmsEc().chain(), TestPki.NOW).result().isClean())
                .isTrue();
        assertThat(FIRMWARE.validate(PKI.firmwareSigning().chain(), TestPki.NOW).result().violations()).isEmpty();
    }

    @Test
    @Verifies({"A00.FR.309", "A00.FR.412"})
    void csmsCommonNameMustMatchTheFqdnConnectedTo() {
        ValidationResult r = CSMS.withExpectedFqdn("other.example.com").validate(PKI.csmsEc().chain(), TestPki.NOW).result();
        assertThat(ids(r)).containsExactly("A00.FR.309");
        assertThat(r.isCompliant()).isFalse();
        assertThat(r.violations().get(0).found()).contains(TestPki.CSMS_FQDN);
        assertThat(r.violations().get(0).chainIndex()).hasValue(0);
    }

    @Test
    @Verifies("A00.FR.405")
    void stationCommonNameMustBeItsSerialNumber() {
        assertThat(STATION.withExpectedSerialNumber(TestPki.STATION_SERIAL).validate(PKI.station().chain(), TestPki.NOW)
                .result().isClean()).isTrue();
        ValidationResult r = STATION.withExpectedSerialNumber("CS-0002").validate(PKI.station().chain(), TestPki.NOW).result();
        assertThat(ids(r)).containsExactly("A00.FR.405");
        ValidationResult built = OcppChainValidator.stationBuilder(CSO, TestPki.CSO_NAME).expectedSerialNumber("CS-0002")
                .clock(TestPki.CLOCK).build().validate(PKI.station().chain(), TestPki.NOW).result();
        assertThat(ids(built)).containsExactly("A00.FR.405");
    }

    /**
     * The role-only options used to throw IllegalStateException for the wrong role; now they exist only on the
     * role's types, so the wrong call does not compile. This pins that shape.
     */
    @Test
    void roleOnlyOptionsExistOnlyOnTheirRolesTypes() throws Exception {
        assertThat(publicMethods(OcppChainValidator.StationCertificates.class))
                .contains("withExpectedSerialNumber").doesNotContain("withExpectedFqdn");
        assertThat(publicMethods(OcppChainValidator.CsmsCertificates.class))
                .contains("withExpectedFqdn").doesNotContain("withExpectedSerialNumber");
        assertThat(publicMethods(OcppChainValidator.FirmwareSigningCertificates.class))
                .doesNotContain("withExpectedFqdn", "withExpectedSerialNumber");
        assertThat(publicMethods(OcppChainValidator.class)).doesNotContain("withExpectedFqdn", "withExpectedSerialNumber");
        assertThat(publicMethods(OcppChainValidator.StationBuilder.class))
                .contains("expectedSerialNumber").doesNotContain("expectedFqdn", "allowSubjectAltNameMatch");
        assertThat(publicMethods(OcppChainValidator.CsmsBuilder.class))
                .contains("expectedFqdn", "allowSubjectAltNameMatch").doesNotContain("expectedSerialNumber");
        assertThat(publicMethods(OcppChainValidator.FirmwareSigningBuilder.class))
                .doesNotContain("expectedSerialNumber", "expectedFqdn", "allowSubjectAltNameMatch");
        assertThat(OcppChainValidator.class.getMethod("forChargingStationCertificate", TrustAnchors.class, String.class)
                .getReturnType()).isEqualTo(OcppChainValidator.StationCertificates.class);
        assertThat(OcppChainValidator.class.getMethod("forCsmsCertificate", TrustAnchors.class, String.class)
                .getReturnType()).isEqualTo(OcppChainValidator.CsmsCertificates.class);
        assertThat(OcppChainValidator.class.getMethod("forFirmwareSigningCertificate", TrustAnchors.class)
                .getReturnType()).isEqualTo(OcppChainValidator.FirmwareSigningCertificates.class);
        OcppChainValidator.StationBuilder station = STATION.toBuilder();
        OcppChainValidator.CsmsBuilder csms = CSMS.toBuilder();
        OcppChainValidator.FirmwareSigningBuilder firmware = FIRMWARE.toBuilder();
        assertThat(List.of(station.build().role(), csms.build().role(), firmware.build().role())).containsExactly(
                CertificateRole.CHARGING_STATION, CertificateRole.CSMS, CertificateRole.FIRMWARE_SIGNING);
        OcppChainValidator unknownRole = CSMS;
        assertThat(unknownRole.toBuilder().clock(TestPki.CLOCK).build()).isInstanceOf(OcppChainValidator.CsmsCertificates.class);
        assertThatThrownBy(() -> OcppChainValidator.csmsBuilder(CSO).expectedFqdn("not a host!"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OcppChainValidator.stationBuilder(MANUFACTURER, TestPki.CSO_NAME))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OcppChainValidator.firmwareSigningBuilder(CSO)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> publicMethods(Class<?> type) {
        return java.util.Arrays.stream(type.getMethods()).map(java.lang.reflect.Method::getName).toList();
    }

    /** What the full validator reports for each defect on a station certificate. */
    static final Map<Defect, String> STATION_EXPECTED = Map.ofEntries(
            Map.entry(Defect.WEAK_RSA_KEY, "A00.FR.502"), Map.entry(Defect.WEAK_EC_KEY, "A00.FR.503"),
            Map.entry(Defect.DSA_KEY, "A00.FR.504"), Map.entry(Defect.SHA1_SIGNATURE, "A00.FR.504"),
            Map.entry(Defect.MISSING_KEY_USAGE, "A00.FR.512"), Map.entry(Defect.EKU_PRESENT, "A00.FR.514"),
            Map.entry(Defect.EXPIRED, "A00.FR.403"), Map.entry(Defect.NOT_YET_VALID, "A00.FR.403"),
            Map.entry(Defect.WRONG_ORGANIZATION, "A00.FR.404"), Map.entry(Defect.MISSING_ORGANIZATION, "A00.FR.509"),
            Map.entry(Defect.CN_IS_URL, "A00.FR.511"), Map.entry(Defect.CN_IS_IP, "A00.FR.511"),
            Map.entry(Defect.CN_IS_HOSTNAME, "A00.FR.511"), Map.entry(Defect.SAN_DNS_PRESENT, "A00.FR.511"),
            Map.entry(Defect.ZERO_SERIAL, "A00.FR.508"), Map.entry(Defect.FOREIGN_ROOT, "A00.FR.403"),
            Map.entry(Defect.ISSUER_NOT_A_CA, "A00.FR.403"));

    @ParameterizedTest
    @EnumSource(Defect.class)
    @Verifies({"A00.FR.403", "A00.FR.404", "A00.FR.502", "A00.FR.503", "A00.FR.504", "A00.FR.508",
        "A00.FR.509", "A00.FR.511", "A00.FR.512", "A00.FR.514"})
    void stationValidatorCatchesEveryDefect(Defect defect) {
        ValidationResult r = station(PKI.station(defect).chain());
        String id = STATION_EXPECTED.get(defect);
        assertThat(id).as("expectation for " + defect).isNotNull();
        assertThat(r.violates(id)).as(defect + ": " + r.describe()).isTrue();
        assertThat(r.violations()).allSatisfy(v -> assertThat(v.chainIndex()).isPresent());
    }

    static final Map<Defect, String> CSMS_EXPECTED = Map.ofEntries(
            Map.entry(Defect.WEAK_RSA_KEY, "A00.FR.502"), Map.entry(Defect.WEAK_EC_KEY, "A00.FR.503"),
            Map.entry(Defect.DSA_KEY, "A00.FR.504"), Map.entry(Defect.SHA1_SIGNATURE, "A00.FR.504"),
            Map.entry(Defect.MISSING_KEY_USAGE, "A00.FR.512"), Map.entry(Defect.EKU_PRESENT, "A00.FR.514"),
            Map.entry(Defect.EXPIRED, "A00.FR.308"), Map.entry(Defect.NOT_YET_VALID, "A00.FR.308"),
            Map.entry(Defect.WRONG_ORGANIZATION, "-"), Map.entry(Defect.MISSING_ORGANIZATION, "A00.FR.509"),
            Map.entry(Defect.CN_IS_URL, "A00.FR.510"), Map.entry(Defect.CN_IS_IP, "A00.FR.510"),
            Map.entry(Defect.CN_IS_HOSTNAME, "A00.FR.309"), Map.entry(Defect.SAN_DNS_PRESENT, "-"),
            Map.entry(Defect.ZERO_SERIAL, "A00.FR.508"), Map.entry(Defect.FOREIGN_ROOT, "A00.FR.308"),
            Map.entry(Defect.ISSUER_NOT_A_CA, "A00.FR.308"));

    @ParameterizedTest
    @EnumSource(Defect.class)
    @Verifies({"A00.FR.308", "A00.FR.309", "A00.FR.411", "A00.FR.412", "A00.FR.502", "A00.FR.503",
        "A00.FR.504", "A00.FR.508", "A00.FR.509", "A00.FR.510", "A00.FR.512", "A00.FR.514"})
    void csmsValidatorCatchesEveryDefect(Defect defect) {
        ValidationResult r = CSMS.validate(PKI.csms(defect).chain(), TestPki.NOW).result();
        String id = CSMS_EXPECTED.get(defect);
        assertThat(id).as("expectation for " + defect).isNotNull();
        if (id.equals("-")) { // O of the CSMS owner is not checked against a name; a dNSName SAN is allowed
            assertThat(r.isClean()).as(r.describe()).isTrue();
        } else {
            assertThat(r.violates(id)).as(defect + ": " + r.describe()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Defect.class, names = {"EXPIRED", "NOT_YET_VALID", "FOREIGN_ROOT", "ISSUER_NOT_A_CA",
        "WEAK_RSA_KEY", "SHA1_SIGNATURE", "ZERO_SERIAL", "MISSING_ORGANIZATION"})
    @Verifies({"A00.FR.604", "A00.FR.504", "A00.FR.502", "A00.FR.508", "A00.FR.509"})
    void firmwareValidatorRefusesDefects(Defect defect) {
        ValidationResult r = FIRMWARE.validate(PKI.firmwareSigning(defect).chain(), TestPki.NOW).result();
        assertThat(r.isCompliant()).as(r.describe()).isFalse();
    }

    @Test
    @Verifies("A00.FR.604")
    void hierarchiesNeverValidateAgainstEachOther() {
        ValidationResult firmwareAsStation = station(PKI.firmwareSigning().chainWithRoot());
        assertThat(firmwareAsStation.violates("A00.FR.403")).as(firmwareAsStation.describe()).isTrue();
        ValidationResult stationAsFirmware = FIRMWARE.validate(PKI.station().chainWithRoot(), TestPki.NOW).result();
        assertThat(stationAsFirmware.violates("A00.FR.604")).isTrue();
        assertThat(stationAsFirmware.isCompliant()).isFalse();
        ValidationResult csmsAsFirmware = FIRMWARE.validate(PKI.csmsEc().chain(), TestPki.NOW).result();
        assertThat(csmsAsFirmware.violates("A00.FR.604")).isTrue();
        ValidationResult firmwareAsCsms = CSMS.validate(PKI.firmwareSigning().chain(), TestPki.NOW).result();
        assertThat(firmwareAsCsms.violates("A00.FR.308")).isTrue();
        assertThatThrownBy(() -> OcppChainValidator.forFirmwareSigningCertificate(CSO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A00.FR.601");
        assertThatThrownBy(() -> OcppChainValidator.forCsmsCertificate(MANUFACTURER, TestPki.CSMS_FQDN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OcppChainValidator.forChargingStationCertificate(MANUFACTURER, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Verifies("A00.FR.403")
    void expiredIntermediateIsReportedAtItsIndex() {
        TestCertificate sub = PKI.builder(PkiRole.CSO_SUB_CA, PKI.csoRoot()).organization(TestPki.CSO_NAME)
                .commonName("Old Sub-CA").validity(TestPki.NOW.minus(Duration.ofDays(400)),
                        TestPki.NOW.minus(Duration.ofDays(1))).build();
        TestCertificate leaf = PKI.builder(PkiRole.CHARGING_STATION, sub).organization(TestPki.CSO_NAME)
                .commonName("CS-0001").validity(TestPki.NOW.minus(Duration.ofDays(10)), TestPki.NOW.minus(Duration.ofDays(2)))
                .build();
        ValidationResult r = station(leaf.chain());
        assertThat(r.blocking()).extracting(v -> v.chainIndex().getAsInt()).containsExactlyInAnyOrder(0, 1);
        assertThat(r.blocking()).allSatisfy(v -> assertThat(v.found()).contains("expired"));
    }

    @Test
    @Verifies("A00.FR.403")
    void expiredRootIsReported() {
        TestCertificate root = PKI.builder(PkiRole.CSO_ROOT, null).organization(TestPki.CSO_NAME)
                .commonName("Old Root").validity(TestPki.NOW.minus(Duration.ofDays(400)),
                        TestPki.NOW.minus(Duration.ofDays(1))).build();
        TestCertificate leaf = PKI.builder(PkiRole.CHARGING_STATION, root).organization(TestPki.CSO_NAME)
                .commonName("CS-0001").build();
        ValidationResult r = OcppChainValidator.forChargingStationCertificate(TrustAnchors.cso(root.certificate()),
                TestPki.CSO_NAME).validate(leaf.chain(), TestPki.NOW).result();
        assertThat(r.isCompliant()).isFalse();
        assertThat(r.blocking().get(0).found()).contains("trusted root").contains("expired");
    }

    @Test
    @Verifies("A00.FR.403")
    void pathLengthConstraintIsEnforced() {
        // The CSO sub-CA has pathLen 0, so it may not issue another CA.
        TestCertificate subSub = PKI.builder(PkiRole.CSO_SUB_CA, PKI.csoSubCa()).organization(TestPki.CSO_NAME)
                .commonName("Sub-Sub-CA").build();
        TestCertificate leaf = PKI.builder(PkiRole.CHARGING_STATION, subSub).organization(TestPki.CSO_NAME)
                .commonName("CS-0001").build();
        ValidationResult r = station(leaf.chain());
        assertThat(r.blocking()).as(r.describe()).anySatisfy(v -> {
            assertThat(v.requirement().value()).isEqualTo("A00.FR.403");
            assertThat(v.found()).contains("pathLen");
        });
    }

    @Test
    @Verifies({"A00.FR.403", "A00.FR.404"})
    void nameConstraintsAreEnforcedAndConstrainedIntermediatesAreNotCached() {
        TestCertificate constrained = PKI.builder(PkiRole.CSO_SUB_CA, PKI.csoRoot()).organization(TestPki.CSO_NAME)
                .commonName("Constrained Sub-CA").nameConstraintsPermittedOrganization(TestPki.CSO_NAME).build();
        TestCertificate good = PKI.builder(PkiRole.CHARGING_STATION, constrained).organization(TestPki.CSO_NAME)
                .commonName("CS-0001").build();
        TestCertificate outside = PKI.builder(PkiRole.CHARGING_STATION, constrained).organization("Other CSO")
                .commonName("CS-0001").build();
        OcppChainValidator v = OcppChainValidator.forChargingStationCertificate(CSO, "Other CSO");
        assertThat(v.validate(good.chain(), TestPki.NOW).result().violates("A00.FR.403")).isFalse();
        ValidationResult r = v.validate(outside.chain(), TestPki.NOW).result();
        assertThat(r.blocking()).as(r.describe()).anySatisfy(x -> assertThat(x.found()).contains("name constraints"));
        OcppChainValidator uncached = v.toBuilder().resultCacheSize(0).build();
        assertThat(uncached.validate(outside.chain(), TestPki.NOW).result()).isEqualTo(r);
    }

    @Test
    @Verifies("A00.FR.403")
    void unknownCriticalExtensionsAreRefusedOnLeafAndIntermediate() {
        TestCertificate leaf = PKI.stationBuilder().unknownCriticalExtension("1.3.6.1.4.1.99999.1").build();
        ValidationResult r = station(leaf.chain());
        assertThat(r.blocking()).singleElement().satisfies(v -> {
            assertThat(v.found()).contains("critical");
            assertThat(v.chainIndex()).hasValue(0);
        });
        TestCertificate sub = PKI.builder(PkiRole.CSO_SUB_CA, PKI.csoRoot()).organization(TestPki.CSO_NAME)
                .commonName("Odd Sub-CA").unknownCriticalExtension("1.3.6.1.4.1.99999.2").build();
        TestCertificate leaf2 = PKI.builder(PkiRole.CHARGING_STATION, sub).organization(TestPki.CSO_NAME)
                .commonName("CS-0001").build();
        assertThat(station(leaf2.chain()).blocking()).singleElement()
                .satisfies(v -> assertThat(v.chainIndex()).hasValue(1));
    }

    @Test
    @Verifies({"A00.FR.403"})
    void forgedSignatureIsRefusedWithAndWithoutCache() {
        // Issued by the foreign sub-CA, which has the same name as the real one: paired with the real sub-CA.
        TestCertificate forged = PKI.station(Defect.FOREIGN_ROOT);
        List<X509Certificate> chain = List.of(forged.certificate(), PKI.csoSubCa().certificate());
        OcppChainValidator v = STATION.toBuilder().resultCacheSize(16).build();
        ValidationResult cold = v.validate(chain, TestPki.NOW).result();
        assertThat(cold.blocking()).as(cold.describe()).singleElement().satisfies(x -> {
            assertThat(x.found()).contains("signature");
            assertThat(x.chainIndex()).hasValue(0);
        });
        assertThat(v.validate(PKI.station().chain(), TestPki.NOW).isCompliant()).isTrue(); // the real sub-CA passes
        assertThat(v.validate(chain, TestPki.NOW).result()).isEqualTo(cold); // from the result cache: the same refusal
    }

    @Test
    @Verifies("A00.FR.403")
    void selfSignedLeafAndEmptyChainAreRefused() {
        TestCertificate selfSigned = PKI.builder(PkiRole.CHARGING_STATION, null).organization(TestPki.CSO_NAME)
                .commonName("CS-0001").build();
        ValidationResult r = station(List.of(selfSigned.certificate()));
        assertThat(r.blocking()).singleElement().satisfies(v -> assertThat(v.found()).contains("self-signed"));
        assertThat(station(List.of()).violates("A00.FR.403")).isTrue();
        assertThat(station(List.of(PKI.station().certificate())).blocking()).singleElement()
                .satisfies(v -> assertThat(v.found()).contains("neither in the chain"));
    }

    @Test
    @Verifies({"A00.FR.502", "A00.FR.505"})
    void lintViolationsCarryTheReceivedIndexInUnorderedChains() {
        TestCertificate weak = PKI.station(Defect.WEAK_RSA_KEY);
        ValidationResult r = STATION.toBuilder().chainOrder(ChainOrder.ANY).build()
                .validate(List.of(weak.root(), PKI.csoSubCa().certificate(), weak.certificate()), TestPki.NOW).result();
        Violation v = r.blocking().stream().filter(x -> x.requirement().value().equals("A00.FR.502")).findFirst()
                .orElseThrow();
        assertThat(v.chainIndex()).hasValue(2);
    }

    @Test
    @Verifies("A00.FR.701")
    void fastExpirationOptionReportsLongLivedCsmsCertificates() {
        OcppChainValidator fast = CSMS.toBuilder().fastExpiration(true).build();
        ValidationResult r = fast.validate(PKI.csmsEc().chain(), TestPki.NOW).result();
        assertThat(r.isCompliant()).isTrue();
        assertThat(ids(r)).containsExactly("A00.FR.701");
        TestCertificate shortLived = PKI.csmsBuilder().validity(TestPki.NOW.minus(Duration.ofHours(2)),
                TestPki.NOW.plus(Duration.ofHours(20))).build();
        assertThat(fast.validate(shortLived.chain(), TestPki.NOW).result().isClean()).isTrue();
    }

    @Test
    void cachedResultsHonourValidityAtTheInstant() {
        OcppChainValidator v = STATION.toBuilder().resultCacheSize(16).build();
        assertThat(v.validate(PKI.station().chain(), TestPki.NOW).result().isClean()).isTrue();
        assertThat(v.cachedResults()).isEqualTo(1);
        // Long after the sub-CA expired, the cache entry must not be used.
        ValidationResult later = v.validate(PKI.stationBuilder().validity(TestPki.NOW,
                TestPki.NOW.plus(Duration.ofDays(5000))).build().chain(), TestPki.NOW.plus(Duration.ofDays(3500))).result();
        assertThat(later.blocking()).extracting(x -> x.chainIndex().getAsInt()).contains(1);
    }

    @Test
    @Tag("concurrency") // left out of mutation runs (docs/mutation.md)
    void isThreadSafeUnderConcurrentValidation() throws Exception {
        OcppChainValidator v = STATION.toBuilder().resultCacheSize(4).build();
        List<TestCertificate> leaves = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            leaves.add(PKI.stationBuilder("CS-" + i).build());
        }
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    TestCertificate leaf = leaves.get(i % leaves.size());
                    ValidationResult r = v.validate(leaf.chain(), TestPki.NOW).result();
                    if (!r.isClean()) {
                        errors.add(new AssertionError(r.describe()));
                    }
                    if (v.validate(PKI.station(Defect.EXPIRED).chain(), TestPki.NOW).isCompliant()) {
                        errors.add(new AssertionError("expired accepted"));
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertThat(errors).isEmpty();
    }

    @Test
    @Tag("timing") // left out of mutation runs (docs/mutation.md)
    void measuresCachedAgainstUncachedValidation() {
        OcppChainValidator cached = STATION.toBuilder().build();
        OcppChainValidator uncached = STATION.toBuilder().resultCacheSize(0).build();
        List<X509Certificate> chain = PKI.csmsRsa().chain().size() > 0 ? PKI.station().chain() : List.of();
        for (int i = 0; i < 200; i++) { // warm-up
            cached.validate(chain, TestPki.NOW);
            uncached.validate(chain, TestPki.NOW);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            uncached.validate(chain, TestPki.NOW);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            cached.validate(chain, TestPki.NOW);
        }
        long t2 = System.nanoTime();
        System.out.printf("OcppChainValidator: uncached %.1f us/chain, cached %.1f us/chain%n",
                (t1 - t0) / 500_000.0, (t2 - t1) / 500_000.0);
        assertThat(cached.validate(chain, TestPki.NOW)).isEqualTo(uncached.validate(chain, TestPki.NOW));
    }

    // ---- host binding for TLS clients, the name check on its own, the firmware signer ----

    @Test
    @Verifies({"A00.FR.309", "A00.FR.412"})
    void anUnboundCsmsValidatorAcceptsNothingUntilBoundToAHost() {
        OcppChainValidator.CsmsCertificates unbound = OcppChainValidator.forCsmsCertificate(CSO);
        assertThat(unbound.expectedFqdn()).isEmpty();
        ValidationResult r = unbound.validate(PKI.csmsEc().chain(), TestPki.NOW).result();
        assertThat(ids(r)).containsExactly("A00.FR.309");
        assertThat(r.describe()).contains("no CSMS FQDN");
        OcppChainValidator bound = unbound.withExpectedFqdn(TestPki.CSMS_FQDN);
        assertThat(bound.expectedFqdn()).contains(TestPki.CSMS_FQDN);
        assertThat(bound.validate(PKI.csmsEc().chain(), TestPki.NOW).result().isClean()).isTrue();
        assertThat(unbound.withExpectedFqdn("127.0.0.1").validate(PKI.csmsEc().chain(), TestPki.NOW)
                .result().violates("A00.FR.309")).isTrue();
    }

    @Test
    @Verifies({"A00.FR.309", "A00.FR.412"})
    void aSubjectAltNameCountsOnlyWhenAllowed() {
        TestCertificate sanOnly = PKI.csmsBuilder("backend.example.com").sanDns(TestPki.CSMS_FQDN).build();
        ValidationResult strict = CSMS.validate(sanOnly.chain(), TestPki.NOW).result();
        assertThat(ids(strict)).containsExactly("A00.FR.309");
        assertThat(strict.violations().get(0).chainIndex()).hasValue(0);
        OcppChainValidator.CsmsCertificates lenient = CSMS.toBuilder().allowSubjectAltNameMatch(true).build();
        assertThat(lenient.validate(sanOnly.chain(), TestPki.NOW).result().isClean()).isTrue();
        assertThat(lenient.withExpectedFqdn("other.example.com").validate(sanOnly.chain(), TestPki.NOW)
                .result().describe()).contains("dNSName=", "or a dNSName equal to it");
        assertThat(OcppChainValidator.checkCsmsName(sanOnly.certificate(), TestPki.CSMS_FQDN, false)
                .violates("A00.FR.309")).isTrue();
        assertThat(OcppChainValidator.checkCsmsName(sanOnly.certificate(), TestPki.CSMS_FQDN + ".", true).isClean())
                .isTrue();
        assertThat(OcppChainValidator.checkCsmsName(PKI.csmsEc().certificate(), "CSMS.example.com", false).isClean())
                .isTrue();
    }

    @Test
    @Verifies({"A00.FR.604"})
    void aFirmwareSignerMustBeAnEndEntityWhoseKeyMaySign() {
        ValidationResult ca = FIRMWARE.validate(PKI.manufacturerSubCa().chain(), TestPki.NOW).result();
        assertThat(ca.blocking()).extracting(v -> v.requirement().value()).contains("A00.FR.604");
        assertThat(ca.describe()).contains("a CA certificate");
        TestCertificate noSign = PKI.firmwareSigningBuilder()
                .keyUsage(org.bouncycastle.asn1.x509.KeyUsage.keyAgreement).build();
        assertThat(FIRMWARE.validate(noSign.chain(), TestPki.NOW).result().blocking()).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("keyUsage without digitalSignature"));
        TestCertificate nonRepudiation = PKI.firmwareSigningBuilder()
                .keyUsage(org.bouncycastle.asn1.x509.KeyUsage.nonRepudiation).build();
        assertThat(FIRMWARE.validate(nonRepudiation.chain(), TestPki.NOW).isCompliant()).isTrue();
        // A missing keyUsage stays the advisory SHOULD of A00.FR.512.
        ValidationResult none = FIRMWARE.validate(PKI.firmwareSigning(Defect.MISSING_KEY_USAGE).chain(), TestPki.NOW).result();
        assertThat(none.isCompliant()).isTrue();
        assertThat(ids(none)).containsExactly("A00.FR.512");
    }
}
