package io.ocppsec.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Proves that the usage snippets of a module's javadoc are compiled code. Every {@code <pre>{@code ...}</pre>} and
 * {@code {@snippet : ...}} in the javadoc of the public types must equal, line by line after the javadoc prefixes and
 * the indentation are removed, a region {@code // javadoc:<Type>:begin} ... {@code // javadoc:<Type>:end} of a test
 * source file, which javac compiles with the tests: a snippet that calls a method that does not exist fails the
 * build, and a snippet edited without its region (or the other way round) fails the check.
 */
public final class JavadocSnippetCheck {

    private static final Pattern PRE_CODE = Pattern.compile("<pre>\\{@code\\n(.*?)\\n\\s*\\*?\\s*\\}</pre>",
            Pattern.DOTALL);
    private static final Pattern REGION = Pattern.compile(
            "// javadoc:(\\w+):begin\\n(.*?)\\n\\s*// javadoc:\\1:end", Pattern.DOTALL);

    private JavadocSnippetCheck() {
    }

    /** Javadoc line prefixes and indentation removed, entities decoded, blank lines dropped. */
    public static String normalize(String code) {
        return code.lines().map(l -> l.strip().replaceFirst("^\\* ?", "").strip())
                .map(l -> l.replace("&lt;", "<").replace("&gt;", ">").replace("&#64;", "@").replace("&amp;", "&"))
                .filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }

    /** The snippets of one source file's javadoc, normalized: the {@code <pre>{@code}} ones, then the others. */
    public static List<String> javadocSnippets(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = PRE_CODE.matcher(source);
        while (m.find()) {
            out.add(normalize(m.group(1)));
        }
        for (int i = source.indexOf("{@snippet :"); i >= 0; i = source.indexOf("{@snippet :", i + 1)) {
            int depth = 0;
            int start = source.indexOf('\n', i) + 1;
            for (int j = i; j < source.length(); j++) {
                char c = source.charAt(j);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0) {
                    out.add(normalize(source.substring(start, j)));
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The javadoc snippets of the {@code .java} files under {@code sourceRoot} and its sub-packages, except packages
     * named {@code internal} (and theirs), by simple type name (the file name); files without a snippet are absent.
     *
     * @throws AssertionError if two files with snippets share a simple name (their regions could not be told apart)
     */
    public static Map<String, List<String>> snippetsUnder(Path sourceRoot) {
        Map<String, List<String>> snippets = new TreeMap<>();
        for (Path f : javaFiles(sourceRoot)) {
            if (sourceRoot.relativize(f).toString().replace('\\', '/').matches("(.*/)?internal/.*")) {
                continue;
            }
            List<String> found = javadocSnippets(read(f));
            String type = f.getFileName().toString().replace(".java", "");
            if (!found.isEmpty() && snippets.put(type, found) != null) {
                fail("two public types named " + type + " have javadoc snippets under " + sourceRoot);
            }
        }
        return snippets;
    }

    /** The regions {@code // javadoc:<Type>:begin} ... {@code end} of the given files, normalized, by type. */
    public static Map<String, List<String>> regionsIn(List<Path> files) {
        Map<String, List<String>> regions = new TreeMap<>();
        for (Path f : files) {
            Matcher m = REGION.matcher(read(f));
            while (m.find()) {
                regions.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(normalize(m.group(2)));
            }
        }
        return regions;
    }

    /** The files named {@code fileName} under {@code root}, e.g. every package's {@code JavadocSnippets.java}. */
    public static List<Path> filesNamed(Path root, String fileName) {
        return javaFiles(root).stream().filter(p -> p.getFileName().toString().equals(fileName)).toList();
    }

    /**
     * Fails unless each type's javadoc snippets and its regions are the same multiset, and every region belongs to a
     * type with snippets. The message lists, per type, the snippets without a region and the regions without a
     * snippet, so a changed snippet shows next to the region it no longer matches.
     */
    public static void assertEverySnippetIsARegion(Map<String, List<String>> snippets,
                                                   Map<String, List<String>> regions) {
        StringBuilder problems = new StringBuilder();
        for (String type : union(snippets, regions)) {
            List<String> unmatched = new ArrayList<>(snippets.getOrDefault(type, List.of()));
            List<String> orphans = new ArrayList<>();
            for (String region : regions.getOrDefault(type, List.of())) {
                if (!unmatched.remove(region)) {
                    orphans.add(region);
                }
            }
            unmatched.forEach(s -> problems.append("\n- javadoc snippet of ").append(type)
                    .append(".java without a region '// javadoc:").append(type).append(":begin':\n").append(s));
            orphans.forEach(r -> problems.append("\n- region javadoc:").append(type)
                    .append(" that is no javadoc snippet of ").append(type).append(".java:\n").append(r));
        }
        if (problems.length() > 0) {
            fail("javadoc snippets and their compiled regions differ:" + problems);
        }
    }

    private static List<String> union(Map<String, List<String>> a, Map<String, List<String>> b) {
        return Stream.concat(a.keySet().stream(), b.keySet().stream()).distinct().sorted().toList();
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
