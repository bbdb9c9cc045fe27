package io.ocppsec.core.json.internal;

import static io.ocppsec.core.json.OcppErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION;
import static io.ocppsec.core.json.OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION;

import io.ocppsec.core.json.OcppJsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A schema object type ({@code additionalProperties: false}) mapped to a message record. The vendor
 * extension {@code customData} is allowed everywhere, checked against {@code CustomDataType} and dropped.
 *
 * @param <T> the record type
 */
public final class ObjectType<T> implements JsonType<T> {

    /** Read values by JSON property name, handed to the record factory. */
    public static final class Fields {
        private final Map<String, Object> values = new HashMap<>();

        /**
         * @param name property
         * @param <V> type
         * @return the value of a required property
         */
        @SuppressWarnings("unchecked")
        public <V> V req(String name) {
            return (V) values.get(name);
        }

        /**
         * @param name property
         * @param <V> type
         * @return the value of an optional property
         */
        @SuppressWarnings("unchecked")
        public <V> Optional<V> opt(String name) {
            return (Optional<V>) values.get(name);
        }

        /**
         * @param name property
         * @param <V> item type
         * @return the items of an array property (empty if absent)
         */
        @SuppressWarnings("unchecked")
        public <V> List<V> list(String name) {
            return (List<V>) values.get(name);
        }
    }

    private static final JsonType<String> VENDOR_ID = Types.string(255);

    private final String schemaName;
    private final Function<Fields, T> factory;
    private final Map<String, Prop<T>> props = new LinkedHashMap<>();

    /**
     * @param schemaName the type's name in the schema
     * @param factory builds the record from the read values
     * @param props the properties in schema order
     */
    @SafeVarargs
    public ObjectType(String schemaName, Function<Fields, T> factory, Prop<T>... props) {
        this.schemaName = schemaName;
        this.factory = factory;
        for (Prop<T> p : props) {
            this.props.put(p.name(), p);
        }
    }

    /** @return the type's name in the schema */
    public String schemaName() {
        return schemaName;
    }

    @Override
    public T read(JsonValue value, String path) throws OcppJsonException {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw Types.typeError(path, "object (" + schemaName + ")", value);
        }
        JsonObject o = value.asJsonObject();
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            if (!props.containsKey(e.getKey())) {
                if ("customData".equals(e.getKey())) {
                    checkCustomData(e.getValue(), path + ".customData");
                } else {
                    // The key itself is not echoed: it is attacker-chosen text.
                    throw new OcppJsonException(OCCURRENCE_CONSTRAINT_VIOLATION, path,
                            "property not allowed in " + schemaName + " (additionalProperties is false)");
                }
            }
        }
        Fields f = new Fields();
        for (Prop<T> p : props.values()) {
            f.values.put(p.name(), p.read(o.get(p.name()), path));
        }
        try {
            return factory.apply(f);
        } catch (IllegalArgumentException | NullPointerException e) {
            // The records re-check the schema limits; reaching this means the table and the record disagree.
            throw new OcppJsonException(PROPERTY_CONSTRAINT_VIOLATION, path, "rejected by " + schemaName
                    + ": " + e.getMessage());
        }
    }

    private static void checkCustomData(JsonValue v, String path) throws OcppJsonException {
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw Types.typeError(path, "object (CustomDataType)", v);
        }
        JsonValue vendorId = v.asJsonObject().get("vendorId");
        if (vendorId == null) {
            throw new OcppJsonException(OCCURRENCE_CONSTRAINT_VIOLATION, path + ".vendorId",
                    "required property is missing");
        }
        VENDOR_ID.read(vendorId, path + ".vendorId");
    }

    @Override
    public JsonValue write(T value) {
        JsonObjectBuilder b = JsonTrees.PROVIDER.createObjectBuilder();
        for (Prop<T> p : props.values()) {
            p.write(value, b);
        }
        return b.build();
    }
}
