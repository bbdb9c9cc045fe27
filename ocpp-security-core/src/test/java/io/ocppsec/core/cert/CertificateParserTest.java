package io.ocppsec.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ocppsec.core.cert.CertificateParseException.Reason;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Verifies("A00.FR.507")
class CertificateParserTest {

    private static final TestPki PKI = TestPki.create();
    private static final TestCertificate STATION = PKI.station();
    private static final String CHAIN_PEM = STATION.chainPem();
    private static final String ONE_PEM = STATION.pem();

    @Test
    void parsesAChainInOrder() throws Exception {
        List<X509Certificate> certs = CertificateParser.forChain().parsePem(CHAIN_PEM);
        assertThat(certs).containsExactlyElementsOf(STATION.chain());
    }

    @Test
    void parsesCrLfOneLineAndSurroundingWhitespace() throws Exception {
        String crlf = CHAIN_PEM.replace("\n", "\r\n");
        assertThat(CertificateParser.forChain().parsePem("\n  " + crlf + "\n\n")).hasSize(2);
        String oneLine = ONE_PEM.replace("\n", "");
        assertThat(CertificateParser.forChain().parsePem(oneLine)).containsExactly(STATION.certificate());
    }

    @Test
    void roundTripsThroughToPem() throws Exception {
        List<X509Certificate> chain = STATION.chainWithRoot();
        assertThat(CertificateParser.forChain().parsePem(CertificateParser.toPem(chain))).isEqualTo(chain);
    }

    @Test
    void parsesSingleAndDer() throws Exception {
        assertThat(CertificateParser.forSingleCertificate().parseSinglePem(ONE_PEM)).isEqualTo(STATION.certificate());
        byte[] a = STATION.certificate().getEncoded();
        byte[] b = PKI.csoSubCa().certificate().getEncoded();
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        assertThat(CertificateParser.forChain().parseDer(both)).containsExactly(
                STATION.certificate(), PKI.csoSubCa().certificate());
    }

