package io.ocppsec.api.requirement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The immutable outcome of a validation: every violation found, not just the first.
 *
 * <pre>{@code
 * ValidationResult result = validator.validate(chain);
 * if (!result.isCompliant()) {
 *     result.blocking().forEach(v -> log(v.message()));
 * }
 * result.orThrow();   // or raise a checked RequirementViolationException
 * }</pre>
 */
public final class ValidationResult {

    private static final ValidationResult COMPLIANT = new ValidationResult(List.of());

    private final List<Violation> violations;

    private ValidationResult(List<Violation> violations) {
        this.violations = violations;
    }

    /** @return a result without any violation */
    public static ValidationResult compliant() {
        return COMPLIANT;
    }

    /**
     * @param violations the violations found (copied)
     * @return a result holding them
     */
    public static ValidationResult of(Collection<Violation> violations) {
        Objects.requireNonNull(violations, "violations");
        return violations.isEmpty() ? COMPLIANT : new ValidationResult(List.copyOf(violations));
    }

    /**
     * @param violations the violations found
     * @return a result holding them
     */
    public static ValidationResult of(Violation... violations) {
        return of(List.of(violations));
    }

    /** @return a builder that collects violations */
    public static Builder builder() {
        return new Builder();
    }

    /** @return every violation, blocking and advisory, in the order found */
    public List<Violation> violations() {
        return violations;
    }

    /** @return the violations of SHALL / SHALL NOT requirements */
    public List<Violation> blocking() {
        return violations.stream().filter(Violation::isBlocking).collect(Collectors.toUnmodifiableList());
    }

    /** @return the violations of SHOULD / RECOMMENDED / MAY requirements: reported, not blocking */
    public List<Violation> advisory() {
        return violations.stream().filter(v -> !v.isBlocking()).collect(Collectors.toUnmodifiableList());
    }

    /** @return {@code false} when any SHALL or SHALL NOT requirement is broken */
    public boolean isCompliant() {
        return violations.stream().noneMatch(Violation::isBlocking);
    }

    /** @return whether there is no violation at all, not even an advisory one */
    public boolean isClean() {
        return violations.isEmpty();
    }

    /**
     * @param id a requirement ID
     * @return whether a violation of that requirement was found
     */
    public boolean violates(RequirementId id) {
        Objects.requireNonNull(id, "id");
        return violations.stream().anyMatch(v -> v.requirement().equals(id));
    }

    /**
     * @param id a requirement ID, e.g. {@code A00.FR.502}
     * @return whether a violation of that requirement was found
     */
    public boolean violates(String id) {
        return violates(RequirementId.of(id));
    }

    /**
     * @param other another result
     * @return a result with the violations of both, this one's first
     */
    public ValidationResult and(ValidationResult other) {
        Objects.requireNonNull(other, "other");
        if (other.violations.isEmpty()) {
            return this;
        }
        if (violations.isEmpty()) {
            return other;
        }
        List<Violation> all = new ArrayList<>(violations);
        all.addAll(other.violations);
        return new ValidationResult(List.copyOf(all));
    }

    /**
     * @return this result when it is compliant
     * @throws RequirementViolationException carrying this result when a SHALL / SHALL NOT is broken
     */
    public ValidationResult orThrow() throws RequirementViolationException {
        if (!isCompliant()) {
            throw new RequirementViolationException(this);
        }
        return this;
    }

    /** @return one violation message per line, or "compliant" */
    public String describe() {
        if (violations.isEmpty()) {
            return "compliant";
        }
        return violations.stream().map(Violation::message).collect(Collectors.joining("\n"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidationResult && ((ValidationResult) o).violations.equals(violations);
    }

    @Override
    public int hashCode() {
        return violations.hashCode();
    }

    @Override
    public String toString() {
        return "ValidationResult{compliant=" + isCompliant() + ", violations=" + violations + "}";
    }

    /** Collects violations; not thread-safe. */
    public static final class Builder {
        private final List<Violation> violations = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param violation a violation found
         * @return this builder
         */
        public Builder add(Violation violation) {
            violations.add(Objects.requireNonNull(violation, "violation"));
            return this;
        }

        /**
         * @param requirement the requirement ID
         * @param level its level
         * @param found what was found
         * @param expected what was expected
         * @return this builder
         */
        public Builder add(String requirement, RequirementLevel level, String found, String expected) {
            return add(Violation.of(requirement, level, found, expected));
        }

        /**
         * @param result violations found by another validator
         * @return this builder
         */
        public Builder addAll(ValidationResult result) {
            violations.addAll(Objects.requireNonNull(result, "result").violations());
            return this;
        }

        /** @return whether no violation has been added yet */
        public boolean isEmpty() {
            return violations.isEmpty();
        }

        /** @return the immutable result */
        public ValidationResult build() {
            return ValidationResult.of(violations);
        }
    }
}
