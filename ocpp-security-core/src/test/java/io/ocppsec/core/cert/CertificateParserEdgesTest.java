package io.ocppsec.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ocppsec.core.cert.CertificateParseException.Reason;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.TestPki;
import java.io.ByteArrayOutputStream;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The exact edges of the parser's limits (an input of exactly the maximum size or count is parsed, one more is
 * refused before parsing), and the wording and position it reports for malformed input.
 */
class CertificateParserEdgesTest {

    private static final TestPki PKI = OcppChainValidatorTest.PKI;
    private static final List<X509Certificate> CHAIN = PKI.station().chain();

    private static CertificateParseException failure(Executable call) {
        CertificateParseException e = catchThrowableOfType(CertificateParseException.class, call::execute);
        assertThat(e).isNotNull();
        return e;
    }

    private static byte[] der(List<X509Certificate> certs) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (X509Certificate c : certs) {
            out.write(c.getEncoded());
        }
        return out.toByteArray();
    }

    @Test
    @Verifies({"A02.FR.16", "A03.FR.16"})
    void anInputOfExactlyTheMaximumSizeIsParsedAndOneMoreIsNot() throws Exception {
        String pem = CertificateParser.toPem(CHAIN);
        CertificateParser exact = CertificateParser.builder().maxChars(pem.length()).build();
        assertThat(exact.maxChars()).isEqualTo(pem.length());
        assertThat(exact.parsePem(pem)).isEqualTo(CHAIN);
        assertThat(failure(() -> exact.parsePem(pem + " ")).reason()).isEqualTo(Reason.TOO_LARGE);

        byte[] der = der(CHAIN);
        CertificateParser exactDer = CertificateParser.builder().maxChars(der.length).build();
        assertThat(exactDer.parseDer(der)).isEqualTo(CHAIN);
        CertificateParser oneShort = CertificateParser.builder().maxChars(der.length - 1).build();
        assertThat(failure(() -> oneShort.parseDer(der)).reason()).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    @Verifies({"A02.FR.16", "A03.FR.16"})
    void exactlyTheMaximumNumberOfCertificatesIsParsedAndOneMoreIsNot() throws Exception {
        CertificateParser two = CertificateParser.builder().maxCertificates(2).build();
        assertThat(two.maxCertificates()).isEqualTo(2);
        assertThat(two.parsePem(CertificateParser.toPem(CHAIN))).hasSize(2);
        assertThat(two.parseDer(der(CHAIN))).hasSize(2);
        List<X509Certificate> three = PKI.station().chainWithRoot();
        CertificateParseException pem = failure(() -> two.parsePem(CertificateParser.toPem(three)));
        assertThat(pem.reason()).isEqualTo(Reason.TOO_MANY_CERTIFICATES);
        assertThat(pem.blockIndex()).hasValue(2);
        CertificateParseException der = failure(() -> two.parseDer(der(three)));
        assertThat(der.reason()).isEqualTo(Reason.TOO_MANY_CERTIFICATES);
        assertThat(der.blockIndex()).hasValue(2);
        assertThat(der.line()).isEmpty();
        assertThat(der.getMessage()).isEqualTo("TOO_MANY_CERTIFICATES in block #2: more than 2 certificates");
    }

    @Test
    void theCertificateCountLimitIsOneToAHundred() {
        assertThat(CertificateParser.builder().maxCertificates(1).build().maxCertificates()).isEqualTo(1);
        assertThat(CertificateParser.builder().maxCertificates(100).build().maxCertificates()).isEqualTo(100);
        assertThatThrownBy(() -> CertificateParser.builder().maxCertificates(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateParser.builder().maxCertificates(101))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Verifies("A00.FR.507")
    void controlAndNonAsciiCharactersMeanBinaryButPrintableAsciiIsText() {
        for (String binary : new String[] {"\u001f", "\u007f", "\u00ff", "\u0000abc"}) {
            CertificateParseException e = failure(() -> CertificateParser.forChain().parsePem(binary + "xyz"));
            assertThat(e.reason()).as("%04x", (int) binary.charAt(0)).isEqualTo(Reason.NOT_PEM);
            assertThat(e.blockIndex()).isEmpty();
            assertThat(e.getMessage()).startsWith("NOT_PEM at line 1: binary data");
        }
        for (String text : new String[] {"~", " x", "!"}) {
            assertThat(failure(() -> CertificateParser.forChain().parsePem(text)).reason()).as(text)
                    .isEqualTo(Reason.TEXT_OUTSIDE_BLOCK);
        }
    }

    @Test
    void theMessageNamesBlockAndLineWhenKnown() throws Exception {
        String pem = CertificateParser.toPem(CHAIN);
        String badSecond = pem + "-----BEGIN CERTIFICATE-----\nComment: hello\n-----END CERTIFICATE-----\n";
        CertificateParseException e = failure(() -> CertificateParser.forChain().parsePem(badSecond));
        assertThat(e.reason()).isEqualTo(Reason.GARBAGE_IN_ARMOUR);
        int line = (int) pem.chars().filter(c -> c == '\n').count() + 2;
        assertThat(e.getMessage()).isEqualTo("GARBAGE_IN_ARMOUR in block #2 at line " + line
                + ": a PEM header inside a CERTIFICATE block");
        CertificateParseException big = failure(() -> CertificateParser.builder().maxChars(10).build().parsePem(pem));
        assertThat(big.getMessage()).startsWith("TOO_LARGE: input of ");
        assertThat(big.line()).isEmpty();
    }

    @Test
    void anEndLabelOfAnotherTypeIsNamedDifferentlyFromAMissingEnd() throws Exception {
        String one = CertificateParser.toPem(List.of(CHAIN.get(0)));
        assertThat(failure(() -> CertificateParser.forChain().parsePem(one.replace("END CERTIFICATE", "END X509 CRL")))
                .getMessage()).endsWith("END label does not match BEGIN CERTIFICATE");
        String withoutEnd = one.replace("-----END CERTIFICATE-----\n", "") + one;
        assertThat(failure(() -> CertificateParser.forChain().parsePem(withoutEnd)).getMessage())
                .endsWith("BEGIN CERTIFICATE without END CERTIFICATE before the next block");
        assertThat(failure(() -> CertificateParser.forChain().parsePem(one.replace("-----END CERTIFICATE-----\n", "")))
                .getMessage()).endsWith("BEGIN CERTIFICATE without END CERTIFICATE");
        assertThat(failure(() -> CertificateParser.forChain().parsePem("-----BEGIN CERTIFICATE\n-----\n")).getMessage())
                .endsWith("malformed BEGIN line");
    }
}
