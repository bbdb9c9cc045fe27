package io.ocppsec.tls.internal;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.core.cert.ChainValidationResult;
import io.ocppsec.core.cert.ChainValidator;
import io.ocppsec.core.cert.CryptoPolicy;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The escape hatch behind {@code StationTlsContext.Builder.insecureAlsoTrustJdkDefaults()} only: RFC 5280 path
 * validation by the JDK PKIX validator to the JDK's default roots (revocation off), plus the key and signature
 * rules of {@link CryptoPolicy} (A00.FR.501–506). The OCPP policy itself is
 * {@link io.ocppsec.core.cert.OcppChainValidator}; the host name is checked by the trust manager, not here.
 */
public final class PkixChainValidator implements ChainValidator {

    /** Longest chain accepted, checked before any work. */
    static final int MAX_CHAIN = 10;

    private final Set<TrustAnchor> anchors;
    private final String pathRequirement;

    /**
     * @param roots the trusted root certificates
     * @param pathRequirement the requirement ID to cite for a path failure (A00.FR.308 or A00.FR.411)
     */
    public PkixChainValidator(Collection<X509Certificate> roots, String pathRequirement) {
        Objects.requireNonNull(roots, "roots");
        Set<TrustAnchor> a = new HashSet<>();
        for (X509Certificate r : roots) {
            a.add(new TrustAnchor(Objects.requireNonNull(r, "root"), null));
        }
        if (a.isEmpty()) {
            throw new IllegalArgumentException("At least one root certificate is needed ("
                    + pathRequirement + ")");
        }
        this.anchors = Set.copyOf(a);
        this.pathRequirement = Objects.requireNonNull(pathRequirement, "pathRequirement");
    }

    /** @return the trust anchors' certificates */
    public List<X509Certificate> roots() {
        List<X509Certificate> r = new ArrayList<>();
        anchors.forEach(t -> r.add(t.getTrustedCert()));
        return r;
    }

    @Override
    public ChainValidationResult validate(List<X509Certificate> chain, Instant at) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(at, "at");
        ValidationResult.Builder r = ValidationResult.builder();
        if (chain.isEmpty()) {
            return ChainValidationResult.refused(r.add(pathRequirement, RequirementLevel.SHALL, "no certificate",
                    "a certificate chain").build());
        }
        if (chain.size() > MAX_CHAIN) {
            return ChainValidationResult.refused(r.add(pathRequirement, RequirementLevel.SHALL,
                    chain.size() + " certificates", "at most " + MAX_CHAIN + " certificates").build());
        }
        List<X509Certificate> path = orderedPath(chain);
        Optional<X509Certificate> anchor = Optional.empty();
        try {
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            CertPath cp = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXCertPathValidatorResult ok = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
                    .validate(cp, params);
            anchor = Optional.ofNullable(ok.getTrustAnchor().getTrustedCert());
        } catch (CertPathValidatorException e) {
            Violation v = Violation.of(pathRequirement, RequirementLevel.SHALL,
                    "path validation failed: " + (e.getReason() != null ? e.getReason() + ": " : "")
                            + String.valueOf(e.getMessage()),
                    "a valid path to a JDK default root certificate (RFC 5280 section 6)");
            r.add(e.getIndex() >= 0 ? v.atChainIndex(chain.indexOf(path.get(e.getIndex()))) : v);
        } catch (GeneralSecurityException e) {
            r.add(pathRequirement, RequirementLevel.SHALL, "path validation error: " + e.getClass().getSimpleName(),
                    "a valid path to a JDK default root certificate");
        }
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            for (Violation v : CryptoPolicy.checkPublicKey(c.getPublicKey())
                    .and(CryptoPolicy.checkSignatureAlgorithm(c.getSigAlgOID(), true)).violations()) {
                r.add(v.atChainIndex(i));
            }
        }
        return new ChainValidationResult(r.build(), path, anchor);
    }

    /** The first certificate (the peer's own), then each issuer found by name; trust anchors are left out. */
    private List<X509Certificate> orderedPath(List<X509Certificate> chain) {
        Set<X509Certificate> roots = new HashSet<>(roots());
        List<X509Certificate> rest = new ArrayList<>(chain.subList(1, chain.size()));
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate cur = chain.get(0);
        path.add(cur);
        while (true) {
            X509Certificate next = null;
            for (X509Certificate c : rest) {
                if (c.getSubjectX500Principal().equals(cur.getIssuerX500Principal()) && !c.equals(cur)) {
                    next = c;
                    break;
                }
            }
            if (next == null || roots.contains(next)) {
                break;
            }
            rest.remove(next);
            path.add(next);
            cur = next;
        }
        return path;
    }
}
