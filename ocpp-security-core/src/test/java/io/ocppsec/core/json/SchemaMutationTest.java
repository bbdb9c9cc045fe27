package io.ocppsec.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ocppsec.api.message.OcppAction;
import io.ocppsec.api.message.OcppMessage;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid documents derived from the official schemas themselves: for every object in a valid payload,
 * every required property removed, every property given the wrong type, every enum an unknown value,
 * every string one character over maxLength, every date-time malformed, every array under minItems or over
 * maxItems, and an additional property added. Each one must be rejected by the official schema (so the
 * mutation really is invalid) AND by the codec, with the expected OCPP-J error code and property path.
 */
class SchemaMutationTest {

    private static final JsonProvider JSON = JsonProvider.provider();
    private final OcppJsonCodec codec = OcppJsonCodec.create();

    record Mutation(String what, JsonObject doc, OcppErrorCode code, String path) {
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (OcppAction a : OcppAction.values()) {
            out.add(Arguments.of(a, true));
            out.add(Arguments.of(a, false));
        }
        return out.stream();
    }

    private OcppMessage random(OcppAction a, boolean request, Random r) {
        return request ? RandomMessages.REQUESTS.get(a).apply(r) : RandomMessages.RESPONSES.get(a).apply(r);
    }

    private OcppMessage decode(OcppAction a, boolean request, String payload) throws OcppJsonException {
        return request ? codec.decodeRequest(a, payload) : codec.decodeResponse(a, payload);
    }

