package io.ocppsec.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.cert.CertificateRole.Hierarchy;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.TestPki;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trust anchors as a value (duplicates collapse, equality by hierarchy and content, limits at their edges),
 * the key-size limits of the crypto policy at their edges, and what a validator says about itself.
 */
class TrustAnchorsAndPolicyEdgesTest {

    private static final TestPki PKI = OcppChainValidatorTest.PKI;
    private static final X509Certificate CSO_ROOT = PKI.csoRoot().certificate();
    private static final X509Certificate MF_ROOT = PKI.manufacturerRoot().certificate();

    @Test
    void anchorsAreAValueOfHierarchyAndDistinctCertificates() {
        TrustAnchors twice = TrustAnchors.cso(CSO_ROOT, CSO_ROOT);
        TrustAnchors once = TrustAnchors.cso(CSO_ROOT);
        assertThat(twice.certificates()).containsExactly(CSO_ROOT);
        assertThat(twice).isEqualTo(once).hasSameHashCodeAs(once);
        assertThat(twice.contains(CSO_ROOT)).isTrue();
        assertThat(twice.contains(MF_ROOT)).isFalse();
        assertThat(twice).hasToString("TrustAnchors{CSO, " + CSO_ROOT.getSubjectX500Principal().getName() + "}");

        TrustAnchors sameRootOtherHierarchy = TrustAnchors.of(Hierarchy.MANUFACTURER, List.of(CSO_ROOT));
        assertThat(sameRootOtherHierarchy.hierarchy()).isEqualTo(Hierarchy.MANUFACTURER);
        assertThat(sameRootOtherHierarchy).isNotEqualTo(once);
        assertThat(TrustAnchors.cso(CSO_ROOT, PKI.foreignRoot().certificate())).isNotEqualTo(once);
        assertThat(once).isNotEqualTo(CSO_ROOT);

        TrustAnchors mf = TrustAnchors.manufacturer(MF_ROOT);
        assertThat(mf.hierarchy()).isEqualTo(Hierarchy.MANUFACTURER);
        assertThat(mf.certificates()).containsExactly(MF_ROOT);
    }

    @Test
    void aCaWithPathLengthZeroMayBeAnAnchorButAnEndEntityMayNot() {
        assertThat(TrustAnchors.cso(PKI.csoSubCa().certificate()).certificates()).hasSize(1);
        assertThatThrownBy(() -> TrustAnchors.cso(PKI.station().certificate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a CA certificate");
    }

    @Test
    void oneToAHundredRootsAreAccepted() {
        assertThat(TrustAnchors.of(Hierarchy.CSO, Collections.nCopies(TrustAnchors.MAX_ANCHORS, CSO_ROOT))
                .certificates()).hasSize(1);
        assertThatThrownBy(() -> TrustAnchors.of(Hierarchy.CSO, Collections.nCopies(TrustAnchors.MAX_ANCHORS + 1,
                CSO_ROOT))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustAnchors.of(Hierarchy.CSO, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Verifies("A00.FR.503")
    void anEcKeyOf224BitsIsTheSmallestAccepted() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", TestPki.BC);
        g.initialize(new ECGenParameterSpec("secp224r1"), new SecureRandom());
        assertThat(CryptoPolicy.checkPublicKey(g.generateKeyPair().getPublic()).isClean()).isTrue();
    }

    @Test
    @Verifies({"A00.FR.502", "A00.FR.504"})
    void aDsaKeyIsUnsuitableAndAlsoTooSmallBelow2048Bits() throws Exception {
        ValidationResult big = CryptoPolicy.checkPublicKey(dsa(2048));
        assertThat(big.violations()).extracting(v -> v.requirement().value()).containsExactly("A00.FR.504");
        ValidationResult small = CryptoPolicy.checkPublicKey(dsa(1024));
        assertThat(small.violations()).extracting(v -> v.requirement().value())
                .containsExactlyInAnyOrder("A00.FR.502", "A00.FR.504");
        assertThat(small.violations()).anySatisfy(v -> assertThat(v.found()).isEqualTo("DSA key of 1024 bits"));
    }

    private static PublicKey dsa(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("DSA");
        g.initialize(bits, new SecureRandom());
        return g.generateKeyPair().getPublic();
    }

    @Test
    void aValidatorDescribesItsRoleAnchorsAndExpectations() {
        TrustAnchors cso = TrustAnchors.cso(CSO_ROOT);
        OcppChainValidator csms = OcppChainValidator.forCsmsCertificate(cso, TestPki.CSMS_FQDN);
        assertThat(csms.role()).isEqualTo(CertificateRole.CSMS);
        assertThat(csms.expectedFqdn()).contains(TestPki.CSMS_FQDN);
        assertThat(csms.toString()).startsWith("OcppChainValidator{CSMS, " + cso + ", path requirement A00.FR.308")
                .contains(", fqdn " + TestPki.CSMS_FQDN).endsWith("}");
        OcppChainValidator station = OcppChainValidator.forChargingStationCertificate(cso, TestPki.CSO_NAME)
                .toBuilder().clock(TestPki.CLOCK).fastExpiration(true).build();
        assertThat(station.role()).isEqualTo(CertificateRole.CHARGING_STATION);
        assertThat(station.clock()).isEqualTo(TestPki.CLOCK);
        assertThat(station.toString()).contains(", O " + TestPki.CSO_NAME).contains(", fast expiration")
                .doesNotContain("fqdn").doesNotContain("dNSName");
        OcppChainValidator firmware = OcppChainValidator.forFirmwareSigningCertificate(TrustAnchors.manufacturer(MF_ROOT));
        assertThat(firmware.role()).isEqualTo(CertificateRole.FIRMWARE_SIGNING);
        assertThat(firmware.clock()).isNotNull().isNotEqualTo(Clock.fixed(TestPki.NOW, TestPki.CLOCK.getZone()));
        assertThatThrownBy(() -> OcppChainValidator.forCsmsCertificate(cso, "not a host!"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
