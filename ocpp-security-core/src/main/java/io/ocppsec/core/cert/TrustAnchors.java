package io.ocppsec.core.cert;

import io.ocppsec.core.cert.CertificateRole.Hierarchy;
import io.ocppsec.core.internal.x509.Fingerprints;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;

/**
 * The immutable set of root certificates of ONE hierarchy: the CSO hierarchy (the installed
 * CSMSRootCertificates, which anchor CSMS and Charging Station certificates) or the Manufacturer hierarchy
 * (ManufacturerRootCertificates, which anchor firmware signing certificates). A validator takes exactly one
 * set, so a certificate of one hierarchy never validates against the other (Part 2 "Certificate Hierarchy",
 * A00.FR.601–604).
 *
 * <pre>{@code
 * TrustAnchors cso = TrustAnchors.cso(csmsRootCertificate);
 * TrustAnchors manufacturer = TrustAnchors.of(Hierarchy.MANUFACTURER,
 *         CertificateParser.forChain().parsePem(manufacturerRootsPem));
 * }</pre>
 */
public final class TrustAnchors {

    /** Upper bound on the number of roots of one hierarchy. */
    public static final int MAX_ANCHORS = 100;

    private final Hierarchy hierarchy;
    private final List<X509Certificate> certificates;
    private final Set<String> fingerprints;
    private final Set<TrustAnchor> pkixAnchors;
    private final Map<X500Principal, List<X509Certificate>> bySubject;

    private TrustAnchors(Hierarchy hierarchy, List<X509Certificate> certificates) {
        this.hierarchy = hierarchy;
        Map<String, X509Certificate> unique = new LinkedHashMap<>();
        for (X509Certificate c : certificates) {
            unique.putIfAbsent(Fingerprints.of(c), c);
        }
        this.certificates = List.copyOf(unique.values());
        this.fingerprints = Set.copyOf(unique.keySet());
        this.pkixAnchors = this.certificates.stream().map(c -> new TrustAnchor(c, null))
                .collect(Collectors.toUnmodifiableSet());
        Map<X500Principal, List<X509Certificate>> map = new LinkedHashMap<>();
        for (X509Certificate c : this.certificates) {
            map.computeIfAbsent(c.getSubjectX500Principal(), k -> new ArrayList<>()).add(c);
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        this.bySubject = Map.copyOf(map);
    }

    /**
     * @param hierarchy the hierarchy these roots anchor
     * @param roots the root (or pinned CA) certificates; duplicates are removed
     * @return the anchors
     * @throws IllegalArgumentException when empty, too many, or a certificate is not a CA
     */
    public static TrustAnchors of(Hierarchy hierarchy, Collection<X509Certificate> roots) {
        Objects.requireNonNull(hierarchy, "hierarchy");
        Objects.requireNonNull(roots, "roots");
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("at least one " + hierarchy + " root certificate is needed");
        }
        if (roots.size() > MAX_ANCHORS) {
            throw new IllegalArgumentException("at most " + MAX_ANCHORS + " roots, got " + roots.size());
        }
        for (X509Certificate c : roots) {
            Objects.requireNonNull(c, "root");
            if (c.getBasicConstraints() < 0 && c.getVersion() >= 3) {
                throw new IllegalArgumentException("not a CA certificate (basicConstraints cA is not TRUE): "
                        + c.getSubjectX500Principal());
            }
        }
        return new TrustAnchors(hierarchy, List.copyOf(roots));
    }

    /**
     * @param roots the CSO root certificates (CSMSRootCertificate)
     * @return anchors of the CSO hierarchy
     */
    public static TrustAnchors cso(X509Certificate... roots) {
        return of(Hierarchy.CSO, List.of(roots));
    }

    /**
     * @param roots the Manufacturer root certificates (ManufacturerRootCertificate)
     * @return anchors of the Manufacturer hierarchy
     */
    public static TrustAnchors manufacturer(X509Certificate... roots) {
        return of(Hierarchy.MANUFACTURER, List.of(roots));
    }

    /** @return the hierarchy these roots anchor */
    public Hierarchy hierarchy() {
        return hierarchy;
    }

    /** @return the root certificates, without duplicates, in the order given */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    /**
     * @param cert a certificate
     * @return whether it is one of these roots (same encoding)
     */
    public boolean contains(X509Certificate cert) {
        return fingerprints.contains(Fingerprints.of(Objects.requireNonNull(cert, "cert")));
    }

    /**
     * @param issuer an issuer name
     * @return the roots with that subject
     */
    List<X509Certificate> withSubject(X500Principal issuer) {
        return bySubject.getOrDefault(issuer, List.of());
    }

    /** @return the roots as JDK PKIX trust anchors */
    Set<TrustAnchor> pkixAnchors() {
        return pkixAnchors;
    }

    /** @return the SHA-256 fingerprints of the roots */
    Set<String> fingerprints() {
        return fingerprints;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustAnchors && ((TrustAnchors) o).hierarchy == hierarchy
                && ((TrustAnchors) o).fingerprints.equals(fingerprints);
    }

    @Override
    public int hashCode() {
        return hierarchy.hashCode() * 31 + fingerprints.hashCode();
    }

    @Override
    public String toString() {
        return "TrustAnchors{" + hierarchy + ", " + certificates.stream()
                .map(c -> c.getSubjectX500Principal().getName()).collect(Collectors.joining("; ")) + "}";
    }
}
