package io.ocppsec.core.firmware;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The hash a firmware signature is computed over.
 *
 * <p>OCPP does not name the hash of the firmware signature; the tooling in use (OCA's examples, EVerest,
 * {@code openssl dgst -sha256 -sign}) uses SHA-256, which is also what A00.FR.506 asks for. SHA-256 is
 * therefore the default everywhere; SHA-384 and SHA-512 exist for manufacturers that agreed on them
 * with their stations.
 */
public enum FirmwareDigest {
    /** SHA-256, the default (A00.FR.506). */
    SHA256("SHA-256", 32, new byte[] {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65,
        0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20}),
    /** SHA-384. */
    SHA384("SHA-384", 48, new byte[] {0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65,
        0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30}),
    /** SHA-512. */
    SHA512("SHA-512", 64, new byte[] {0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65,
        0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40});

    private final String jcaName;
    private final int length;
    private final byte[] digestInfoPrefix;

    FirmwareDigest(String jcaName, int length, byte[] digestInfoPrefix) {
        this.jcaName = jcaName;
        this.length = length;
        this.digestInfoPrefix = digestInfoPrefix;
    }

    /** @return the JCA name, e.g. {@code SHA-256} */
    public String jcaName() {
        return jcaName;
    }

    /** @return the digest length in bytes */
    public int length() {
        return length;
    }

    /** @return the name used in JCA signature algorithm names, e.g. {@code SHA256} */
    public String shortName() {
        return name();
    }

    /** @return a fresh {@link MessageDigest} for this hash */
    public MessageDigest newMessageDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide SHA-256; SHA-384/512 are in every JDK.
            throw new IllegalStateException(jcaName + " is not available in this JVM", e);
        }
    }

    /**
     * Wraps a digest in the DER {@code DigestInfo} that RSA PKCS#1 v1.5 signs (RFC 8017, 9.2). An HSM
     * {@link FirmwareDigestSigner} that only offers raw {@code CKM_RSA_PKCS} needs it.
     *
     * @param hash the digest value
     * @return {@code DigestInfo} DER bytes
     * @throws IllegalArgumentException when the hash has the wrong length
     */
    public byte[] digestInfo(byte[] hash) {
        Objects.requireNonNull(hash, "hash");
        if (hash.length != length) {
            throw new IllegalArgumentException(jcaName + " digest must have " + length + " bytes, had "
                    + hash.length);
        }
        byte[] out = new byte[digestInfoPrefix.length + length];
        System.arraycopy(digestInfoPrefix, 0, out, 0, digestInfoPrefix.length);
        System.arraycopy(hash, 0, out, digestInfoPrefix.length, length);
        return out;
    }

    @Override
    public String toString() {
        return jcaName;
    }
}
