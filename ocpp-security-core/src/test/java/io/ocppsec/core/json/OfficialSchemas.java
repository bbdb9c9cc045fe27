package io.ocppsec.core.json;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.ocppsec.api.message.OcppAction;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The official OCPP 2.0.1 JSON schemas (unmodified copies in test resources), validated with networknt. */
final class OfficialSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<String, JsonObject> TREES = new ConcurrentHashMap<>();

    private OfficialSchemas() {
    }

    static String name(OcppAction action, boolean request) {
        return action.ocppValue() + (request ? "Request" : "Response");
    }

    private static InputStream open(String name) {
        InputStream in = OfficialSchemas.class.getResourceAsStream("/ocpp201-schemas/" + name + ".json");
        if (in == null) {
            throw new IllegalStateException("missing schema " + name);
        }
        return in;
    }

    /** @return the validation messages of {@code json} against the named schema (empty = valid) */
    static Set<ValidationMessage> validate(String schemaName, String json) {
        JsonSchema s = SCHEMAS.computeIfAbsent(schemaName, n -> {
            try (InputStream in = open(n)) {
                return FACTORY.getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return s.validate(json, InputFormat.JSON);
    }

    /** @return the schema document itself, for deriving invalid documents */
    static JsonObject tree(String schemaName) {
        return TREES.computeIfAbsent(schemaName, n -> {
            try (InputStream in = open(n); var r = JsonProvider.provider().createReader(in)) {
                return r.readObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
