package io.ocppsec.core.cert;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.DSAKey;
import java.security.interfaces.DSAParams;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECParameterSpec;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Key strength and algorithm rules of OCPP 2.0.1 Part 2 that apply to every certificate and CSR:
 * A00.FR.501–506.
 *
 * <ul>
 *   <li>RSA keys of at least 2048 bits (A00.FR.502), EC keys of at least 224 bits (A00.FR.503): together
 *       the 112-bit security level of A00.FR.501.</li>
 *   <li>Only algorithms that BSI TR-02102-1 lists as suitable for future systems (A00.FR.504): RSA
 *       (PKCS#1 v1.5 and PSS) and ECDSA with SHA-2; MD5, SHA-1, DSA and anything unknown are refused.</li>
 *   <li>CA signatures SHOULD be ECDSA or RSA-PSS (A00.FR.505); hashing SHOULD be SHA-256 or stronger
 *       (A00.FR.506). These are reported as advisory violations.</li>
 * </ul>
 *
 * <pre>{@code
 * ValidationResult r = CryptoPolicy.checkPublicKey(cert.getPublicKey())
 *         .and(CryptoPolicy.checkSignatureAlgorithm(cert.getSigAlgOID(), issuedByCa));
 * }</pre>
 */
public final class CryptoPolicy {

    /** Minimum RSA modulus length (A00.FR.502). */
    public static final int MIN_RSA_BITS = 2048;
    /** Minimum EC field size (A00.FR.503). */
    public static final int MIN_EC_BITS = 224;

    /** Hash strength of the signature algorithms BSI lists, by OID. */
    private enum Family { RSA_PKCS1, RSA_PSS, ECDSA }

    private record Alg(String name, Family family, int hashBits) {
    }

    private static final Map<String, Alg> SUITABLE = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.14", new Alg("SHA224withRSA", Family.RSA_PKCS1, 224)),
            Map.entry("1.2.840.113549.1.1.11", new Alg("SHA256withRSA", Family.RSA_PKCS1, 256)),
            Map.entry("1.2.840.113549.1.1.12", new Alg("SHA384withRSA", Family.RSA_PKCS1, 384)),
            Map.entry("1.2.840.113549.1.1.13", new Alg("SHA512withRSA", Family.RSA_PKCS1, 512)),
            Map.entry("1.2.840.113549.1.1.10", new Alg("RSASSA-PSS", Family.RSA_PSS, 256)),
            Map.entry("1.2.840.10045.4.3.1", new Alg("SHA224withECDSA", Family.ECDSA, 224)),
            Map.entry("1.2.840.10045.4.3.2", new Alg("SHA256withECDSA", Family.ECDSA, 256)),
            Map.entry("1.2.840.10045.4.3.3", new Alg("SHA384withECDSA", Family.ECDSA, 384)),
            Map.entry("1.2.840.10045.4.3.4", new Alg("SHA512withECDSA", Family.ECDSA, 512)));

    private static final Map<String, String> KNOWN_UNSUITABLE = Map.of(
            "1.2.840.113549.1.1.2", "MD2withRSA",
            "1.2.840.113549.1.1.4", "MD5withRSA",
            "1.2.840.113549.1.1.5", "SHA1withRSA",
            "1.2.840.10045.4.1", "SHA1withECDSA",
            "1.2.840.10040.4.3", "SHA1withDSA",
            "2.16.840.1.101.3.4.3.1", "SHA224withDSA",
            "2.16.840.1.101.3.4.3.2", "SHA256withDSA");

    private static final Set<String> SUITABLE_KEY_ALGORITHMS = Set.of("RSA", "RSASSA-PSS", "EC");

    private CryptoPolicy() {
    }

    /**
     * Checks the strength and algorithm of a public key (A00.FR.501–504).
     *
     * @param key the key of a certificate or CSR
     * @return violations of A00.FR.502 (RSA), A00.FR.503 (EC) or A00.FR.504 (unsuitable algorithm)
     */
    public static ValidationResult checkPublicKey(PublicKey key) {
        Objects.requireNonNull(key, "key");
        ValidationResult.Builder r = ValidationResult.builder();
        String alg = key.getAlgorithm();
        // A key object built from hostile input may lack its parts (a DSA key whose parameters are inherited from
        // the issuer, a provider's EC key without curve): refused with the rule, never an exception.
        if (key instanceof RSAKey) {
            BigInteger modulus = ((RSAKey) key).getModulus();
            int bits = modulus == null ? 0 : modulus.bitLength();
            if (bits < MIN_RSA_BITS) {
                r.add("A00.FR.502", RequirementLevel.SHALL, modulus == null ? "RSA key without a modulus"
                        : "RSA key of " + bits + " bits", "an RSA key of at least " + MIN_RSA_BITS + " bits");
            }
        } else if (key instanceof ECPublicKey) {
            ECParameterSpec params = ((ECPublicKey) key).getParams();
            int bits = params == null ? 0 : params.getCurve().getField().getFieldSize();
            if (bits < MIN_EC_BITS) {
                r.add("A00.FR.503", RequirementLevel.SHALL, params == null ? "EC key without curve parameters"
                        : "EC key of " + bits + " bits", "an EC key of at least " + MIN_EC_BITS + " bits");
            }
        } else if (key instanceof DSAKey) {
            DSAParams params = ((DSAKey) key).getParams();
            // Without parameters (inherited from the issuer, RFC 3279 2.3.2) the size is unknown here; DSA is
            // refused by A00.FR.504 below either way.
            if (params != null && params.getP() != null && params.getP().bitLength() < MIN_RSA_BITS) {
                r.add("A00.FR.502", RequirementLevel.SHALL, "DSA key of " + params.getP().bitLength() + " bits",
                        "a key of at least " + MIN_RSA_BITS + " bits");
            }
        }
        // Set.of(...).contains(null) would throw: a key without an algorithm name is simply not a suitable one.
        if ((alg == null || !SUITABLE_KEY_ALGORITHMS.contains(alg)) && !(key instanceof RSAKey)
                && !(key instanceof ECPublicKey)) {
            String what = alg == null ? "a key without an algorithm name"
                    : key instanceof DSAKey && ((DSAKey) key).getParams() == null
                    ? "a " + alg + " key with parameters inherited from the issuer" : "a " + alg + " key";
            r.add("A00.FR.504", RequirementLevel.SHALL, what,
                    "an RSA or ECDSA key (algorithms BSI TR-02102-1 lists as suitable for future systems)");
        }
        return r.build();
    }

    /**
     * Checks a signature algorithm (A00.FR.504–506).
     *
     * @param oid the signature algorithm OID, e.g. {@code X509Certificate.getSigAlgOID()}
     * @param byCertificateAuthority whether the signature was made by a CA (A00.FR.505 applies)
     * @return violations of A00.FR.504 (SHALL), A00.FR.505 and A00.FR.506 (SHOULD)
     */
    public static ValidationResult checkSignatureAlgorithm(String oid, boolean byCertificateAuthority) {
        Objects.requireNonNull(oid, "oid");
        ValidationResult.Builder r = ValidationResult.builder();
        Alg alg = SUITABLE.get(oid);
        if (alg == null) {
            String name = KNOWN_UNSUITABLE.getOrDefault(oid, "unknown algorithm " + abbreviate(oid));
            r.add("A00.FR.504", RequirementLevel.SHALL, "signature algorithm " + name,
                    "RSA or ECDSA with SHA-2 (BSI TR-02102-1); MD5, SHA-1 and DSA are not suitable");
            return r.build();
        }
        if (byCertificateAuthority && alg.family() == Family.RSA_PKCS1) {
            r.add("A00.FR.505", RequirementLevel.SHOULD, "CA signature " + alg.name(),
                    "a CA signature with ECDSA or RSA-PSS");
        }
        if (alg.hashBits() < 256) {
            r.add("A00.FR.506", RequirementLevel.SHOULD, "hash of " + alg.hashBits() + " bits in " + alg.name(),
                    "SHA-256 (or stronger)");
        }
        return r.build();
    }

    /**
     * @param oid a signature algorithm OID
     * @return a readable name, e.g. {@code SHA256withECDSA}, or the OID itself when unknown
     */
    public static String signatureAlgorithmName(String oid) {
        Alg alg = SUITABLE.get(Objects.requireNonNull(oid, "oid"));
        return alg != null ? alg.name() : KNOWN_UNSUITABLE.getOrDefault(oid, abbreviate(oid));
    }

    private static String abbreviate(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }
}
