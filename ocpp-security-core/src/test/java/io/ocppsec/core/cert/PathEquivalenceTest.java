package io.ocppsec.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.testpki.TestPki.Defect;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The result cache must not change a report: a cold validator (no cache) and a warm one (cache primed, then asked
 * again) give the same report for every chain, and the validator never accepts a path that plain JDK PKIX refuses.
 */
@Verifies({"A00.FR.308", "A00.FR.403", "A00.FR.604"})
class PathEquivalenceTest {

    static final TestPki PKI = OcppChainValidatorTest.PKI;
    static final TestPki RSA_PKI = TestPki.create(KeyType.RSA_2048);
    static final Instant NOW = TestPki.NOW;
    static final List<Instant> INSTANTS = List.of(NOW, NOW.minus(Duration.ofDays(35)), NOW.plus(Duration.ofDays(400)),
            NOW.plus(Duration.ofDays(3200)), NOW.plus(Duration.ofDays(4000)));

    /** One scenario: a validator factory (given anchors) and a chain. */
    record Case(String name, Supplier<OcppChainValidator> validator, List<X509Certificate> chain) {
        @Override
        public String toString() {
            return name;
        }
    }

    static OcppChainValidator cold(OcppChainValidator v) {
        return v.toBuilder().resultCacheSize(0).build();
    }

    static Supplier<OcppChainValidator> station(TrustAnchors anchors) {
        return () -> OcppChainValidator.forChargingStationCertificate(anchors, TestPki.CSO_NAME);
    }

    static Supplier<OcppChainValidator> csms(TrustAnchors anchors) {
        return () -> OcppChainValidator.forCsmsCertificate(anchors, TestPki.CSMS_FQDN);
    }

    static Supplier<OcppChainValidator> firmware(TrustAnchors anchors) {
        return () -> OcppChainValidator.forFirmwareSigningCertificate(anchors);
    }

    /** The received orders of one chain: as minted, with root, reversed, root in the middle, leaf alone, shuffled. */
    static List<List<X509Certificate>> shapes(TestCertificate leaf) {
        List<List<X509Certificate>> out = new ArrayList<>();
        out.add(leaf.chain());
        out.add(leaf.chainWithRoot());
        List<X509Certificate> reversed = new ArrayList<>(leaf.chainWithRoot());
        Collections.reverse(reversed);
        out.add(reversed);
        if (leaf.chainWithRoot().size() == 3) {
            List<X509Certificate> all = leaf.chainWithRoot();
            out.add(List.of(all.get(1), all.get(2), all.get(0)));
        }
        out.add(List.of(leaf.certificate()));
        return out;
    }

    static Stream<Case> cases() {
        TrustAnchors cso = OcppChainValidatorTest.CSO;
        TrustAnchors manufacturer = OcppChainValidatorTest.MANUFACTURER;
        List<Case> cases = new ArrayList<>();
        for (Defect d : Defect.values()) {
            for (List<X509Certificate> shape : shapes(PKI.station(d))) {
                cases.add(new Case("station " + d + " " + shape.size(), station(cso), shape));
            }
            for (List<X509Certificate> shape : shapes(PKI.csms(d))) {
                cases.add(new Case("csms " + d + " " + shape.size(), csms(cso), shape));
            }
            cases.add(new Case("firmware " + d, firmware(manufacturer), PKI.firmwareSigning(d).chain()));
        }
        for (List<X509Certificate> shape : shapes(PKI.station())) {
            cases.add(new Case("good station " + shape.size(), station(cso), shape));
        }
        for (List<X509Certificate> shape : shapes(RSA_PKI.station())) {
            cases.add(new Case("rsa station " + shape.size(),
                    station(TrustAnchors.cso(RSA_PKI.csoRoot().certificate())), shape));
        }
        cases.add(new Case("rsa csms", csms(TrustAnchors.cso(RSA_PKI.csoRoot().certificate())), RSA_PKI.csmsRsa().chain()));
        cases.add(new Case("station against the RSA root", station(TrustAnchors.cso(RSA_PKI.csoRoot().certificate())),
                PKI.station().chain()));
        cases.add(new Case("firmware against CSO", station(cso), PKI.firmwareSigning().chainWithRoot()));
        cases.add(new Case("pinned sub-CA as anchor", station(TrustAnchors.cso(PKI.csoSubCa().certificate())),
                PKI.station().chain()));
        cases.add(new Case("two roots of one name", station(TrustAnchors.cso(PKI.foreignRoot().certificate(),
                PKI.csoRoot().certificate())), PKI.station().chain()));
        cases.add(new Case("foreign chain with its root", station(cso), PKI.station(Defect.FOREIGN_ROOT).chainWithRoot()));
        cases.add(new Case("forged signature", station(cso),
                List.of(PKI.station(Defect.FOREIGN_ROOT).certificate(), PKI.csoSubCa().certificate())));
        cases.addAll(intermediateCases(cso));
        return cases.stream();
    }

