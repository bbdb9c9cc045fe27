package io.ocppsec.core.cert;

import static io.ocppsec.core.fuzz.FuzzInvariant.expect;
import static io.ocppsec.core.fuzz.FuzzInvariant.holds;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ocppsec.core.fuzz.FuzzInputs;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@link CertificateParser}: PEM chains as CertificateSignedRequest / InstallCertificateRequest
 * carry them, and DER. Only {@link CertificateParseException} may come out; a parsed chain respects the
 * certificate-count limit.
 */
class CertificateParserFuzzTest {

    private static final CertificateParser CHAIN = CertificateParser.forChain();

    @Timeout(10)
    @FuzzTest(maxDuration = "20s")
    void parsePem(byte[] data) {
        String pem = FuzzInputs.utf8(data);
        holds("CertificateParser.parsePem", data, () -> CHAIN.parsePem(pem), CertificateParseException.class)
                .ifPresent(chain -> check(data, chain));
    }

    @Timeout(10)
    @FuzzTest(maxDuration = "20s")
    void parseDer(byte[] data) {
        holds("CertificateParser.parseDer", data, () -> CHAIN.parseDer(data), CertificateParseException.class)
                .ifPresent(chain -> check(data, chain));
    }

    private static void check(byte[] data, List<X509Certificate> chain) {
        expect("CertificateParser", data, !chain.isEmpty() && chain.size() <= 10,
                "a parsed chain of 1 to 10 certificates, was " + chain.size());
    }
}
