package io.ocppsec.core.cert;

import io.ocppsec.core.cert.internal.BoundedCache;
import io.ocppsec.core.cert.internal.JdkAlgorithmPolicy;
import io.ocppsec.core.cert.internal.JdkAlgorithmPolicy.SignatureAlgorithm;
import io.ocppsec.core.cert.internal.KeyIdentifiers;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * RFC 5280 section 6.1 basic path validation for the common shape of an OCPP chain, done without the JDK PKIX
 * machinery: signature of every certificate by its issuer's key, issuer/subject name chaining, validity at the
 * instant, basicConstraints cA and pathLenConstraint, keyUsage keyCertSign on CAs, and a whitelist of critical
 * extensions. It can only ACCEPT or say {@link Verdict#UNHANDLED}: every chain it cannot vouch for (a failure of
 * any check, name constraints, policy extensions, an unknown critical extension, a version 1 or 2 certificate, an
 * algorithm or key outside {@link JdkAlgorithmPolicy}…) goes to the JDK PKIX validator, which then produces the
 * report. Correctness of a refusal never depends on this class.
 *
 * <p>Mirrors what {@code PKIXCertPathValidator} checks with revocation off and default parameters: the trust
 * anchor pre-selection by subject, authority key identifier and authority serial number; BasicChecker (validity,
 * signature, name chaining); ConstraintsChecker (basicConstraints, pathLen counted from the path length, self-issued
 * certificates not counted); KeyChecker (keyCertSign when keyUsage is present on a CA); AlgorithmChecker (through
 * {@link JdkAlgorithmPolicy}); PolicyChecker (trivially satisfied when no certificate carries policy extensions).
 * Not mirrored: the JDK's internal list of blocked certificates ({@code lib/security/blocked.certs}), which holds a
 * handful of publicly compromised web PKI certificates that cannot chain to an OCPP root.
 */
final class FastPath {

    /** What the fast path concluded. */
    enum Verdict {
        /** The path is valid per RFC 5280 section 6.1 at the instant. */
        ACCEPTED,
        /** Not judged here: ask the JDK PKIX validator. */
        UNHANDLED
    }

    /** Critical extensions the checks above process: basicConstraints, keyUsage, extendedKeyUsage, subjectAltName. */
    private static final Set<String> HANDLED_CRITICAL = Set.of("2.5.29.19", "2.5.29.15", "2.5.29.37", "2.5.29.17");
    /** nameConstraints, certificatePolicies, policyMappings, policyConstraints, inhibitAnyPolicy: left to PKIX. */
    private static final List<String> PKIX_ONLY = List.of("2.5.29.30", "2.5.29.32", "2.5.29.33", "2.5.29.36",
            "2.5.29.54");
    private static final int KEY_CERT_SIGN = 5;

    private FastPath() {
    }

    /**
     * @param certs the path, leaf first, without the anchor
     * @param anchor the trust anchor the top certificate claims to be issued by
     * @param at the instant
     * @param verified cache of issuer-to-CA signatures already verified (key: {@link #linkKey})
     * @return the verdict
     */
    static Verdict validate(List<X509Certificate> certs, X509Certificate anchor, Instant at,
                            BoundedCache<String, Boolean> verified) {
        try {
            return run(certs, anchor, at, verified);
        } catch (GeneralSecurityException | RuntimeException e) {
            return Verdict.UNHANDLED; // a bad signature, an unparsable value, a provider problem: PKIX decides
        }
    }

