package io.ocppsec.core.cert.internal;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Security;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which signature algorithms and keys the fast path of path validation may judge by itself, so that it
 * never accepts what the JDK PKIX validator would refuse under the JVM's {@code jdk.certpath.disabledAlgorithms}
 * (and {@code jdk.disabled.namedCurves}). The fast path handles only ECDSA and RSA PKCS#1 v1.5 with SHA-256/384/512,
 * RSA keys of 2048 bits or more and EC keys on P-256, P-384 and P-521. The security property is read on every
 * call (cheap) and parsed again only when it changes; any entry that names one of these algorithms, hashes, key
 * types or curves with a constraint other than a plain "keySize &lt; n" that the key satisfies makes this class
 * say "not handled", and the caller falls back to the JDK PKIX validator.
 */
public final class JdkAlgorithmPolicy {

    /**
     * A signature algorithm the fast path may verify.
     *
     * @param jcaName the JCA name, e.g. SHA256withECDSA
     * @param hash the hash as the JDK decomposes it, e.g. SHA256
     * @param hashDashed the hash's standard name, e.g. SHA-256
     * @param ecdsa whether ECDSA (else RSA PKCS#1 v1.5)
     * @param names the lower-case names checked against the constraints
     */
    public record SignatureAlgorithm(String jcaName, String hash, String hashDashed, boolean ecdsa,
                                     List<String> names) {
        static SignatureAlgorithm of(String jcaName, String hash, String hashDashed, boolean ecdsa) {
            return new SignatureAlgorithm(jcaName, hash, hashDashed, ecdsa,
                    List.of(lower(jcaName), lower(hash), lower(hashDashed), ecdsa ? "ecdsa" : "rsa"));
        }
    }

    private static final Map<String, SignatureAlgorithm> SIGNATURES = Map.of(
            "1.2.840.10045.4.3.2", SignatureAlgorithm.of("SHA256withECDSA", "SHA256", "SHA-256", true),
            "1.2.840.10045.4.3.3", SignatureAlgorithm.of("SHA384withECDSA", "SHA384", "SHA-384", true),
            "1.2.840.10045.4.3.4", SignatureAlgorithm.of("SHA512withECDSA", "SHA512", "SHA-512", true),
            "1.2.840.113549.1.1.11", SignatureAlgorithm.of("SHA256withRSA", "SHA256", "SHA-256", false),
            "1.2.840.113549.1.1.12", SignatureAlgorithm.of("SHA384withRSA", "SHA384", "SHA-384", false),
            "1.2.840.113549.1.1.13", SignatureAlgorithm.of("SHA512withRSA", "SHA512", "SHA-512", false));

    /** Curve names and aliases as the JDK knows them (lower case), by standard name. */
    private static final Map<String, List<String>> CURVES = Map.of(
            "secp256r1", List.of("secp256r1", "nist p-256", "x9.62 prime256v1", "prime256v1", "p-256",
                    "1.2.840.10045.3.1.7"),
            "secp384r1", List.of("secp384r1", "nist p-384", "p-384", "1.3.132.0.34"),
            "secp521r1", List.of("secp521r1", "nist p-521", "p-521", "1.3.132.0.35"));

    private static final int MIN_RSA_BITS = 2048;
    private static final int MAX_RSA_BITS = 16384;
    private static final Pattern KEY_SIZE = Pattern.compile("(?i)keySize\\s*(<=|<)\\s*(\\d{1,6})");

    private static final Map<String, ECParameterSpec> CURVE_PARAMS = loadCurves();

    /**
     * The JVM's constraints as they matter to the fast path, parsed from the security properties.
     *
     * @param certpath the {@code jdk.certpath.disabledAlgorithms} text it was parsed from
     * @param curves the {@code jdk.disabled.namedCurves} text it was parsed from
     * @param blocked lower-case names the fast path must leave to PKIX
     * @param minRsa the smallest RSA modulus the constraints allow
     * @param minEc the smallest EC order length the constraints allow
     * @param timeDependent whether a {@code denyAfter} entry makes PKIX outcomes depend on the date
     */
    public record Snapshot(String certpath, String curves, Set<String> blocked, int minRsa, int minEc,
                           boolean timeDependent) {

        /**
         * @param alg a signature algorithm from {@link #signatureAlgorithm(String, byte[])}
         * @return whether the constraints leave it alone
         */
        public boolean permits(SignatureAlgorithm alg) {
            for (String n : alg.names()) {
                if (blocked.contains(n)) {
                    return false;
                }
            }
            return !(alg.ecdsa() && blocked.contains("ec"));
        }

        /**
         * @param key a public key of a certificate or trust anchor
         * @return "EC" or "RSA" when the fast path handles the key and the constraints permit it
         */
        public Optional<String> keyFamily(PublicKey key) {
            return JdkAlgorithmPolicy.keyFamily(this, key);
        }
    }

    private static volatile Snapshot snapshot;

    private JdkAlgorithmPolicy() {
    }

    /**
     * @param oid a certificate's signature algorithm OID
     * @param params its DER-encoded parameters, or null
     * @return the algorithm when the fast path handles it (ECDSA without parameters, RSA with absent or NULL)
     */
    public static Optional<SignatureAlgorithm> signatureAlgorithm(String oid, byte[] params) {
        SignatureAlgorithm alg = SIGNATURES.get(oid);
        if (alg == null) {
            return Optional.empty();
        }
        boolean paramsOk = params == null || (!alg.ecdsa() && params.length == 2 && params[0] == 0x05 && params[1] == 0);
        return paramsOk ? Optional.of(alg) : Optional.empty();
    }

