package io.ocppsec.core.csr;

import io.ocppsec.core.internal.x509.Fingerprints;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Objects;

/**
 * A key pair generated in memory on the station, usable as a {@link CsrSigner}. It holds the private
 * key, so it is not {@link java.io.Serializable} and its {@link #toString()} shows only the algorithm and
 * a public-key fingerprint. The private key leaves it only through {@link #privateKeyForLocalUse()}, for
 * the station's own TLS key store once the certificate arrives (A02.FR.05, A03.FR.05).
 */
public final class GeneratedKeyPair implements CsrSigner {

    private final KeyAlgorithm algorithm;
    private final PublicKey publicKey;
    private final PrivateKey privateKey;

    private GeneratedKeyPair(KeyAlgorithm algorithm, KeyPair pair) {
        this.algorithm = algorithm;
        this.publicKey = pair.getPublic();
        this.privateKey = pair.getPrivate();
    }

    /**
     * Generates a fresh key pair (A02.FR.02, A03.FR.02).
     *
     * @param algorithm the key type
     * @param random the CSPRNG
     * @return the key pair
     * @throws GeneralSecurityException when the JDK provider cannot generate it
     */
    public static GeneratedKeyPair generate(KeyAlgorithm algorithm, SecureRandom random)
            throws GeneralSecurityException {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(random, "random");
        KeyPairGenerator gen = KeyPairGenerator.getInstance(algorithm.jcaAlgorithm());
        if (algorithm.isEc()) {
            gen.initialize(new ECGenParameterSpec(algorithm.curve()), random);
        } else {
            gen.initialize(new RSAKeyGenParameterSpec(algorithm.bits(), RSAKeyGenParameterSpec.F4), random);
        }
        return new GeneratedKeyPair(algorithm, gen.generateKeyPair());
    }

    /** @return the key type */
    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public String signatureAlgorithm() {
        return algorithm.signatureAlgorithm();
    }

    @Override
    public byte[] sign(byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance(algorithm.signatureAlgorithm());
        s.initSign(privateKey);
        s.update(Objects.requireNonNull(data, "data"));
        return s.sign();
    }

    /**
     * The private key, for the station's own key store (e.g. a PKCS#12 file or a {@code KeyManager})
     * after the signed certificate arrives. It must never be sent anywhere (A02.FR.05, A03.FR.05).
     *
     * @return the private key
     */
    public PrivateKey privateKeyForLocalUse() {
        return privateKey;
    }

    /** @return algorithm and a short SHA-256 fingerprint of the public key; never the private key */
    @Override
    public String toString() {
        return "GeneratedKeyPair{" + algorithm + ", public key SHA-256 " + Fingerprints.shortOf(publicKey)
                + ", private key [redacted]}";
    }
}
