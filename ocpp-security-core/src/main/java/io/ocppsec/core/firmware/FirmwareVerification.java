package io.ocppsec.core.firmware;

import io.ocppsec.api.requirement.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A firmware image whose signature verified: what a station logs before installing it.
 *
 * @param signerSubject subject of the Firmware Signing certificate (RFC 2253)
 * @param signerSerialHex serial number of the Firmware Signing certificate, hex
 * @param digest the hash the signature covers
 * @param signatureAlgorithm the scheme that matched, e.g. {@code SHA256withECDSA}, {@code SHA256withRSA}
 *     or {@code SHA256withRSA/PSS}
 * @param imageSha256Hex SHA-256 of the whole image, lower-case hex
 * @param bytesRead the image size in bytes
 * @param verifiedAt the instant the certificate was judged at
 * @param advisories advisory (non-blocking) findings about the certificate, e.g. A00.FR.505
 */
public record FirmwareVerification(String signerSubject, String signerSerialHex, FirmwareDigest digest,
        String signatureAlgorithm, String imageSha256Hex, long bytesRead, Instant verifiedAt,
        List<Violation> advisories) {

    /** Validates and copies. */
    public FirmwareVerification {
        Objects.requireNonNull(signerSubject, "signerSubject");
        Objects.requireNonNull(signerSerialHex, "signerSerialHex");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        Objects.requireNonNull(imageSha256Hex, "imageSha256Hex");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        advisories = List.copyOf(advisories);
        if (imageSha256Hex.length() != 64) {
            throw new IllegalArgumentException("imageSha256Hex must have 64 hex digits");
        }
        if (bytesRead < 0) {
            throw new IllegalArgumentException("bytesRead must be >= 0");
        }
    }

    /** @return one log line: signer, algorithm, size and image hash */
    public String logLine() {
        return "Firmware signature valid: " + bytesRead + " bytes, SHA-256 " + imageSha256Hex + ", "
                + signatureAlgorithm + " by '" + signerSubject + "' (serial " + signerSerialHex + ")";
    }
}
