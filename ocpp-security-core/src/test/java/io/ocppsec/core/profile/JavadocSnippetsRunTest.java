package io.ocppsec.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.SecurityProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code io.ocppsec.core.profile} javadoc snippets that need no certificate store run. */
class JavadocSnippetsRunTest {

    @BeforeEach
    void clear() {
        JavadocSnippets.ACTIONS.clear();
    }

    @Test
    void theEndpointSnippetJudgesAConnectionByItsEndpointsProfile() throws Exception {
        assertThat(JavadocSnippets.csmsEndpointProfiles(StationConnection.tlsWithClientCertificate()).accepted())
                .isTrue();
        assertThat(JavadocSnippets.csmsEndpointProfiles(StationConnection.tlsWithBasicAuth()).terminate()).isTrue();
    }

    @Test
    void thePolicySnippetClosesAProfileTwoConnectionWithoutBasicAuth() throws Exception {
        assertThat(JavadocSnippets.profilePolicy(true).accepted()).isTrue();
        assertThat(JavadocSnippets.ACTIONS).isEmpty();
        assertThat(JavadocSnippets.profilePolicy(false).terminate()).isTrue();
        assertThat(JavadocSnippets.ACTIONS).singleElement().asString().startsWith("close: ").contains("A00.FR.");
    }

    @Test
    void theRegistrySnippetRecordsTheProfileOfAnAcceptedStation() {
        assertThat(JavadocSnippets.stationProfileRegistry("CS-0001").accepted()).isTrue();
        assertThat(JavadocSnippets.ACTIONS).isEmpty();
        assertThat(SecurityProfile.TLS_BASIC_AUTH.usesTls()).isTrue();
    }
}
