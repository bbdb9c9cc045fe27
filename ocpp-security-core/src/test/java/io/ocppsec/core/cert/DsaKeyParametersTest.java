package io.ocppsec.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.security.interfaces.DSAKey;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: a DSA key whose parameters are inherited from the issuer ({@code DSAKey.getParams()} null) made
 * {@code validate} throw NullPointerException from {@link CryptoPolicy#checkPublicKey}. DSA is no OCPP algorithm:
 * with or without parameters it is refused under A00.FR.504 at the certificate's index.
 */
@Verifies("A00.FR.504")
class DsaKeyParametersTest {

    private static final TestPki PKI = OcppChainValidatorTest.PKI;
    /** A DSA sub-CA under the EC CSO root; its DSA leaves can inherit its parameters. */
    static final TestCertificate DSA_SUB = PKI.builder(PkiRole.CSO_SUB_CA, PKI.csoRoot())
            .organization(TestPki.CSO_NAME).commonName("Example CSO DSA Sub-CA").keyType(KeyType.DSA_2048)
            .pathLength(0).build();

    static TestCertificate dsaStation(boolean inheritParameters) {
        var b = PKI.builder(PkiRole.CHARGING_STATION, DSA_SUB).organization(TestPki.CSO_NAME)
                .commonName(TestPki.STATION_SERIAL).keyType(KeyType.DSA_2048);
        return (inheritParameters ? b.withoutKeyParameters() : b).build();
    }

    private static void refusedAsDsaAt(ValidationResult r, int index) {
        assertThat(r.isCompliant()).isFalse();
        assertThat(r.blocking()).as(r.describe()).anySatisfy(v -> {
            assertThat(v.requirement().value()).isEqualTo("A00.FR.504");
            assertThat(v.found()).contains("DSA");
            assertThat(v.chainIndex()).isEqualTo(OptionalInt.of(index));
        });
    }

    @Test
    void leafWithInheritedParametersIsAViolationNotAnException() {
        TestCertificate leaf = dsaStation(true);
        assertThat(((DSAKey) leaf.certificate().getPublicKey()).getParams()).isNull(); // the shape of the bug

        refusedAsDsaAt(OcppChainValidatorTest.station(leaf.chain()), 0);
        refusedAsDsaAt(OcppChainValidatorTest.station(leaf.chain()), 1); // the DSA sub-CA as well
        refusedAsDsaAt(OcppChainValidatorTest.station(leaf.chainWithRoot()), 0);
        refusedAsDsaAt(OcppChainValidatorTest.STATION.toBuilder().chainOrder(ChainOrder.ANY).build()
                .validate(List.of(DSA_SUB.certificate(), leaf.certificate()), TestPki.NOW).result(), 1);
        assertThat(CertificateLinter.lint(leaf.certificate(), CertificateRole.CHARGING_STATION).violates("A00.FR.504"))
                .isTrue();
    }

    @Test
    void leafWithExplicitParametersIsRefusedAsWell() {
        TestCertificate leaf = dsaStation(false);
        assertThat(((DSAKey) leaf.certificate().getPublicKey()).getParams()).isNotNull();

        refusedAsDsaAt(OcppChainValidatorTest.station(leaf.chain()), 0);
    }

    @Test
    void dsaCaWithInheritedParametersUnderAnEcRootIsRefused() {
        // A DSA CA key without parameters whose issuer has none to give: PKIX cannot even build the key.
        TestCertificate sub = PKI.builder(PkiRole.CSO_SUB_CA, PKI.csoRoot()).organization(TestPki.CSO_NAME)
                .commonName("Example CSO DSA Sub-CA 2").keyType(KeyType.DSA_2048).withoutKeyParameters()
                .pathLength(0).build();
        TestCertificate leaf = PKI.builder(PkiRole.CHARGING_STATION, sub).organization(TestPki.CSO_NAME)
                .commonName(TestPki.STATION_SERIAL).build();

        refusedAsDsaAt(OcppChainValidatorTest.station(leaf.chain()), 1);
    }
}
