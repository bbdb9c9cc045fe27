package io.ocppsec.core.cert;

import io.ocppsec.api.requirement.RequirementId;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.core.cert.CertificateRole.Hierarchy;
import io.ocppsec.core.internal.text.Printable;
import io.ocppsec.core.internal.x509.HostNames;
import io.ocppsec.core.internal.x509.X509Names;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The checks behind {@link OcppChainValidator#validate(List, Instant)}: path building and RFC 5280 path
 * validation ({@link ChainPath}, {@link PathValidation}), the {@link CertificateLinter} on every certificate of the
 * path, the role's end-entity and identity checks, the result cache and, on a result that passes all of them, the
 * revocation check. {@link OcppChainValidator} is the public entry (factories, role types, builders); this class
 * holds one validator's settings and does the work.
 *
 * @param anchors the roots of the one hierarchy trusted
 * @param options every setting that decides a revocation-free result (part of the result cache key)
 * @param revocation the revocation check asked after all other checks pass, if any
 * @param results the cache of complete revocation-free results, shared by the copies of a validator
 */
record ChainCheck(TrustAnchors anchors, Options options, Optional<RevocationChecker> revocation,
                  ResultCache results) {

    /** Everything besides the chain, the anchors and the instant that decides a (revocation-free) result. */
    record Options(CertificateRole role, RequirementId pathRequirement, Optional<String> expectedFqdn,
                   Optional<String> expectedOrganization, Optional<String> expectedSerialNumber,
                   boolean fastExpiration, boolean allowSubjectAltNameMatch, ChainOrder order) {
    }

    /**
     * @param chain the certificates as received, none of them null
     * @param at the instant at which validity is judged
     * @return every violation and the validated path
     */
    ChainValidationResult validate(List<X509Certificate> chain, Instant at) {
        RequirementId pathRequirement = options.pathRequirement();
        if (chain.isEmpty()) {
            return ChainValidationResult.refused(ValidationResult.of(Violation.of(pathRequirement,
                    RequirementLevel.SHALL, "an empty certificate chain",
                    "a " + options.role() + " certificate and its intermediates")));
        }
        if (chain.size() > CertificateParser.DEFAULT_MAX_CERTIFICATES * 2) {
            return ChainValidationResult.refused(ValidationResult.of(Violation.of(pathRequirement,
                    RequirementLevel.SHALL, "a chain of " + chain.size() + " certificates",
                    "at most " + CertificateParser.DEFAULT_MAX_CERTIFICATES * 2 + " certificates")));
        }
        Optional<ResultCache.Key> key = results.key(chain, anchors, options);
        Optional<ResultCache.Entry> hit = key.flatMap(k -> results.get(k, at));
        ValidationResult checked;
        ChainPath path;
        if (hit.isPresent()) {
            checked = hit.get().result();
            path = hit.get().path();
        } else {
            path = ChainPath.build(chain, anchors, options.order());
            ValidationResult.Builder r = ValidationResult.builder();
            var pv = new PathValidation(chain, path, anchors, pathRequirement, options.role().hierarchy());
            pv.validate(at, r);
            lint(chain, path, r);
            int leafIndex = path.indices().get(0);
            X509Certificate leaf = chain.get(leafIndex);
            checkEndEntity(leaf, leafIndex, r);
            checkIdentity(leaf, leafIndex, r);
            if (options.role() == CertificateRole.FIRMWARE_SIGNING) {
                checkFirmwareSigner(leaf, leafIndex, r);
            }
            checked = r.build();
            if (key.isPresent() && pv.reusable()) {
                results.put(key.get(), chain, path, checked, at);
            }
        }
        if (revocation.isPresent() && checked.isCompliant()) {
            // Never cached with the result: a revoked certificate is refused as soon as the source says so.
            checked = checked.and(revocation.get().checkPath(chain, path, at));
        }
        return new ChainValidationResult(checked, path.certificates(chain), path.anchor());
    }

    private void lint(List<X509Certificate> chain, ChainPath path, ValidationResult.Builder r) {
        LintOptions.Builder leafOptions = LintOptions.builder().fastExpiration(options.fastExpiration());
        options.expectedOrganization().ifPresent(leafOptions::expectedOrganization);
        LintOptions caOptions = LintOptions.builder().caStructureRequirement(options.pathRequirement()).build();
        CertificateRole caRole = options.role().hierarchy() == Hierarchy.CSO ? CertificateRole.CSO_SUB_CA
                : CertificateRole.MANUFACTURER_SUB_CA;
        List<Integer> indices = path.indices();
        for (int k = 0; k < indices.size(); k++) {
            int idx = indices.get(k);
            ValidationResult lr = k == 0 ? CertificateLinter.lint(chain.get(idx), options.role(), leafOptions.build())
                    : CertificateLinter.lint(chain.get(idx), caRole, caOptions);
            lr.violations().forEach(v -> r.add(v.atChainIndex(idx)));
        }
    }

    private void checkIdentity(X509Certificate leaf, int leafIndex, ValidationResult.Builder r) {
        List<String> cns = X509Names.commonNames(leaf);
        if (options.role() == CertificateRole.CSMS) {
            options.expectedFqdn().ifPresentOrElse(
                    fqdn -> csmsName(leaf, fqdn, options.allowSubjectAltNameMatch()).violations()
                            .forEach(v -> r.add(v.atChainIndex(leafIndex))),
                    () -> r.add(Violation.of("A00.FR.309", RequirementLevel.SHALL,
                            "no CSMS FQDN to compare the CN with",
                            "the FQDN of the CSMS URL (bind it with withExpectedFqdn)").atChainIndex(leafIndex)));
        }
        options.expectedSerialNumber().filter(serial -> !cns.contains(serial)).ifPresent(serial ->
                r.add(Violation.of("A00.FR.405", RequirementLevel.SHALL, "CN=" + cnList(cns),
                        "CN = " + Printable.of(serial) + " (the serial number of this station)")
                        .atChainIndex(leafIndex)));
    }

    /**
     * The certificate validated is the one whose key is used (a TLS peer's, a firmware signer's), so it must be an
     * end-entity certificate of the role: a CA certificate (a sub-CA sent first, or a CA key used to sign) would
     * otherwise pass the CN/O checks of a station, a CSMS or a signer. Reported under the role's path requirement.
     */
    private void checkEndEntity(X509Certificate leaf, int leafIndex, ValidationResult.Builder r) {
        if (leaf.getBasicConstraints() >= 0) {
            r.add(Violation.of(options.pathRequirement(), RequirementLevel.SHALL,
                    "a CA certificate (basicConstraints cA=TRUE)",
                    "a " + options.role() + " end-entity certificate (not a CA) first in the chain")
                    .atChainIndex(leafIndex));
        }
    }

    /**
     * A firmware image is verified with the leaf's key alone, so nothing else (unlike JSSE in a handshake)
     * stops a key whose certificate forbids signing from vouching for firmware. Reported under A00.FR.604 at
     * SHALL, like the path: such a certificate is refused outright (a missing keyUsage stays the advisory
     * A00.FR.512 of the linter).
     */
    private static void checkFirmwareSigner(X509Certificate leaf, int leafIndex, ValidationResult.Builder r) {
        boolean[] ku = leaf.getKeyUsage();
        if (ku != null && !(ku.length > 0 && ku[0]) && !(ku.length > 1 && ku[1])) {
            r.add(Violation.of("A00.FR.604", RequirementLevel.SHALL, "keyUsage without digitalSignature",
                    "a Firmware Signing certificate whose key may sign (keyUsage digitalSignature)")
                    .atChainIndex(leafIndex));
        }
    }

    /** The body of {@link OcppChainValidator#checkCsmsName}: the arguments are not null. */
    static ValidationResult csmsName(X509Certificate leaf, String fqdn, boolean allowSubjectAltName) {
        List<String> cns = X509Names.commonNames(leaf);
        if (cns.stream().anyMatch(cn -> HostNames.sameHost(cn, fqdn))) {
            return ValidationResult.compliant();
        }
        List<String> dns = allowSubjectAltName ? X509Names.dnsNames(leaf) : List.of();
        if (dns.stream().anyMatch(d -> HostNames.sameHost(d, fqdn))) {
            return ValidationResult.compliant();
        }
        // A00.FR.309 (profile 2) / A00.FR.412 (profile 3): the same check of the CSMS CN.
        String found = "CN=" + cnList(cns) + (dns.isEmpty() ? "" : ", dNSName=" + cnList(dns));
        return ValidationResult.of(Violation.of("A00.FR.309", RequirementLevel.SHALL, found,
                "CN = " + Printable.of(fqdn) + " (the FQDN of the CSMS)"
                        + (allowSubjectAltName ? " or a dNSName equal to it" : "")));
    }

    private static String cnList(List<String> cns) {
        return cns.isEmpty() ? "(none)" : String.join(", ", cns.stream().map(Printable::of).toList());
    }

    /** @return the name, when it is a host name or an IP address (the FQDN of a CSMS URL) */
    static String requireHost(String fqdn) {
        Objects.requireNonNull(fqdn, "expectedFqdn");
        if (!HostNames.isFqdn(fqdn) && !HostNames.isIpAddress(fqdn)) {
            throw new IllegalArgumentException("expectedFqdn is not a host name: " + Printable.of(fqdn));
        }
        return fqdn;
    }

    /** @return the text, when it is not blank */
    static String requireText(String s, String name) {
        Objects.requireNonNull(s, name);
        if (s.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return s;
    }
}
