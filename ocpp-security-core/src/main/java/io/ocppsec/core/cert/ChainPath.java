package io.ocppsec.core.cert;

import io.ocppsec.core.cert.internal.KeyIdentifiers;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * A certification path built from a chain as received (with or without the root): the leaf, its issuers found in
 * the chain, and the trust anchor the top one is issued by. The leaf is the first certificate
 * ({@link ChainOrder#LEAF_FIRST}), or with {@link ChainOrder#ANY} the one that issues no other certificate of the
 * chain; the issuers may come in any order after it. Bounded: every certificate is used at most once, so the loop
 * runs at most {@code chain.size()} times.
 *
 * @param indices received indices of the path certificates, leaf first, without the anchor
 * @param anchor the trust anchor the path ends at, if one was found
 * @param anchorIndex the received index of the anchor when the chain contained it, or -1
 */
record ChainPath(List<Integer> indices, Optional<X509Certificate> anchor, int anchorIndex) {

    ChainPath {
        indices = List.copyOf(indices);
    }

    /** @return the path's certificates of a chain, leaf first, without the anchor */
    List<X509Certificate> certificates(List<X509Certificate> chain) {
        List<X509Certificate> out = new ArrayList<>(indices.size());
        indices.forEach(i -> out.add(chain.get(i)));
        return out;
    }

    static ChainPath build(List<X509Certificate> chain, TrustAnchors anchors, ChainOrder order) {
        return build(chain, anchors, Names.of(chain), order);
    }

    static ChainPath build(List<X509Certificate> chain, TrustAnchors anchors, Names names, ChainOrder order) {
        int n = chain.size();
        boolean[] used = new boolean[n];
        // LEAF_FIRST: the certificate whose key the sender proves is the one validated, whatever the names say.
        int leaf = order == ChainOrder.LEAF_FIRST ? 0 : chooseLeaf(chain, anchors, names);
        List<Integer> path = new ArrayList<>();
        path.add(leaf);
        used[leaf] = true;
        int current = leaf;
        for (int step = 0; step < n; step++) {
            X509Certificate cur = chain.get(current);
            for (X509Certificate a : anchors.withSubject(names.issuer(current))) {
                if (keyIdsMatch(cur, a) && !a.equals(cur)) {
                    return new ChainPath(path, Optional.of(a), indexOf(chain, a));
                }
            }
            if (names.selfIssued(current)) {
                break;
            }
            int next = -1;
            for (int j = 0; j < n; j++) {
                if (!used[j] && names.subject(j).equals(names.issuer(current))) {
                    if (keyIdsMatch(cur, chain.get(j))) {
                        next = j;
                        break;
                    }
                    if (next < 0) {
                        next = j;
                    }
                }
            }
            if (next < 0) {
                break;
            }
            if (isAnchor(chain.get(next), names.subject(next), anchors)) {
                return new ChainPath(path, Optional.of(chain.get(next)), next);
            }
            used[next] = true;
            path.add(next);
            current = next;
        }
        return new ChainPath(path, Optional.empty(), -1);
    }

    /** The subject and issuer names of a chain, read once (each read of a JDK certificate re-looks them up). */
    static final class Names {
        private final X500Principal[] subjects;
        private final X500Principal[] issuers;

        private Names(X500Principal[] subjects, X500Principal[] issuers) {
            this.subjects = subjects;
            this.issuers = issuers;
        }

        static Names of(List<X509Certificate> chain) {
            int n = chain.size();
            X500Principal[] s = new X500Principal[n];
            X500Principal[] i = new X500Principal[n];
            for (int k = 0; k < n; k++) {
                s[k] = chain.get(k).getSubjectX500Principal();
                i[k] = chain.get(k).getIssuerX500Principal();
            }
            return new Names(s, i);
        }

        X500Principal subject(int k) {
            return subjects[k];
        }

        X500Principal issuer(int k) {
            return issuers[k];
        }

        boolean selfIssued(int k) {
            return subjects[k].equals(issuers[k]);
        }
    }

    /**
     * {@link ChainOrder#ANY} only: the leaf issues no other certificate of the chain; the first one if it qualifies
     * (the usual order), else an end-entity certificate, else any.
     */
    private static int chooseLeaf(List<X509Certificate> chain, TrustAnchors anchors, Names names) {
        int n = chain.size();
        boolean[] issuesOther = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && !names.selfIssued(j) && names.issuer(j).equals(names.subject(i))) {
                    issuesOther[i] = true;
                    break;
                }
            }
        }
        if (!issuesOther[0]) {
            return 0;
        }
        int fallback = -1;
        for (int i = 0; i < n; i++) {
            if (!issuesOther[i] && !isAnchor(chain.get(i), names.subject(i), anchors)) {
                if (chain.get(i).getBasicConstraints() < 0) {
                    return i;
                }
                if (fallback < 0) {
                    fallback = i;
                }
            }
        }
        return fallback >= 0 ? fallback : 0;
    }

    /** A root has its own subject: only a certificate with that subject needs the fingerprint comparison. */
    private static boolean isAnchor(X509Certificate c, X500Principal subject, TrustAnchors anchors) {
        return !anchors.withSubject(subject).isEmpty() && anchors.contains(c);
    }

    static boolean isSelfIssued(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }

    /** AKI of the child against SKI of the candidate issuer, when both are present and readable. */
    static boolean keyIdsMatch(X509Certificate child, X509Certificate issuer) {
        byte[] aki = KeyIdentifiers.authorityKeyId(child);
        if (aki == null || aki == KeyIdentifiers.MALFORMED) {
            return true; // absent or malformed: let the signature decide
        }
        byte[] ski = KeyIdentifiers.subjectKeyId(issuer);
        return ski == null || ski == KeyIdentifiers.MALFORMED || Arrays.equals(aki, ski);
    }

    private static int indexOf(List<X509Certificate> chain, X509Certificate c) {
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).equals(c)) {
                return i;
            }
        }
        return -1;
    }
}
