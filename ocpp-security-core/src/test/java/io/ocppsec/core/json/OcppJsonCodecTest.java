package io.ocppsec.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.GenericStatus;
import io.ocppsec.api.message.OcppAction;
import io.ocppsec.api.message.SecurityEventNotificationRequest;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.api.message.SignCertificateResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OcppJsonCodecTest {

    private final OcppJsonCodec codec = OcppJsonCodec.create();
    private static final Optional<OcppAction> SIGN = Optional.of(OcppAction.SIGN_CERTIFICATE);

    @Test
    void encodesTheThreeFrameShapes() {
        assertThat(codec.encode(new OcppCall("1", new SignCertificateRequest("-----BEGIN",
                Optional.of(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)))))
                .isEqualTo("[2,\"1\",\"SignCertificate\",{\"csr\":\"-----BEGIN\","
                        + "\"certificateType\":\"ChargingStationCertificate\"}]");
        assertThat(codec.encode(new OcppCallResult("1", new SignCertificateResponse(GenericStatus.ACCEPTED,
                Optional.empty())))).isEqualTo("[3,\"1\",{\"status\":\"Accepted\"}]");
        assertThat(codec.encode(new OcppCallError("1", OcppErrorCode.FORMAT_VIOLATION, "bad")))
                .isEqualTo("[4,\"1\",\"FormatViolation\",\"bad\",{}]");
    }

    @Test
    void decodesTheThreeFrameShapes() throws Exception {
        OcppFrame call = codec.decode("[2, \"abc\", \"SecurityEventNotification\", "
                + "{\"type\":\"ResetOrReboot\",\"timestamp\":\"2024-05-01T10:00:00+02:00\"}]");
        assertThat(call).isEqualTo(new OcppCall("abc", new SecurityEventNotificationRequest("ResetOrReboot",
                Instant.parse("2024-05-01T08:00:00Z"), Optional.empty())));
        OcppFrame result = codec.decode("[3,\"abc\",{\"status\":\"Rejected\"}]",
                id -> id.equals("abc") ? SIGN : Optional.empty());
        assertThat(result).isEqualTo(new OcppCallResult("abc", new SignCertificateResponse(GenericStatus.REJECTED,
                Optional.empty())));
        OcppFrame error = codec.decode("[4,\"abc\",\"SecurityError\",\"no\",{\"k\":[1,{\"x\":null}]}]");
        assertThat(error).isEqualTo(new OcppCallError("abc", OcppErrorCode.SECURITY_ERROR, "no",
                "{\"k\":[1,{\"x\":null}]}"));
        assertThat(codec.decode(codec.encode(error))).isEqualTo(error);
    }

    @Test
    void acceptsAMessageIdOf36Characters() throws Exception {
        String id = "x".repeat(36);
        assertThat(codec.decode("[4,\"" + id + "\",\"GenericError\",\"\",{}]").messageId()).isEqualTo(id);
    }

    static Stream<Arguments> badFrames() {
        String ok = "{\"csr\":\"x\"}";
        return Stream.of(
                Arguments.of("not JSON", "[2,\"1\",", OcppErrorCode.RPC_FRAMEWORK_ERROR, null),
                Arguments.of("empty", "", OcppErrorCode.RPC_FRAMEWORK_ERROR, null),
                Arguments.of("trailing garbage", "[4,\"1\",\"GenericError\",\"\",{}] x",
                        OcppErrorCode.RPC_FRAMEWORK_ERROR, null),
                Arguments.of("object, not array", "{\"a\":1}", OcppErrorCode.RPC_FRAMEWORK_ERROR, null),
                Arguments.of("too short", "[2,\"1\"]", OcppErrorCode.RPC_FRAMEWORK_ERROR, null),
                Arguments.of("messageId number", "[2,1,\"SignCertificate\"," + ok + "]",
                        OcppErrorCode.RPC_FRAMEWORK_ERROR, null),
                Arguments.of("messageId 37 chars", "[2,\"" + "x".repeat(37) + "\",\"SignCertificate\"," + ok + "]",
                        OcppErrorCode.RPC_FRAMEWORK_ERROR, null),
                Arguments.of("messageId empty", "[2,\"\",\"SignCertificate\"," + ok + "]",
                        OcppErrorCode.RPC_FRAMEWORK_ERROR, null),
                Arguments.of("message type 5", "[5,\"1\",\"SignCertificate\"," + ok + "]",
                        OcppErrorCode.MESSAGE_TYPE_NOT_SUPPORTED, "1"),
                Arguments.of("message type string", "[\"2\",\"1\",\"SignCertificate\"," + ok + "]",
                        OcppErrorCode.RPC_FRAMEWORK_ERROR, "1"),
                Arguments.of("CALL with 5 elements", "[2,\"1\",\"SignCertificate\"," + ok + ",1]",
                        OcppErrorCode.RPC_FRAMEWORK_ERROR, "1"),
                Arguments.of("action number", "[2,\"1\",7," + ok + "]", OcppErrorCode.RPC_FRAMEWORK_ERROR, "1"),
                Arguments.of("unknown action", "[2,\"1\",\"Heartbeat\",{}]", OcppErrorCode.NOT_IMPLEMENTED, "1"),
                Arguments.of("payload array", "[2,\"1\",\"SignCertificate\",[]]", OcppErrorCode.FORMAT_VIOLATION, "1"),
                Arguments.of("payload missing csr", "[2,\"1\",\"SignCertificate\",{}]",
                        OcppErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION, "1"),
                Arguments.of("CALLRESULT without pending CALL", "[3,\"9\",{\"status\":\"Accepted\"}]",
                        OcppErrorCode.PROTOCOL_ERROR, "9"),
                Arguments.of("CALLERROR unknown code", "[4,\"1\",\"FormationViolation\",\"\",{}]",
                        OcppErrorCode.RPC_FRAMEWORK_ERROR, "1"),
                Arguments.of("CALLERROR details not object", "[4,\"1\",\"GenericError\",\"\",[]]",
                        OcppErrorCode.RPC_FRAMEWORK_ERROR, "1"),
                Arguments.of("CALLERROR description too long", "[4,\"1\",\"GenericError\",\"" + "d".repeat(256)
                        + "\",{}]", OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "1"),
                Arguments.of("duplicate key", "[2,\"1\",\"SignCertificate\",{\"csr\":\"a\",\"csr\":\"b\"}]",
                        OcppErrorCode.RPC_FRAMEWORK_ERROR, null),
                Arguments.of("interval 2^31", "[3,\"1\",{\"currentTime\":\"2024-01-01T00:00:00Z\","
                        + "\"interval\":2147483648,\"status\":\"Accepted\"}]",
                        OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "1"),
                Arguments.of("interval 1e999999999", "[3,\"1\",{\"currentTime\":\"2024-01-01T00:00:00Z\","
                        + "\"interval\":1e999999999,\"status\":\"Accepted\"}]",
                        OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "1"),
                Arguments.of("interval 1e-999999999", "[3,\"1\",{\"currentTime\":\"2024-01-01T00:00:00Z\","
                        + "\"interval\":1e-999999999,\"status\":\"Accepted\"}]",
                        OcppErrorCode.TYPE_CONSTRAINT_VIOLATION, "1"),
                Arguments.of("number literal 40 digits", "[3,\"1\",{\"interval\":" + "9".repeat(40) + "}]",
                        OcppErrorCode.RPC_FRAMEWORK_ERROR, null),
                Arguments.of("date-time without seconds", "[3,\"1\",{\"currentTime\":\"2024-01-01T00:00Z\","
                        + "\"interval\":1,\"status\":\"Accepted\"}]", OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "1"),
                Arguments.of("date-time without offset", "[3,\"1\",{\"currentTime\":\"2024-01-01T00:00:00\","
                        + "\"interval\":1,\"status\":\"Accepted\"}]", OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFrames")
    void rejectsBadFramesWithTheRightCode(String name, String text, OcppErrorCode code, String messageId) {
        OcppJsonException e = catchThrowableOfType(OcppJsonException.class,
                () -> codec.decode(text, id -> id.equals("1") ? Optional.of(OcppAction.BOOT_NOTIFICATION)
                        : Optional.empty()));
        assertThat(e).as(name).isNotNull();
        assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(code);
        assertThat(e.messageId()).isEqualTo(Optional.ofNullable(messageId));
        OcppCallError answer = e.toCallError();
        assertThat(answer.messageId()).isEqualTo(messageId == null ? "-1" : messageId);
        assertThat(answer.errorCode()).isEqualTo(code);
    }

    @Test
    void failuresNameThePathButNotTheValue() {
        String frame = "[2,\"m1\",\"SignCertificate\",{\"csr\":\"" + "SECRETVALUE".repeat(600) + "\"}]";
        OcppJsonException e = catchThrowableOfType(OcppJsonException.class, () -> codec.decode(frame));
        assertThat(e.errorCode()).isEqualTo(OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION);
        assertThat(e.propertyPath()).contains("$.csr");
        assertThat(e.getMessage()).contains("$.csr", "maxLength 5500").doesNotContain("SECRETVALUE");
        assertThat(e.messageId()).contains("m1");
        assertThat(e.isAnswerable()).isTrue();
    }

    @Test
    void aFailedCallResultIsNotAnswerable() {
        OcppJsonException e = catchThrowableOfType(OcppJsonException.class,
                () -> codec.decode("[3,\"1\",{}]", id -> SIGN));
        assertThat(e.errorCode()).isEqualTo(OcppErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION);
        assertThat(e.propertyPath()).contains("$.status");
        assertThat(e.isAnswerable()).isFalse();
    }

    @Test
    void encodingRefusesBadFrameFields() {
        var req = new SignCertificateRequest("x", Optional.empty());
        assertThatThrownBy(() -> new OcppCall("x".repeat(37), req)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OcppCall("", req)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OcppCallError("1", OcppErrorCode.GENERIC_ERROR, "d".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OcppCallError("1", OcppErrorCode.GENERIC_ERROR, "", "[1]"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OcppCallError("1", OcppErrorCode.GENERIC_ERROR, "", "{"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void limitsAreConfigurableAndChecked() {
        assertThatThrownBy(() -> OcppJsonCodec.withLimits(10, 32, 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OcppJsonCodec.withLimits(1024, 7, 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OcppJsonCodec.withLimits(1024, 32, 10)).isInstanceOf(IllegalArgumentException.class);
        OcppJsonCodec small = OcppJsonCodec.withLimits(100, 8, 11);
        assertThat(small.maxFrameChars()).isEqualTo(100);
        OcppJsonException e = catchThrowableOfType(OcppJsonException.class,
                () -> small.decode("[2,\"1\",\"SignCertificate\",{\"csr\":\"" + "a".repeat(100) + "\"}]"));
        assertThat(e.errorCode()).isEqualTo(OcppErrorCode.RPC_FRAMEWORK_ERROR);
    }

    @Test
    void errorCodesUseThe201Names() {
        assertThat(OcppErrorCode.FORMAT_VIOLATION.ocppValue()).isEqualTo("FormatViolation");
        assertThat(OcppErrorCode.fromOcpp("RpcFrameworkError")).isEqualTo(OcppErrorCode.RPC_FRAMEWORK_ERROR);
        assertThatThrownBy(() -> OcppErrorCode.fromOcpp("FormationViolation"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(OcppErrorCode.values()).hasSize(12);
    }
}
