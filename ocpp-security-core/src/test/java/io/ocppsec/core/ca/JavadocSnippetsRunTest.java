package io.ocppsec.core.ca;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.core.csr.CsrBuilder;
import io.ocppsec.core.csr.CsrInspection;
import io.ocppsec.core.csr.CsrInspector;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestPki;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code io.ocppsec.core.ca} javadoc snippet runs: the local CA issues a certificate for an inspected CSR. */
class JavadocSnippetsRunTest {

    private static final TestPki PKI = TestPki.create(KeyType.EC_P256, Instant.now());

    @Test
    void theSnippetsCaIssuesACertificateForTheCsrsKey() throws Exception {
        String pem = CsrBuilder.forChargingStation(TestPki.CSO_NAME, TestPki.STATION_SERIAL).generate().request().pem();
        CsrInspection inspection = CsrInspector.forOrganization(TestPki.CSO_NAME).inspect(pem, TestPki.STATION_SERIAL,
                CertificateSigningUse.CHARGING_STATION_CERTIFICATE);
        JavadocSnippets.ISSUED.clear();
        JavadocSnippets.insecureLocalCertificateAuthority(PKI.csoSubCa().certificate(),
                PKI.csoSubCa().keyPair().getPrivate(), inspection);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (JavadocSnippets.ISSUED.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(JavadocSnippets.ISSUED).hasSize(1);
        List<X509Certificate> chain = JavadocSnippets.ISSUED.get(0);
        assertThat(chain.get(0).getPublicKey()).isEqualTo(inspection.publicKey().orElseThrow());
        assertThat(chain.get(0).getIssuerX500Principal()).isEqualTo(PKI.csoSubCa().certificate().getSubjectX500Principal());
    }
}
