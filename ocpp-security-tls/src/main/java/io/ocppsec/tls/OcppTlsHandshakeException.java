package io.ocppsec.tls;

import java.util.Objects;
import javax.net.ssl.SSLHandshakeException;

/**
 * A handshake (or the post-handshake session check) failed; the classified {@link TlsFailure} has
 * already been reported to the context's listener and the connection has been closed
 * (A00.FR.311/414, A00.FR.316/419, A00.FR.323/426).
 */
public final class OcppTlsHandshakeException extends SSLHandshakeException {

    private static final long serialVersionUID = 1L;

    private final transient TlsFailure failure;

    /**
     * @param failure the classified failure
     * @param cause what JSSE threw, if anything
     */
    public OcppTlsHandshakeException(TlsFailure failure, Throwable cause) {
        super(Objects.requireNonNull(failure, "failure").kind() + ": " + failure.detail());
        this.failure = failure;
        if (cause != null) {
            initCause(cause);
        }
    }

    /** @return the classified failure */
    public TlsFailure failure() {
        return failure;
    }
}
