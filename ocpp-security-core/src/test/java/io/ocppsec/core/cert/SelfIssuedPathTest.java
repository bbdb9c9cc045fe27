package io.ocppsec.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 22: self-issued CA certificates (subject = issuer, not a trust anchor), the shape of a CA key rollover, are
 * ordinary intermediates (RFC 5280 6.1), chained by key identifier or signature, and do not count toward
 * {@code pathLenConstraint} (6.1.4 (l)). A real break in such a link is still refused, at the right index.
 */
@Verifies("A00.FR.403")
class SelfIssuedPathTest {

    private static final TestPki PKI = OcppChainValidatorTest.PKI;
    private static final TestCertificate OLD_ROOT = PKI.csoRoot();
    private static final X500Principal ROOT_NAME = OLD_ROOT.certificate().getSubjectX500Principal();
    /** The new root: a new key under the old root's name, self-signed. */
    private static final TestCertificate NEW_ROOT = PKI.builder(PkiRole.CSO_ROOT, null).subject(ROOT_NAME).build();
    private static final TestCertificate SUB = PKI.csoSubCa(); // pathLenConstraint 0
    private static final X500Principal SUB_NAME = SUB.certificate().getSubjectX500Principal();

    private static ValidationResult station(TrustAnchors anchors, List<X509Certificate> chain) {
        return OcppChainValidator.forChargingStationCertificate(anchors, TestPki.CSO_NAME).toBuilder()
                .clock(TestPki.CLOCK).build().validate(chain, TestPki.NOW).result();
    }

    private static TestCertificate stationUnder(TestCertificate issuer) {
        return PKI.builder(PkiRole.CHARGING_STATION, issuer).organization(TestPki.CSO_NAME)
                .commonName(TestPki.STATION_SERIAL).build();
    }

    /** "new with old": the new root's key and name, signed by the old root's key. */
    private static TestCertificate newWithOld() {
        return PKI.builder(PkiRole.CSO_ROOT, OLD_ROOT).subject(ROOT_NAME).keyPair(NEW_ROOT.keyPair()).build();
    }

    /** A rolled-over sub-CA: a new key under the sub-CA's name, signed by the sub-CA's old key. */
    private static TestCertificate newSub(int pathLength) {
        return PKI.builder(PkiRole.CSO_SUB_CA, SUB).subject(SUB_NAME).pathLength(pathLength).build();
    }

    private static void assertAccepted(ValidationResult r) {
        assertThat(r.isCompliant()).as(r.describe()).isTrue();
    }

    private static void assertRefusedAt(ValidationResult r, String foundStart, int index) {
        assertThat(r.isCompliant()).isFalse();
        assertThat(r.blocking()).as(r.describe()).anySatisfy(v -> {
            assertThat(v.requirement().value()).isEqualTo("A00.FR.403");
            assertThat(v.found()).startsWith(foundStart);
            assertThat(v.chainIndex()).isEqualTo(OptionalInt.of(index));
        });
    }

