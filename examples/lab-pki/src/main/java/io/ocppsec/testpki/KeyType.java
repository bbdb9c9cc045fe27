package io.ocppsec.testpki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.math.BigInteger;

/** Key types the test PKI can mint, including deliberately weak ones. */
public enum KeyType {
    /** NIST P-256, the default. */
    EC_P256("EC", 256, "SHA256withECDSA"),
    /** NIST P-384. */
    EC_P384("EC", 384, "SHA384withECDSA"),
    /** NIST P-521. */
    EC_P521("EC", 521, "SHA512withECDSA"),
    /** P-192: below the 224-bit minimum of A00.FR.503 (generated with Bouncy Castle). */
    EC_P192_WEAK("EC", 192, "SHA256withECDSA"),
    /** RSA 2048, the minimum A00.FR.502 allows. */
    RSA_2048("RSA", 2048, "SHA256withRSA"),
    /** RSA 3072. */
    RSA_3072("RSA", 3072, "SHA256withRSA"),
    /** RSA 1024: too weak (A00.FR.502). */
    RSA_1024_WEAK("RSA", 1024, "SHA256withRSA"),
    /** DSA 2048: an algorithm BSI no longer lists (A00.FR.504). */
    DSA_2048("DSA", 2048, "SHA256withDSA");

    private final String algorithm;
    private final int bits;
    private final String defaultSignatureAlgorithm;

    KeyType(String algorithm, int bits, String defaultSignatureAlgorithm) {
        this.algorithm = algorithm;
        this.bits = bits;
        this.defaultSignatureAlgorithm = defaultSignatureAlgorithm;
    }

    /** @return JCA key algorithm name */
    public String algorithm() {
        return algorithm;
    }

    /** @return key size in bits */
    public int bits() {
        return bits;
    }

    /** @return the signature algorithm a CA with this key signs with by default */
    public String defaultSignatureAlgorithm() {
        return defaultSignatureAlgorithm;
    }

    /**
     * @param random randomness
     * @return a fresh key pair
     */
    public KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator g;
            switch (this) {
                case EC_P256:
                case EC_P384:
                case EC_P521:
                    g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec("secp" + bits + "r1"), random);
                    break;
                case EC_P192_WEAK:
                    // The JDK no longer offers P-192, Bouncy Castle still does.
                    g = KeyPairGenerator.getInstance("EC", TestPki.BC);
                    g.initialize(new ECGenParameterSpec("secp192r1"), random);
                    break;
                case DSA_2048:
                    g = KeyPairGenerator.getInstance("DSA");
                    g.initialize(bits, random);
                    break;
                default:
                    g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(new RSAKeyGenParameterSpec(bits, BigInteger.valueOf(65537)), random);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate " + this + " key", e);
        }
    }
}
