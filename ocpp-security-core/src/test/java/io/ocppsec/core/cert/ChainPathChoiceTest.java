package io.ocppsec.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which certificates of an unordered chain form the path, and at which received index a fault is reported. */
@Verifies("A00.FR.403")
class ChainPathChoiceTest {

    private static final TestPki PKI = OcppChainValidatorTest.PKI;

    @Test
    void ofTwoIntermediatesWithTheSameNameTheOneWhoseKeyIssuedTheLeafIsUsed() {
        X509Certificate leaf = PKI.station().certificate();
        for (List<X509Certificate> chain : List.of(
                List.of(leaf, PKI.foreignSubCa().certificate(), PKI.csoSubCa().certificate()),
                List.of(leaf, PKI.csoSubCa().certificate(), PKI.foreignSubCa().certificate()))) {
            ValidationResult r = OcppChainValidatorTest.station(chain);
            assertThat(r.blocking()).as(r.describe()).isEmpty();
        }
    }

    @Test
    void anExpiredRootSentInTheChainIsReportedAtItsReceivedIndex() {
        TestCertificate root = PKI.builder(PkiRole.CSO_ROOT, null).organization(TestPki.CSO_NAME)
                .commonName("Old Root").validity(TestPki.NOW.minus(Duration.ofDays(400)),
                        TestPki.NOW.minus(Duration.ofDays(1))).build();
        TestCertificate leaf = PKI.builder(PkiRole.CHARGING_STATION, root).organization(TestPki.CSO_NAME)
                .commonName(TestPki.STATION_SERIAL).build();
        OcppChainValidator v = OcppChainValidator.forChargingStationCertificate(TrustAnchors.cso(root.certificate()),
                TestPki.CSO_NAME);
        ValidationResult sent = v.validate(List.of(leaf.certificate(), root.certificate()), TestPki.NOW).result();
        assertThat(sent.blocking()).as(sent.describe()).anySatisfy(x -> {
            assertThat(x.found()).startsWith("trusted root 'CN=Old Root,O=Example CSO' expired at ");
            assertThat(x.chainIndex()).hasValue(1);
        });
        ValidationResult notSent = v.validate(List.of(leaf.certificate()), TestPki.NOW).result();
        assertThat(notSent.blocking()).as(notSent.describe()).anySatisfy(x -> {
            assertThat(x.found()).startsWith("trusted root 'CN=Old Root,O=Example CSO' expired at ");
            assertThat(x.chainIndex()).isEmpty();
        });
    }
}
