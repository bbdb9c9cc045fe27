package io.ocppsec.core.cert;

import io.ocppsec.testpki.ForgedChain;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Certificates of one role for the "validated = used" properties: the genuine chain (leaf, sub-CA, root), other
 * genuine end-entity certificates, and what an attacker holds or mints without any CA key: a self-signed certificate
 * with the victim's name (X), a certificate it issues (D), a certificate with the real sub-CA's issuer name but
 * signed by a foreign CA of the same name, the real sub-CA (a CA as leaf), an expired genuine leaf and a
 * genuine certificate of another role.
 */
final class ForgeryPool {

    static final TestPki PKI = OcppChainValidatorTest.PKI;

    final CertificateRole role;
    final OcppChainValidator leafFirst;
    final OcppChainValidator anyOrder;
    /** The genuine leaf and its chain: the base every forgery is mixed into. */
    final TestCertificate genuine;
    /** Every genuine, valid end-entity certificate of the role: the only certificates that may be accepted. */
    final Set<X509Certificate> genuineLeaves;
    /** Certificates the attacker inserts. */
    final List<X509Certificate> forged;
    /** Everything, genuine first. */
    final List<X509Certificate> all;

    private ForgeryPool(CertificateRole role, OcppChainValidator validator, TestCertificate genuine,
                        TestCertificate otherGenuine, String victimName, TestCertificate wrongRole) {
        this.role = role;
        this.leafFirst = validator;
        this.anyOrder = validator.toBuilder().chainOrder(ChainOrder.ANY).build();
        this.genuine = genuine;
        this.genuineLeaves = Set.of(genuine.certificate(), otherGenuine.certificate());
        ForgedChain f = ForgedChain.impersonating(PKI, PkiRole.valueOf(role.name()), victimName, otherGenuine);
        TestCertificate foreignSigned = PKI.builder(PkiRole.valueOf(role.name()), foreignIssuer(genuine))
                .organization(org(genuine)).commonName(victimName).build();
        TestCertificate expired = genuineBuilder(role)
                .validity(TestPki.NOW.minus(Duration.ofDays(400)), TestPki.NOW.minus(Duration.ofDays(1))).build();
        this.forged = List.of(f.attacker().certificate(), f.dangling().certificate(), foreignSigned.certificate(),
                expired.certificate(), wrongRole.certificate());
        List<X509Certificate> a = new ArrayList<>(genuine.chainWithRoot());
        a.add(otherGenuine.certificate());
        a.addAll(forged);
        this.all = List.copyOf(a);
    }

    static List<ForgeryPool> all() {
        TrustAnchors cso = OcppChainValidatorTest.CSO;
        return List.of(
                new ForgeryPool(CertificateRole.CHARGING_STATION,
                        OcppChainValidator.forChargingStationCertificate(cso, TestPki.CSO_NAME),
                        PKI.station(), PKI.stationBuilder("CS-0002").build(), TestPki.STATION_SERIAL, PKI.csmsEc()),
                new ForgeryPool(CertificateRole.CSMS, OcppChainValidator.forCsmsCertificate(cso, TestPki.CSMS_FQDN),
                        PKI.csmsEc(), PKI.csmsRsa(), TestPki.CSMS_FQDN, PKI.station()),
                new ForgeryPool(CertificateRole.FIRMWARE_SIGNING,
                        OcppChainValidator.forFirmwareSigningCertificate(OcppChainValidatorTest.MANUFACTURER),
                        PKI.firmwareSigning(), PKI.firmwareSigningBuilder().commonName("Firmware Signing 2").build(),
                        "Firmware Signing 1", PKI.csmsEc()));
    }

    /**
     * Validates with both leaf rules and checks the invariant: an accepted chain's leaf is a genuine end-entity
     * certificate of the role, the path is a real chain of received certificates to a trusted root, and with the
     * default rule the leaf is the first certificate (the one whose key the sender proves).
     *
     * @return an empty list when the invariant holds, else what broke it
     */
    List<String> violations(List<X509Certificate> chain) {
        List<String> broken = new ArrayList<>();
        check(leafFirst, chain, broken);
        check(anyOrder, chain, broken);
        return broken;
    }

    /** @return how many of the two validations accepted (for the tests to see that acceptance happens at all) */
    int accepted(List<X509Certificate> chain) {
        return (leafFirst.validate(chain, TestPki.NOW).isCompliant() ? 1 : 0)
                + (anyOrder.validate(chain, TestPki.NOW).isCompliant() ? 1 : 0);
    }

    private void check(OcppChainValidator v, List<X509Certificate> chain, List<String> broken) {
        ChainValidationResult r = v.validate(chain, TestPki.NOW);
        if (!chain.isEmpty() && r.leaf().isEmpty()) {
            broken.add(v.chainOrder() + ": a non-empty chain judged without a leaf");
        }
        if (v.chainOrder() == ChainOrder.LEAF_FIRST && !chain.isEmpty() && !r.leaf().equals(Optional.of(chain.get(0)))) {
            broken.add("LEAF_FIRST: judged another leaf than the first certificate");
        }
        if (!r.isCompliant()) {
            return;
        }
        X509Certificate leaf = r.leaf().orElseThrow();
        if (!genuineLeaves.contains(leaf)) {
            broken.add(v.chainOrder() + ": accepted a leaf that is not a genuine " + role + " certificate: "
                    + leaf.getSubjectX500Principal());
        }
        if (leaf.getBasicConstraints() >= 0) {
            broken.add(v.chainOrder() + ": accepted a CA certificate as leaf");
        }
        List<X509Certificate> path = r.path();
        for (int i = 0; i < path.size(); i++) {
            if (!chain.contains(path.get(i))) {
                broken.add(v.chainOrder() + ": path certificate " + i + " was not received");
            }
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : r.anchor().orElse(null);
            if (issuer == null || !verifies(path.get(i), issuer)) {
                broken.add(v.chainOrder() + ": path certificate " + i + " is not signed by the next one");
            }
        }
        if (r.anchor().isEmpty() || !v.trustAnchors().contains(r.anchor().get())) {
            broken.add(v.chainOrder() + ": accepted without a trusted anchor");
        }
    }

    private static boolean verifies(X509Certificate c, X509Certificate issuer) {
        try {
            c.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static TestCertificate foreignIssuer(TestCertificate genuine) {
        return genuine.issuers().get(0).equals(PKI.csoSubCa().certificate()) ? PKI.foreignSubCa()
                : PKI.builder(PkiRole.MANUFACTURER_SUB_CA, PKI.builder(PkiRole.MANUFACTURER_ROOT, null)
                        .organization(TestPki.MANUFACTURER_NAME).commonName("Example Manufacturer Root CA").build())
                        .organization(TestPki.MANUFACTURER_NAME).commonName("Example Manufacturer Sub-CA").ca(true).build();
    }

    private static io.ocppsec.testpki.TestCertificateBuilder genuineBuilder(CertificateRole role) {
        return role == CertificateRole.CSMS ? PKI.csmsBuilder()
                : role == CertificateRole.FIRMWARE_SIGNING ? PKI.firmwareSigningBuilder() : PKI.stationBuilder();
    }

    private static String org(TestCertificate c) {
        return c.certificate().getSubjectX500Principal().getName().contains(TestPki.MANUFACTURER_NAME)
                ? TestPki.MANUFACTURER_NAME : TestPki.CSO_NAME;
    }

    @Override
    public String toString() {
        return role.toString();
    }
}
