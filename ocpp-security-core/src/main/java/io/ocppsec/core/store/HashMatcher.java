package io.ocppsec.core.store;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Matches OCPP certificate hash data against stored certificates. */
final class HashMatcher {

    private HashMatcher() {
    }

    /**
     * Finds the issuer's public key: the next certificate of the chain, a stored certificate whose
     * subject is the issuer (roots and chain members), or the certificate itself when self-issued.
     */
    static Optional<PublicKey> issuerKey(X509Certificate cert, List<X509Certificate> above, StoreSnapshot s) {
        List<X509Certificate> candidates = new ArrayList<>(above);
        s.roots().forEach(r -> candidates.add(r.certificate()));
        s.clientCertificates().forEach(c -> candidates.addAll(c.chain()));
        candidates.add(cert);
        for (X509Certificate c : candidates) {
            if (c.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                try {
                    cert.verify(c.getPublicKey());
                    return Optional.of(c.getPublicKey());
                } catch (java.security.GeneralSecurityException e) {
                    // same name, other key: not the issuer
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Serial and issuer name hash must match; the issuer key hash must match too when the issuer is
     * known. When the issuer is not stored (a pinned intermediate), name and serial decide: RFC 5280
     * makes the serial unique per issuer.
     */
    static boolean matches(CertificateHash h, X509Certificate cert, List<X509Certificate> above, StoreSnapshot s) {
        if (!cert.getSerialNumber().equals(new BigInteger(h.serialNumber(), 16))) {
            return false;
        }
        if (!CertificateHash.issuerNameHash(cert, h.hashAlgorithm()).equals(h.issuerNameHash())) {
            return false;
        }
        Optional<PublicKey> key = issuerKey(cert, above, s);
        return key.isEmpty() || CertificateHash.keyHash(key.get(), h.hashAlgorithm()).equals(h.issuerKeyHash());
    }
}
