package io.ocppsec.api.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Schema checks shared by the message records. Messages name the property and the limit, never the value. */
final class Checks {

    /** What a masked secret is shown as. */
    static final String MASK = "***";

    private Checks() {
    }

    /** A required string: non-null and at most {@code max} characters (Unicode code points, as JSON Schema counts). */
    static String text(String value, int max, String property) {
        Objects.requireNonNull(value, property);
        checkLength(value, max, property);
        return value;
    }

    /** An optional string: the holder is non-null, a present value is at most {@code max} characters. */
    static Optional<String> optText(Optional<String> value, int max, String property) {
        Objects.requireNonNull(value, property);
        value.ifPresent(v -> checkLength(v, max, property));
        return value;
    }

    /**
     * An array property. For an optional array, an empty list means "absent"; a present array must have at
     * least {@code min} items. {@code max} 0 means no upper limit.
     */
    static <T> List<T> list(List<T> value, int min, int max, boolean required, String property) {
        Objects.requireNonNull(value, property);
        List<T> copy = List.copyOf(value);
        if ((required || !copy.isEmpty()) && copy.size() < min) {
            throw new IllegalArgumentException(property + " needs at least " + min + " item(s) (minItems " + min
                    + "), got " + copy.size());
        }
        if (max > 0 && copy.size() > max) {
            throw new IllegalArgumentException(property + " allows at most " + max + " items (maxItems " + max
                    + "), got " + copy.size());
        }
        return copy;
    }

    /** The range an RFC 3339 {@code date-time} (four-digit year) can express. */
    static final Instant MIN_DATE_TIME = Instant.parse("0000-01-01T00:00:00Z");
    static final Instant MAX_DATE_TIME = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** A required {@code date-time}: non-null and expressible with a four-digit year. */
    static Instant dateTime(Instant value, String property) {
        Objects.requireNonNull(value, property);
        if (value.isBefore(MIN_DATE_TIME) || value.isAfter(MAX_DATE_TIME)) {
            throw new IllegalArgumentException(property + " is outside the date-time range 0000-01-01T00:00:00Z to "
                    + "9999-12-31T23:59:59.999999999Z (RFC 3339 format)");
        }
        return value;
    }

    /** An optional {@code date-time}. */
    static Optional<Instant> optDateTime(Optional<Instant> value, String property) {
        Objects.requireNonNull(value, property);
        value.ifPresent(v -> dateTime(v, property));
        return value;
    }

    private static void checkLength(String value, int max, String property) {
        if (value.length() > max) {
            int codePoints = value.codePointCount(0, value.length());
            if (codePoints > max) {
                throw new IllegalArgumentException(property + " is " + codePoints
                        + " characters long; the schema allows at most " + max + " (maxLength)");
            }
        }
    }

    /** {@code SecurityCtrlr.BasicAuthPassword} is write-only (A01.FR.12); OCPP names are case-insensitive. */
    static boolean isWriteOnlySecret(Component component, Variable variable) {
        return "SecurityCtrlr".equalsIgnoreCase(component.name())
                && "BasicAuthPassword".equalsIgnoreCase(variable.name());
    }
}
