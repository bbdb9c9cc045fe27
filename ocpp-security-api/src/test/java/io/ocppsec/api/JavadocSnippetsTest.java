package io.ocppsec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.message.OcppAction;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.RequirementViolationException;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.testing.JavadocSnippetCheck;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every usage snippet in the javadoc of the public {@code io.ocppsec.api.*} types is a region of {@link
 * JavadocSnippets}, which is compiled with the tests; the snippets run here (the CA is a stub that issues an empty
 * chain: the API module has no certificates of its own).
 */
class JavadocSnippetsTest {

    private static final Path SOURCES = Path.of("src/main/java/io/ocppsec/api");
    private static final Path REGIONS = Path.of("src/test/java/io/ocppsec/api/JavadocSnippets.java");

    @BeforeEach
    void clear() {
        JavadocSnippets.ACTIONS.clear();
    }

    @Test
    void everyJavadocSnippetOfTheApiIsCompiledCode() {
        Map<String, List<String>> snippets = JavadocSnippetCheck.snippetsUnder(SOURCES);
        assertThat(snippets).as("snippets found").containsKeys("SecurityProfile", "ValidationResult",
                "CertificateAuthority");
        JavadocSnippetCheck.assertEverySnippetIsARegion(snippets, JavadocSnippetCheck.regionsIn(List.of(REGIONS)));
    }

    @Test
    void theValueSnippetsGiveWhatTheirCommentsSay() {
        assertThat(JavadocSnippets.securityProfile()).isEqualTo(SecurityProfile.TLS_CLIENT_CERTIFICATE);
        assertThat(JavadocSnippets.securityEventType()).containsExactly(true, true);
        assertThat(JavadocSnippets.ocppAction()).isEqualTo(OcppAction.SIGN_CERTIFICATE);
        assertThat(JavadocSnippets.ocppAction().requestType()).isEqualTo(SignCertificateRequest.class);
        assertThat(JavadocSnippets.ocppMessage("-----BEGIN CERTIFICATE REQUEST-----").action())
                .isEqualTo(OcppAction.SIGN_CERTIFICATE);
        Violation v = JavadocSnippets.violation();
        assertThat(v.level()).isEqualTo(RequirementLevel.SHALL);
        assertThat(v.chainIndex()).hasValue(0);
    }

    @Test
    void theValidationResultSnippetLogsEachBlockingViolationThenThrows() throws Exception {
        JavadocSnippets.validationResult(chain -> ValidationResult.compliant(), List.of());
        assertThat(JavadocSnippets.ACTIONS).isEmpty();
        ValidationResult broken = ValidationResult.of(List.of(JavadocSnippets.violation()));
        assertThatThrownBy(() -> JavadocSnippets.validationResult(chain -> broken, List.of()))
                .isInstanceOf(RequirementViolationException.class);
        assertThat(JavadocSnippets.ACTIONS).containsExactly(JavadocSnippets.violation().message());
    }

    @Test
    void theCertificateAuthoritySnippetsSendTheIssuedChain() {
        List<X509Certificate> issued = List.of();
        JavadocSnippets.certificateSigningRequest("-----BEGIN CERTIFICATE REQUEST-----",
                request -> CompletableFuture.completedFuture(issued));
        assertThat(JavadocSnippets.ACTIONS).containsExactly(issued);
        StringBuilder sent = new StringBuilder();
        JavadocSnippets.certificateAuthority(request -> CompletableFuture.completedFuture(issued),
                "-----BEGIN CERTIFICATE REQUEST-----", java.util.Optional.empty(), "CS-0001",
                (station, chain, type) -> sent.append(station));
        assertThat(sent).hasToString("CS-0001");
    }
}