    /** The certificate with one bit of its signature flipped (the DER stays well formed). */
    static X509Certificate badSignature(X509Certificate c) throws Exception {
        byte[] der = c.getEncoded();
        der[der.length - 1] ^= 0x01;
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    @Test
    void rootRolloverNewWithOldChainsToTheOldRoot() {
        TestCertificate newSub = PKI.builder(PkiRole.CSO_SUB_CA, NEW_ROOT).organization(TestPki.CSO_NAME)
                .commonName("Example CSO Sub-CA 2").pathLength(0).build();
        TestCertificate leaf = stationUnder(newSub);
        X509Certificate link = newWithOld().certificate();
        TrustAnchors oldOnly = TrustAnchors.cso(OLD_ROOT.certificate());

        assertAccepted(station(oldOnly, List.of(leaf.certificate(), newSub.certificate(), link)));
        assertAccepted(station(oldOnly, List.of(leaf.certificate(), link, newSub.certificate())));
        // The new self-signed root sent as well (not trusted yet): chained on to the link with the same key.
        assertAccepted(station(oldOnly,
                List.of(leaf.certificate(), newSub.certificate(), NEW_ROOT.certificate(), link)));
        assertAccepted(station(oldOnly,
                List.of(leaf.certificate(), newSub.certificate(), link, OLD_ROOT.certificate())));
        // Without the link the new root is what it is: self-signed and not trusted.
        assertRefusedAt(station(oldOnly, List.of(leaf.certificate(), newSub.certificate(), NEW_ROOT.certificate())),
                "no certification path to a trusted CSO root: a self-signed certificate", 2);
    }

    @Test
    void rootRolloverOldWithNewChainsTheOldHierarchyToTheNewRoot() {
        // And back: stations that trust only the new root keep accepting certificates of the old hierarchy.
        X509Certificate oldWithNew = PKI.builder(PkiRole.CSO_ROOT, NEW_ROOT).subject(ROOT_NAME)
                .keyPair(OLD_ROOT.keyPair()).build().certificate();
        TrustAnchors newOnly = TrustAnchors.cso(NEW_ROOT.certificate());
        TestCertificate leaf = PKI.station();

        assertAccepted(station(newOnly, List.of(leaf.certificate(), SUB.certificate(), oldWithNew)));
        assertAccepted(station(TrustAnchors.cso(OLD_ROOT.certificate(), NEW_ROOT.certificate()),
                List.of(leaf.certificate(), SUB.certificate(), oldWithNew)));
        assertRefusedAt(station(newOnly, leaf.chain()),
                "no certification path to a trusted CSO root: issuer", 1);
    }

    @Test
    void selfIssuedSubCaDoesNotCountTowardPathLength() {
        // SUB has pathLenConstraint 0; its rolled-over self-issued successor is not an intermediate for 6.1.4 (l).
        TestCertificate newSub = newSub(0);
        TestCertificate leaf = stationUnder(newSub);

        assertAccepted(station(OcppChainValidatorTest.CSO,
                List.of(leaf.certificate(), newSub.certificate(), SUB.certificate())));
        assertAccepted(station(OcppChainValidatorTest.CSO,
                List.of(leaf.certificate(), SUB.certificate(), newSub.certificate(), OLD_ROOT.certificate())));
    }

    @Test
    void selfIssuedCaBetweenACaWithPathLengthOneAndOneMoreCaIsAccepted() {
        TestCertificate policyCa = PKI.builder(PkiRole.CSO_SUB_CA, OLD_ROOT).organization(TestPki.CSO_NAME)
                .commonName("Example CSO Policy CA").pathLength(1).build();
        TestCertificate rolled = PKI.builder(PkiRole.CSO_SUB_CA, policyCa)
                .subject(policyCa.certificate().getSubjectX500Principal()).pathLength(1).build();
        TestCertificate issuing = PKI.builder(PkiRole.CSO_SUB_CA, rolled).organization(TestPki.CSO_NAME)
                .commonName("Example CSO Issuing CA").pathLength(0).build();
        TestCertificate leaf = stationUnder(issuing);

        assertAccepted(station(OcppChainValidatorTest.CSO, List.of(leaf.certificate(), issuing.certificate(),
                rolled.certificate(), policyCa.certificate())));
    }

    @Test
    void aCaBelowTheSelfIssuedSubCaStillExceedsPathLengthZero() {
        TestCertificate newSub = newSub(0);
        TestCertificate below = PKI.builder(PkiRole.CSO_SUB_CA, newSub).organization(TestPki.CSO_NAME)
                .commonName("Example CSO Sub-Sub-CA").pathLength(0).build();
        TestCertificate leaf = stationUnder(below);

        assertRefusedAt(station(OcppChainValidatorTest.CSO, List.of(leaf.certificate(), below.certificate(),
                newSub.certificate(), SUB.certificate())), "pathLenConstraint of an issuing CA exceeded", 1);
    }

    @Test
    void badSignatureOnTheSelfIssuedRootLinkIsRefusedThere() throws Exception {
        TestCertificate newSub = PKI.builder(PkiRole.CSO_SUB_CA, NEW_ROOT).organization(TestPki.CSO_NAME)
                .commonName("Example CSO Sub-CA 2").pathLength(0).build();
        X509Certificate broken = badSignature(newWithOld().certificate());

        assertRefusedAt(station(TrustAnchors.cso(OLD_ROOT.certificate()),
                List.of(stationUnder(newSub).certificate(), newSub.certificate(), broken)),
                "signature does not verify with the issuer's key", 2);
    }

    @Test
    void badSignatureOnTheSelfIssuedSubCaIsRefusedThere() throws Exception {
        TestCertificate newSub = newSub(0);
        X509Certificate broken = badSignature(newSub.certificate());

        assertRefusedAt(station(OcppChainValidatorTest.CSO,
                List.of(stationUnder(newSub).certificate(), broken, SUB.certificate())),
                "signature does not verify with the issuer's key", 1);
    }

    @Test
    void expiredSelfIssuedLinkIsRefusedThere() {
        TestCertificate newSub = PKI.builder(PkiRole.CSO_SUB_CA, NEW_ROOT).organization(TestPki.CSO_NAME)
                .commonName("Example CSO Sub-CA 2").pathLength(0).build();
        X509Certificate expired = PKI.builder(PkiRole.CSO_ROOT, OLD_ROOT).subject(ROOT_NAME)
                .keyPair(NEW_ROOT.keyPair())
                .validity(TestPki.NOW.minus(Duration.ofDays(400)), TestPki.NOW.minus(Duration.ofDays(1)))
                .build().certificate();

        assertRefusedAt(station(TrustAnchors.cso(OLD_ROOT.certificate()),
                List.of(stationUnder(newSub).certificate(), newSub.certificate(), expired)),
                "certificate expired at", 2);
    }

    @Test
    void selfIssuedLinkWhoseIssuingKeyIsMissingIsNamedAsSuch() {
        // The link is signed by a key that is nowhere: the name alone does not chain it to the trusted root.
        TestCertificate foreignNewWithOld = PKI.builder(PkiRole.CSO_ROOT, PKI.foreignRoot()).subject(ROOT_NAME)
                .keyPair(NEW_ROOT.keyPair()).build();
        TestCertificate newSub = PKI.builder(PkiRole.CSO_SUB_CA, NEW_ROOT).organization(TestPki.CSO_NAME)
                .commonName("Example CSO Sub-CA 2").pathLength(0).build();

        assertRefusedAt(station(TrustAnchors.cso(OLD_ROOT.certificate()), List.of(stationUnder(newSub).certificate(),
                newSub.certificate(), foreignNewWithOld.certificate())),
                "no certification path to a trusted CSO root: a self-issued certificate", 2);
    }

    @Test
    @Timeout(5)
    void selfIssuedCertificatesSigningEachOtherDoNotLoop() {
        // A and B under the same name, each signed by the other's key, neither anchored; plus copies of both.
        TestCertificate tmpA = PKI.builder(PkiRole.CSO_SUB_CA, null).subject(SUB_NAME).build();
        TestCertificate tmpB = PKI.builder(PkiRole.CSO_SUB_CA, null).subject(SUB_NAME).build();
        X509Certificate a = PKI.builder(PkiRole.CSO_SUB_CA, tmpB).subject(SUB_NAME).keyPair(tmpA.keyPair()).build()
                .certificate();
        X509Certificate b = PKI.builder(PkiRole.CSO_SUB_CA, tmpA).subject(SUB_NAME).keyPair(tmpB.keyPair()).build()
                .certificate();
        X509Certificate leaf = stationUnder(tmpA).certificate();

        assertRefusedAt(station(OcppChainValidatorTest.CSO, List.of(leaf, a, b, a, b)),
                "no certification path to a trusted CSO root: a self-issued certificate", 2);
        assertRefusedAt(station(OcppChainValidatorTest.CSO, List.of(leaf, tmpA.certificate(), tmpA.certificate())),
                "no certification path to a trusted CSO root: a self-signed certificate", 1);
    }

    @Test
    void aCaCertificateFirstStaysRefusedEvenWhenSelfIssued() {
        // LEAF_FIRST (issue 20): the first certificate is the one validated; a self-issued CA there is refused.
        TestCertificate newSub = newSub(0);
        ValidationResult r = station(OcppChainValidatorTest.CSO, List.of(newSub.certificate(), SUB.certificate()));
        assertRefusedAt(r, "a CA certificate", 0);
    }
}