    static List<Case> intermediateCases(TrustAnchors cso) {
        List<Case> cases = new ArrayList<>();
        TestCertificate expiredSub = sub("Expired Sub-CA").validity(NOW.minus(Duration.ofDays(400)),
                NOW.minus(Duration.ofDays(1))).build();
        TestCertificate futureSub = sub("Future Sub-CA").validity(NOW.plus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(400))).build();
        TestCertificate noCertSign = sub("No keyCertSign Sub-CA").keyUsage(KeyUsage.digitalSignature | KeyUsage.cRLSign)
                .build();
        TestCertificate constrained = sub("Constrained Sub-CA").nameConstraintsPermittedOrganization(TestPki.CSO_NAME)
                .build();
        TestCertificate odd = sub("Odd Sub-CA").unknownCriticalExtension("1.3.6.1.4.1.99999.2").build();
        TestCertificate noBasicConstraints = sub("No BC Sub-CA").withoutBasicConstraints().build();
        TestCertificate subSub = PKI.builder(PkiRole.CSO_SUB_CA, PKI.csoSubCa()).organization(TestPki.CSO_NAME)
                .commonName("Sub-Sub-CA").build();
        TestCertificate openSub = sub("Open Sub-CA").build(); // no pathLen
        TestCertificate openSubSub = PKI.builder(PkiRole.CSO_SUB_CA, openSub).organization(TestPki.CSO_NAME)
                .commonName("Open Sub-Sub-CA").pathLength(0).build();
        TestCertificate tooDeep = PKI.builder(PkiRole.CSO_SUB_CA, openSubSub).organization(TestPki.CSO_NAME)
                .commonName("Too deep").build();
        for (TestCertificate issuer : List.of(expiredSub, futureSub, noCertSign, constrained, odd, noBasicConstraints,
                subSub, openSub, openSubSub, tooDeep)) {
            TestCertificate leaf = PKI.builder(PkiRole.CHARGING_STATION, issuer).organization(TestPki.CSO_NAME)
                    .commonName(TestPki.STATION_SERIAL).build();
            for (List<X509Certificate> shape : shapes(leaf)) {
                cases.add(new Case("leaf under " + issuer + " " + shape.size(), station(cso), shape));
            }
            cases.add(new Case("full chain under " + issuer, station(cso), leaf.chainWithRoot()));
        }
        TestCertificate outside = PKI.builder(PkiRole.CHARGING_STATION, constrained).organization("Other CSO")
                .commonName(TestPki.STATION_SERIAL).build();
        cases.add(new Case("outside name constraints", () -> OcppChainValidator.forChargingStationCertificate(cso,
                "Other CSO"), outside.chain()));
        TestCertificate oddLeaf = PKI.stationBuilder().unknownCriticalExtension("1.3.6.1.4.1.99999.1").build();
        cases.add(new Case("leaf with unknown critical extension", station(cso), oddLeaf.chain()));
        return cases;
    }

    static io.ocppsec.testpki.TestCertificateBuilder sub(String cn) {
        return PKI.builder(PkiRole.CSO_SUB_CA, PKI.csoRoot()).organization(TestPki.CSO_NAME).commonName(cn);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void coldWarmAndPkixAgreeAtEveryInstant(Case c) {
        assertAgree(c.validator().get(), c.chain(), c.name());
    }

    /** Compares at several instants; the warm validator is primed at each instant before and asked twice. */
    static void assertAgree(OcppChainValidator base, List<X509Certificate> chain, String name) {
        // Both leaf rules: the default (the first certificate is the leaf) and ANY (the leaf found in the chain).
        for (ChainOrder order : ChainOrder.values()) {
            assertAgree(base.toBuilder().chainOrder(order).build(), chain, name + " " + order, order);
        }
    }

    private static void assertAgree(OcppChainValidator base, List<X509Certificate> chain, String name,
                                    ChainOrder order) {
        OcppChainValidator cold = cold(base);
        OcppChainValidator warm = base.toBuilder().resultCacheSize(64).build();
        for (Instant at : INSTANTS) {
            ChainValidationResult reference = cold.validate(chain, at);
            assertThat(cold.validate(chain, at)).as(name + " cold (again) at " + at + "\n" + reference.result().describe())
                    .isEqualTo(reference);
            assertThat(warm.validate(chain, at)).as(name + " warm (first) at " + at).isEqualTo(reference);
            assertThat(warm.validate(chain, at)).as(name + " warm (cached) at " + at).isEqualTo(reference);
            if (order == ChainOrder.LEAF_FIRST) {
                assertThat(reference.leaf()).as(name + ": the leaf is the first certificate").contains(chain.get(0));
            }
        }
        // And in reverse order of instants, so a result cached late is asked early.
        List<Instant> reversed = new ArrayList<>(INSTANTS);
        Collections.reverse(reversed);
        for (Instant at : reversed) {
            assertThat(warm.validate(chain, at)).as(name + " warm (reverse) at " + at).isEqualTo(cold.validate(chain, at));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validatorNeverAcceptsWhatJdkPkixRefuses(Case c) throws GeneralSecurityException {
        for (ChainOrder order : ChainOrder.values()) {
            OcppChainValidator v = cold(c.validator().get().toBuilder().chainOrder(order).build());
            for (Instant at : INSTANTS) {
                ChainValidationResult r = v.validate(c.chain(), at);
                if (r.isCompliant()) {
                    assertThat(jdkPkix(r.path(), v.trustAnchors(), at)).as(c.name() + " " + order + " at " + at).isNull();
                }
            }
        }
    }

    /** @return the JDK's refusal, or null when it accepts */
    static CertPathValidatorException jdkPkix(List<X509Certificate> certs, TrustAnchors anchors, Instant at)
            throws GeneralSecurityException {
        PKIXParameters p = new PKIXParameters(anchors.certificates().stream().map(a -> new TrustAnchor(a, null))
                .collect(Collectors.toSet()));
        p.setRevocationEnabled(false);
        p.setDate(Date.from(at));
        try {
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509")
                    .generateCertPath(certs), p);
            return null;
        } catch (CertPathValidatorException e) {
            return e;
        }
    }

    @Test
    void theCommonShapesAreAcceptedLikeJdkPkixAcceptsThem() throws GeneralSecurityException {
        for (TestPki pki : List.of(PKI, RSA_PKI)) {
            TrustAnchors cso = TrustAnchors.cso(pki.csoRoot().certificate());
            for (TestCertificate leaf : List.of(pki.station(), pki.csmsEc(), pki.csmsRsa())) {
                ChainPath path = ChainPath.build(leaf.chain(), cso, ChainOrder.LEAF_FIRST);
                List<X509Certificate> certs = path.indices().stream().map(leaf.chain()::get).toList();
                assertThat(path.anchor()).as(leaf.toString()).isPresent();
                assertThat(jdkPkix(certs, cso, NOW)).as(leaf.toString()).isNull();
                assertAgree(leaf == pki.station() ? station(cso).get() : csms(cso).get(), leaf.chain(), leaf.toString());
            }
        }
    }

    @Test
    void unusualChainsGetTheJdkPkixVerdict() throws GeneralSecurityException {
        TrustAnchors cso = TrustAnchors.cso(PKI.csoRoot().certificate());
        TestCertificate constrained = sub("NC").nameConstraintsPermittedOrganization(TestPki.CSO_NAME).build();
        TestCertificate odd = sub("Odd").unknownCriticalExtension("1.3.6.1.4.1.99999.3").build();
        for (TestCertificate issuer : List.of(constrained, odd)) {
            TestCertificate leaf = PKI.builder(PkiRole.CHARGING_STATION, issuer).organization(TestPki.CSO_NAME)
                    .commonName("CS-1").build();
            boolean pkixAccepts = jdkPkix(leaf.chain(), cso, NOW) == null;
            ValidationResult r = cold(station(cso).get()).validate(leaf.chain(), NOW).result();
            assertThat(r.violates("A00.FR.403")).as(issuer + "\n" + r.describe()).isEqualTo(!pkixAccepts);
            assertAgree(station(cso).get(), leaf.chain(), "leaf under " + issuer);
        }
        assertThat(jdkPkix(constrained.chain(), cso, NOW)).isNull();
        TestCertificate weakLeaf = PKI.station(Defect.WEAK_EC_KEY);
        assertThat(cold(station(cso).get()).validate(weakLeaf.chain(), NOW).isCompliant()).isFalse();
        assertAgree(station(cso).get(), weakLeaf.chain(), "weak EC leaf");
    }
}
