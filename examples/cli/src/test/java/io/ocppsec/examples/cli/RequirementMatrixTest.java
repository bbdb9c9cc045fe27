package io.ocppsec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the requirement matrix honest: every ID of the specification is in it, every {@code implemented}
 * ID has a test annotated {@code @Verifies} with it, and no annotation names an unknown ID. Generates
 * {@code docs/requirements.md} from the matrix and the annotations found in every module's tests.
 */
class RequirementMatrixTest {

    private static final Pattern VERIFIES = Pattern.compile("@Verifies\\(\\s*(\\{[^}]*}|\"[^\"]*\")\\s*\\)");
    private static final Pattern ID = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern TEST_NAME = Pattern.compile(
            "(?:void\\s+(\\w+)\\s*\\(|class\\s+(\\w+))");

    private static Path root;
    private static RequirementMatrix matrix;
    private static Map<String, Set<String>> testsById;

    @BeforeAll
    static void load() throws IOException {
        root = repoRoot();
        try (InputStream in = Files.newInputStream(root.resolve("docs/requirements.tsv"))) {
            matrix = RequirementMatrix.read(in);
        }
        testsById = scanVerifiesAnnotations(root);
    }

    static Path repoRoot() {
        String prop = System.getProperty("ocppsec.repo.root");
        Path p = prop != null ? Paths.get(prop) : Paths.get("").toAbsolutePath();
        for (Path q = p.toAbsolutePath().normalize(); q != null; q = q.getParent()) {
            if (Files.exists(q.resolve("docs/requirements.tsv")) && Files.exists(q.resolve("pom.xml"))) {
                return q;
            }
        }
        throw new IllegalStateException("Cannot find the repository root above " + p);
    }

    /** @return requirement ID → the tests (Class#method) annotated with it */
    static Map<String, Set<String>> scanVerifiesAnnotations(Path root) throws IOException {
        Map<String, Set<String>> result = new TreeMap<>();
        List<Path> sources;
        try (Stream<Path> s = Files.walk(root)) {
            sources = s.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/src/test/java/"))
                    .filter(f -> !f.toString().contains("/target/"))
                    .collect(Collectors.toList());
        }
        for (Path f : sources) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            String className = f.getFileName().toString().replace(".java", "");
            Matcher m = VERIFIES.matcher(text);
            while (m.find()) {
                Matcher n = TEST_NAME.matcher(text);
                String target = n.find(m.end()) ? (n.group(1) != null ? className + "#" + n.group(1) : n.group(2))
                        : className;
                Matcher ids = ID.matcher(m.group(1));
                while (ids.find()) {
                    result.computeIfAbsent(ids.group(1), k -> new TreeSet<>()).add(target);
                }
            }
        }
        return result;
    }

    @Test
    void matrixListsEveryRequirementOfTheSpecificationOnce() throws IOException {
        List<String> ids = matrix.rows().stream().map(r -> r.id().value()).collect(Collectors.toList());
        assertThat(ids).hasSize(146).doesNotHaveDuplicates();
        Path spec = root.resolveSibling("shared").resolve("spec/requirements.tsv");
        if (Files.exists(spec)) {
            List<String> specIds = Files.readAllLines(spec, StandardCharsets.UTF_8).stream().skip(1)
                    .filter(l -> !l.isBlank()).map(l -> l.split("\t", 2)[0]).collect(Collectors.toList());
            assertThat(ids).as("IDs of docs/requirements.tsv vs ../shared/spec/requirements.tsv")
                    .containsExactlyElementsOf(specIds);
        }
    }

    @Test
    void everyImplementedRequirementHasATaggedTest() {
        List<String> untested = matrix.rows().stream()
                .filter(r -> r.status() == RequirementMatrix.Status.IMPLEMENTED)
                .map(r -> r.id().value())
                .filter(id -> !testsById.containsKey(id))
                .collect(Collectors.toList());
        assertThat(untested).as("implemented requirements without a @Verifies test").isEmpty();
    }

    @Test
    void everyTagNamesAKnownRequirement() {
        Set<String> known = matrix.rows().stream().map(r -> r.id().value()).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(testsById.keySet());
        unknown.removeAll(known);
        assertThat(unknown).as("@Verifies annotations naming IDs that are not in docs/requirements.tsv").isEmpty();
    }

    @Test
    void generatesReadableMatrix() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Requirement matrix\n\n")
                .append("Generated from `docs/requirements.tsv` and the `@Verifies` annotations of the tests by ")
                .append("`RequirementMatrixTest` (runs in `mvn verify`). Do not edit by hand.\n\n");
        md.append("| status | count |\n|---|---|\n");
        matrix.countByStatus().forEach((s, n) -> md.append("| ").append(s.label()).append(" | ").append(n).append(" |\n"));
        md.append("\n| ID | level | actor | status | summary | enforced by | tests | note |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (RequirementMatrix.Row r : matrix.rows()) {
            Set<String> tests = testsById.getOrDefault(r.id().value(), Set.of());
            md.append("| ").append(r.id()).append(" | ").append(r.level().keyword()).append(" | ")
                    .append(r.actor()).append(" | ").append(r.status().label()).append(" | ")
                    .append(esc(r.summary())).append(" | ").append(esc(r.where())).append(" | ")
                    .append(tests.isEmpty() ? "" : esc(String.join(", ", limit(tests, 6))))
                    .append(" | ").append(esc(r.note())).append(" |\n");
        }
        Path out = root.resolve("docs/requirements.md");
        String text = md.toString();
        if (!Files.exists(out) || !Files.readString(out, StandardCharsets.UTF_8).equals(text)) {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("A00.FR.001");
    }

    private static List<String> limit(Set<String> tests, int max) {
        List<String> l = new ArrayList<>(tests);
        if (l.size() > max) {
            int more = l.size() - max;
            l = new ArrayList<>(l.subList(0, max));
            l.add("+" + more + " more");
        }
        return l;
    }

    private static String esc(String s) {
        return s.replace("|", "\\|");
    }
}
