package io.ocppsec.core.cert;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A certification path built from a chain as received (any order, with or without the root): the leaf,
 * its issuers found in the chain, and the trust anchor the top one is issued by. Bounded: every certificate
 * is used at most once, so the loop runs at most {@code chain.size()} times.
 *
 * @param indices received indices of the path certificates, leaf first, without the anchor
 * @param anchor the trust anchor the path ends at, if one was found
 * @param anchorIndex the received index of the anchor when the chain contained it, or -1
 */
record ChainPath(List<Integer> indices, Optional<X509Certificate> anchor, int anchorIndex) {

    ChainPath {
        indices = List.copyOf(indices);
    }

    static ChainPath build(List<X509Certificate> chain, TrustAnchors anchors) {
        int n = chain.size();
        boolean[] used = new boolean[n];
        int leaf = chooseLeaf(chain, anchors);
        List<Integer> path = new ArrayList<>();
        path.add(leaf);
        used[leaf] = true;
        int current = leaf;
        for (int step = 0; step < n; step++) {
            X509Certificate cur = chain.get(current);
            for (X509Certificate a : anchors.withSubject(cur.getIssuerX500Principal())) {
                if (keyIdsMatch(cur, a) && !a.equals(cur)) {
                    return new ChainPath(path, Optional.of(a), indexOf(chain, a));
                }
            }
            if (isSelfIssued(cur)) {
                break;
            }
            int next = -1;
            for (int j = 0; j < n; j++) {
                if (!used[j] && chain.get(j).getSubjectX500Principal().equals(cur.getIssuerX500Principal())) {
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
            if (anchors.contains(chain.get(next))) {
                return new ChainPath(path, Optional.of(chain.get(next)), next);
            }
            used[next] = true;
            path.add(next);
            current = next;
        }
        return new ChainPath(path, Optional.empty(), -1);
    }

    /** The leaf issues no other certificate of the chain; the first one if it qualifies (the usual order). */
    private static int chooseLeaf(List<X509Certificate> chain, TrustAnchors anchors) {
        int n = chain.size();
        boolean[] issuesOther = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && !isSelfIssued(chain.get(j))
                        && chain.get(j).getIssuerX500Principal().equals(chain.get(i).getSubjectX500Principal())) {
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
            if (!issuesOther[i] && !anchors.contains(chain.get(i))) {
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

    static boolean isSelfIssued(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }

    /** AKI of the child against SKI of the candidate issuer, when both are present. */
    private static boolean keyIdsMatch(X509Certificate child, X509Certificate issuer) {
        byte[] aki = keyId(child.getExtensionValue("2.5.29.35"), true);
        byte[] ski = keyId(issuer.getExtensionValue("2.5.29.14"), false);
        return aki == null || ski == null || Arrays.equals(aki, ski);
    }

    private static byte[] keyId(byte[] extension, boolean authority) {
        if (extension == null) {
            return null;
        }
        try {
            byte[] inner = org.bouncycastle.asn1.ASN1OctetString.getInstance(extension).getOctets();
            if (authority) {
                return org.bouncycastle.asn1.x509.AuthorityKeyIdentifier.getInstance(inner).getKeyIdentifier();
            }
            return org.bouncycastle.asn1.ASN1OctetString.getInstance(inner).getOctets();
        } catch (RuntimeException e) {
            return null; // malformed: let PKIX judge the signature
        }
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
