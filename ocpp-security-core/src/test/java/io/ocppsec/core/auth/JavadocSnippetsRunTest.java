package io.ocppsec.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.core.password.BasicAuthPassword;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code io.ocppsec.core.auth} javadoc snippet runs: the station's header, parsed by the CSMS. */
class JavadocSnippetsRunTest {

    private static final ChargingStationIdentity CS = ChargingStationIdentity.of("CS-0001");

    @BeforeEach
    void clear() {
        JavadocSnippets.REJECTED.clear();
    }

    @Test
    void theHeaderTheSnippetEncodesParsesForTheSameIdentityOnly() {
        BasicAuthPassword password = BasicAuthPassword.of("correct-horse-battery");
        String header = BasicAuthHeader.encode(CS, password);
        assertThat(JavadocSnippets.basicAuthHeader(CS, password, name -> header, CS)).isEqualTo(header);
        assertThat(JavadocSnippets.REJECTED).isEmpty();
        JavadocSnippets.basicAuthHeader(CS, password, name -> header, ChargingStationIdentity.of("CS-0002"));
        assertThat(JavadocSnippets.REJECTED).hasSize(1);
    }
}
