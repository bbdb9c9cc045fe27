package io.ocppsec.core.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.testing.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Verifies({"A00.FR.205", "A00.FR.304"})
class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "abcdefghijklmnop",                          // 16, lower bound
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcd",  // 40, upper bound
        "*-_=:+|@.*-_=:+|@.aA0",                     // every symbol
    })
    void edition3AcceptsPasswordStrings(String value) {
        assertThat(PasswordPolicy.EDITION_3.check(value).isClean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "abcdefghijklmno",                             // 15
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcde",   // 41
    })
    void edition3RejectsLengths(String value) {
        ValidationResult r = PasswordPolicy.EDITION_3.check(value);
        assertThat(r.isCompliant()).isFalse();
        assertThat(r.violates("A00.FR.205")).isTrue();
        assertThat(r.violates("A00.FR.304")).isTrue();
        assertThat(r.violations()).hasSize(2);
        assertThat(r.describe()).contains(value.length() + " characters").contains("16 to 40");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "secret password with spaces",
        "abcdefghijklmnop!",
        "abcdefghijklmnop#",
        "abcdefghijklmnop/",
        "abcdefghijklmnopé",
        "abcdefghijklmnop\u0000",
        "abcdefghijklmnop\"",
        "abcdefghijklmnop\n",
        "abcdefghijklmnop\uD83D\uDE00",
    })
    void edition3RejectsCharactersOutsidePasswordString(String value) {
        ValidationResult r = PasswordPolicy.EDITION_3.check(value);
        assertThat(r.isCompliant()).isFalse();
        assertThat(r.describe()).contains("outside the passwordString set");
    }

    @Test
    void violationsNeverEchoThePassword() {
        String canary = "CanaryCanary#Canary!";
        ValidationResult r = PasswordPolicy.EDITION_3.check(canary + canary + canary);
        assertThat(r.violations()).hasSize(4);
        assertThat(r.describe()).doesNotContain("Canary").doesNotContain("#");
        assertThat(r.toString()).doesNotContain("Canary");
        assertThatThrownBy(r::orThrow).hasMessageNotContaining("Canary");
    }

    @Test
    void profileSelectsTheRequirement() {
        ValidationResult p1 = PasswordPolicy.EDITION_3.check("short", SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH);
        ValidationResult p2 = PasswordPolicy.EDITION_3.check("short", SecurityProfile.TLS_BASIC_AUTH);
        assertThat(p1.violates("A00.FR.205")).isTrue();
        assertThat(p1.violates("A00.FR.304")).isFalse();
        assertThat(p2.violates("A00.FR.304")).isTrue();
        assertThat(p2.violates("A00.FR.205")).isFalse();
    }

    @Test
    void errataAllowsAnyUtf8UpToTheConfiguredMaximum() {
        PasswordPolicy p = PasswordPolicy.errata2025(64);
        assertThat(p.check("pässwörd mit Leerzeichen!").isClean()).isTrue();
        assertThat(p.check("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀").isClean()).isTrue(); // 16 code points, 32 chars
        assertThat(p.check("a".repeat(64)).isClean()).isTrue();
        assertThat(p.check("a".repeat(65)).isCompliant()).isFalse();
        assertThat(p.check("😀".repeat(15)).isCompliant()).isFalse();
    }

    @Test
    void errataRejectsUnpairedSurrogates() {
        ValidationResult r = PasswordPolicy.errata2025(40).check("abcdefghijklmnop\uDC00");
        assertThat(r.isCompliant()).isFalse();
        assertThat(r.describe()).contains("surrogate");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 39, 65, 1000, -1})
    void errataMaximumMustBe40To64(int max) {
        assertThatThrownBy(() -> PasswordPolicy.errata2025(max)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checksASecretWithoutRevealingIt() {
        assertThat(PasswordPolicy.EDITION_3.check(BasicAuthPassword.of("abcdefghijklmnopq")).isClean()).isTrue();
        assertThat(PasswordPolicy.EDITION_3.check(BasicAuthPassword.of("abc")).isCompliant()).isFalse();
    }
}