    static Stream<Arguments> malformedPem() {
        String[] lines = ONE_PEM.split("\n");
        String body = String.join("\n", Arrays.copyOfRange(lines, 1, lines.length - 1));
        String derAsLatin1 = new String(der(), java.nio.charset.StandardCharsets.ISO_8859_1);
        return Stream.of(
                Arguments.of("empty", "   \n\t", Reason.EMPTY, -1),
                Arguments.of("DER blob", derAsLatin1, Reason.NOT_PEM, -1),
                Arguments.of("leading text", "hello\n" + ONE_PEM, Reason.TEXT_OUTSIDE_BLOCK, 0),
                Arguments.of("text between blocks", ONE_PEM + "junk\n" + ONE_PEM, Reason.TEXT_OUTSIDE_BLOCK, 1),
                Arguments.of("trailing garbage", CHAIN_PEM + "garbage", Reason.TRAILING_GARBAGE, 2),
                Arguments.of("garbage inside armour", ONE_PEM.replace(lines[3], lines[3].substring(0, 10) + "!*?"
                        + lines[3].substring(13)), Reason.GARBAGE_IN_ARMOUR, 0),
                Arguments.of("PEM header", "-----BEGIN CERTIFICATE-----\nProc-Type: 4,ENCRYPTED\n" + body
                        + "\n-----END CERTIFICATE-----\n", Reason.GARBAGE_IN_ARMOUR, 0),
                Arguments.of("bad base64 length", ONE_PEM.replace(lines[2], lines[2].substring(1)), Reason.BAD_BASE64, 0),
                Arguments.of("unpadded base64", "-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ\n"
                        + "-----END CERTIFICATE-----", Reason.BAD_BASE64, 0),
                Arguments.of("valid base64, not DER", "-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n"
                        + "-----END CERTIFICATE-----", Reason.NOT_A_CERTIFICATE, 0),
                Arguments.of("truncated DER", ONE_PEM.replace(lines[lines.length - 2] + "\n", ""),
                        Reason.NOT_A_CERTIFICATE, 0),
                Arguments.of("unterminated", ONE_PEM.replace("-----END CERTIFICATE-----", ""),
                        Reason.UNTERMINATED_BLOCK, 0),
                Arguments.of("unterminated then next block", ONE_PEM.replace("-----END CERTIFICATE-----", "")
                        + ONE_PEM, Reason.UNTERMINATED_BLOCK, 0),
                Arguments.of("mismatched END", ONE_PEM.replace("END CERTIFICATE", "END X509 CRL"),
                        Reason.UNTERMINATED_BLOCK, 0),
                Arguments.of("malformed BEGIN", "-----BEGIN CERTIFICATE\n" + body, Reason.UNTERMINATED_BLOCK, 0),
                Arguments.of("private key", ONE_PEM + STATION.privateKeyPem(), Reason.WRONG_BLOCK_TYPE, 1),
                Arguments.of("CSR", "-----BEGIN CERTIFICATE REQUEST-----\n" + body
                        + "\n-----END CERTIFICATE REQUEST-----\n", Reason.WRONG_BLOCK_TYPE, 0),
                Arguments.of("empty block", "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n",
                        Reason.NOT_A_CERTIFICATE, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedPem")
    void rejectsMalformedPemWithReasonAndBlock(String name, String input, Reason reason, int block) {
        CertificateParseException e = catchThrowableOfType(CertificateParseException.class,
                () -> CertificateParser.forChain().parsePem(input));
        assertThat(e).as(name).isNotNull();
        assertThat(e.reason()).as(name + ": " + e.getMessage()).isEqualTo(reason);
        assertThat(e.blockIndex().orElse(-1)).as(name).isEqualTo(block);
        assertThat(e).isInstanceOf(java.security.GeneralSecurityException.class);
    }

    @Test
    void reportsTheLineOfTheBadCharacter() {
        String[] lines = CHAIN_PEM.split("\n");
        int target = lines.length - 3; // inside block #1
        lines[target] = "%" + lines[target].substring(1);
        CertificateParseException e = catchThrowableOfType(CertificateParseException.class,
                () -> CertificateParser.forChain().parsePem(String.join("\n", lines)));
        assertThat(e.reason()).isEqualTo(Reason.GARBAGE_IN_ARMOUR);
        assertThat(e.blockIndex()).hasValue(1);
        assertThat(e.line()).hasValue(target + 1);
    }

    @Test
    void neverEchoesAPrivateKey() {
        String key = STATION.privateKeyPem();
        CertificateParseException e = catchThrowableOfType(CertificateParseException.class,
                () -> CertificateParser.forChain().parsePem(key));
        assertThat(e.reason()).isEqualTo(Reason.WRONG_BLOCK_TYPE);
        String secretLine = key.split("\n")[1];
        assertThat(e.getMessage()).contains("PRIVATE KEY").doesNotContain(secretLine.substring(0, 20));
        assertThat(e.toString()).doesNotContain(secretLine.substring(0, 20));
    }

    @Test
    @Verifies({"A02.FR.16", "A03.FR.16"})
    void rejectsTooLargeBeforeParsing() {
        CertificateParser p = CertificateParser.builder().maxChars(CHAIN_PEM.length() - 1).build();
        assertThatThrownBy(() -> p.parsePem(CHAIN_PEM)).isInstanceOfSatisfying(CertificateParseException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        assertThatThrownBy(() -> CertificateParser.forSingleCertificate().parsePem("x".repeat(5501)))
                .isInstanceOfSatisfying(CertificateParseException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    @Tag("timing") // left out of mutation runs (docs/mutation.md)
    @Verifies({"A02.FR.16", "A03.FR.16"})
    void rejectsFiftyMegabytesInMilliseconds() {
        String huge = CHAIN_PEM.repeat(50_000_000 / CHAIN_PEM.length() + 1);
        byte[] hugeDer = new byte[50_000_000];
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> CertificateParser.forChain().parsePem(huge))
                    .isInstanceOfSatisfying(CertificateParseException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
            assertThatThrownBy(() -> CertificateParser.forChain().parseDer(hugeDer))
                    .isInstanceOfSatisfying(CertificateParseException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
            best = Math.min(best, System.nanoTime() - start);
        }
        // Best of 10, so a GC pause or a busy machine cannot fail it; parsing 50 MB would take far longer.
        assertThat(best / 1_000_000).isLessThan(50);
    }

    @Test
    void rejectsTooManyCertificates() {
        String eleven = ONE_PEM.repeat(11);
        CertificateParser p = CertificateParser.builder().maxChars(100_000).build();
        assertThatThrownBy(() -> p.parsePem(eleven)).isInstanceOfSatisfying(CertificateParseException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_CERTIFICATES);
                    assertThat(e.blockIndex()).hasValue(10);
                });
        assertThatThrownBy(() -> CertificateParser.forSingleCertificate().parseSinglePem(CHAIN_PEM))
                .isInstanceOfSatisfying(CertificateParseException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_CERTIFICATES));
    }

    @Test
    void rejectsMalformedDer() {
        byte[] der = der();
        assertDer(new byte[0], Reason.EMPTY);
        assertDer(new byte[] {0x30, (byte) 0x82, 0x7f, 0x7f, 1, 2}, Reason.NOT_A_CERTIFICATE);
        assertDer(Arrays.copyOf(der, der.length - 10), Reason.NOT_A_CERTIFICATE);
        assertDer(Arrays.copyOf(der, der.length + 3), Reason.TRAILING_BYTES);
        assertDer(ONE_PEM.getBytes(java.nio.charset.StandardCharsets.US_ASCII), Reason.NOT_A_CERTIFICATE);
    }

    private static void assertDer(byte[] der, Reason reason) {
        assertThatThrownBy(() -> CertificateParser.forChain().parseDer(der))
                .isInstanceOfSatisfying(CertificateParseException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void randomMutationsNeverThrowUncheckedExceptions() {
        Random random = new Random(42);
        char[] alphabet = "ABCabc019+/=-\n \r\t:!\u0000\u00ff".toCharArray();
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            char[] c = CHAIN_PEM.toCharArray();
            int edits = 1 + random.nextInt(4);
            for (int k = 0; k < edits; k++) {
                c[random.nextInt(c.length)] = alphabet[random.nextInt(alphabet.length)];
            }
            String input = random.nextBoolean() ? new String(c) : new String(c, 0, random.nextInt(c.length));
            try {
                CertificateParser.forChain().parsePem(input);
            } catch (CertificateParseException e) {
                reasons.add(e.reason().name());
            }
            byte[] der = der();
            der[random.nextInt(der.length)] = (byte) random.nextInt();
            try {
                CertificateParser.forChain().parseDer(Arrays.copyOf(der, 1 + random.nextInt(der.length)));
            } catch (CertificateParseException e) {
                reasons.add(e.reason().name());
            }
        }
        assertThat(reasons).isNotEmpty();
    }

    @Test
    void builderRefusesNonsense() {
        assertThatThrownBy(() -> CertificateParser.builder().maxChars(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateParser.builder().maxCertificates(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateParser.builder().maxCertificates(101))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] der() {
        try {
            return STATION.certificate().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
