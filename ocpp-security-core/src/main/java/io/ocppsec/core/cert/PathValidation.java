package io.ocppsec.core.cert;

import io.ocppsec.api.requirement.RequirementId;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.core.cert.CertificateRole.Hierarchy;
import io.ocppsec.core.internal.text.Printable;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 5280 section 6 path validation of one {@link ChainPath} at one instant: validity of every certificate
 * (reported for each, not just the first), then the JDK PKIX validator (signatures, basicConstraints, pathLen,
 * keyUsage keyCertSign, name constraints, policies, unknown critical extensions, the JVM's algorithm constraints)
 * with revocation disabled, its failure mapped to a violation at the failing certificate's received index.
 */
final class PathValidation {

    private final List<X509Certificate> chain;
    private final ChainPath path;
    private final TrustAnchors anchors;
    private final RequirementId requirement;
    private final Hierarchy hierarchy;
    private boolean reusable;

    PathValidation(List<X509Certificate> chain, ChainPath path, TrustAnchors anchors, RequirementId requirement,
                   Hierarchy hierarchy) {
        this.chain = chain;
        this.path = path;
        this.anchors = anchors;
        this.requirement = requirement;
        this.hierarchy = hierarchy;
    }

    /**
     * @return whether the outcome of the last {@link #validate} depends on the instant only through the validity
     *     periods of the certificates (so it may be reused at any instant inside all of them)
     */
    boolean reusable() {
        return reusable;
    }

    /**
     * @param at the instant
     * @param r receives the violations
     */
    void validate(Instant at, ValidationResult.Builder r) {
        List<Integer> idx = path.indices();
        List<X509Certificate> certs = new ArrayList<>();
        idx.forEach(i -> certs.add(chain.get(i)));
        boolean validityBroken = false;
        for (int k = 0; k < certs.size(); k++) {
            validityBroken |= checkValidity(certs.get(k), idx.get(k), at, r, false);
        }
        if (path.anchor().isEmpty()) {
            X509Certificate top = certs.get(certs.size() - 1);
            String why = ChainPath.isSelfSigned(top)
                    ? "a self-signed certificate that is not one of the trusted " + hierarchy + " roots"
                    : ChainPath.isSelfIssued(top)
                    ? "a self-issued certificate (key rollover) whose issuing key is neither in the chain nor one of"
                            + " the trusted " + hierarchy + " roots"
                    : "issuer '" + Printable.of(top.getIssuerX500Principal().getName())
                            + "' is neither in the chain nor one of the trusted " + hierarchy + " roots";
            r.add(violation("no certification path to a trusted " + hierarchy + " root: " + why,
                    idx.get(idx.size() - 1)));
            reusable = true;
            return;
        }
        X509Certificate anchor = path.anchor().get();
        checkValidity(anchor, path.anchorIndex(), at, r, true);

        Date pkixDate = Date.from(validityBroken ? dateInsideAllValidities(certs, at) : at);
        Optional<CertPathValidatorException> failure;
        try {
            failure = runPkix(certs, anchors.pkixAnchors(), pkixDate);
        } catch (GeneralSecurityException | RuntimeException e) {
            // No usable anchors, a provider bug: never let it escape.
            r.add(violation("path validation could not run (" + e.getClass().getSimpleName() + ")", -1));
            return;
        }
        reusable = !dependsOnDate(Security.getProperty("jdk.certpath.disabledAlgorithms"));
        if (failure.isEmpty()) {
            return;
        }
        CertPathValidatorException e = failure.get();
        if (validityBroken && (e.getReason() == BasicReason.EXPIRED || e.getReason() == BasicReason.NOT_YET_VALID)) {
            return; // already reported for every certificate above
        }
        int k = e.getIndex();
        r.add(violation(describe(e), k >= 0 && k < idx.size() ? idx.get(k) : -1));
    }

    /**
     * Whether the JVM's certification path constraints make a PKIX outcome depend on the date, so that it must not
     * be reused at another instant: an entry with {@code denyAfter} does, unless it is limited by {@code usage}
     * (TLSServer, TLSClient, SignedJAR), which never applies to the generic PKIX validation done here. The JDK
     * default ({@code SHA1 usage SignedJAR & denyAfter 2019-01-01}) therefore does not.
     *
     * @param disabledAlgorithms the value of {@code jdk.certpath.disabledAlgorithms}, or null
     * @return whether an entry is date-dependent for this validation
     */
    static boolean dependsOnDate(String disabledAlgorithms) {
        if (disabledAlgorithms == null) {
            return false;
        }
        for (String entry : disabledAlgorithms.toLowerCase(Locale.ROOT).split(",")) {
            if (entry.contains("denyafter") && !entry.contains("usage")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<CertPathValidatorException> runPkix(List<X509Certificate> certs, Set<TrustAnchor> trusted,
                                                                Date date) throws GeneralSecurityException {
        CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(certs);
        PKIXParameters params = new PKIXParameters(trusted);
        params.setRevocationEnabled(false); // revocation is done through the RevocationSource
        params.setDate(date);
        try {
            CertPathValidator.getInstance("PKIX").validate(certPath, params);
            return Optional.empty();
        } catch (CertPathValidatorException e) {
            return Optional.of(e);
        }
    }

    /** @return whether a violation was added */
    private boolean checkValidity(X509Certificate c, int index, Instant at, ValidationResult.Builder r,
                                  boolean anchor) {
        Instant nb = c.getNotBefore().toInstant();
        Instant na = c.getNotAfter().toInstant();
        if (at.isBefore(nb)) {
            r.add(violation(what(c, anchor) + " not valid before " + nb + " (checked at " + at + ")", index));
            return true;
        }
        if (at.isAfter(na)) {
            r.add(violation(what(c, anchor) + " expired at " + na + " (checked at " + at + ")", index));
            return true;
        }
        return false;
    }

    private static String what(X509Certificate c, boolean anchor) {
        return anchor ? "trusted root '" + Printable.of(c.getSubjectX500Principal().getName()) + "'"
                : "certificate";
    }

    private Violation violation(String found, int index) {
        Violation v = Violation.of(requirement, RequirementLevel.SHALL, found,
                "a certification path to a trusted " + hierarchy + " root, valid at the time of the check (RFC 5280 section 6)");
        return index >= 0 ? v.atChainIndex(index) : v;
    }

    /** Once validity is reported, run PKIX at an instant where every certificate is valid, to find other faults. */
    private static Instant dateInsideAllValidities(List<X509Certificate> certs, Instant at) {
        Instant lo = Instant.MIN;
        Instant hi = Instant.MAX;
        for (X509Certificate c : certs) {
            Instant nb = c.getNotBefore().toInstant();
            Instant na = c.getNotAfter().toInstant();
            lo = nb.isAfter(lo) ? nb : lo;
            hi = na.isBefore(hi) ? na : hi;
        }
        if (lo.isAfter(hi)) {
            return at;
        }
        return at.isBefore(lo) ? lo : at.isAfter(hi) ? hi : at;
    }

    private static String describe(CertPathValidatorException e) {
        String what;
        CertPathValidatorException.Reason reason = e.getReason();
        if (reason == BasicReason.EXPIRED || reason == BasicReason.NOT_YET_VALID) {
            what = "certificate not valid at the time of the check";
        } else if (reason == BasicReason.INVALID_SIGNATURE) {
            what = "signature does not verify with the issuer's key";
        } else if (reason == BasicReason.ALGORITHM_CONSTRAINED) {
            what = "algorithm or key size refused by the certification path constraints";
        } else if (reason == PKIXReason.NAME_CHAINING) {
            what = "issuer name does not chain";
        } else if (reason == PKIXReason.INVALID_KEY_USAGE) {
            what = "issuing CA's keyUsage does not allow keyCertSign";
        } else if (reason == PKIXReason.INVALID_NAME) {
            what = "name constraints of an issuing CA violated";
        } else if (reason == PKIXReason.NOT_CA_CERT) {
            what = "issuer is not a CA (basicConstraints cA is not TRUE)";
        } else if (reason == PKIXReason.PATH_TOO_LONG) {
            what = "pathLenConstraint of an issuing CA exceeded";
        } else if (reason == PKIXReason.UNRECOGNIZED_CRIT_EXT) {
            what = "unrecognised critical extension";
        } else if (reason == PKIXReason.NO_TRUST_ANCHOR) {
            what = "no trusted root";
        } else if (reason == PKIXReason.INVALID_POLICY) {
            what = "certificate policy processing failed";
        } else {
            what = "path validation failed";
        }
        String msg = e.getMessage() == null ? "" : " (" + Printable.of(e.getMessage()) + ")";
        return what + msg;
    }
}