    private static Optional<String> keyFamily(Snapshot s, PublicKey key) {
        if (key instanceof RSAPublicKey && "RSA".equals(key.getAlgorithm())) {
            int bits = ((RSAPublicKey) key).getModulus().bitLength();
            boolean ok = bits >= MIN_RSA_BITS && bits <= MAX_RSA_BITS && bits >= s.minRsa() && !s.blocked().contains("rsa");
            return ok ? Optional.of("RSA") : Optional.empty();
        }
        if (key instanceof ECPublicKey && "EC".equals(key.getAlgorithm())) {
            Optional<String> curve = curveOf(((ECPublicKey) key).getParams());
            if (curve.isEmpty() || s.blocked().contains("ec") || s.blocked().contains("ecdsa")) {
                return Optional.empty();
            }
            int bits = ((ECPublicKey) key).getParams().getOrder().bitLength();
            if (bits < s.minEc()) {
                return Optional.empty();
            }
            for (String alias : CURVES.get(curve.get())) {
                if (s.blocked().contains(alias)) {
                    return Optional.empty();
                }
            }
            return Optional.of("EC");
        }
        return Optional.empty();
    }

    /**
     * @return whether the JVM's certpath constraints depend on the date (a {@code denyAfter} entry), in which case
     *     a PKIX outcome must not be reused at another instant
     */
    public static boolean timeDependent() {
        return current().timeDependent();
    }

    /** @return the JVM's constraints now (parsed again only when the security properties changed) */
    public static Snapshot current() {
        String certpath = Security.getProperty("jdk.certpath.disabledAlgorithms");
        String curves = Security.getProperty("jdk.disabled.namedCurves");
        Snapshot s = snapshot;
        if (s != null && Objects.equals(s.certpath(), certpath) && Objects.equals(s.curves(), curves)) {
            return s;
        }
        s = parse(certpath, curves);
        snapshot = s;
        return s;
    }

    private static Optional<String> curveOf(ECParameterSpec p) {
        for (Map.Entry<String, ECParameterSpec> e : CURVE_PARAMS.entrySet()) {
            ECParameterSpec c = e.getValue();
            if (c.getOrder().equals(p.getOrder()) && c.getCofactor() == p.getCofactor()
                    && c.getCurve().equals(p.getCurve()) && c.getGenerator().equals(p.getGenerator())) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    private static Map<String, ECParameterSpec> loadCurves() {
        Map<String, ECParameterSpec> m = new java.util.LinkedHashMap<>();
        for (String name : List.of("secp256r1", "secp384r1", "secp521r1")) {
            try {
                AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
                ap.init(new ECGenParameterSpec(name));
                m.put(name, ap.getParameterSpec(ECParameterSpec.class));
            } catch (GeneralSecurityException | RuntimeException e) {
                // curve not available: keys on it are left to the JDK PKIX validator
            }
        }
        return Map.copyOf(m);
    }

    /** Names that matter to the fast path; an entry naming anything else is irrelevant to it. */
    private static Set<String> relevantNames() {
        Set<String> names = new HashSet<>(Set.of("rsa", "ec", "ecdsa"));
        for (SignatureAlgorithm a : SIGNATURES.values()) {
            names.addAll(a.names());
        }
        CURVES.values().forEach(names::addAll);
        return names;
    }

    static Snapshot parse(String certpath, String curves) {
        Set<String> relevant = relevantNames();
        Set<String> blocked = new HashSet<>();
        int minRsa = 0;
        int minEc = 0;
        boolean timeDependent = false;
        List<String> entries = new java.util.ArrayList<>();
        split(certpath, curves, entries, 0);
        for (String entry : entries) {
            if (entry.toLowerCase(Locale.ROOT).contains("denyafter")) {
                timeDependent = true;
            }
            String[] parts = entry.split("\\s+", 2);
            String name = lower(parts[0]);
            if (!relevant.contains(name)) {
                continue;
            }
            String rest = parts.length > 1 ? parts[1].trim() : "";
            Matcher m = KEY_SIZE.matcher(rest);
            if ((name.equals("rsa") || name.equals("ec")) && m.matches()) {
                int n = Integer.parseInt(m.group(2)) + (m.group(1).equals("<=") ? 1 : 0);
                if (name.equals("rsa")) {
                    minRsa = Math.max(minRsa, n);
                } else {
                    minEc = Math.max(minEc, n);
                }
            } else {
                blocked.add(name); // disabled outright, or a constraint this class does not evaluate
            }
        }
        return new Snapshot(certpath, curves, Set.copyOf(blocked), minRsa, minEc, timeDependent);
    }

    private static void split(String value, String curves, List<String> out, int depth) {
        if (value == null) {
            return;
        }
        for (String raw : value.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.regionMatches(true, 0, "include ", 0, 8)) {
                String prop = entry.substring(8).trim();
                if (depth < 2) {
                    String included = prop.equals("jdk.disabled.namedCurves") ? curves : Security.getProperty(prop);
                    split(included, curves, out, depth + 1);
                }
                continue;
            }
            out.add(entry);
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
