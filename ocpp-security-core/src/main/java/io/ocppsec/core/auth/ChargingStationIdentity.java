package io.ocppsec.core.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * The Charging Station identity: the last path segment of the OCPP-J connection URL and the Basic-auth
 * username (A00.FR.204, A00.FR.303).
 *
 * <p>An identifierString of 1 to {@value #MAX_LENGTH} characters from {@code a-z A-Z 0-9 * - _ = + | @ .},
 * without {@code :} (which would make the Basic-auth username ambiguous, A00.FR.204). Equality is exact
 * (case-sensitive): a station uses the same string in its URL and its username, and a CSMS keyed on the
 * identity must not merge two spellings. Pass the URL segment after percent-decoding.
 *
 * @param value the identity
 */
public record ChargingStationIdentity(String value) {

    /** Maximum length (OCPP-J Part 4 §3.1.1). */
    public static final int MAX_LENGTH = 48;

    /**
     * @throws IllegalArgumentException when the value is empty, too long, or has a character outside the
     *     set (the message does not echo the value)
     */
    public ChargingStationIdentity {
        Objects.requireNonNull(value, "value");
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("Invalid Charging Station identity: " + problem.get());
        }
    }

    /**
     * @param value the identity
     * @return the identity
     * @throws IllegalArgumentException when it is not a valid identity
     */
    public static ChargingStationIdentity of(String value) {
        return new ChargingStationIdentity(value);
    }

    /**
     * @param value a candidate identity
     * @return why it is not a valid identity, if it is not
     */
    public static Optional<String> problem(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            return Optional.of("empty");
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of(value.length() + " characters, at most " + MAX_LENGTH + " allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ':') {
                return Optional.of("contains ':', which separates username and password in Basic auth "
                        + "(A00.FR.204, A00.FR.303)");
            }
            if (!isIdentifierChar(c)) {
                return Optional.of("a character outside identifierString (a-z, A-Z, 0-9, * - _ = + | @ .) at index " + i);
            }
        }
        return Optional.empty();
    }

    private static boolean isIdentifierChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "*-_=+|@.".indexOf(c) >= 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
