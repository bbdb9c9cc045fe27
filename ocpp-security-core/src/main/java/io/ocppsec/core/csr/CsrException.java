package io.ocppsec.core.csr;

import java.security.GeneralSecurityException;

/** A CSR could not be built: key generation or signing failed, or the result breaks a limit. */
public final class CsrException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause the underlying failure, may be {@code null}
     */
    public CsrException(String message, Throwable cause) {
        super(message, cause);
    }
}
