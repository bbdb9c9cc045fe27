package io.ocppsec.core.firmware;

import java.io.IOException;

/**
 * The firmware image could not be read to its end: an I/O error, a stream that broke off, or an image
 * larger than the configured limit. No verdict on the signature was reached; the caller retries the
 * download or reports the failure (this is not an {@code InvalidFirmwareSignature}).
 */
public final class FirmwareImageException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long bytesRead;

    /**
     * @param message what failed (never image content)
     * @param bytesRead how many bytes were read before the failure
     * @param cause the underlying error, kept
     */
    public FirmwareImageException(String message, long bytesRead, Throwable cause) {
        super(message, cause);
        this.bytesRead = bytesRead;
    }

    /** @return how many bytes were read before the failure ({@code -1} when unknown) */
    public long bytesRead() {
        return bytesRead;
    }
}
