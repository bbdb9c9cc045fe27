package io.ocppsec.tls;

import static io.ocppsec.tls.TlsTestSupport.PKI;
import static io.ocppsec.tls.TlsTestSupport.build;
import static io.ocppsec.tls.TlsTestSupport.csms;
import static io.ocppsec.tls.TlsTestSupport.station;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.TlsTestSupport.Recorder;
import io.ocppsec.tls.TlsTestSupport.Server;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/**
 * Every usage snippet ({@code <pre>{@code ...}</pre>} or {@code {@snippet : ...}}) in the javadoc of the public
 * {@code io.ocppsec.tls} types is a region of {@link JavadocSnippets}, which is compiled with the tests: a snippet that
 * calls a method that does not exist fails the build. The snippets that need no network also run here.
 */
class JavadocSnippetsTest {

    private static final Path SOURCES = Path.of("src/main/java/io/ocppsec/tls");
    private static final Path REGIONS = Path.of("src/test/java/io/ocppsec/tls/JavadocSnippets.java");
    private static final Pattern PRE_CODE = Pattern.compile("<pre>\\{@code\\n(.*?)\\n\\s*\\*?\\s*\\}</pre>",
            Pattern.DOTALL);
    private static final Pattern REGION = Pattern.compile(
            "// javadoc:(\\w+):begin\\n(.*?)\\n\\s*// javadoc:\\1:end", Pattern.DOTALL);

    /** Javadoc line prefixes and indentation removed, entities decoded, blank lines dropped. */
    static String normalize(String code) {
        return code.lines().map(l -> l.strip().replaceFirst("^\\* ?", "").strip())
                .map(l -> l.replace("&lt;", "<").replace("&gt;", ">").replace("&#64;", "@").replace("&amp;", "&"))
                .filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }

    /** The snippets of one source file's javadoc, in order. */
    static List<String> javadocSnippets(String source) {
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

    @Test
    void everyJavadocSnippetOfThePublicPackageIsCompiledCode() throws IOException {
        Map<String, List<String>> regions = new LinkedHashMap<>();
        Matcher m = REGION.matcher(Files.readString(REGIONS, StandardCharsets.UTF_8));
        while (m.find()) {
            regions.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(normalize(m.group(2)));
        }
        Map<String, List<String>> snippets = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> found = javadocSnippets(Files.readString(f, StandardCharsets.UTF_8));
                if (!found.isEmpty()) {
                    snippets.put(f.getFileName().toString().replace(".java", ""), found);
                }
            }
        }
        assertThat(snippets).as("snippets found").containsKeys("CsmsTlsContext", "StationTlsContext", "TlsPolicy");
        for (Map.Entry<String, List<String>> e : snippets.entrySet()) {
            assertThat(regions.getOrDefault(e.getKey(), List.of()))
                    .as("the javadoc snippets of %s.java, as regions '// javadoc:%s:begin' of JavadocSnippets.java",
                            e.getKey(), e.getKey())
                    .containsExactlyInAnyOrderElementsOf(e.getValue());
        }
        assertThat(snippets.keySet()).as("regions without a javadoc snippet").containsAll(regions.keySet());
    }

    @Test
    void theExtractionSeesBothSnippetForms() {
        String src = "/**\n * <pre>{@code\n * a(b);\n *   c(&lt;d&gt;);\n * }</pre>\n * {@snippet :\n * e({f});\n * }\n */";
        assertThat(javadocSnippets(src)).containsExactly("a(b);\nc(<d>);", "e({f});");
    }

    @Test
    void theSnippetsThatNeedNoNetworkRun() throws Exception {
        assertThat(JavadocSnippets.tlsPolicy().versions()).containsExactly(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2);
        assertThatThrownBy(JavadocSnippets::cipherSuite).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A00.FR.320");
        TlsKeyMaterial ec = JavadocSnippets.tlsKeyMaterial(PKI.csmsEc().keyPair().getPrivate(),
                PKI.csmsEc().certificate(), PKI.csoSubCa().certificate());
        assertThat(ec.certificate()).isEqualTo(PKI.csmsEc().certificate());

        Queue<SecurityEvent> queue = new ArrayDeque<>();
        JavadocSnippets.tlsFailureListener(queue).onFailure(new TlsFailure(TlsFailure.Kind.TLS_VERSION,
                TlsFailure.Endpoint.CHARGING_STATION, io.ocppsec.api.requirement.ValidationResult.compliant(),
                "protocol_version", Optional.empty(), Instant.now()));
        assertThat(queue).singleElement().extracting(SecurityEvent::type)
                .isEqualTo(SecurityEventType.INVALID_TLS_VERSION);

        CsmsTlsContext csms = build(csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, new Recorder()));
        try (Server server = Server.start(csms)) {
            TlsTestSupport.roundTrip(build(station(SecurityProfile.TLS_CLIENT_CERTIFICATE, new Recorder())), server);
            SSLSession session = server.next().session();
            int before = JavadocSnippets.closedConnections;
            JavadocSnippets.stationIdentity(csms, session, TestPki.STATION_SERIAL);
            assertThat(JavadocSnippets.closedConnections).isEqualTo(before);
            JavadocSnippets.stationIdentity(csms, session, "CS-9999");
            assertThat(JavadocSnippets.closedConnections).isEqualTo(before + 1);
        }
    }
}
