package io.ocppsec.core.store;

import io.ocppsec.api.message.CertificateSigningUse;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * One client certificate of the Charging Station as the store keeps it: what it is for, its chain
 * (leaf first, as received in {@code CertificateSignedRequest}), the handle of its private key, when it
 * was installed, and when the station confirmed that it works (A02.FR.10 / A03.FR.10).
 *
 * @param use ChargingStationCertificate or V2GCertificate
 * @param chain leaf first, then intermediates (the root may be absent); 1..10 certificates
 * @param key the handle of the leaf's private key
 * @param installedAt when the store accepted it
 * @param confirmedWorkingAt when the station reported that a connection with it worked, if it did
 */
public record StationCertificate(CertificateSigningUse use, List<X509Certificate> chain, KeyHandle key,
                                 Instant installedAt, Optional<Instant> confirmedWorkingAt) {

    /** Longest chain kept for one client certificate. */
    public static final int MAX_CHAIN_LENGTH = 10;

    /**
     * @throws IllegalArgumentException for an empty or too long chain
     */
    public StationCertificate {
        Objects.requireNonNull(use, "use");
        chain = List.copyOf(Objects.requireNonNull(chain, "chain"));
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(installedAt, "installedAt");
        Objects.requireNonNull(confirmedWorkingAt, "confirmedWorkingAt");
        if (chain.isEmpty() || chain.size() > MAX_CHAIN_LENGTH) {
            throw new IllegalArgumentException("A client certificate chain has 1.." + MAX_CHAIN_LENGTH
                    + " certificates, found " + chain.size());
        }
    }

    /** @return the leaf (the station's own certificate) */
    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** @return the leaf's notBefore: the instant from which it may be used (A02.FR.08) */
    public Instant notBefore() {
        return leaf().getNotBefore().toInstant();
    }

    /** @return the leaf's notAfter */
    public Instant notAfter() {
        return leaf().getNotAfter().toInstant();
    }

    /**
     * @param at an instant
     * @return whether the leaf is within its validity period at that instant
     */
    public boolean isValidAt(Instant at) {
        return !at.isBefore(notBefore()) && !at.isAfter(notAfter());
    }

    /**
     * The name of the root this certificate derives from (the issuer of the last certificate of the
     * chain); V2G certificates of the same root compete for "newest" (A02.FR.15 / A03.FR.15).
     *
     * @return the root's distinguished name
     */
    public X500Principal rootName() {
        return chain.get(chain.size() - 1).getIssuerX500Principal();
    }

    /**
     * @param at when the station confirmed the certificate works
     * @return a copy with that confirmation
     */
    public StationCertificate confirmedAt(Instant at) {
        return new StationCertificate(use, chain, key, installedAt, Optional.of(at));
    }

    /** @return whether this and {@code other} hold the same leaf certificate */
    boolean sameLeaf(StationCertificate other) {
        return leaf().equals(other.leaf());
    }

    @Override
    public String toString() {
        return "StationCertificate[" + use.ocppValue() + ", subject=" + leaf().getSubjectX500Principal()
                + ", serial=" + leaf().getSerialNumber().toString(16) + ", notBefore=" + notBefore()
                + ", notAfter=" + notAfter() + ", " + key + "]";
    }
}
