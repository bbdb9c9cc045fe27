package io.ocppsec.core.firmware.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictBase64Test {

    @Test
    void decodesCanonicalBase64() {
        byte[] data = {1, 2, 3, (byte) 0xff, 0};
        assertThat(StrictBase64.decode(Base64.getEncoder().encodeToString(data), 800).bytes()).contains(data);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "AAA", "AB==", "A===", "AA=A", "AAAA\r\n", "AA_-", "AAAAé", "====", "A\tAA"})
    void rejects(String text) {
        StrictBase64.Decoded d = StrictBase64.decode(text, 800);
        assertThat(d.bytes()).as(text).isEmpty();
        assertThat(d.problem()).isPresent();
    }

    @Test
    void checksTheLengthBeforeTheAlphabet() {
        assertThat(StrictBase64.decode("!".repeat(801), 800).problem().orElseThrow()).contains("801 characters");
    }
}
