package io.ocppsec.core.firmware;

import java.util.Objects;

/**
 * A firmware signature as it goes into {@code UpdateFirmwareRequest.firmware.signature}.
 *
 * @param base64 the signature, standard base64 on one line, at most 800 characters
 * @param digest the hash it covers
 * @param imageSha256Hex SHA-256 of the signed image, lower-case hex
 * @param bytesRead the image size in bytes
 */
public record FirmwareSignature(String base64, FirmwareDigest digest, String imageSha256Hex, long bytesRead) {

    /** Validates. */
    public FirmwareSignature {
        Objects.requireNonNull(base64, "base64");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(imageSha256Hex, "imageSha256Hex");
        if (base64.isEmpty() || base64.length() > FirmwareVerifier.MAX_SIGNATURE_CHARS) {
            throw new IllegalArgumentException("base64 must have 1 to " + FirmwareVerifier.MAX_SIGNATURE_CHARS
                    + " characters, had " + base64.length());
        }
        if (bytesRead < 0) {
            throw new IllegalArgumentException("bytesRead must be >= 0");
        }
    }

    /** @return the raw signature bytes (what {@code openssl dgst -verify -signature} reads) */
    public byte[] bytes() {
        return java.util.Base64.getDecoder().decode(base64);
    }
}
