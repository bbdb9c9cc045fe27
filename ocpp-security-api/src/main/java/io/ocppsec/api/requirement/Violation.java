package io.ocppsec.api.requirement;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One broken requirement: which one, how strong it is, what was found, what was expected, and where.
 *
 * <pre>{@code
 * Violation v = Violation.of(RequirementId.of("A00.FR.502"), RequirementLevel.SHALL,
 *         "RSA key of 1024 bits", "RSA key of at least 2048 bits").atChainIndex(0);
 * }</pre>
 *
 * @param requirement the requirement that is broken
 * @param level its level; {@link RequirementLevel#isMandatory()} levels make a result non-compliant
 * @param found what was found (never a secret value)
 * @param expected what the requirement expects
 * @param chainIndex where it applies: the index of the certificate in the chain as received, if any
 */
public record Violation(RequirementId requirement, RequirementLevel level, String found, String expected,
                        OptionalInt chainIndex) {

    /** Upper bound on the length of the found/expected texts, so that a hostile input cannot blow up a report. */
    public static final int MAX_TEXT_LENGTH = 512;

    /**
     * @throws NullPointerException for a null argument
     * @throws IllegalArgumentException for an empty text or a negative chain index
     */
    public Violation {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(level, "level");
        found = clip(Objects.requireNonNull(found, "found"), "found");
        expected = clip(Objects.requireNonNull(expected, "expected"), "expected");
        Objects.requireNonNull(chainIndex, "chainIndex");
        if (chainIndex.isPresent() && chainIndex.getAsInt() < 0) {
            throw new IllegalArgumentException("chainIndex must be >= 0, was " + chainIndex.getAsInt());
        }
    }

    /**
     * A violation that does not apply to one certificate of a chain.
     *
     * @param requirement the requirement
     * @param level its level
     * @param found what was found
     * @param expected what was expected
     * @return the violation
     */
    public static Violation of(RequirementId requirement, RequirementLevel level, String found, String expected) {
        return new Violation(requirement, level, found, expected, OptionalInt.empty());
    }

    /**
     * Shorthand taking the requirement ID as a string.
     *
     * @param requirement the requirement ID, e.g. {@code A00.FR.509}
     * @param level its level
     * @param found what was found
     * @param expected what was expected
     * @return the violation
     */
    public static Violation of(String requirement, RequirementLevel level, String found, String expected) {
        return of(RequirementId.of(requirement), level, found, expected);
    }

    /**
     * @param index the index of the certificate in the chain, as received
     * @return a copy that applies to that certificate
     */
    public Violation atChainIndex(int index) {
        return new Violation(requirement, level, found, expected, OptionalInt.of(index));
    }

    /** @return whether this violation makes a result non-compliant (a SHALL or SHALL NOT is broken) */
    public boolean isBlocking() {
        return level.isMandatory();
    }

    /** @return one readable line: ID, level, location, found vs. expected */
    public String message() {
        StringBuilder sb = new StringBuilder(requirement.value()).append(' ').append(level.keyword());
        if (chainIndex.isPresent()) {
            sb.append(" [certificate #").append(chainIndex.getAsInt()).append(']');
        }
        return sb.append(": found ").append(found).append("; expected ").append(expected).toString();
    }

    @Override
    public String toString() {
        return message();
    }

    private static String clip(String s, String name) {
        if (s.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return s.length() > MAX_TEXT_LENGTH ? s.substring(0, MAX_TEXT_LENGTH) + "..." : s;
    }
}
