package io.ocppsec.core.json.internal;

import static io.ocppsec.core.json.OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION;
import static io.ocppsec.core.json.OcppErrorCode.TYPE_CONSTRAINT_VIOLATION;

import io.ocppsec.core.json.OcppJsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The scalar schema types: string with maxLength, integer, boolean, date-time, enum. */
public final class Types {

    private Types() {
    }

    static OcppJsonException typeError(String path, String expected, JsonValue found) {
        return new OcppJsonException(TYPE_CONSTRAINT_VIOLATION, path,
                "expected " + expected + ", found " + found.getValueType().name().toLowerCase(Locale.ROOT));
    }

    static String string(JsonValue value, String path) throws OcppJsonException {
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw typeError(path, "string", value);
        }
        return ((JsonString) value).getString();
    }

    /**
     * @param maxLength the schema's maxLength, counted in Unicode code points as JSON Schema does
     * @return a string type
     */
    public static JsonType<String> string(int maxLength) {
        return new JsonType<>() {
            @Override
            public String read(JsonValue value, String path) throws OcppJsonException {
                String s = string(value, path);
                if (s.length() > maxLength) {
                    int n = s.codePointCount(0, s.length());
                    if (n > maxLength) {
                        throw new OcppJsonException(PROPERTY_CONSTRAINT_VIOLATION, path,
                                "length " + n + " exceeds maxLength " + maxLength);
                    }
                }
                return s;
            }

            @Override
            public JsonValue write(String value) {
                return JsonTrees.PROVIDER.createValue(value);
            }
        };
    }

    /** JSON Schema {@code integer}, read into a Java {@code int}; fractions with a zero part (1.0) count. */
    public static final JsonType<Integer> INTEGER = new JsonType<>() {
        @Override
        public Integer read(JsonValue value, String path) throws OcppJsonException {
            if (value.getValueType() != JsonValue.ValueType.NUMBER) {
                throw typeError(path, "integer", value);
            }
            // Number literals are already length-limited by JsonTrees; still, never let BigDecimal expand an
            // exponent such as 1e999999999 (that is what intValueExact() on its own would do).
            BigDecimal d = ((JsonNumber) value).bigDecimalValue();
            if (d.signum() == 0) {
                return 0;
            }
            if (d.scale() > 0 && d.stripTrailingZeros().scale() > 0) {
                throw new OcppJsonException(TYPE_CONSTRAINT_VIOLATION, path, "expected integer, found a fraction");
            }
            if ((long) d.precision() - d.scale() > 10) {
                throw new OcppJsonException(PROPERTY_CONSTRAINT_VIOLATION, path, "integer outside the 32-bit range");
            }
            try {
                return d.intValueExact();
            } catch (ArithmeticException e) {
                throw new OcppJsonException(PROPERTY_CONSTRAINT_VIOLATION, path, "integer outside the 32-bit range");
            }
        }

        @Override
        public JsonValue write(Integer value) {
            return JsonTrees.PROVIDER.createValue(value.intValue());
        }
    };

    /** JSON Schema {@code boolean}. */
    public static final JsonType<Boolean> BOOLEAN = new JsonType<>() {
        @Override
        public Boolean read(JsonValue value, String path) throws OcppJsonException {
            if (value.getValueType() == JsonValue.ValueType.TRUE) {
                return Boolean.TRUE;
            }
            if (value.getValueType() == JsonValue.ValueType.FALSE) {
                return Boolean.FALSE;
            }
            throw typeError(path, "boolean", value);
        }

        @Override
        public JsonValue write(Boolean value) {
            return value ? JsonValue.TRUE : JsonValue.FALSE;
        }
    };

    /** RFC 3339 {@code date-time} (JSON Schema format): full date, full time with seconds, offset required. */
    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    /** JSON Schema {@code string} with {@code format: date-time}, read into an {@link Instant}. */
    public static final JsonType<Instant> DATE_TIME = new JsonType<>() {
        @Override
        public Instant read(JsonValue value, String path) throws OcppJsonException {
            String s = string(value, path);
            if (s.length() > 35 || !RFC3339.matcher(s).matches()) {
                throw new OcppJsonException(PROPERTY_CONSTRAINT_VIOLATION, path,
                        "not an RFC 3339 date-time (format date-time)");
            }
            try {
                return OffsetDateTime.parse(s.toUpperCase(Locale.ROOT)).toInstant();
            } catch (DateTimeException e) {
                throw new OcppJsonException(PROPERTY_CONSTRAINT_VIOLATION, path,
                        "not a valid date-time (e.g. month 13 or hour 24)");
            }
        }

        @Override
        public JsonValue write(Instant value) {
            return JsonTrees.PROVIDER.createValue(value.toString());
        }
    };

    /**
     * @param schemaName the enum's name in the schema, for messages
     * @param constants all constants
     * @param ocppValue the constant's OCPP-J value
     * @param <E> the enum
     * @return an enum type
     */
    public static <E extends Enum<E>> JsonType<E> enumeration(String schemaName, E[] constants,
            Function<E, String> ocppValue) {
        Map<String, E> byValue = new HashMap<>();
        for (E c : constants) {
            byValue.put(ocppValue.apply(c), c);
        }
        return new JsonType<>() {
            @Override
            public E read(JsonValue value, String path) throws OcppJsonException {
                E e = byValue.get(string(value, path));
                if (e == null) {
                    throw new OcppJsonException(PROPERTY_CONSTRAINT_VIOLATION, path,
                            "value is not one of " + schemaName + " " + byValue.keySet().stream().sorted().toList());
                }
                return e;
            }

            @Override
            public JsonValue write(E value) {
                return JsonTrees.PROVIDER.createValue(ocppValue.apply(value));
            }
        };
    }
}
