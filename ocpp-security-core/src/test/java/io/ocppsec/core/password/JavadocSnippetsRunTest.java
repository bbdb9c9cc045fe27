package io.ocppsec.core.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code io.ocppsec.core.password} javadoc snippets run. */
class JavadocSnippetsRunTest {

    @BeforeEach
    void clear() {
        JavadocSnippets.ACTIONS.clear();
    }

    @Test
    void theGeneratorSnippetsSendAPasswordOfTheGeneratorsLength() {
        JavadocSnippets.basicAuthPassword();
        PasswordGenerator gen2 = JavadocSnippets.passwordGenerator(new SecureRandom());
        String sent = "SecurityCtrlr.BasicAuthPassword (" + PasswordGenerator.create().length() + " chars)";
        assertThat(JavadocSnippets.ACTIONS).containsExactly(sent, sent);
        assertThat(PasswordPolicy.EDITION_3.check(gen2.generate()).isCompliant()).isTrue();
    }

    @Test
    void theHasherSnippetKeepsTheHashOfAWrongCandidateAndThePolicySnippetRejects() throws Exception {
        BasicAuthPassword password = BasicAuthPassword.of("correct-horse-battery");
        String stored = JavadocSnippets.passwordHasher(password, BasicAuthPassword.of("wrong-horse-battery"));
        assertThat(PasswordHasher.defaults().verify(password, stored)).isTrue();
        assertThat(JavadocSnippets.passwordPolicy("abcdefghijklmnopqrst").isCompliant()).isTrue();
        assertThat(JavadocSnippets.ACTIONS).isEmpty();
        assertThat(JavadocSnippets.passwordPolicy("short").isCompliant()).isFalse();
        assertThat(JavadocSnippets.ACTIONS).containsExactly("Rejected");
    }
}
