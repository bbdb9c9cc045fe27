package io.ocppsec.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.testing.Verifies;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Verifies("A01.FR.12")
class TechInfoTest {

    static final String CANARY = "Canary-Pw-7f3a9c1e2b";

    @Test
    void rendersPairsInRecommendedFormat() {
        TechInfo t = TechInfo.builder().put("user", "service").put("origin", "192.0.2.7").build();
        assertThat(t.text()).isEqualTo("{'user': 'service', 'origin': '192.0.2.7'}");
        assertThat(t.event(SecurityEventType.MAINTENANCE_LOGIN_ACCEPTED, Instant.EPOCH).techInfo())
                .contains(t.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"BasicAuthPassword", "password", "newPassword", "SecurityCtrlr.BasicAuthPassword",
        "clientSecret", "Authorization", "privateKey", "private_key", "apiKey", "key", "token", "passphrase",
        "keyMaterial", "credentials"})
    void secretNamedValuesAreRedacted(String name) {
        TechInfo t = TechInfo.builder().put("variable", "x").put(name, CANARY).build();
        assertThat(t.text()).doesNotContain(CANARY).contains("'" + name + "': '<redacted>'");
        assertThat(TechInfo.isSecretName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "origin", "variable", "component", "reason", "serialNumber", "cipherSuite"})
    void ordinaryNamesAreKept(String name) {
        assertThat(TechInfo.builder().put(name, "v1").build().text()).contains("'v1'");
        assertThat(TechInfo.isSecretName(name)).isFalse();
    }

    @Test
    void pemPrivateKeyInAnInnocentValueIsRedacted() {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIEv" + CANARY + "QIBADANBg\n-----END PRIVATE KEY-----";
        assertThat(TechInfo.builder().put("detail", pem).build().text()).doesNotContain(CANARY)
                .doesNotContain("MIIEv").contains("<redacted>");
        assertThat(TechInfo.scrub("key: -----BEGIN EC PRIVATE KEY-----\nAAAA" + CANARY)).doesNotContain(CANARY);
        assertThat(TechInfo.scrub("-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY----- tail"))
                .isEqualTo("<redacted> tail");
    }

    @Test
    void truncatedPemHeaderIsRedacted() {
        assertThat(TechInfo.scrub("oops BEGIN ENCRYPTED PRIVATE KEY " + CANARY)).doesNotContain(CANARY);
    }

    @Test
    void basicAuthHeaderIsRedacted() {
        String b64 = Base64.getEncoder().encodeToString(("CS001:" + CANARY).getBytes(StandardCharsets.UTF_8));
        for (String text : new String[] {"Authorization: Basic " + b64, "authorization=Basic " + b64,
            "header was 'Basic " + b64 + "' rejected", "{'Authorization': 'Basic " + b64 + "'}",
            "Bearer " + b64}) {
            String s = TechInfo.scrub(text);
            assertThat(s).as(text).doesNotContain(b64).doesNotContain(CANARY).contains("<redacted>");
        }
        assertThat(TechInfo.builder().put("header", "Basic " + b64).build().text()).doesNotContain(b64);
    }

    @Test
    void secretAssignmentsInFreeTextAreRedacted() {
        for (String text : new String[] {"SetVariables BasicAuthPassword=" + CANARY,
            "password: " + CANARY, "{\"password\": \"" + CANARY + " x\"}", "secret='" + CANARY + "'",
            "ok; token=" + CANARY + "; next"}) {
            assertThat(TechInfo.scrub(text)).as(text).doesNotContain(CANARY).contains("<redacted>");
        }
        assertThat(TechInfo.scrub("ok; token=" + CANARY + "; next")).isEqualTo("ok; token=<redacted>; next");
        // The names of the one secret rule (io.ocppsec.core.internal.text.Secrets), also after a harmless one.
        for (String text : new String[] {"pin=" + CANARY, "simPin: " + CANARY, "psk=" + CANARY, "key=" + CANARY,
            "apn_password='" + CANARY + "'", "note:password=" + CANARY, "a=b password=" + CANARY}) {
            assertThat(TechInfo.scrub(text)).as(text).doesNotContain(CANARY).endsWith("<redacted>");
        }
        assertThat(TechInfo.scrub("user=cs1, password=" + CANARY + ", next=1"))
                .isEqualTo("user=cs1, password=<redacted>, next=1");
        String word = "x".repeat(200_000); // no separator: linear (a match tried at every index would not finish)
        assertThat(TechInfo.scrub(word)).hasSize(255);
    }

    @Test
    void scrubIsIdempotent() {
        String once = TechInfo.builder().put("user", "a").put("BasicAuthPassword", CANARY)
                .put("h", "Authorization: Basic QUJDREVGRw==").build().text();
        assertThat(TechInfo.scrub(once)).isEqualTo(once);
        assertThat(TechInfo.scrub(TechInfo.scrub("password=x1 Basic QUJDREVG"))).isEqualTo(
                TechInfo.scrub("password=x1 Basic QUJDREVG"));
    }

    @Test
    void harmlessTextIsUntouched() {
        String s = "TLS handshake failed: certificate expired at 2025-01-01T00:00:00Z (CN=csms.example.com)";
        assertThat(TechInfo.scrub(s)).isEqualTo(s);
        assertThat(TechInfo.scrub("Basic auth is used")).isEqualTo("Basic auth is used");
    }

    @Test
    void scrubsEventsAndCutsTo255() {
        SecurityEvent e = SecurityEvent.of(SecurityEventType.RECONFIGURATION_OF_SECURITY_PARAMETERS, Instant.EPOCH,
                "BasicAuthPassword=" + CANARY);
        assertThat(TechInfo.scrub(e).techInfo()).contains("BasicAuthPassword=<redacted>");
        SecurityEvent plain = SecurityEvent.of(SecurityEventType.RESET_OR_REBOOT, Instant.EPOCH);
        assertThat(TechInfo.scrub(plain)).isSameAs(plain);
        TechInfo.Builder b = TechInfo.builder();
        for (int i = 0; i < 40; i++) {
            b.put("k" + i, "value-" + i);
        }
        assertThat(b.build().text()).hasSize(255).endsWith("...");
        assertThat(TechInfo.scrub("x".repeat(1000))).hasSize(255);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "a\nb", "quote'", "{}"})
    void rejectsMalformedKeys(String key) {
        assertThatThrownBy(() -> TechInfo.builder().put(key, "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void escapesQuotesInValues() {
        assertThat(TechInfo.builder().put("user", "o'brien").build().text()).isEqualTo("{'user': 'o\\'brien'}");
    }
}
