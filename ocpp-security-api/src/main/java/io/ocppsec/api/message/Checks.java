package io.ocppsec.api.message;

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
