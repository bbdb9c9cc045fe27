package io.ocppsec.tls.internal;

import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.tls.TlsFailure;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Classifies what JSSE reports when a handshake fails into a {@link TlsFailure.Kind}, so a Charging
 * Station can raise InvalidCsmsCertificate, InvalidTLSVersion or InvalidTLSCipherSuite
 * (A00.FR.310/316/323, A00.FR.413/419/426).
 *
 * <p>Order of the rules: a certificate refused by this endpoint's trust manager (found in the cause
 * chain) wins; then the TLS alert or JSSE diagnostic: {@code protocol_version} and "protocol … not
 * accepted/enabled" mean no common version; {@code handshake_failure}, {@code insufficient_security}
 * and "no cipher suites in common" mean no common suite (the OCPP contexts only ever offer allowed
 * suites, so a missing overlap means the peer only allows others); a received certificate alert means
 * the peer refused our certificate. Everything else is {@link TlsFailure.Kind#OTHER}.
 *
 * <p>Users reach it through {@code CsmsTlsContext.reportHandshakeFailure} and
 * {@code StationTlsContext.reportHandshakeFailure}, whose {@link TlsFailure} carries the kind and violations.
 */
public final class HandshakeFailureClassifier {

    private static final int MAX_DEPTH = 16;

    private HandshakeFailureClassifier() {
    }

    /**
     * @param failure what the handshake threw (or what a WebSocket client reported)
     * @return the kind of failure
     */
    public static TlsFailure.Kind classify(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        Optional<PeerCertificateException> refused = peerCertificateException(failure);
        if (refused.isPresent()) {
            return refused.get().kind();
        }
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (t instanceof CertificateException || t instanceof CertPathValidatorException) {
                return TlsFailure.Kind.INVALID_PEER_CERTIFICATE;
            }
        }
        String m = messages(failure);
        if (m.contains("protocol_version") || (m.contains("protocol") && (m.contains("not accepted by")
                || m.contains("not enabled or supported") || m.contains("unsupported protocol")))) {
            return TlsFailure.Kind.TLS_VERSION;
        }
        if (m.contains("handshake_failure") || m.contains("insufficient_security")
                || m.contains("no cipher suites in common") || m.contains("no negotiable cipher suite")
                || m.contains("improper ciphersuite") || m.contains("unsupported ciphersuite")
                || m.contains("unsupported cipher suite")) {
            return TlsFailure.Kind.CIPHER_SUITE;
        }
        if (m.contains("received fatal alert: bad_certificate") || m.contains("received fatal alert: certificate_")
                || m.contains("received fatal alert: unknown_ca") || m.contains("received fatal alert: unsupported_certificate")
                || m.contains("received fatal alert: access_denied")) {
            return TlsFailure.Kind.REJECTED_BY_PEER;
        }
        if (m.contains("empty client certificate chain") || m.contains("empty server certificate chain")) {
            return TlsFailure.Kind.INVALID_PEER_CERTIFICATE;
        }
        return TlsFailure.Kind.OTHER;
    }

    /**
     * @param failure what the handshake threw
     * @return the violations an OCPP trust manager recorded, or a compliant (empty) result
     */
    public static ValidationResult violations(Throwable failure) {
        return peerCertificateException(failure).map(PeerCertificateException::result)
                .orElse(ValidationResult.compliant());
    }

    /**
     * @param failure what the handshake threw
     * @return the exception an OCPP trust manager threw, found in the cause chain or among suppressed ones
     */
    public static Optional<PeerCertificateException> peerCertificateException(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (t instanceof PeerCertificateException) {
                return Optional.of((PeerCertificateException) t);
            }
            for (Throwable s : t.getSuppressed()) {
                if (s instanceof PeerCertificateException) {
                    return Optional.of((PeerCertificateException) s);
                }
            }
        }
        return Optional.empty();
    }

    static String messages(Throwable failure) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (t.getMessage() != null) {
                sb.append(t.getMessage(), 0, Math.min(t.getMessage().length(), 1000)).append(" | ");
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
