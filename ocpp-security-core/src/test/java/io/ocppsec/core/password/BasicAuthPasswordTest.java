package io.ocppsec.core.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.testing.Verifies;
import java.io.Serializable;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BasicAuthPasswordTest {

    private static final String CANARY = "Canary-0123456789-xyz";

    @Test
    @Verifies({"A01.FR.09", "A01.FR.12"})
    void toStringIsRedacted() {
        BasicAuthPassword pw = BasicAuthPassword.of(CANARY);
        assertThat(pw.toString()).doesNotContain(CANARY).contains("redacted");
        assertThat(String.valueOf(pw)).doesNotContain("Canary");
    }

    @Test
    void isNotSerializable() {
        assertThat(Serializable.class.isAssignableFrom(BasicAuthPassword.class)).isFalse();
    }

    @Test
    void wipeZeroesAndBlocksReads() {
        char[] source = CANARY.toCharArray();
        BasicAuthPassword pw = BasicAuthPassword.ofChars(source);
        source[0] = 'X'; // the secret holds its own copy
        assertThat(pw.reveal()).isEqualTo(CANARY);
        pw.close();
        assertThat(pw.isWiped()).isTrue();
        assertThat(pw.toString()).doesNotContain(CANARY);
        assertThatThrownBy(pw::reveal).isInstanceOf(IllegalStateException.class).hasMessageNotContaining(CANARY);
        assertThatThrownBy(pw::toCharArray).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(pw::utf8).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(pw::length).isInstanceOf(IllegalStateException.class);
        pw.wipe(); // idempotent
    }

    @Test
    @Verifies({"A00.FR.205", "A00.FR.304"})
    void utf8IsThePlainEncodingNotBase64() throws Exception {
        BasicAuthPassword pw = BasicAuthPassword.of("pässwörd-ünïcode-1234");
        assertThat(pw.utf8()).isEqualTo("pässwörd-ünïcode-1234".getBytes(StandardCharsets.UTF_8));
        assertThat(BasicAuthPassword.ofUtf8(pw.utf8()).matches(pw)).isTrue();
    }

    @Test
    void malformedUtf8IsRefusedWithoutContent() {
        byte[] bad = {'a', 'b', (byte) 0xC3, (byte) 0x28, 'c'};
        assertThatThrownBy(() -> BasicAuthPassword.ofUtf8(bad)).isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void unpairedSurrogateHasNoUtf8Form() {
        BasicAuthPassword pw = BasicAuthPassword.of("abc\uD800defghijklmnopq");
        assertThatThrownBy(pw::utf8).isInstanceOf(IllegalStateException.class).hasMessageNotContaining("abc");
    }

    @Test
    void matchesComparesContent() {
        assertThat(BasicAuthPassword.of(CANARY).matches(BasicAuthPassword.of(CANARY))).isTrue();
        assertThat(BasicAuthPassword.of(CANARY).matches(BasicAuthPassword.of(CANARY + "x"))).isFalse();
        assertThat(BasicAuthPassword.of(CANARY).matches(BasicAuthPassword.of("Danary-0123456789-xyz"))).isFalse();
    }
}
