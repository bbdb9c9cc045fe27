package io.ocppsec.core.password;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import java.util.List;
import java.util.Objects;

/**
 * The rules a {@code BasicAuthPassword} must meet (A00.FR.205 for profile 1, A00.FR.304 for profile 2).
 *
 * <p>Two presets:
 * <ul>
 *   <li>{@link #EDITION_3} (the default): 16 to 40 characters from the Edition 3 {@code passwordString}
 *       set — {@code a-z A-Z 0-9} and {@code * - _ = : + | @ .} (the identifierString symbols). The OCA
 *       test tool checks exactly this, so it is what every station and CSMS accepts.</li>
 *   <li>{@link #errata2025(int)}: the 2025-01 errata — any UTF-8 string of at least 16 characters, the
 *       maximum being the variable's {@code maxLimit}, which must be between 40 and 64.</li>
 * </ul>
 * Lengths count Unicode code points. The check never echoes the value: a violation says how long it is
 * and how many characters are outside the set, not which.
 *
 * <pre>{@code
 * ValidationResult r = PasswordPolicy.EDITION_3.check(value);
 * if (!r.isCompliant()) { respond("Rejected"); }
 * }</pre>
 */
public final class PasswordPolicy {

    /** Minimum length in characters, for both presets. */
    public static final int MIN_LENGTH = 16;
    /** Maximum length of the Edition 3 preset, and the lowest maximum the errata allows. */
    public static final int EDITION_3_MAX_LENGTH = 40;
    /** The highest maximum the 2025-01 errata allows. */
    public static final int ERRATA_MAX_LENGTH_LIMIT = 64;
    /** The symbols of identifierString / Edition 3 passwordString besides letters and digits. */
    public static final String SYMBOLS = "*-_=:+|@.";

    /** Edition 3: 16–40 characters, alphanumeric plus {@code * - _ = : + | @ .}. */
    public static final PasswordPolicy EDITION_3 = new PasswordPolicy(EDITION_3_MAX_LENGTH, true);

    private static final List<String> IDS = List.of("A00.FR.205", "A00.FR.304");

    private final int maxLength;
    private final boolean restrictedAlphabet;

    private PasswordPolicy(int maxLength, boolean restrictedAlphabet) {
        this.maxLength = maxLength;
        this.restrictedAlphabet = restrictedAlphabet;
    }

    /**
     * The 2025-01 errata rules: any UTF-8 string of {@value #MIN_LENGTH} to {@code maxLength} characters.
     *
     * @param maxLength the {@code maxLimit} of the station's BasicAuthPassword variable, 40 to 64
     * @return the policy
     * @throws IllegalArgumentException when maxLength is outside 40..64
     */
    public static PasswordPolicy errata2025(int maxLength) {
        if (maxLength < EDITION_3_MAX_LENGTH || maxLength > ERRATA_MAX_LENGTH_LIMIT) {
            throw new IllegalArgumentException("The errata 2025-01 maximum password length must be between "
                    + EDITION_3_MAX_LENGTH + " and " + ERRATA_MAX_LENGTH_LIMIT + ", was " + maxLength);
        }
        return new PasswordPolicy(maxLength, false);
    }

    /** @return the minimum length in characters (16) */
    public int minLength() {
        return MIN_LENGTH;
    }

    /** @return the maximum length in characters */
    public int maxLength() {
        return maxLength;
    }

    /** @return whether only the Edition 3 passwordString characters are allowed */
    public boolean restrictsAlphabet() {
        return restrictedAlphabet;
    }

    /**
     * @param c a character
     * @return whether it is in the Edition 3 passwordString set (ASCII letters, digits, {@link #SYMBOLS})
     */
    public static boolean isPasswordStringChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || (c < 128 && SYMBOLS.indexOf(c) >= 0);
    }

    /**
     * Checks a value for both Basic-auth profiles: each problem is reported against A00.FR.205 (profile 1)
     * and A00.FR.304 (profile 2).
     *
     * @param value the candidate password; never echoed
     * @return every violation found
     */
    public ValidationResult check(CharSequence value) {
        return check(value, IDS);
    }

    /**
     * Checks a value for one profile.
     *
     * @param value the candidate password; never echoed
     * @param profile the profile in use: 1 reports A00.FR.205, 2 reports A00.FR.304, 3 reports both
     * @return every violation found
     */
    public ValidationResult check(CharSequence value, SecurityProfile profile) {
        Objects.requireNonNull(profile, "profile");
        switch (profile) {
            case UNSECURED_TRANSPORT_BASIC_AUTH:
                return check(value, List.of("A00.FR.205"));
            case TLS_BASIC_AUTH:
                return check(value, List.of("A00.FR.304"));
            default:
                return check(value, IDS);
        }
    }

    /**
     * @param password a password; never echoed
     * @return every violation found, for both profiles
     */
    public ValidationResult check(BasicAuthPassword password) {
        Objects.requireNonNull(password, "password");
        char[] chars = password.toCharArray();
        try {
            return check(java.nio.CharBuffer.wrap(chars));
        } finally {
            java.util.Arrays.fill(chars, '\0');
        }
    }

    private ValidationResult check(CharSequence value, List<String> ids) {
        Objects.requireNonNull(value, "value");
        int codePoints = 0;
        int outside = 0;
        int unpaired = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                cp = Character.toCodePoint(c, value.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                unpaired++;
            }
            codePoints++;
            if (restrictedAlphabet && !isPasswordStringChar(cp)) {
                outside++;
            }
        }
        ValidationResult.Builder b = ValidationResult.builder();
        for (String id : ids) {
            if (codePoints < MIN_LENGTH || codePoints > maxLength) {
                b.add(id, RequirementLevel.SHALL, "a password of " + codePoints + " characters",
                        MIN_LENGTH + " to " + maxLength + " characters");
            }
            if (restrictedAlphabet && outside > 0) {
                b.add(id, RequirementLevel.SHALL, outside + " character(s) outside the passwordString set",
                        "only a-z, A-Z, 0-9 and the symbols " + SYMBOLS);
            } else if (unpaired > 0) {
                b.add(id, RequirementLevel.SHALL, unpaired + " unpaired UTF-16 surrogate(s), which have no UTF-8 form",
                        "a string that can be sent as UTF-8");
            }
        }
        return b.build();
    }

    @Override
    public String toString() {
        return restrictedAlphabet
                ? "PasswordPolicy{Edition 3: 16-40 characters, alphanumeric and " + SYMBOLS + "}"
                : "PasswordPolicy{errata 2025-01: 16-" + maxLength + " characters of UTF-8}";
    }
}
