package io.ocppsec.core.json.internal;

import static io.ocppsec.core.json.OcppErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION;

import io.ocppsec.core.json.OcppJsonException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One property of a schema object: its JSON name, whether it is required, whether it is an array (with
 * minItems/maxItems), its value type, and how to get it from the record.
 *
 * @param <T> the record type that owns the property
 */
public final class Prop<T> {

    private enum Shape { REQUIRED, OPTIONAL, LIST }

    private final String name;
    private final Shape shape;
    private final boolean required;
    private final int minItems;
    private final int maxItems;
    private final JsonType<Object> type;
    private final Function<T, ?> getter;

    @SuppressWarnings("unchecked")
    private Prop(String name, Shape shape, boolean required, int minItems, int maxItems, JsonType<?> type,
            Function<T, ?> getter) {
        this.name = name;
        this.shape = shape;
        this.required = required;
        this.minItems = minItems;
        this.maxItems = maxItems;
        this.type = (JsonType<Object>) type;
        this.getter = getter;
    }

    /**
     * @param name JSON name
     * @param type value type
     * @param getter record accessor
     * @param <T> record
     * @param <V> value
     * @return a required property
     */
    public static <T, V> Prop<T> req(String name, JsonType<V> type, Function<T, V> getter) {
        return new Prop<>(name, Shape.REQUIRED, true, 0, 0, type, getter);
    }

    /**
     * @param name JSON name
     * @param type value type
     * @param getter record accessor
     * @param <T> record
     * @param <V> value
     * @return an optional property
     */
    public static <T, V> Prop<T> opt(String name, JsonType<V> type, Function<T, Optional<V>> getter) {
        return new Prop<>(name, Shape.OPTIONAL, false, 0, 0, type, getter);
    }

    /**
     * @param name JSON name
     * @param required whether the array must be present
     * @param minItems schema minItems
     * @param maxItems schema maxItems, 0 for none
     * @param type item type
     * @param getter record accessor (an empty list means absent for an optional array)
     * @param <T> record
     * @param <V> item
     * @return an array property
     */
    public static <T, V> Prop<T> list(String name, boolean required, int minItems, int maxItems, JsonType<V> type,
            Function<T, List<V>> getter) {
        return new Prop<>(name, Shape.LIST, required, minItems, maxItems, type, getter);
    }

    String name() {
        return name;
    }

    /** Reads the property of a JSON object; {@code value} is null when the property is absent. */
    Object read(JsonValue value, String objectPath) throws OcppJsonException {
        String path = objectPath + "." + name;
        if (value == null) {
            if (required) {
                throw new OcppJsonException(OCCURRENCE_CONSTRAINT_VIOLATION, path, "required property is missing");
            }
            return shape == Shape.LIST ? List.of() : Optional.empty();
        }
        switch (shape) {
            case REQUIRED:
                return type.read(value, path);
            case OPTIONAL:
                return Optional.of(type.read(value, path));
            default:
                if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                    throw Types.typeError(path, "array", value);
                }
                JsonArray a = value.asJsonArray();
                if (a.size() < minItems) {
                    throw new OcppJsonException(OCCURRENCE_CONSTRAINT_VIOLATION, path,
                            "array has " + a.size() + " items; minItems is " + minItems);
                }
                if (maxItems > 0 && a.size() > maxItems) {
                    throw new OcppJsonException(OCCURRENCE_CONSTRAINT_VIOLATION, path,
                            "array has " + a.size() + " items; maxItems is " + maxItems);
                }
                List<Object> out = new ArrayList<>(a.size());
                for (int i = 0; i < a.size(); i++) {
                    out.add(type.read(a.get(i), path + "[" + i + "]"));
                }
                return out;
        }
    }

    /** Writes the property of {@code record} into {@code b}, leaving out absent values. */
    void write(T record, JsonObjectBuilder b) {
        Object v = getter.apply(record);
        switch (shape) {
            case REQUIRED:
                b.add(name, type.write(v));
                break;
            case OPTIONAL:
                ((Optional<?>) v).ifPresent(x -> b.add(name, type.write(x)));
                break;
            default:
                List<?> list = (List<?>) v;
                if (!list.isEmpty() || required) {
                    JsonArrayBuilder a = JsonTrees.PROVIDER.createArrayBuilder();
                    for (Object x : list) {
                        a.add(type.write(x));
                    }
                    b.add(name, a);
                }
        }
    }
}
