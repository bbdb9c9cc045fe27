package io.ocppsec.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.tls.TlsFailure;
import java.io.EOFException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Unit checks of the message rules; the real handshakes in CsmsRefusesTest and StationRefusesTest
 * prove them against what JSSE actually says.
 */
class HandshakeFailureClassifierTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Received fatal alert: protocol_version|TLS_VERSION",
        "The server selected protocol version TLS11 is not accepted by client preferences [TLS13, TLS12]|TLS_VERSION",
        "The client supported protocol versions [TLSv1.1] are not accepted by server preferences [TLSv1.3]|TLS_VERSION",
        "Client requested protocol TLSv1.1 is not enabled or supported in server context|TLS_VERSION",
        "Received fatal alert: handshake_failure|CIPHER_SUITE",
        "Received fatal alert: insufficient_security|CIPHER_SUITE",
        "no cipher suites in common|CIPHER_SUITE",
        "Received fatal alert: bad_certificate|REJECTED_BY_PEER",
        "Received fatal alert: certificate_required|REJECTED_BY_PEER",
        "Received fatal alert: unknown_ca|REJECTED_BY_PEER",
        "Empty client certificate chain|INVALID_PEER_CERTIFICATE",
        "Remote host terminated the handshake|OTHER",
        "Unsupported or unrecognized SSL message|OTHER"})
    void classifiesJsseDiagnostics(String message, TlsFailure.Kind kind) {
        assertThat(HandshakeFailureClassifier.classify(new SSLHandshakeException(message))).isEqualTo(kind);
        assertThat(HandshakeFailureClassifier.classify(new SSLException("wrapped", new SSLHandshakeException(message))))
                .isEqualTo(kind);
    }

    @Test
    void ownTrustManagerFailureWinsAndKeepsTheViolations() {
        ValidationResult r = ValidationResult.builder().add("A00.FR.309", RequirementLevel.SHALL, "CN=x", "CN=y").build();
        SSLHandshakeException e = new SSLHandshakeException("Received fatal alert: handshake_failure");
        e.initCause(new PeerCertificateException("refused", r));
        assertThat(HandshakeFailureClassifier.classify(e)).isEqualTo(TlsFailure.Kind.INVALID_PEER_CERTIFICATE);
        assertThat(HandshakeFailureClassifier.violations(e)).isEqualTo(r);
        SSLHandshakeException jdk = new SSLHandshakeException("PKIX");
        jdk.initCause(new CertificateExpiredException("expired"));
        assertThat(HandshakeFailureClassifier.classify(jdk)).isEqualTo(TlsFailure.Kind.INVALID_PEER_CERTIFICATE);
    }

    @Test
    void networkProblemsAreOther() {
        assertThat(HandshakeFailureClassifier.classify(new SocketTimeoutException("Read timed out")))
                .isEqualTo(TlsFailure.Kind.OTHER);
        assertThat(HandshakeFailureClassifier.classify(new EOFException())).isEqualTo(TlsFailure.Kind.OTHER);
        // a self-referencing cause chain does not loop
        SSLException loop = new SSLException("a");
        SSLException loop2 = new SSLException("b", loop);
        loop.initCause(loop2);
        assertThat(HandshakeFailureClassifier.classify(loop)).isEqualTo(TlsFailure.Kind.OTHER);
    }
}
