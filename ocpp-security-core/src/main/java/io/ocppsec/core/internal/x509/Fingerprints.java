package io.ocppsec.core.internal.x509;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** SHA-256 fingerprints of certificates and public keys. */
public final class Fingerprints {

    private Fingerprints() {
    }

    /**
     * @param cert a certificate
     * @return the lower-case hex SHA-256 of its DER encoding
     */
    public static String of(X509Certificate cert) {
        try {
            return sha256(cert.getEncoded());
        } catch (CertificateEncodingException e) {
            // A certificate obtained from a CertificateFactory always re-encodes; fall back to identity.
            return "unencodable-" + System.identityHashCode(cert);
        }
    }

    /**
     * @param key a public key
     * @return the lower-case hex SHA-256 of its SubjectPublicKeyInfo
     */
    public static String of(PublicKey key) {
        byte[] enc = key.getEncoded();
        return enc == null ? "unencodable-" + System.identityHashCode(key) : sha256(enc);
    }

    /**
     * @param key a public key
     * @return the first 8 bytes of {@link #of(PublicKey)} (16 hex digits), short enough for a toString or log line
     */
    public static String shortOf(PublicKey key) {
        String full = of(key);
        return full.startsWith("unencodable-") ? full : full.substring(0, 16);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
