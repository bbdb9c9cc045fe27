package io.ocppsec.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.core.auth.BasicAuthException.Reason;
import io.ocppsec.core.password.BasicAuthPassword;
import io.ocppsec.testing.Verifies;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BasicAuthHeaderTest {

    private static final ChargingStationIdentity CS = ChargingStationIdentity.of("CS-0001");
    private static final String CANARY = "CanaryPw-0123456789.xyz";

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @Verifies({"A00.FR.202", "A00.FR.203", "A00.FR.204", "A00.FR.205",
        "A00.FR.301", "A00.FR.302", "A00.FR.303", "A00.FR.304"})
    void stationHeaderIsBasicOfIdentityColonUtf8Password() throws Exception {
        String header = BasicAuthHeader.encode(CS, BasicAuthPassword.of(CANARY));
        assertThat(header).isEqualTo("Basic " + b64("CS-0001:" + CANARY));
        try (BasicAuthCredentials c = BasicAuthHeader.parse(header, CS)) {
            assertThat(c.identity()).isEqualTo(CS);
            assertThat(c.password().reveal()).isEqualTo(CANARY);
            assertThat(c.toString()).doesNotContain(CANARY).contains("CS-0001");
        }
    }

    @Test
    @Verifies({"A00.FR.205", "A00.FR.304"})
    void nonAsciiPasswordIsSentAsUtf8() throws Exception {
        String pw = "pässwörd-€-0123456789";
        String header = BasicAuthHeader.encode(CS, BasicAuthPassword.of(pw));
        byte[] raw = Base64.getDecoder().decode(header.substring(6));
        assertThat(raw).isEqualTo(("CS-0001:" + pw).getBytes(StandardCharsets.UTF_8));
        assertThat(BasicAuthHeader.parse(header, CS).password().reveal()).isEqualTo(pw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic ", "basic ", "BASIC ", "bAsIc "})
    void schemeIsCaseInsensitive(String scheme) throws Exception {
        assertThat(BasicAuthHeader.parse(scheme + b64("CS-0001:" + CANARY), CS).identity()).isEqualTo(CS);
    }

    @Test
    @Verifies({"A00.FR.204", "A00.FR.303"})
    void splitsAtTheFirstColonOnly() throws Exception {
        BasicAuthCredentials c = BasicAuthHeader.parse("Basic " + b64("CS-0001:pw:with:colons-123456"), CS);
        assertThat(c.identity()).isEqualTo(CS);
        assertThat(c.password().reveal()).isEqualTo("pw:with:colons-123456");
    }

    @Test
    @Verifies({"A00.FR.204", "A00.FR.303"})
    void usernameMustEqualTheUrlIdentity() {
        String header = BasicAuthHeader.encode(ChargingStationIdentity.of("CS-0002"), BasicAuthPassword.of(CANARY));
        assertReason(() -> BasicAuthHeader.parse(header, CS), Reason.USERNAME_MISMATCH);
        String caseVariant = "Basic " + b64("cs-0001:" + CANARY);
        assertReason(() -> BasicAuthHeader.parse(caseVariant, CS), Reason.USERNAME_MISMATCH);
    }

    @Test
    @Verifies({"A00.FR.203", "A00.FR.302"})
    void missingHeaderIsRefused() {
        assertReason(() -> BasicAuthHeader.parse(null, CS), Reason.MISSING);
        assertReason(() -> BasicAuthHeader.parse("", CS), Reason.MISSING);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Bearer abcd|NOT_BASIC",
        "Digest username=x|NOT_BASIC",
        "Basicabcd|NOT_BASIC",
        "\" Basic Q1MtMDAwMTpDYW5hcnlQdy0wMTIzNDU2Nzg5Lnh5eg==\"|NOT_BASIC",
        "Ba\u017Fic Q1MtMDAwMTpDYW5hcnlQdy0wMTIzNDU2Nzg5Lnh5eg==|NOT_BASIC",
        "Basic|SYNTAX",
        "\"Basic \"|SYNTAX",
        "\"Basic  Q1MtMDAwMTpDYW5hcnlQdy0wMTIzNDU2Nzg5Lnh5eg==\"|SYNTAX",
        "\"Basic Q1MtMDAwMTpDYW5hcnlQdy0wMTIzNDU2Nzg5Lnh5eg== \"|SYNTAX",
        "Basic\tQ1MtMDAwMTpDYW5hcnlQdy0wMTIzNDU2Nzg5Lnh5eg==|NOT_BASIC",
        "Basic Q1MtMDAwMTpDYW5hcnlQdy0wMTIzNDU2Nzg5Lnh5eg|BAD_BASE64",
        "Basic Q1MtMDAwMTpDYW5hcnlQdy0wMTIzNDU2Nzg5Lnh5eg=|BAD_BASE64",
        "Basic Q1MtMDAwMTpDYW5hcnlQdy0wMTIzNDU2Nzg5Lnh5e===|BAD_BASE64",
        "Basic Q1MtMDAwMTpDYW5hcnlQdy0wMTIzNDU2Nzg5L=h5eg==|BAD_BASE64",
        "Basic Q1MtMDAwMTpDYW5hcnlQdy0wMTIzNDU2Nzg5Lnh5eg-_|BAD_BASE64",
        "Basic Q1MtMDAwMTpDYW5hcnlQdy0w MTIzNDU2Nzg5Lnh5eg==|BAD_BASE64",
        "Basic ====|BAD_BASE64",
    })
    void malformedHeadersGiveATypedReason(String header, Reason reason) {
        assertReason(() -> BasicAuthHeader.parse(header, CS), reason);
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] raw = {'C', 'S', '-', '0', '0', '0', '1', ':', (byte) 0xC3, (byte) 0x28, 'a', 'b'};
        assertReason(() -> BasicAuthHeader.parse("Basic " + Base64.getEncoder().encodeToString(raw), CS),
                Reason.BAD_UTF8);
        byte[] overlong = {'C', 'S', '-', '0', '0', '0', '1', ':', (byte) 0xC0, (byte) 0xBA, 'a', 'b'};
        assertReason(() -> BasicAuthHeader.parse("Basic " + Base64.getEncoder().encodeToString(overlong), CS),
                Reason.BAD_UTF8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "CS-0001" + "|NO_SEPARATOR",
        "\":" + CANARY + "\"|BAD_USERNAME",
        "\"CS 0001:" + CANARY + "\"|BAD_USERNAME",
        "\"CS/0001:" + CANARY + "\"|BAD_USERNAME",
        "\"CS-ü:" + CANARY + "\"|BAD_USERNAME",
        "\"CS-0001:\"|EMPTY_PASSWORD",
    })
    void decodedContentIsChecked(String decoded, Reason reason) {
        assertReason(() -> BasicAuthHeader.parse("Basic " + b64(decoded)), reason);
    }

    @Test
    void overlongUsernameIsRefused() {
        String user = "A".repeat(49);
        assertReason(() -> BasicAuthHeader.parse("Basic " + b64(user + ":" + CANARY)), Reason.BAD_USERNAME);
    }

    @Test
    void oversizedHeaderIsRefusedBeforeDecoding() {
        String huge = "Basic " + "A".repeat(10_000_000);
        assertReason(() -> BasicAuthHeader.parse(huge, CS), Reason.TOO_LONG);
        String longest = BasicAuthHeader.encode(ChargingStationIdentity.of("A".repeat(48)),
                BasicAuthPassword.of("\uD83D\uDE00".repeat(64)));
        assertThat(longest.length()).isLessThanOrEqualTo(BasicAuthHeader.MAX_HEADER_LENGTH);
    }

    @Test
    void messagesNeverEchoTheHeaderOrPassword() {
        String[] headers = {
            "Basic " + b64("CS-0001:" + CANARY),
            "Basic " + b64("CS-0002:" + CANARY),
            "Bearer " + CANARY,
            "Basic " + b64(CANARY),
            "Basic " + b64(CANARY + "x:" + CANARY),
            "Basic " + b64("CS-0001:" + CANARY).substring(0, 20) + "!",
        };
        for (String h : headers) {
            try {
                BasicAuthHeader.parse(h, CS);
                if (!h.contains(b64("CS-0001:" + CANARY))) {
                    throw new AssertionError("should have failed");
                }
            } catch (BasicAuthException e) {
                assertThat(e.getMessage()).doesNotContain(CANARY).doesNotContain(h.substring(6));
                assertThat(e.toString()).doesNotContain("Canary");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a:b", "CS 1", "CS/1", "é", "0123456789012345678901234567890123456789012345678"})
    void identityRejectsInvalidValues(String value) {
        assertThatThrownBy(() -> ChargingStationIdentity.of(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void identityAcceptsIdentifierStrings() {
        assertThat(ChargingStationIdentity.of("a*-_=+|@.Z9").value()).isEqualTo("a*-_=+|@.Z9");
        assertThat(ChargingStationIdentity.of("A".repeat(48)).value()).hasSize(48);
    }

    interface Call {
        void run() throws Exception;
    }

    static void assertReason(Call call, Reason reason) {
        try {
            call.run();
        } catch (BasicAuthException e) {
            assertThat(e.reason()).isEqualTo(reason);
            return;
        } catch (Exception e) {
            throw new AssertionError("expected BasicAuthException, got " + e, e);
        }
        throw new AssertionError("expected BasicAuthException " + reason);
    }
}