    private static Verdict run(List<X509Certificate> certs, X509Certificate anchor, Instant at,
                               BoundedCache<String, Boolean> verified) throws GeneralSecurityException {
        int n = certs.size();
        JdkAlgorithmPolicy.Snapshot policy = JdkAlgorithmPolicy.current();
        PublicKey prevKey = anchor.getPublicKey();
        Optional<String> prevFamily = policy.keyFamily(prevKey);
        if (prevFamily.isEmpty() || !anchorSelected(certs.get(n - 1), anchor)) {
            return Verdict.UNHANDLED;
        }
        X500Principal prevSubject = anchor.getSubjectX500Principal();
        int maxPathLength = n;
        for (int i = n - 1; i >= 0; i--) {
            X509Certificate c = certs.get(i);
            boolean leaf = i == 0;
            if (c.getVersion() != 3 || !extensionsHandled(c)) {
                return Verdict.UNHANDLED;
            }
            X500Principal issuer = c.getIssuerX500Principal();
            X500Principal subject = c.getSubjectX500Principal();
            if (issuer.getEncoded().length <= 2 || !issuer.equals(prevSubject)) {
                return Verdict.UNHANDLED; // empty issuer or broken name chaining
            }
            if (at.isBefore(c.getNotBefore().toInstant()) || at.isAfter(c.getNotAfter().toInstant())) {
                return Verdict.UNHANDLED;
            }
            Optional<SignatureAlgorithm> alg = JdkAlgorithmPolicy.signatureAlgorithm(c.getSigAlgOID(),
                    c.getSigAlgParams());
            PublicKey key = c.getPublicKey();
            Optional<String> family = policy.keyFamily(key);
            if (alg.isEmpty() || family.isEmpty() || !policy.permits(alg.get())
                    || alg.get().ecdsa() != prevFamily.get().equals("EC")) {
                return Verdict.UNHANDLED;
            }
            if (!signatureVerified(c, prevKey, leaf, verified)) {
                return Verdict.UNHANDLED;
            }
            if (!leaf) {
                // RFC 5280 6.1.4 (k), (l), (m), (n): a CA, within the pathLen of those above, allowed to sign certificates.
                int pathLen = c.getBasicConstraints();
                if (pathLen < 0) {
                    return Verdict.UNHANDLED;
                }
                if (!subject.equals(issuer)) {
                    if (maxPathLength <= 0) {
                        return Verdict.UNHANDLED;
                    }
                    maxPathLength--;
                }
                maxPathLength = Math.min(maxPathLength, pathLen);
                boolean[] ku = c.getKeyUsage();
                if (ku != null && (ku.length <= KEY_CERT_SIGN || !ku[KEY_CERT_SIGN])) {
                    return Verdict.UNHANDLED;
                }
            }
            prevKey = key;
            prevFamily = family;
            prevSubject = subject;
        }
        return Verdict.ACCEPTED;
    }

    /** PKIX only tries an anchor whose SKI and serial number match the top certificate's authorityKeyIdentifier. */
    private static boolean anchorSelected(X509Certificate top, X509Certificate anchor) {
        KeyIdentifiers.Authority aki = KeyIdentifiers.authority(top);
        if (aki.malformed()) {
            return false;
        }
        if (aki.keyIdentifier().isPresent()) {
            byte[] ski = KeyIdentifiers.subjectKeyId(anchor);
            if (ski == KeyIdentifiers.MALFORMED || (ski != null && !Arrays.equals(ski, aki.keyIdentifier().get()))) {
                return false;
            }
        }
        return aki.serialNumber().isEmpty() || aki.serialNumber().get().equals(anchor.getSerialNumber());
    }

    private static boolean extensionsHandled(X509Certificate c) {
        Set<String> critical = c.getCriticalExtensionOIDs();
        if (critical != null) {
            for (String oid : critical) {
                if (!HANDLED_CRITICAL.contains(oid)) {
                    return false;
                }
            }
        }
        Set<String> nonCritical = c.getNonCriticalExtensionOIDs();
        if (nonCritical != null) {
            for (String oid : PKIX_ONLY) {
                if (nonCritical.contains(oid)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A CA certificate's signature by a given key is verified once; a leaf's every time. */
    private static boolean signatureVerified(X509Certificate c, PublicKey issuerKey, boolean leaf,
                                             BoundedCache<String, Boolean> verified) throws GeneralSecurityException {
        String key = null;
        if (!leaf && verified.capacity() > 0) {
            key = linkKey(issuerKey, c);
            if (verified.get(key).isPresent()) {
                return true;
            }
        }
        c.verify(issuerKey); // throws SignatureException when it does not verify
        if (key != null) {
            verified.put(key, Boolean.TRUE);
        }
        return true;
    }

    /**
     * @param issuerKey the key a certificate was verified with
     * @param c the certificate
     * @return SHA-256 over the issuer's SubjectPublicKeyInfo and the certificate's encoding
     */
    static String linkKey(PublicKey issuerKey, X509Certificate c) throws CertificateEncodingException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] k = issuerKey.getEncoded();
            sha.update(new byte[] {(byte) (k.length >>> 24), (byte) (k.length >>> 16), (byte) (k.length >>> 8),
                (byte) k.length});
            sha.update(k);
            sha.update(c.getEncoded());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
