package io.ocppsec.tls.internal;

import io.ocppsec.api.requirement.ValidationResult;
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
    private final AtomicBoolean reported = new AtomicBoolean();

    /**
     * @param message a summary (no secrets)
     * @param result every violation found
     */
    public PeerCertificateException(String message, ValidationResult result) {
        super(message);
        this.result = Objects.requireNonNull(result, "result");
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
