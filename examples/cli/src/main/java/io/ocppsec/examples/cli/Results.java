package io.ocppsec.examples.cli;

import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Prints {@link ValidationResult}s for people (one violation a line) and for machines (JSON). */
final class Results {

    private Results() {
    }

    /**
     * Prints every blocking violation, then every advisory one, one a line: requirement ID, level, chain
     * index, found and expected (the SDK's {@link Violation#message()}).
     */
    static void printViolations(PrintWriter out, ValidationResult r) {
        for (Violation v : r.blocking()) {
            out.println("  violation: " + printable(v.message()));
        }
        for (Violation v : r.advisory()) {
            out.println("  advisory:  " + printable(v.message()));
        }
    }

    /** @return "compliant" / "NOT compliant" with the counts */
    static String summary(ValidationResult r) {
        return (r.isCompliant() ? "compliant" : "NOT compliant") + " (" + r.blocking().size() + " violation"
                + (r.blocking().size() == 1 ? "" : "s") + ", " + r.advisory().size() + " advisor"
                + (r.advisory().size() == 1 ? "y" : "ies") + ")";
    }

    static JsonArrayBuilder json(ValidationResult r) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (Violation v : r.violations()) {
            JsonObjectBuilder o = Json.createObjectBuilder()
                    .add("requirement", v.requirement().value())
                    .add("level", v.level().keyword())
                    .add("blocking", v.isBlocking());
            v.chainIndex().ifPresent(i -> o.add("chainIndex", i));
            a.add(o.add("found", v.found()).add("expected", v.expected()).add("message", v.message()));
        }
        return a;
    }

    /** Adds {@code compliant} and {@code violations} to the object. */
    static JsonObjectBuilder addResult(JsonObjectBuilder o, ValidationResult r) {
        return o.add("compliant", r.isCompliant()).add("violations", json(r));
    }

    /** @return the object as one line of JSON */
    static String toJson(JsonObject o) {
        StringWriter w = new StringWriter();
        try (JsonWriter jw = Json.createWriterFactory(Map.of()).createWriter(w)) {
            jw.writeObject(o);
        }
        return w.toString();
    }

    /** Text derived from certificates may hold control characters: never send them to a terminal. */
    static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
