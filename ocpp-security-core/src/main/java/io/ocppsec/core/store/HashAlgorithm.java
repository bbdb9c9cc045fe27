package io.ocppsec.core.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/** {@code HashAlgorithmEnumType}: the hash used in certificate hash data. */
public enum HashAlgorithm {
    /** SHA-256. */
    SHA256("SHA256", "SHA-256", 32),
    /** SHA-384. */
    SHA384("SHA384", "SHA-384", 48),
    /** SHA-512. */
    SHA512("SHA512", "SHA-512", 64);

    private final String ocppValue;
    private final String jcaName;
    private final int length;

    HashAlgorithm(String ocppValue, String jcaName, int length) {
        this.ocppValue = ocppValue;
        this.jcaName = jcaName;
        this.length = length;
    }

    /** @return the value as written in OCPP-J JSON */
    public String ocppValue() {
        return ocppValue;
    }

    /** @return the digest length in bytes */
    public int length() {
        return length;
    }

    /**
     * @param value the OCPP-J value
     * @return the enum constant
     * @throws IllegalArgumentException for an unknown value
     */
    public static HashAlgorithm fromOcpp(String value) {
        Objects.requireNonNull(value, "value");
        for (HashAlgorithm a : values()) {
            if (a.ocppValue.equals(value)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown hash algorithm; expected SHA256, SHA384 or SHA512");
    }

    byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance(jcaName).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is required by every Java platform", e);
        }
    }
}
