package io.ocppsec.core.json.internal;

import io.ocppsec.core.internal.text.Secrets;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks secrets in a JSON tree for logging. The tree comes from {@link JsonTrees}, so its depth is
 * bounded and the recursion is safe.
 */
public final class Redactor {

    /** What a masked value is replaced with. */
    public static final String MASK = "***";

    /** An HTTP credential: scheme then token (RFC 7235), e.g. {@code Basic dXNlcjpwYXNz}. */
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)\\s*(" + Secrets.AUTH_SCHEMES + ")\\s+\\S.*", Pattern.DOTALL);

    private Redactor() {
    }

    /**
     * @param value a tree
     * @return the tree with secrets replaced by {@value #MASK}
     */
    public static JsonValue redact(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT:
                return redactObject(value.asJsonObject());
            case ARRAY:
                JsonArrayBuilder a = JsonTrees.PROVIDER.createArrayBuilder();
                for (JsonValue v : value.asJsonArray()) {
                    a.add(redact(v));
                }
                return a.build();
            case STRING:
                return AUTHORIZATION.matcher(((JsonString) value).getString()).matches()
                        ? JsonTrees.PROVIDER.createValue(MASK) : value;
            default:
                return value;
        }
    }

    private static JsonValue redactObject(JsonObject o) {
        boolean writeOnly = isBasicAuthPassword(o);
        boolean vpn = o.containsKey("server") && o.containsKey("password");
        JsonObjectBuilder b = JsonTrees.PROVIDER.createObjectBuilder();
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            String key = e.getKey();
            boolean secret = Secrets.isSecretName(key)
                    || (writeOnly && key.equals("attributeValue"))
                    || (vpn && key.equals("key"));
            b.add(key, secret ? JsonTrees.PROVIDER.createValue(MASK) : redact(e.getValue()));
        }
        return b.build();
    }

    /** A SetVariableData/GetVariableResult-shaped object for SecurityCtrlr.BasicAuthPassword (write-only). */
    private static boolean isBasicAuthPassword(JsonObject o) {
        return nameIs(o.get("component"), "SecurityCtrlr") && nameIs(o.get("variable"), "BasicAuthPassword");
    }

    private static boolean nameIs(JsonValue v, String expected) {
        if (v == null || v.getValueType() != JsonValue.ValueType.OBJECT) {
            return false;
        }
        JsonValue name = v.asJsonObject().get("name");
        return name != null && name.getValueType() == JsonValue.ValueType.STRING
                && ((JsonString) name).getString().equalsIgnoreCase(expected);
    }
}
