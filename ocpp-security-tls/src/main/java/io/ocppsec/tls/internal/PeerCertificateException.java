package io.ocppsec.tls.internal;

import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.tls.TlsFailure;
import java.security.cert.CertificateException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Thrown by the OCPP trust managers inside the handshake. JSSE keeps it as the cause of the
 * {@code SSLHandshakeException}, so the failure classifier finds the violations again.
 */
public final class PeerCertificateException extends CertificateException {

    private static final long serialVersionUID = 1L;

    private final transient ValidationResult result;
    private final TlsFailure.Kind kind;
    private final AtomicBoolean reported = new AtomicBoolean();

    /**
     * @param message a summary (no secrets)
     * @param result every violation found
     */
    public PeerCertificateException(String message, ValidationResult result) {
        this(message, result, TlsFailure.Kind.INVALID_PEER_CERTIFICATE);
    }

    /**
     * @param message a summary (no secrets)
     * @param result every violation found
     * @param kind what was refused: the peer certificate, or the negotiated version or suite
     */
    public PeerCertificateException(String message, ValidationResult result, TlsFailure.Kind kind) {
        super(message);
        this.result = Objects.requireNonNull(result, "result");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** @return what was refused */
    public TlsFailure.Kind kind() {
        return kind;
    }

    /** @return the violations */
    public ValidationResult result() {
        return result;
    }

    /** @return true the first time only: whether the caller should report this failure */
    public boolean markReported() {
        return reported.compareAndSet(false, true);
    }
}
