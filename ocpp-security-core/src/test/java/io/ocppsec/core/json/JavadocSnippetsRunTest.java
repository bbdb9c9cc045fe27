package io.ocppsec.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.message.SignCertificateRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code io.ocppsec.core.json} javadoc snippets run: a CALL round-trips, a bad CALL is answered. */
class JavadocSnippetsRunTest {

    @Test
    void theCodecSnippetDecodesTheCallItEncoded() throws Exception {
        OcppFrame frame = JavadocSnippets.ocppJsonCodec("-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n"
                + "-----END CERTIFICATE REQUEST-----\n", id -> Optional.empty(), System.getLogger("snippet"));
        assertThat(frame).isInstanceOf(OcppCall.class);
        assertThat(((OcppCall) frame).messageId()).isEqualTo("19223201");
        assertThat(((OcppCall) frame).payload()).isInstanceOf(SignCertificateRequest.class);
    }

    @Test
    void theExceptionSnippetAnswersABadCallWithACallError() {
        JavadocSnippets.SENT.clear();
        JavadocSnippets.ocppJsonException(OcppJsonCodec.create(), "[2,\"77\",\"SignCertificate\",{}]",
                id -> Optional.empty());
        assertThat(JavadocSnippets.SENT).singleElement().asString().startsWith("[4,\"77\",");
    }
}
