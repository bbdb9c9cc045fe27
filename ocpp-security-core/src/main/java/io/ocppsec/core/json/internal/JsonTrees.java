package io.ocppsec.core.json.internal;

import io.ocppsec.core.json.OcppErrorCode;
import io.ocppsec.core.json.OcppJsonException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Parses JSON text into a tree under hard limits, checked while streaming so that no limit can be passed
 * by the input: total length (checked before parsing), nesting depth (checked at each opening bracket,
 * so deep nesting cannot exhaust the stack), length of a number literal (so no huge {@code BigDecimal}
 * work), and no duplicate keys (which parsers resolve differently — a classic smuggling trick).
 */
public final class JsonTrees {

    /** The Jakarta JSON provider (Parsson), found through {@code ServiceLoader}; works on class and module path. */
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    /** Default limits: 64 KiB frames, depth 32, numbers of at most 32 characters. */
    public static final JsonTrees DEFAULT = new JsonTrees(64 * 1024, 32, 32);

    private final int maxChars;
    private final int maxDepth;
    private final int maxNumberChars;
    private final JsonParserFactory parsers;

    /**
     * @param maxChars maximum text length in chars
     * @param maxDepth maximum nesting depth of arrays and objects (the outermost counts 1)
     * @param maxNumberChars maximum length of a number literal
     */
    public JsonTrees(int maxChars, int maxDepth, int maxNumberChars) {
        if (maxChars < 2 || maxDepth < 1 || maxNumberChars < 1) {
            throw new IllegalArgumentException("limits must be positive (maxChars at least 2)");
        }
        this.maxChars = maxChars;
        this.maxDepth = maxDepth;
        this.maxNumberChars = maxNumberChars;
        // Parsson's own limits as a second line of defence; other providers ignore unknown keys.
        this.parsers = PROVIDER.createParserFactory(Map.of(
                "org.eclipse.parsson.maxDepth", maxDepth + 2,
                "org.eclipse.parsson.rejectDuplicateKeys", true,
                "org.eclipse.parsson.maxBigDecimalLength", maxNumberChars + 1));
    }

    /** @return the maximum text length in chars */
    public int maxChars() {
        return maxChars;
    }

    /** @return the maximum nesting depth */
    public int maxDepth() {
        return maxDepth;
    }

    /** @return the maximum length of a number literal */
    public int maxNumberChars() {
        return maxNumberChars;
    }

    /**
     * @param text JSON text
     * @param onError the error code for any failure
     * @return the tree
     * @throws OcppJsonException if the text is too long, too deep, not JSON, or breaks a limit
     */
    public JsonValue parse(String text, OcppErrorCode onError) throws OcppJsonException {
        if (text.length() > maxChars) {
            throw OcppJsonException.frame(onError, "text is " + text.length() + " chars; the limit is " + maxChars
                    + " (checked before parsing)", null);
        }
        try (JsonParser parser = parsers.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw OcppJsonException.frame(onError, "no JSON value", null);
            }
            JsonValue root = read(parser, parser.next(), 0, onError);
            if (parser.hasNext()) {
                throw OcppJsonException.frame(onError, "content after the JSON value", null);
            }
            return root;
        } catch (OcppJsonException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonParsingException, JsonException, NumberFormatException...: never leak unchecked.
            // The parser's message may quote input, so only its type is kept in our message.
            throw OcppJsonException.frame(onError, "not valid JSON (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    private JsonValue read(JsonParser parser, JsonParser.Event event, int depth, OcppErrorCode onError)
            throws OcppJsonException {
        switch (event) {
            case START_OBJECT:
                return readObject(parser, depth + 1, onError);
            case START_ARRAY:
                return readArray(parser, depth + 1, onError);
            case VALUE_NUMBER:
                if (parser.getString().length() > maxNumberChars) {
                    throw OcppJsonException.frame(onError, "number literal longer than " + maxNumberChars
                            + " chars", null);
                }
                return parser.getValue();
            case VALUE_STRING:
                return PROVIDER.createValue(parser.getString());
            case VALUE_TRUE:
                return JsonValue.TRUE;
            case VALUE_FALSE:
                return JsonValue.FALSE;
            case VALUE_NULL:
                return JsonValue.NULL;
            default:
                throw OcppJsonException.frame(onError, "unexpected JSON token " + event, null);
        }
    }

    private void checkDepth(int depth, OcppErrorCode onError) throws OcppJsonException {
        if (depth > maxDepth) {
            throw OcppJsonException.frame(onError, "nesting deeper than " + maxDepth, null);
        }
    }

    private JsonValue readObject(JsonParser parser, int depth, OcppErrorCode onError) throws OcppJsonException {
        checkDepth(depth, onError);
        JsonObjectBuilder b = PROVIDER.createObjectBuilder();
        Set<String> keys = new HashSet<>();
        while (true) {
            JsonParser.Event e = parser.next();
            if (e == JsonParser.Event.END_OBJECT) {
                return b.build();
            }
            String key = parser.getString();
            if (!keys.add(key)) {
                throw OcppJsonException.frame(onError, "duplicate key in a JSON object", null);
            }
            b.add(key, read(parser, parser.next(), depth, onError));
        }
    }

    private JsonValue readArray(JsonParser parser, int depth, OcppErrorCode onError) throws OcppJsonException {
        checkDepth(depth, onError);
        JsonArrayBuilder b = PROVIDER.createArrayBuilder();
        while (true) {
            JsonParser.Event e = parser.next();
            if (e == JsonParser.Event.END_ARRAY) {
                return b.build();
            }
            b.add(read(parser, e, depth, onError));
        }
    }

    /**
     * @param text JSON text that must be an object
     * @return the object as compact text
     * @throws IllegalArgumentException if it is not a JSON object within the default limits
     */
    public static String compactObjectText(String text) {
        try {
            JsonValue v = DEFAULT.parse(text, OcppErrorCode.FORMAT_VIOLATION);
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("errorDetails must be a JSON object");
            }
            return v.toString();
        } catch (OcppJsonException e) {
            throw new IllegalArgumentException("errorDetails: " + e.getMessage(), e);
        }
    }
}
