package io.ocppsec.core.cert;

import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.cert.internal.BoundedCache;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A bounded, thread-safe cache of complete validation results (path, lint, identity; never revocation), keyed by
 * the SHA-256 of the chain's encodings in the order received, the trust anchors and the validator's options. An
 * entry answers only for instants inside the common validity window of every certificate it depended on (the
 * received certificates and the trust anchor): inside it, nothing in the result depends on the instant.
 */
final class ResultCache {

    /**
     * @param chainDigest SHA-256 over the length-prefixed encodings, in order
     * @param anchors the trust anchors (compared by hierarchy and fingerprints)
     * @param options every validator setting that influences the result
     */
    record Key(String chainDigest, TrustAnchors anchors, Object options) {
    }

    /**
     * @param result the result without revocation
     * @param path the path that was built
     * @param notBefore start of the window in which the result holds
     * @param notAfter end of that window
     */
    record Entry(ValidationResult result, ChainPath path, Instant notBefore, Instant notAfter) {
        boolean covers(Instant at) {
            return !at.isBefore(notBefore) && !at.isAfter(notAfter);
        }
    }

    private final BoundedCache<Key, Entry> cache;

    ResultCache(int capacity) {
        this.cache = new BoundedCache<>(capacity);
    }

    int capacity() {
        return cache.capacity();
    }

    int size() {
        return cache.size();
    }

    /** @return the key, or empty when the cache is off or a certificate cannot be encoded */
    Optional<Key> key(List<X509Certificate> chain, TrustAnchors anchors, Object options) {
        if (cache.capacity() == 0) {
            return Optional.empty();
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (X509Certificate c : chain) {
                byte[] der = c.getEncoded();
                sha.update(new byte[] {(byte) (der.length >>> 24), (byte) (der.length >>> 16),
                    (byte) (der.length >>> 8), (byte) der.length});
                sha.update(der);
            }
            return Optional.of(new Key(HexFormat.of().formatHex(sha.digest()), anchors, options));
        } catch (CertificateEncodingException e) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }

    /** @return the cached entry when one holds at the instant */
    Optional<Entry> get(Key key, Instant at) {
        return cache.get(key).filter(e -> e.covers(at));
    }

    /**
     * Stores a result computed at an instant inside the common validity window of the chain and the path's anchor
     * (where it holds throughout); a result computed outside that window depends on the instant and is not kept.
     */
    void put(Key key, List<X509Certificate> chain, ChainPath path, ValidationResult result, Instant at) {
        Instant lo = Instant.MIN;
        Instant hi = Instant.MAX;
        for (X509Certificate c : chain) {
            Instant nb = c.getNotBefore().toInstant();
            Instant na = c.getNotAfter().toInstant();
            lo = nb.isAfter(lo) ? nb : lo;
            hi = na.isBefore(hi) ? na : hi;
        }
        if (path.anchor().isPresent()) {
            Instant nb = path.anchor().get().getNotBefore().toInstant();
            Instant na = path.anchor().get().getNotAfter().toInstant();
            lo = nb.isAfter(lo) ? nb : lo;
            hi = na.isBefore(hi) ? na : hi;
        }
        Entry e = new Entry(result, path, lo, hi);
        if (e.covers(at)) {
            cache.put(key, e);
        }
    }
}
