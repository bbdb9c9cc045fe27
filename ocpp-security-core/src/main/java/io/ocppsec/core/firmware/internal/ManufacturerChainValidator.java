package io.ocppsec.core.firmware.internal;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.core.cert.ChainValidator;
import io.ocppsec.core.cert.CryptoPolicy;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The default validator of a Firmware Signing certificate, built on the JDK PKIX validator.
 *
 * <ul>
 *   <li>Trust anchors are the installed ManufacturerRootCertificate(s) only, so a certificate of the CSO
 *       hierarchy never validates (A00.FR.604: the Manufacturer hierarchy is separate).</li>
 *   <li>Revocation checking is off (a station is often offline; Table 22 names online verification,
 *       which is the integrator's to add). Validity is judged at the instant given.</li>
 *   <li>Every certificate: key strength and signature algorithm per {@link CryptoPolicy}
 *       (A00.FR.501–506) and validity at the instant.</li>
 *   <li>The signing certificate (index 0): not a CA, keyUsage present with digitalSignature.</li>
 * </ul>
 *
 * <p>Hierarchy, path and role findings cite A00.FR.604 at SHALL level: Block A states the separate
 * Manufacturer hierarchy; the duty to refuse a firmware certificate outside it is the station's
 * firmware-update use case (L01), which has no Block A ID of its own.
 */
public final class ManufacturerChainValidator implements ChainValidator {

    private static final String HIERARCHY = "A00.FR.604";

    private final Set<TrustAnchor> anchors;
    private final List<X509Certificate> roots;
    private final List<X509Certificate> intermediates;

    /**
     * @param manufacturerRoots the installed ManufacturerRootCertificate(s); must not be empty
     * @param knownIntermediates Manufacturer sub-CAs the station knows, used only to build the path
     */
    public ManufacturerChainValidator(Collection<X509Certificate> manufacturerRoots,
            Collection<X509Certificate> knownIntermediates) {
        this.roots = List.copyOf(Objects.requireNonNull(manufacturerRoots, "manufacturerRoots"));
        this.intermediates = List.copyOf(Objects.requireNonNull(knownIntermediates, "knownIntermediates"));
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("at least one ManufacturerRootCertificate is needed");
        }
        Set<TrustAnchor> a = new HashSet<>();
        for (X509Certificate r : roots) {
            a.add(new TrustAnchor(r, null));
        }
        this.anchors = Set.copyOf(a);
    }

    @Override
    public ValidationResult validate(List<X509Certificate> chain, Instant at) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(at, "at");
        ValidationResult.Builder r = ValidationResult.builder();
        if (chain.isEmpty()) {
            return r.add(HIERARCHY, RequirementLevel.SHALL, "no certificate",
                    "a Firmware Signing certificate").build();
        }
        boolean validityReported = false;
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            for (Violation v : CryptoPolicy.checkPublicKey(c.getPublicKey()).violations()) {
                r.add(v.atChainIndex(i));
            }
            for (Violation v : CryptoPolicy.checkSignatureAlgorithm(c.getSigAlgOID(), true).violations()) {
                r.add(v.atChainIndex(i));
            }
            Instant from = c.getNotBefore().toInstant();
            Instant to = c.getNotAfter().toInstant();
            if (at.isBefore(from) || at.isAfter(to)) {
                validityReported = true;
                r.add(Violation.of(HIERARCHY, RequirementLevel.SHALL,
                        (at.isAfter(to) ? "certificate expired: " : "certificate not yet valid: ") + "valid from "
                                + from + " to " + to, "a certificate valid at " + at).atChainIndex(i));
            }
        }
        checkSigningRole(chain.get(0), r);
        checkPath(chain, at, validityReported, r);
        return r.build();
    }

    private static void checkSigningRole(X509Certificate leaf, ValidationResult.Builder r) {
        if (leaf.getBasicConstraints() != -1) {
            r.add(Violation.of(HIERARCHY, RequirementLevel.SHALL, "a CA certificate (basicConstraints cA=true)",
                    "a Firmware Signing end-entity certificate (not a CA)").atChainIndex(0));
        }
        boolean[] ku = leaf.getKeyUsage();
        if (ku == null) {
            r.add(Violation.of("A00.FR.512", RequirementLevel.SHALL, "no keyUsage extension",
                    "keyUsage restricted to the Firmware Signing role: digitalSignature").atChainIndex(0));
        } else if (ku.length == 0 || !ku[0]) {
            r.add(Violation.of("A00.FR.512", RequirementLevel.SHALL, "keyUsage without digitalSignature",
                    "keyUsage with digitalSignature (the key signs firmware images)").atChainIndex(0));
        }
    }

    private void checkPath(List<X509Certificate> chain, Instant at, boolean validityReported,
            ValidationResult.Builder r) {
        // Order the path leaf first, following issuer names through the received certificates and the
        // known intermediates; a received copy of an installed root is left out (it is the anchor).
        List<X509Certificate> path = new ArrayList<>();
        List<Integer> receivedIndex = new ArrayList<>();
        Set<X509Certificate> pool = new LinkedHashSet<>(chain);
        pool.addAll(intermediates);
        pool.removeAll(roots);
        X509Certificate current = chain.get(0);
        if (roots.contains(current)) {
            r.add(Violation.of(HIERARCHY, RequirementLevel.SHALL, "the ManufacturerRootCertificate itself",
                    "a Firmware Signing certificate issued under it").atChainIndex(0));
            return;
        }
        pool.remove(current);
        path.add(current);
        receivedIndex.add(0);
        while (path.size() <= PemCertificates.MAX_CERTIFICATES + intermediates.size() && !issuedByAnchor(current)) {
            X509Certificate next = null;
            for (X509Certificate candidate : pool) {
                if (candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            pool.remove(next);
            path.add(next);
            receivedIndex.add(chain.indexOf(next));
            current = next;
        }
        if (!issuedByAnchor(current)) {
            r.add(Violation.of(HIERARCHY, RequirementLevel.SHALL, "a chain ending at issuer '"
                    + current.getIssuerX500Principal().getName() + "', which is not an installed "
                    + "ManufacturerRootCertificate", "a Firmware Signing certificate of the Manufacturer "
                    + "hierarchy (certificates of the CSO hierarchy are never accepted for firmware)")
                    .atChainIndex(Math.max(0, receivedIndex.get(receivedIndex.size() - 1))));
            return;
        }
        try {
            CertPath cp = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(cp, params);
        } catch (CertPathValidatorException e) {
            CertPathValidatorException.Reason reason = e.getReason();
            boolean validity = reason == CertPathValidatorException.BasicReason.EXPIRED
                    || reason == CertPathValidatorException.BasicReason.NOT_YET_VALID;
            if (validity && validityReported) {
                return;
            }
            Violation v = Violation.of(HIERARCHY, RequirementLevel.SHALL,
                    "certification path rejected (" + reason + "): " + e.getMessage(),
                    "a valid certification path (RFC 5280 section 6) to an installed ManufacturerRootCertificate");
            int idx = e.getIndex();
            if (idx >= 0 && idx < receivedIndex.size() && receivedIndex.get(idx) >= 0) {
                v = v.atChainIndex(receivedIndex.get(idx));
            }
            r.add(v);
        } catch (GeneralSecurityException e) {
            r.add(HIERARCHY, RequirementLevel.SHALL, "certification path could not be checked: " + e.getMessage(),
                    "a valid certification path to an installed ManufacturerRootCertificate");
        }
    }

    private boolean issuedByAnchor(X509Certificate c) {
        for (X509Certificate root : roots) {
            if (root.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                return true;
            }
        }
        return false;
    }
}
