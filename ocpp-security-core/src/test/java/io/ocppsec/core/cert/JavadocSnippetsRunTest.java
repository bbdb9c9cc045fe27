package io.ocppsec.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestPki;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code io.ocppsec.core.cert} javadoc snippets that need no network run, on certificates valid now. */
class JavadocSnippetsRunTest {

    private static final TestPki PKI = TestPki.create(KeyType.EC_P256, Instant.now());

    @BeforeEach
    void clear() {
        JavadocSnippets.ACTIONS.clear();
    }

    @Test
    void theLinterCryptoPolicyAndParserSnippetsAcceptAGoodStationCertificate() throws Exception {
        assertThat(JavadocSnippets.certificateLinter(PKI.station().certificate()).isCompliant()).isTrue();
        assertThat(JavadocSnippets.cryptoPolicy(PKI.station().certificate(), true).isCompliant()).isTrue();
        assertThat(JavadocSnippets.lintOptions().expectedOrganization()).contains("Example CSO");
        assertThat(JavadocSnippets.lintOptions().fastExpiration()).isTrue();
        List<Object> parsed = JavadocSnippets.certificateParser(() -> PKI.station().chainPem(),
                () -> PKI.csoRoot().pem(), 10_000);
        assertThat(parsed.get(0)).isEqualTo(PKI.station().chain());
        assertThat(parsed.get(1)).isEqualTo(PKI.csoRoot().certificate());
        assertThat(((CertificateParser) parsed.get(2)).maxChars()).isEqualTo(10_000);
        List<TrustAnchors> anchors = JavadocSnippets.trustAnchors(PKI.csoRoot().certificate(),
                PKI.manufacturerRoot().pem());
        assertThat(anchors.get(0).certificates()).containsExactly(PKI.csoRoot().certificate());
        assertThat(anchors.get(1).hierarchy()).isEqualTo(CertificateRole.Hierarchy.MANUFACTURER);
        assertThat(anchors.get(1).certificates()).containsExactly(PKI.manufacturerRoot().certificate());
    }

    @Test
    void theBindingSnippetClosesTheSecondStationThatPresentsTheSameCertificate() {
        CertificateBindingRegistry registry = new CertificateBindingRegistry();
        assertThat(JavadocSnippets.certificateBindingRegistry(registry, "CS-0001", PKI.station().certificate())
                .isCompliant()).isTrue();
        assertThat(JavadocSnippets.ACTIONS).isEmpty();
        assertThat(JavadocSnippets.certificateBindingRegistry(registry, "CS-0002", PKI.station().certificate())
                .isCompliant()).isFalse();
        assertThat(JavadocSnippets.ACTIONS).containsExactly("close");
    }

    @Test
    void theChainValidationSnippetReturnsTheLeafOrRefuses() {
        ChainValidator validator = OcppChainValidator.forChargingStationCertificate(
                TrustAnchors.cso(PKI.csoRoot().certificate()), TestPki.CSO_NAME);
        JavadocSnippets.chainValidationResult(validator, PKI.station().chain());
        assertThat(JavadocSnippets.acceptedStation).isEqualTo(PKI.station().certificate());
        assertThat(JavadocSnippets.ACTIONS).isEmpty();
        JavadocSnippets.chainValidationResult(validator, PKI.csmsEc().chain());
        assertThat(JavadocSnippets.ACTIONS).containsExactly("refuse false");
        assertThat(JavadocSnippets.acceptedStation).as("a refused chain's leaf is not used").isNull();
    }

    @Test
    void theSignedCertificateSnippetAcceptsThePendingKeyAndRejectsAnother() {
        List<SecurityEventType> events = new ArrayList<>();
        TrustAnchors cso = TrustAnchors.cso(PKI.csoRoot().certificate());
        KeyPair pending = PKI.station().keyPair();
        SignedCertificateCheck.Outcome ok = JavadocSnippets.signedCertificateCheck(cso, TestPki.CSO_NAME,
                TestPki.STATION_SERIAL, 10_000, PKI.clock(), () -> PKI.station().chainPem(), pending, events::add);
        assertThat(ok.accepted()).as(ok.result().describe()).isTrue();
        assertThat(JavadocSnippets.ACTIONS).isEmpty();

        SignedCertificateCheck.Outcome other = JavadocSnippets.signedCertificateCheck(cso, TestPki.CSO_NAME,
                TestPki.STATION_SERIAL, 10_000, PKI.clock(), () -> PKI.station().chainPem(),
                PKI.csmsEc().keyPair(), events::add);
        assertThat(other.accepted()).isFalse();
        assertThat(JavadocSnippets.ACTIONS).singleElement().asString().startsWith("Rejected ");
        assertThat(events).containsExactly(SecurityEventType.INVALID_CHARGING_STATION_CERTIFICATE);
    }
}
