package io.ocppsec.core.store;

import io.ocppsec.api.message.HashAlgorithm;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The identification of a certificate as OCPP {@code CertificateHashDataType} carries it (used by
 * {@code DeleteCertificateRequest} and {@code GetInstalledCertificateIdsResponse}). As in an OCSP
 * CertID (RFC 6960): {@code issuerNameHash} is the hash of the DER encoding of the certificate's issuer
 * name, {@code issuerKeyHash} the hash of the value of the issuer's public key BIT STRING (without tag,
 * length and unused-bits octet), {@code serialNumber} the serial in hexadecimal.
 *
 * <pre>{@code
 * CertificateHash h = CertificateHash.of(root, root.getPublicKey(), HashAlgorithm.SHA256);
 * DeleteResult r = store.deleteCertificate(h);
 * }</pre>
 *
 * @param hashAlgorithm the hash used
 * @param issuerNameHash hex, lower case, exactly the digest length
 * @param issuerKeyHash hex, lower case, exactly the digest length
 * @param serialNumber hex, lower case, without leading zeros, 1..40 characters
 */
public record CertificateHash(HashAlgorithm hashAlgorithm, String issuerNameHash, String issuerKeyHash,
                              String serialNumber) {

    /** Longest serial number OCPP carries ({@code maxLength} of the schema). */
    public static final int MAX_SERIAL_LENGTH = 40;

    /**
     * Normalises the hex strings to lower case (and the serial to no leading zeros).
     *
     * @throws IllegalArgumentException when a hash is not hex of the algorithm's length or the serial is
     *     not 1..40 hex digits
     */
    public CertificateHash {
        Objects.requireNonNull(hashAlgorithm, "hashAlgorithm");
        issuerNameHash = hex(Objects.requireNonNull(issuerNameHash, "issuerNameHash"), hashAlgorithm, "issuerNameHash");
        issuerKeyHash = hex(Objects.requireNonNull(issuerKeyHash, "issuerKeyHash"), hashAlgorithm, "issuerKeyHash");
        Objects.requireNonNull(serialNumber, "serialNumber");
        if (serialNumber.isEmpty() || serialNumber.length() > MAX_SERIAL_LENGTH || !isHex(serialNumber)) {
            throw new IllegalArgumentException("serialNumber must be 1.." + MAX_SERIAL_LENGTH + " hex digits");
        }
        serialNumber = new BigInteger(serialNumber, 16).toString(16);
    }

    /**
     * Computes the hash data of a certificate.
     *
     * @param certificate the certificate
     * @param issuerPublicKey the public key of its issuer (its own key for a self-signed root)
     * @param algorithm the hash to use
     * @return the hash data
     */
    public static CertificateHash of(X509Certificate certificate, PublicKey issuerPublicKey, HashAlgorithm algorithm) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(issuerPublicKey, "issuerPublicKey");
        Objects.requireNonNull(algorithm, "algorithm");
        HexFormat hex = HexFormat.of();
        String nameHash = hex.formatHex(digest(algorithm, certificate.getIssuerX500Principal().getEncoded()));
        String keyHash = hex.formatHex(digest(algorithm, publicKeyBits(issuerPublicKey)));
        return new CertificateHash(algorithm, nameHash, keyHash, certificate.getSerialNumber().toString(16));
    }

    /**
     * @param certificate a certificate
     * @param algorithm the hash
     * @return the hex hash of its issuer name
     */
    static String issuerNameHash(X509Certificate certificate, HashAlgorithm algorithm) {
        return HexFormat.of().formatHex(digest(algorithm, certificate.getIssuerX500Principal().getEncoded()));
    }

    /**
     * @param key a public key
     * @param algorithm the hash
     * @return the hex hash of its BIT STRING value
     */
    static String keyHash(PublicKey key, HashAlgorithm algorithm) {
        return HexFormat.of().formatHex(digest(algorithm, publicKeyBits(key)));
    }

    private static byte[] publicKeyBits(PublicKey key) {
        // The value of the subjectPublicKey BIT STRING, as OCSP CertID.issuerKeyHash (RFC 6960 4.1.1).
        return SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes();
    }

    private static String hex(String s, HashAlgorithm alg, String name) {
        if (s.length() != length(alg) * 2 || !isHex(s)) {
            throw new IllegalArgumentException(name + " must be " + length(alg) * 2 + " hex digits for "
                    + alg.ocppValue() + ", found " + Math.min(s.length(), 999) + " characters");
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /** @return the digest length of the algorithm in bytes */
    private static int length(HashAlgorithm alg) {
        switch (alg) {
            case SHA256:
                return 32;
            case SHA384:
                return 48;
            default:
                return 64;
        }
    }

    private static byte[] digest(HashAlgorithm alg, byte[] data) {
        String jcaName = "SHA-" + alg.ocppValue().substring(3); // SHA256 -> SHA-256
        try {
            return MessageDigest.getInstance(jcaName).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is required by every Java platform", e);
        }
    }

    private static boolean isHex(String s) {
        return s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    }
}
