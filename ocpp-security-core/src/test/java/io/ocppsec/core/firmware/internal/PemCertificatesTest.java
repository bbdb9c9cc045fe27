package io.ocppsec.core.firmware.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.util.List;
import org.junit.jupiter.api.Test;

class PemCertificatesTest {

    private static final TestPki PKI = TestPki.create();

    @Test
    void parsesAChainInOrderWithLfOrCrlf() throws Exception {
        TestCertificate c = PKI.firmwareSigning();
        assertThat(PemCertificates.parse(c.chainPem(), 5500)).containsExactlyElementsOf(c.chain());
        assertThat(PemCertificates.parse("\n" + c.chainPem().replace("\n", "\r\n") + "\r\n", 5500))
                .containsExactlyElementsOf(c.chain());
    }

    @Test
    void checksTheLengthFirst() {
        assertThatThrownBy(() -> PemCertificates.parse("x".repeat(101), 100))
                .hasMessageContaining("101 characters, more than the 100");
    }

    @Test
    void acceptsAtMostFourCertificates() throws Exception {
        TestCertificate c = PKI.firmwareSigning();
        String four = c.pem().repeat(4);
        assertThat(PemCertificates.parse(four, 100_000)).hasSize(4);
        assertThatThrownBy(() -> PemCertificates.parse(c.pem().repeat(5), 100_000))
                .hasMessageContaining("more than 4 certificates");
    }

    @Test
    void refusesTextOutsideBlocksAndMismatchedEnds() {
        String pem = PKI.firmwareSigning().pem();
        assertThatThrownBy(() -> PemCertificates.parse("garbage\n" + pem, 5500)).hasMessageContaining("line 1");
        assertThatThrownBy(() -> PemCertificates.parse(pem + "trailing", 5500)).hasMessageContaining("outside");
        assertThatThrownBy(() -> PemCertificates.parse(pem.replace("END CERTIFICATE", "END X509 CRL"), 5500))
                .hasMessageContaining("different label");
        assertThatThrownBy(() -> PemCertificates.parse(pem.replace("-----END CERTIFICATE-----", ""), 5500))
                .hasMessageContaining("no END line");
    }

    @Test
    void refusesTrailingBytesInsideTheDer() throws Exception {
        TestCertificate c = PKI.firmwareSigning();
        byte[] der = c.certificate().getEncoded();
        byte[] longer = java.util.Arrays.copyOf(der, der.length + 3);
        String pem = "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder().encodeToString(longer)
                + "\n-----END CERTIFICATE-----\n";
        assertThatThrownBy(() -> PemCertificates.parse(pem, 5500)).hasMessageContaining("trailing");
    }

    @Test
    void neverEchoesTheContentOfOtherBlocks() {
        String key = PKI.firmwareSigning().privateKeyPem();
        String secretLine = key.lines().skip(1).findFirst().orElseThrow();
        assertThatThrownBy(() -> PemCertificates.parse(key, 5500))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secretLine).contains("PRIVATE KEY"));
        String label = "-----BEGIN " + "\u0001".repeat(60) + "-----\n";
        assertThatThrownBy(() -> PemCertificates.parse(label, 5500))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u0001").contains("..."));
        assertThat(List.of()).isEmpty();
    }
}
