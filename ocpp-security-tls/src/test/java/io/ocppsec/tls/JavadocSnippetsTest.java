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
import io.ocppsec.testing.JavadocSnippetCheck;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.TlsTestSupport.Recorder;
import io.ocppsec.tls.TlsTestSupport.Server;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
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

    @Test
    void everyJavadocSnippetOfThePublicPackageIsCompiledCode() {
        Map<String, List<String>> snippets = JavadocSnippetCheck.snippetsUnder(SOURCES);
        assertThat(snippets).as("snippets found").containsKeys("CsmsTlsContext", "StationTlsContext", "TlsPolicy");
        JavadocSnippetCheck.assertEverySnippetIsARegion(snippets, JavadocSnippetCheck.regionsIn(List.of(REGIONS)));
    }

    @Test
    void theExtractionSeesBothSnippetForms() {
        String src = "/**\n * <pre>{@code\n * a(b);\n *   c(&lt;d&gt;);\n * }</pre>\n * {@snippet :\n * e({f});\n * }\n */";
        assertThat(JavadocSnippetCheck.javadocSnippets(src)).containsExactly("a(b);\nc(<d>);", "e({f});");
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
