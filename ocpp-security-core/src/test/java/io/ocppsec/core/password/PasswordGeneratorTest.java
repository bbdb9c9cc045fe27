package io.ocppsec.core.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.testing.Verifies;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordGeneratorTest {

    @Test
    @Verifies({"A01.FR.07", "A00.FR.802"})
    void defaultLengthGivesAtLeast128Bits() {
        PasswordGenerator gen = PasswordGenerator.create();
        assertThat(PasswordGenerator.ALPHABET).hasSize(70);
        assertThat(PasswordGenerator.MIN_LENGTH).isEqualTo(21);
        assertThat(gen.length()).isEqualTo(24);
        assertThat(gen.entropyBits()).isGreaterThanOrEqualTo(128.0);
        assertThat(gen.withLength(PasswordGenerator.MIN_LENGTH).entropyBits()).isGreaterThanOrEqualTo(128.0);
        assertThat((PasswordGenerator.MIN_LENGTH - 1) * Math.log(70) / Math.log(2)).isLessThan(128.0);
    }

    @Test
    @Verifies({"A00.FR.205", "A00.FR.304", "A01.FR.07"})
    void outputAlwaysPassesEveryPolicy() {
        PasswordGenerator gen = PasswordGenerator.create(new SecureRandom());
        for (int i = 0; i < 2000; i++) {
            try (BasicAuthPassword pw = gen.generate()) {
                String v = pw.reveal();
                assertThat(PasswordPolicy.EDITION_3.check(v).isClean()).isTrue();
                assertThat(PasswordPolicy.errata2025(40).check(v).isClean()).isTrue();
                assertThat(v).doesNotContain(":");
            }
        }
        for (int len = PasswordGenerator.MIN_LENGTH; len <= 40; len++) {
            assertThat(PasswordPolicy.EDITION_3.check(gen.withLength(len).generate()).isClean()).isTrue();
        }
    }

    @Test
    @Verifies({"A01.FR.06", "A00.FR.801"})
    void passwordsAreUniqueAndCoverTheAlphabet() {
        PasswordGenerator gen = PasswordGenerator.create();
        Set<String> seen = new HashSet<>();
        Set<Character> chars = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            String v = gen.generate().reveal();
            assertThat(seen.add(v)).isTrue();
            for (char c : v.toCharArray()) {
                chars.add(c);
            }
        }
        assertThat(chars).hasSize(70);
    }

    @Test
    void usesTheInjectedRandom() throws Exception {
        SecureRandom a = SecureRandom.getInstance("SHA1PRNG");
        a.setSeed(42L);
        SecureRandom b = SecureRandom.getInstance("SHA1PRNG");
        b.setSeed(42L);
        assertThat(PasswordGenerator.create(a).generate().matches(PasswordGenerator.create(b).generate())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 15, 16, 20, 41, 100, -3})
    void refusesLengthsBelow128BitsOrAbove40(int length) {
        assertThatThrownBy(() -> PasswordGenerator.create().withLength(length))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringHasNoSecret() {
        assertThat(PasswordGenerator.create().toString()).contains("length=24");
    }
}
