package io.ocppsec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.testing.JavadocSnippetCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every usage snippet ({@code <pre>{@code ...}</pre>} or {@code {@snippet : ...}}) in the javadoc of the public types
 * of the exported {@code io.ocppsec.core.*} packages (not the {@code internal} ones) is a region of that package's
 * {@code JavadocSnippets} test class, which is compiled with the tests: a snippet that calls a method that does not
 * exist, or passes the wrong type, fails the build. The snippets that need no network and no real station paths run
 * in the packages' {@code JavadocSnippetsRunTest}.
 */
class JavadocSnippetsTest {

    private static final Path SOURCES = Path.of("src/main/java/io/ocppsec/core");
    private static final Path REGIONS = Path.of("src/test/java/io/ocppsec/core");

    @Test
    void everyJavadocSnippetOfTheExportedPackagesIsCompiledCode() {
        Map<String, List<String>> snippets = JavadocSnippetCheck.snippetsUnder(SOURCES);
        assertThat(snippets).as("snippets found").containsKeys("OcppChainValidator", "CsrBuilder", "SecurityLog",
                "PasswordHasher", "StationCertificateStore", "CertificateSigningClient", "OcppJsonCodec");
        assertThat(snippets.values().stream().mapToInt(List::size).sum()).as("snippets found").isGreaterThan(50);
        assertThat(snippets).as("internal packages are not scanned").doesNotContainKey("CertPathBuilder");
        List<Path> regionFiles = JavadocSnippetCheck.filesNamed(REGIONS, "JavadocSnippets.java");
        assertThat(regionFiles).as("one JavadocSnippets per exported package with snippets").hasSize(14);
        JavadocSnippetCheck.assertEverySnippetIsARegion(snippets, JavadocSnippetCheck.regionsIn(regionFiles));
    }

    @Test
    void aSnippetThatDiffersFromItsRegionFailsAndShowsBoth() {
        Map<String, List<String>> snippets = Map.of("Foo", List.of("Foo.bar();", "Foo.baz();"));
        Map<String, List<String>> regions = Map.of("Foo", List.of("Foo.bar();", "Foo.qux();"), "Gone",
                List.of("Gone.x();"));
        assertThatThrownBy(() -> JavadocSnippetCheck.assertEverySnippetIsARegion(snippets, regions))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("javadoc snippet of Foo.java without a region '// javadoc:Foo:begin':\nFoo.baz();")
                .hasMessageContaining("region javadoc:Foo that is no javadoc snippet of Foo.java:\nFoo.qux();")
                .hasMessageContaining("region javadoc:Gone that is no javadoc snippet of Gone.java:\nGone.x();")
                .hasMessageNotContaining("Foo.bar();");
        JavadocSnippetCheck.assertEverySnippetIsARegion(Map.of("Foo", List.of("a();", "a();")),
                Map.of("Foo", List.of("a();", "a();")));
        assertThatThrownBy(() -> JavadocSnippetCheck.assertEverySnippetIsARegion(
                Map.of("Foo", List.of("a();", "a();")), Map.of("Foo", List.of("a();"))))
                .as("each snippet needs its own region").isInstanceOf(AssertionError.class);
    }
}
