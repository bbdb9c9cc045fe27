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
 * chain; the issuers may come in any order after it. A self-issued CA certificate (a key rollover) is an ordinary
 * intermediate (RFC 5280 6.1), chained by key identifier or signature rather than by name. Bounded: every
 * certificate (and every copy of it) is used at most once, so the loop runs at most {@code chain.size()} times.
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
        visit(chain, used, leaf);
        int current = leaf;
        for (int step = 0; step < n; step++) {
            X509Certificate cur = chain.get(current);
            boolean selfIssued = names.selfIssued(current);
            for (X509Certificate a : anchors.withSubject(names.issuer(current))) {
                if (!a.equals(cur) && (selfIssued ? linked(cur, a) : keyIdsMatch(cur, a))) {
                    return new ChainPath(path, Optional.of(a), indexOf(chain, a));
                }
            }
            int next = selfIssued ? nextAfterSelfIssued(chain, names, used, current)
                    : nextByName(chain, names, used, current);
            if (next < 0) {
                break;
            }
            if (isAnchor(chain.get(next), names.subject(next), anchors)) {
                return new ChainPath(path, Optional.of(chain.get(next)), next);
            }
            visit(chain, used, next);
            path.add(next);
            current = next;
        }
        return new ChainPath(path, Optional.empty(), -1);
    }

    /** The issuer of an ordinary certificate: by name, preferring one whose key identifier matches. */
    private static int nextByName(List<X509Certificate> chain, Names names, boolean[] used, int current) {
        X509Certificate cur = chain.get(current);
        int next = -1;
        for (int j = 0; j < chain.size(); j++) {
            if (!used[j] && names.subject(j).equals(names.issuer(current))) {
                if (keyIdsMatch(cur, chain.get(j))) {
                    return j;
                }
                if (next < 0) {
                    next = j;
                }
            }
        }
        return next;
    }

    /**
     * The issuer of a self-issued certificate (a CA key rollover: "new with old" is the new key signed by the old
     * one under the same name; RFC 5280 6.1 treats it as an ordinary intermediate). Every certificate under that name
     * looks like its issuer, so the name alone proves nothing: the issuer must be named by the key identifiers (both
     * present and equal) or its key must verify the signature. A certificate already on the path (or a copy of it)
     * is never taken again, so a self-signed root that is not trusted still ends the path and the walk cannot loop.
     */
    private static int nextAfterSelfIssued(List<X509Certificate> chain, Names names, boolean[] used, int current) {
        X509Certificate cur = chain.get(current);
        int bySignature = -1;
        for (int j = 0; j < chain.size(); j++) {
            X509Certificate candidate = chain.get(j);
            if (used[j] || !names.subject(j).equals(names.issuer(current))) {
                continue;
            }
            if (keyIdsEqual(cur, candidate)) {
                return j;
            }
            if (bySignature < 0 && linked(cur, candidate)) {
                bySignature = j;
            }
        }
        return bySignature;
    }

    /** The issuer of a self-issued certificate is named by the key identifiers, or its key verifies the signature. */
    private static boolean linked(X509Certificate selfIssued, X509Certificate issuer) {
        return keyIdsEqual(selfIssued, issuer) || keyIdsMatch(selfIssued, issuer) && signedBy(selfIssued, issuer);
    }

    /** Marks a path certificate and every copy of it as used: a certificate is on a path at most once. */
    private static void visit(List<X509Certificate> chain, boolean[] used, int k) {
        X509Certificate c = chain.get(k);
        for (int j = 0; j < chain.size(); j++) {
            used[j] |= j == k || chain.get(j).equals(c);
        }
    }

    private static boolean signedBy(X509Certificate c, X509Certificate issuer) {
        try {
            c.verify(issuer.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return false;
        }
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

    /** @return whether the certificate is self-issued and its signature verifies with its own key */
    static boolean isSelfSigned(X509Certificate c) {
        return isSelfIssued(c) && signedBy(c, c);
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

    /** AKI of the child equal to the SKI of the candidate issuer, both present and readable. */
    private static boolean keyIdsEqual(X509Certificate child, X509Certificate issuer) {
        byte[] aki = KeyIdentifiers.authorityKeyId(child);
        byte[] ski = KeyIdentifiers.subjectKeyId(issuer);
        return aki != null && ski != null && aki != KeyIdentifiers.MALFORMED && ski != KeyIdentifiers.MALFORMED
                && Arrays.equals(aki, ski);
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