    @ParameterizedTest(name = "{0} request={1}")
    @MethodSource("cases")
    void everySchemaRuleIsEnforcedWithTheRightCode(OcppAction action, boolean request) {
        String schemaName = OfficialSchemas.name(action, request);
        JsonObject schema = OfficialSchemas.tree(schemaName);
        int checked = 0;
        for (int seed = 0; seed < 4; seed++) {
            OcppMessage m = random(action, request, new Random(seed * 31L + action.ordinal()));
            JsonObject doc = JSON.createReader(new StringReader(codec.encodePayload(m))).readObject();
            List<Mutation> mutations = new ArrayList<>();
            walk(schema, schema, doc, doc, "", "$", mutations);
            for (Mutation mu : mutations) {
                String text = mu.doc().toString();
                assertThat(OfficialSchemas.validate(schemaName, text)).as("schema must reject: %s", mu.what())
                        .isNotEmpty();
                OcppJsonException e = catchThrowableOfType(OcppJsonException.class,
                        () -> decode(action, request, text));
                assertThat(e).as("codec must reject: %s", mu.what()).isNotNull();
                assertThat(e.errorCode()).as("code for %s (%s)", mu.what(), e.getMessage()).isEqualTo(mu.code());
                assertThat(e.propertyPath()).as("path for %s", mu.what()).contains(mu.path());
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest(name = "{0} request={1}")
    @MethodSource("cases")
    void customDataIsAcceptedWhereTheSchemaAllowsItAndChecked(OcppAction action, boolean request) throws Exception {
        String schemaName = OfficialSchemas.name(action, request);
        OcppMessage m = random(action, request, new Random(action.ordinal()));
        JsonObject doc = JSON.createReader(new StringReader(codec.encodePayload(m))).readObject();
        JsonObject custom = JSON.createObjectBuilder().add("vendorId", "com.example")
                .add("anything", JSON.createObjectBuilder().add("nested", JSON.createArrayBuilder().add(1))).build();
        String withCustom = JSON.createObjectBuilder(doc).add("customData", custom).build().toString();
        assertThat(OfficialSchemas.validate(schemaName, withCustom)).isEmpty();
        assertThat(decode(action, request, withCustom)).isEqualTo(m);

        String noVendor = JSON.createObjectBuilder(doc).add("customData", JSON.createObjectBuilder()).build()
                .toString();
        assertThat(OfficialSchemas.validate(schemaName, noVendor)).isNotEmpty();
        assertThatThrownBy(() -> decode(action, request, noVendor)).isInstanceOf(OcppJsonException.class)
                .satisfies(t -> assertThat(((OcppJsonException) t).errorCode())
                        .isEqualTo(OcppErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION))
                .hasMessageContaining("$.customData.vendorId");

        String longVendor = JSON.createObjectBuilder(doc).add("customData",
                JSON.createObjectBuilder().add("vendorId", "v".repeat(256))).build().toString();
        assertThat(OfficialSchemas.validate(schemaName, longVendor)).isNotEmpty();
        assertThatThrownBy(() -> decode(action, request, longVendor))
                .satisfies(t -> assertThat(((OcppJsonException) t).errorCode())
                        .isEqualTo(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION));
    }

    // ---------------------------------------------------------------------------------------- derivation

    private static JsonObject resolve(JsonObject root, JsonObject node) {
        if (node.containsKey("$ref")) {
            String ref = node.getString("$ref");
            return root.getJsonObject("definitions").getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return node;
    }

    private static JsonObject set(JsonObject doc, String pointer, JsonValue v) {
        return JSON.createPointer(pointer).replace(doc, v);
    }

    private static void walk(JsonObject root, JsonObject schema, JsonObject doc, JsonObject node, String pointer,
            String path, List<Mutation> out) {
        out.add(new Mutation(path + " + additional property",
                JSON.createPointer(pointer + "/unexpectedProperty").add(doc, JSON.createValue(1)),
                OcppErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION, path));
        JsonObject props = schema.getJsonObject("properties");
        List<String> required = schema.containsKey("required")
                ? schema.getJsonArray("required").getValuesAs(jakarta.json.JsonString::getString) : List.of();
        for (String name : props.keySet()) {
            if (name.equals("customData") || !node.containsKey(name)) {
                continue;
            }
            String p = pointer + "/" + name;
            String jp = path + "." + name;
            if (required.contains(name)) {
                out.add(new Mutation(jp + " removed", JSON.createPointer(p).remove(doc),
                        OcppErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION, jp));
            }
            JsonObject ps = resolve(root, props.getJsonObject(name));
            String type = ps.getString("type");
            switch (type) {
                case "array" -> {
                    out.add(new Mutation(jp + " not an array", set(doc, p, JSON.createObjectBuilder().build()),
                            OcppErrorCode.TYPE_CONSTRAINT_VIOLATION, jp));
                    JsonArray arr = node.getJsonArray(name);
                    if (ps.containsKey("minItems")) {
                        out.add(new Mutation(jp + " empty", set(doc, p, JSON.createArrayBuilder().build()),
                                OcppErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION, jp));
                    }
                    if (ps.containsKey("maxItems")) {
                        var b = JSON.createArrayBuilder();
                        for (int i = 0; i <= ps.getInt("maxItems"); i++) {
                            b.add(arr.get(0));
                        }
                        out.add(new Mutation(jp + " over maxItems", set(doc, p, b.build()),
                                OcppErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION, jp));
                    }
                    JsonObject items = resolve(root, ps.getJsonObject("items"));
                    if ("object".equals(items.getString("type", ""))) {
                        walk(root, items, doc, arr.getJsonObject(0), p + "/0", jp + "[0]", out);
                    } else {
                        scalar(items, doc, p + "/0", jp + "[0]", out);
                    }
                }
                case "object" -> {
                    out.add(new Mutation(jp + " not an object", set(doc, p, JSON.createValue("x")),
                            OcppErrorCode.TYPE_CONSTRAINT_VIOLATION, jp));
                    walk(root, ps, doc, node.getJsonObject(name), p, jp, out);
                }
                default -> scalar(ps, doc, p, jp, out);
            }
        }
    }

    private static void scalar(JsonObject ps, JsonObject doc, String p, String jp, List<Mutation> out) {
        String type = ps.getString("type");
        switch (type) {
            case "string" -> {
                out.add(new Mutation(jp + " a number", set(doc, p, JSON.createValue(12)),
                        OcppErrorCode.TYPE_CONSTRAINT_VIOLATION, jp));
                out.add(new Mutation(jp + " null", set(doc, p, JsonValue.NULL),
                        OcppErrorCode.TYPE_CONSTRAINT_VIOLATION, jp));
                if (ps.containsKey("enum")) {
                    out.add(new Mutation(jp + " unknown enum value", set(doc, p, JSON.createValue("NotAnEnumValue")),
                            OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, jp));
                }
                if (ps.containsKey("maxLength")) {
                    out.add(new Mutation(jp + " over maxLength",
                            set(doc, p, JSON.createValue("x".repeat(ps.getInt("maxLength") + 1))),
                            OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, jp));
                }
                if ("date-time".equals(ps.getString("format", ""))) {
                    for (String bad : List.of("not-a-date", "2024-13-01T00:00:00Z", "2024-01-01 00:00:00")) {
                        out.add(new Mutation(jp + " bad date-time " + bad, set(doc, p, JSON.createValue(bad)),
                                OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, jp));
                    }
                }
            }
            case "integer" -> {
                out.add(new Mutation(jp + " a string", set(doc, p, JSON.createValue("12")),
                        OcppErrorCode.TYPE_CONSTRAINT_VIOLATION, jp));
                out.add(new Mutation(jp + " a fraction", set(doc, p, JSON.createValue(1.5)),
                        OcppErrorCode.TYPE_CONSTRAINT_VIOLATION, jp));
            }
            case "boolean" -> out.add(new Mutation(jp + " a string", set(doc, p, JSON.createValue("true")),
                    OcppErrorCode.TYPE_CONSTRAINT_VIOLATION, jp));
            default -> throw new IllegalStateException("schema type not covered: " + type);
        }
    }
}
