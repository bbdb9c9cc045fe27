package io.ocppsec.core.cert;

import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.internal.text.Printable;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of validating a certificate chain: every violation found, and the certification path they were
 * found on, leaf first, with the trust anchor it ends at.
 *
 * <p>Whoever acts on a chain uses the certificates of this path, never certificates picked from its own input:
 * the key a TLS handshake or a firmware signature is checked with, the CN read as the station identity and the
 * certificate bound in a registry are those of {@link #leaf()} ("validated = used", {@code docs/certificate-paths.md}).
 * A compliant result always holds a path, so an accepted chain cannot come without the certificate that was
 * validated.
 *
 * <pre>{@code
 * ChainValidationResult v = validator.validate(peerChain, Instant.now());
 * if (!v.isCompliant()) { refuse(v.result()); return; }   // a refused chain may still have a leaf()
 * X509Certificate station = v.leaf().orElseThrow();   // present whenever compliant
 * }</pre>
 *
 * @param result every violation, with the received chain index of the certificate it concerns
 * @param path the validated certificates, leaf first, then each issuer up to (not including) the trust anchor;
 *     empty only when no certificate could be judged (an empty or oversized chain), which is never compliant
 * @param anchor the trust anchor the path ends at, when one was found
 */
public record ChainValidationResult(ValidationResult result, List<X509Certificate> path,
                                    Optional<X509Certificate> anchor) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when a compliant result has no path
     */
    public ChainValidationResult {
        Objects.requireNonNull(result, "result");
        path = List.copyOf(path);
        Objects.requireNonNull(anchor, "anchor");
        if (path.isEmpty() && result.isCompliant()) {
            throw new IllegalArgumentException("a compliant chain validation needs the validated path (leaf first)");
        }
    }

    /**
     * For a {@link ChainValidator} that validated {@code path.get(0)} as the leaf.
     *
     * @param path the certificates validated, leaf first (not empty)
     * @param result the violations found
     * @return the result
     * @throws IllegalArgumentException when the path is empty
     */
    public static ChainValidationResult of(List<X509Certificate> path, ValidationResult result) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("the validated path must hold the leaf");
        }
        return new ChainValidationResult(result, path, Optional.empty());
    }

    /**
     * For a chain refused before any certificate could be judged (empty, too long, unreadable).
     *
     * @param result the violations (at least one SHALL)
     * @return the result, without a path
     * @throws IllegalArgumentException when the result is compliant
     */
    public static ChainValidationResult refused(ValidationResult result) {
        if (result.isCompliant()) {
            throw new IllegalArgumentException("a refusal needs a SHALL violation");
        }
        return new ChainValidationResult(result, List.of(), Optional.empty());
    }

    /** @return whether no SHALL is broken: accept the chain, and use {@link #leaf()} */
    public boolean isCompliant() {
        return result.isCompliant();
    }

    /** @return the validated certificate (the first of the path); present whenever {@link #isCompliant()} */
    public Optional<X509Certificate> leaf() {
        return path.isEmpty() ? Optional.empty() : Optional.of(path.get(0));
    }

    /**
     * @param more further violations found about the same path (e.g. a key check)
     * @return a result with the same path and both sets of violations
     */
    public ChainValidationResult and(ValidationResult more) {
        return new ChainValidationResult(result.and(Objects.requireNonNull(more, "more")), path, anchor);
    }

    @Override
    public String toString() {
        String certs = path.stream().map(c -> "'" + Printable.of(c.getSubjectX500Principal().getName()) + "'")
                .collect(Collectors.joining(" <- "));
        return "ChainValidationResult{" + (isCompliant() ? "compliant" : "not compliant")
                + ", path " + (path.isEmpty() ? "(none)" : certs)
                + anchor.map(a -> " <- anchor '" + Printable.of(a.getSubjectX500Principal().getName()) + "'").orElse("")
                + ", " + result.describe() + "}";
    }
}
