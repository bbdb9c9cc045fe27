package io.ocppsec.core.firmware.internal;

import io.ocppsec.core.firmware.FirmwareDigest;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Signature primitives over a digest computed beforehand, so that an image is read once whatever the
 * scheme: ECDSA ({@code NONEwithECDSA}, DER signature), RSA PKCS#1 v1.5 ({@code NONEwithRSA} over the
 * {@code DigestInfo}) and RSA-PSS (Bouncy Castle {@code NONEwithRSAPSS}, MGF1 with the same hash).
 */
public final class DigestSignatures {

    /** The Bouncy Castle provider, created on first use and never registered globally. */
    private static final class Bc {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    private DigestSignatures() {
    }

    /** The result of a verification: the scheme that matched, or why the signature is unusable. */
    public record Verification(Optional<String> matchedAlgorithm, Optional<String> malformed) {
    }

    /**
     * Checks a signature against a digest with every scheme the key type allows. For RSA keys both
     * PKCS#1 v1.5 and PSS (salt = hash length, or the maximum, which is what OpenSSL 3.0 produces by
     * default) are tried; that costs no second pass over the image.
     *
     * @param key the signer's public key (EC or RSA)
     * @param digest the hash algorithm
     * @param hash the image digest
     * @param signature the signature bytes
     * @return the matching algorithm name, or a reason why the signature is malformed; both empty when
     *     the signature is well-formed but does not match
     * @throws GeneralSecurityException when the key cannot be used (unsupported type)
     */
    public static Verification verify(PublicKey key, FirmwareDigest digest, byte[] hash, byte[] signature)
            throws GeneralSecurityException {
        String hashName = digest.shortName();
        if (key instanceof ECKey) {
            int orderBytes = (((ECKey) key).getParams().getOrder().bitLength() + 7) / 8;
            if (signature.length < 8 || signature[0] != 0x30) {
                String hint = signature.length == 2 * orderBytes
                        ? " (it looks like a raw r||s value; expected the DER form 'openssl dgst -sign' writes)" : "";
                return malformed("ECDSA signature is not DER encoded" + hint);
            }
            Signature s = Signature.getInstance("NONEwithECDSA");
            s.initVerify(key);
            s.update(hash);
            try {
                return s.verify(signature) ? matched(hashName + "withECDSA") : mismatch();
            } catch (SignatureException e) {
                return malformed("ECDSA signature is not a valid DER SEQUENCE of two INTEGERs");
            }
        }
        if (key instanceof RSAKey) {
            int modulusBytes = (((RSAKey) key).getModulus().bitLength() + 7) / 8;
            if (signature.length != modulusBytes) {
                return malformed("RSA signature has " + signature.length + " bytes; the " + modulusBytes * 8
                        + "-bit key needs exactly " + modulusBytes);
            }
            if (!"RSASSA-PSS".equals(key.getAlgorithm())) {
                Signature s = Signature.getInstance("NONEwithRSA");
                s.initVerify(key);
                s.update(digest.digestInfo(hash));
                if (verifyQuietly(s, signature)) {
                    return matched(hashName + "withRSA");
                }
            }
            int modBits = ((RSAKey) key).getModulus().bitLength();
            int maxSalt = (modBits - 1 + 7) / 8 - digest.length() - 2;
            for (int salt : new int[] {digest.length(), maxSalt}) {
                if (salt < 0) {
                    continue;
                }
                Signature s = pss(digest, salt);
                s.initVerify(key);
                s.update(hash);
                if (verifyQuietly(s, signature)) {
                    return matched(hashName + "withRSA/PSS");
                }
            }
            return mismatch();
        }
        throw new InvalidKeyException("unsupported key algorithm " + key.getAlgorithm()
                + "; firmware signatures are ECDSA or RSA (A00.FR.504)");
    }

    /**
     * Signs a digest with a software key.
     *
     * @param key the private key (EC or RSA)
     * @param digest the hash algorithm
     * @param hash the image digest
     * @param rsaPss whether an RSA key signs with PSS instead of PKCS#1 v1.5
     * @param random randomness for ECDSA and PSS
     * @return the signature (DER for ECDSA)
     * @throws GeneralSecurityException when signing fails
     */
    public static byte[] sign(PrivateKey key, FirmwareDigest digest, byte[] hash, boolean rsaPss, SecureRandom random)
            throws GeneralSecurityException {
        Signature s;
        byte[] data = hash;
        if (key instanceof ECKey) {
            s = Signature.getInstance("NONEwithECDSA");
        } else if (key instanceof RSAKey) {
            if (rsaPss || "RSASSA-PSS".equals(key.getAlgorithm())) {
                s = pss(digest, digest.length());
            } else {
                s = Signature.getInstance("NONEwithRSA");
                data = digest.digestInfo(hash);
            }
        } else {
            throw new InvalidKeyException("unsupported key algorithm " + key.getAlgorithm()
                    + "; firmware signatures are ECDSA or RSA (A00.FR.504)");
        }
        s.initSign(key, random);
        s.update(data);
        return s.sign();
    }

    private static Signature pss(FirmwareDigest digest, int salt) throws GeneralSecurityException {
        Signature s = Signature.getInstance("NONEWITHRSAPSS", Bc.PROVIDER);
        try {
            s.setParameter(new PSSParameterSpec(digest.jcaName(), "MGF1", new MGF1ParameterSpec(digest.jcaName()),
                    salt, PSSParameterSpec.TRAILER_FIELD_BC));
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("Bouncy Castle refused PSS parameters", e);
        }
        return s;
    }

    private static boolean verifyQuietly(Signature s, byte[] signature) {
        try {
            return s.verify(signature);
        } catch (SignatureException e) {
            // A value out of range for this scheme: simply not a match.
            return false;
        }
    }

    private static Verification matched(String alg) {
        return new Verification(Optional.of(alg), Optional.empty());
    }

    private static Verification mismatch() {
        return new Verification(Optional.empty(), Optional.empty());
    }

    private static Verification malformed(String why) {
        return new Verification(Optional.empty(), Optional.of(why));
    }
}
