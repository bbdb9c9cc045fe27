package io.ocppsec.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one printable-text rule (the former copies in X509Names, SubjectNames, PasswordRotation, CipherSuite). */
class PrintableTest {

    @Test
    void controlCharactersBecomeQuestionMarks() {
        assertThat(Printable.of("a\nb\u0000c\u007fd\u0085e\u009bf")).isEqualTo("a?b?c?d?e?f");
        assertThat(Printable.of("Example CSO ü €")).isEqualTo("Example CSO ü €");
        assertThat(Printable.of("")).isEmpty();
    }

    @Test
    void longTextIsCutByCodePoints() {
        assertThat(Printable.of("C".repeat(100))).isEqualTo("C".repeat(100));
        assertThat(Printable.of("C".repeat(101))).isEqualTo("C".repeat(100) + "...");
        assertThat(Printable.of("abcdef", 3)).isEqualTo("abc...");
        String emoji = "\uD83D\uDD12"; // one code point, two chars
        assertThat(Printable.of(emoji.repeat(3), 2)).isEqualTo(emoji.repeat(2) + "...");
        assertThat(Printable.of(emoji.repeat(60))).isEqualTo(emoji.repeat(60)); // 120 chars, 60 code points
    }

    @Test
    void quotedPutsTheCutTextInQuotes() {
        assertThat(Printable.quoted("C".repeat(64), 64)).isEqualTo("'" + "C".repeat(64) + "'");
        assertThat(Printable.quoted("C".repeat(65), 64)).isEqualTo("'" + "C".repeat(64) + "...'");
        assertThat(Printable.quoted("TLS_\r\nX", 80)).isEqualTo("'TLS_??X'");
    }
}
