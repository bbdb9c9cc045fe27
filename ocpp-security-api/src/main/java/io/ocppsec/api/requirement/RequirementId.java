package io.ocppsec.api.requirement;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The ID of a functional requirement of OCPP 2.0.1 Part 2, for example {@code A00.FR.509}.
 *
 * <p>The format is a use-case ID (one letter and two digits), {@code .FR.}, and a two- or three-digit
 * number. Only the format is checked here; the list of Block A IDs is the project's requirement matrix.
 *
 * @param value the ID as written in the specification
 */
public record RequirementId(String value) implements Comparable<RequirementId> {

    private static final Pattern FORMAT = Pattern.compile("[A-Z][0-9]{2}\\.FR\\.[0-9]{2,3}");

    /**
     * @param value the ID as written in the specification, e.g. {@code A02.FR.16}
     * @throws IllegalArgumentException when the format is wrong
     */
    public RequirementId {
        Objects.requireNonNull(value, "value");
        if (value.length() > 12 || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Malformed requirement ID '" + abbreviate(value)
                    + "'; expected a use-case ID, '.FR.' and a number, e.g. A00.FR.509");
        }
    }

    /**
     * @param value the ID, e.g. {@code A00.FR.509}
     * @return the requirement ID
     * @throws IllegalArgumentException when the format is wrong
     */
    public static RequirementId of(String value) {
        return new RequirementId(value);
    }

    /** @return the use case this requirement belongs to, e.g. {@code A00} */
    public String useCase() {
        return value.substring(0, 3);
    }

    @Override
    public int compareTo(RequirementId other) {
        int byCase = useCase().compareTo(other.useCase());
        if (byCase != 0) {
            return byCase;
        }
        return Integer.compare(number(), other.number());
    }

    private int number() {
        return Integer.parseInt(value.substring(7));
    }

    @Override
    public String toString() {
        return value;
    }

    private static String abbreviate(String s) {
        String printable = s.codePoints().limit(40)
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return s.length() > 40 ? printable + "..." : printable;
    }
}
