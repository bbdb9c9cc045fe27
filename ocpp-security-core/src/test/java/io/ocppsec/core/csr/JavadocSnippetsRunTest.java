package io.ocppsec.core.csr;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.core.ca.InsecureLocalCertificateAuthority;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestPki;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The {@code io.ocppsec.core.csr} javadoc snippets run: a CSR built, sent, inspected and signed by a local CA. */
class JavadocSnippetsRunTest {

    private static final TestPki PKI = TestPki.create(KeyType.EC_P256, Instant.now());

    @Test
    void theBuiltCsrIsSentKeptAndAcceptedByTheInspectorSnippets() throws Exception {
        JavadocSnippets.ACTIONS.clear();
        GeneratedCsr csr = JavadocSnippets.csrBuilder(TestPki.CSO_NAME, TestPki.STATION_SERIAL, new SecureRandom());
        SignCertificateRequest sent = (SignCertificateRequest) JavadocSnippets.ACTIONS.get(0);
        assertThat(sent.certificateType()).contains(CertificateSigningUse.CHARGING_STATION_CERTIFICATE);
        assertThat(sent.csr()).isEqualTo(csr.request().pem());
        assertThat(JavadocSnippets.ACTIONS).element(1).isSameAs(csr.keyPair());
        assertThat(JavadocSnippets.csrInspector(csr.request().pem()).isAccepted()).isTrue();

        JavadocSnippets.ACTIONS.clear();
        CsrInspection accepted = JavadocSnippets.csrInspection(CsrInspector.forOrganization(TestPki.CSO_NAME), sent,
                TestPki.STATION_SERIAL, InsecureLocalCertificateAuthority.builder(PKI.csoSubCa().certificate(),
                        PKI.csoSubCa().keyPair().getPrivate()).build());
        assertThat(accepted.isAccepted()).isTrue();
        assertThat(JavadocSnippets.ACTIONS).containsExactly(JavadocSnippets.ACCEPTED);

        JavadocSnippets.ACTIONS.clear();
        JavadocSnippets.csrInspection(CsrInspector.forOrganization(TestPki.CSO_NAME), sent, "CS-9999",
                InsecureLocalCertificateAuthority.builder(PKI.csoSubCa().certificate(),
                        PKI.csoSubCa().keyPair().getPrivate()).build());
        assertThat(JavadocSnippets.ACTIONS).singleElement().asString().startsWith("Rejected InvalidCSR: ");
    }

    @Test
    void theSignerSnippetBuildsACsrWhoseKeyIsTheTokensKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair token = g.generateKeyPair();
        SigningRequest csr = JavadocSnippets.csrSigner(new JavadocSnippets.Token() {
            public PublicKey publicKey() {
                return token.getPublic();
            }

            public byte[] sign(byte[] data) throws java.security.GeneralSecurityException {
                Signature s = Signature.getInstance("SHA256withECDSA");
                s.initSign(token.getPrivate());
                s.update(data);
                return s.sign();
            }
        });
        CsrInspection inspection = CsrInspector.forOrganization("ACME CPO").inspect(csr.pem(), "SN-0001",
                CertificateSigningUse.CHARGING_STATION_CERTIFICATE);
        assertThat(inspection.isAccepted()).as(inspection.result().describe()).isTrue();
        assertThat(inspection.publicKey()).contains(token.getPublic());
    }
}
