package io.ocppsec.core.csr;

/**
 * Key types for a new Charging Station key pair. All meet A00.FR.501–503 (at least 112 bits of security:
 * EC of at least 224 bits, RSA of at least 2048 bits). EC P-256 is the default: small, fast on embedded
 * CPUs, and the curve ISO 15118-2 requires for V2G certificates.
 */
public enum KeyAlgorithm {
    /** ECDSA on NIST P-256 (secp256r1) with SHA-256. The default. */
    EC_P256("EC", "secp256r1", 256, "SHA256withECDSA"),
    /** ECDSA on NIST P-384 (secp384r1) with SHA-384. */
    EC_P384("EC", "secp384r1", 384, "SHA384withECDSA"),
    /** RSA 2048 with SHA-256 (PKCS#1 v1.5 signature on the CSR, which every CA accepts). */
    RSA_2048("RSA", null, 2048, "SHA256withRSA"),
    /** RSA 3072 with SHA-256. */
    RSA_3072("RSA", null, 3072, "SHA256withRSA");

    private final String jcaAlgorithm;
    private final String curve;
    private final int bits;
    private final String signatureAlgorithm;

    KeyAlgorithm(String jcaAlgorithm, String curve, int bits, String signatureAlgorithm) {
        this.jcaAlgorithm = jcaAlgorithm;
        this.curve = curve;
        this.bits = bits;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** @return the JCA key algorithm, {@code EC} or {@code RSA} */
    public String jcaAlgorithm() {
        return jcaAlgorithm;
    }

    /** @return whether this is an elliptic-curve key */
    public boolean isEc() {
        return curve != null;
    }

    /** @return the curve name for EC keys, {@code null} for RSA (package use only) */
    String curve() {
        return curve;
    }

    /** @return the key size in bits */
    public int bits() {
        return bits;
    }

    /** @return the JCA signature algorithm used for the CSR, e.g. {@code SHA256withECDSA} */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }
}
