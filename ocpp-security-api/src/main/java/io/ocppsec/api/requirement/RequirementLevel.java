package io.ocppsec.api.requirement;

import java.util.Objects;

/**
 * The strength of a requirement, with the keywords of RFC 2119 as the OCPP specification uses them.
 */
public enum RequirementLevel {
    /** An absolute requirement (also written MUST). */
    SHALL("SHALL", true),
    /** An absolute prohibition (also written MUST NOT). */
    SHALL_NOT("SHALL NOT", true),
    /** Recommended; there may be valid reasons to deviate. */
    SHOULD("SHOULD", false),
    /** Not recommended; there may be valid reasons to do it anyway. */
    SHOULD_NOT("SHOULD NOT", false),
    /** Same strength as SHOULD. */
    RECOMMENDED("RECOMMENDED", false),
    /** Optional. */
    MAY("MAY", false);

    private final String keyword;
    private final boolean mandatory;

    RequirementLevel(String keyword, boolean mandatory) {
        this.keyword = keyword;
        this.mandatory = mandatory;
    }

    /** @return the keyword as the specification writes it, e.g. {@code SHALL NOT} */
    public String keyword() {
        return keyword;
    }

    /** @return whether breaking a requirement of this level makes a result non-compliant (SHALL, SHALL NOT) */
    public boolean isMandatory() {
        return mandatory;
    }

    /**
     * Parses a keyword as the specification writes it ({@code SHALL NOT}, {@code MUST}, {@code should}…).
     *
     * @param keyword the keyword
     * @return the level
     * @throws IllegalArgumentException for an unknown keyword
     */
    public static RequirementLevel parse(String keyword) {
        Objects.requireNonNull(keyword, "keyword");
        String k = keyword.trim().replace('_', ' ').toUpperCase(java.util.Locale.ROOT);
        switch (k) {
            case "SHALL":
            case "MUST":
            case "REQUIRED":
                return SHALL;
            case "SHALL NOT":
            case "MUST NOT":
                return SHALL_NOT;
            case "SHOULD":
                return SHOULD;
            case "SHOULD NOT":
                return SHOULD_NOT;
            case "RECOMMENDED":
                return RECOMMENDED;
            case "MAY":
            case "OPTIONAL":
                return MAY;
            default:
                throw new IllegalArgumentException("Unknown requirement level '"
                        + (k.length() > 20 ? k.substring(0, 20) + "..." : k)
                        + "'; expected SHALL, SHALL NOT, SHOULD, SHOULD NOT, RECOMMENDED or MAY");
        }
    }

    @Override
    public String toString() {
        return keyword;
    }
}
