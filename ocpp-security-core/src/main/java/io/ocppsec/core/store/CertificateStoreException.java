package io.ocppsec.core.store;

import java.util.Objects;

/**
 * A certificate store could not be loaded or saved. The {@link #reason()} says why in a
 * machine-readable way; the message never contains key material.
 */
public class CertificateStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why loading or saving failed. */
    public enum Reason {
        /** Reading or writing the medium failed. */
        IO,
        /** The stored data is damaged: bad checksum, truncated, garbage, undecodable content. */
        CORRUPT,
        /** The stored data is larger than the configured limit; it was not read. */
        TOO_LARGE,
        /** The stored data was written by an unknown format version. */
        UNSUPPORTED_VERSION
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param message what happened (no secrets)
     */
    public CertificateStoreException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param reason why
     * @param message what happened (no secrets)
     * @param cause the underlying failure
     */
    public CertificateStoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why loading or saving failed */
    public Reason reason() {
        return reason;
    }
}
