package io.ocppsec.core.csr;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.testing.Openssl;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSRs made by another stack: {@code openssl req -new}. */
class CsrInspectorOpensslTest {

    private static final CsrInspector INSPECTOR = CsrInspector.forOrganization(TestPki.CSO_NAME);
    private static final String EC = "ec";

    @TempDir
    Path dir;

    private String opensslCsr(String key, String subject, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("req", "-new", "-nodes", "-keyout", "key.pem", "-out", "csr.pem",
                "-subj", subject));
        if (key.equals(EC)) {
            args.addAll(List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"));
        } else {
            args.addAll(List.of("-newkey", key));
        }
        args.addAll(List.of(extra));
        Openssl.run(dir, args.toArray(new String[0]));
        return Files.readString(dir.resolve("csr.pem"), StandardCharsets.US_ASCII);
    }

    private static CsrInspection inspect(String pem) {
        return INSPECTOR.inspect(pem, TestPki.STATION_SERIAL, CertificateSigningUse.CHARGING_STATION_CERTIFICATE);
    }

    @Test
    @Verifies({"A02.FR.11", "A03.FR.11"})
    void opensslEcRequestIsAccepted() throws Exception {
        CsrInspection i = inspect(opensslCsr(EC, "/O=Example CSO/CN=CS-0001"));
        assertThat(i.isAccepted()).as(i.toString()).isTrue();
        assertThat(i.result().isClean()).as(i.result().describe()).isTrue();
    }

    @Test
    @Verifies({"A02.FR.11", "A03.FR.11"})
    void opensslRsaRequestIsAccepted() throws Exception {
        assertThat(inspect(opensslCsr("rsa:2048", "/O=Example CSO/CN=CS-0001")).isAccepted()).isTrue();
    }

    @Test
    @Verifies({"A00.FR.511", "A02.FR.12", "A03.FR.12"})
    void opensslRequestForAnotherStationIsRejected() throws Exception {
        CsrInspection i = inspect(opensslCsr(EC, "/O=Example CSO/CN=CS-9999"));
        assertThat(i.isAccepted()).isFalse();
        assertThat(i.reasonCode()).contains("InvalidCSR");
        assertThat(i.result().violates("A00.FR.511")).isTrue();
    }

    @Test
    @Verifies({"A00.FR.404", "A02.FR.12"})
    void opensslRequestWithWrongOrganizationIsRejected() throws Exception {
        CsrInspection i = inspect(opensslCsr(EC, "/O=Evil Corp/CN=CS-0001"));
        assertThat(i.isAccepted()).isFalse();
        assertThat(i.result().violates("A00.FR.404")).isTrue();
    }

    @Test
    @Verifies({"A00.FR.502", "A02.FR.12"})
    void opensslRsa1024RequestIsRejected() throws Exception {
        CsrInspection i = inspect(opensslCsr("rsa:1024", "/O=Example CSO/CN=CS-0001"));
        assertThat(i.isAccepted()).isFalse();
        assertThat(i.result().violates("A00.FR.502")).isTrue();
    }

    @Test
    @Verifies("A00.FR.504")
    void opensslSha1SignedRequestIsRejected() throws Exception {
        CsrInspection i = inspect(opensslCsr("rsa:2048", "/O=Example CSO/CN=CS-0001", "-sha1"));
        assertThat(i.isAccepted()).isFalse();
        assertThat(i.result().violates("A00.FR.504")).isTrue();
    }

    @Test
    @Verifies("A00.FR.511")
    void opensslRequestWithDnsSanIsRejected() throws Exception {
        CsrInspection i = inspect(opensslCsr(EC, "/O=Example CSO/CN=CS-0001",
                "-addext", "subjectAltName=DNS:cs-0001.example.com"));
        assertThat(i.isAccepted()).isFalse();
        assertThat(i.result().violates("A00.FR.511")).isTrue();
    }

    @Test
    @Verifies("A00.FR.514")
    void opensslRequestWithEkuIsAcceptedWithAdvice() throws Exception {
        CsrInspection i = inspect(opensslCsr(EC, "/O=Example CSO/CN=CS-0001", "-addext", "extendedKeyUsage=clientAuth",
                "-addext", "keyUsage=critical,digitalSignature,keyAgreement"));
        assertThat(i.isAccepted()).isTrue();
        assertThat(i.result().advisory()).extracting(v -> v.requirement().value()).containsExactly("A00.FR.514");
    }
}
