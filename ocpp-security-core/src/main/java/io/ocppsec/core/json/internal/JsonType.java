package io.ocppsec.core.json.internal;

import io.ocppsec.core.json.OcppJsonException;
import jakarta.json.JsonValue;

/**
 * One schema type: reads a JSON value, checking it the way the official schema does, and writes it back.
 *
 * @param <V> the Java type
 */
public interface JsonType<V> {

    /**
     * @param value the JSON value (never Java {@code null}; JSON {@code null} is a type error)
     * @param path the JSON path for error messages
     * @return the Java value
     * @throws OcppJsonException if the value breaks the schema
     */
    V read(JsonValue value, String path) throws OcppJsonException;

    /**
     * @param value the Java value
     * @return the JSON value
     */
    JsonValue write(V value);
}
