package io.ocppsec.api.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageRecordsTest {

    static String chars(int n) {
        return "x".repeat(n);
    }

    static final Component SECURITY_CTRLR = new Component(Optional.empty(), "SecurityCtrlr", Optional.empty());
    static final Variable BASIC_AUTH = new Variable("BasicAuthPassword", Optional.empty());
    static final CertificateHashData HASH = new CertificateHashData(HashAlgorithm.SHA256, "a".repeat(64),
            "b".repeat(64), "01");

    @Test
    void buildsValidMessagesAtTheSchemaLimits() {
        SignCertificateRequest sign = new SignCertificateRequest(chars(5500),
                Optional.of(CertificateSigningUse.CHARGING_STATION_CERTIFICATE));
        assertThat(sign.csr()).hasSize(5500);
        assertThat(sign.action()).isEqualTo(OcppAction.SIGN_CERTIFICATE);

        CertificateSignedRequest signed = new CertificateSignedRequest(chars(10000), Optional.empty());
        assertThat(signed.action()).isEqualTo(OcppAction.CERTIFICATE_SIGNED);

        SecurityEventNotificationRequest ev = new SecurityEventNotificationRequest(chars(50),
                Instant.parse("2024-01-01T00:00:00Z"), Optional.of(chars(255)));
        assertThat(ev.techInfo()).contains(chars(255));

        GetInstalledCertificateIdsResponse ids = new GetInstalledCertificateIdsResponse(
                GetInstalledCertificateIdsResponse.GetInstalledCertificateStatus.ACCEPTED, Optional.empty(),
                List.of(new CertificateHashDataChain(HASH, GetCertificateIdUse.CSMS_ROOT_CERTIFICATE,
                        List.of(HASH, HASH, HASH, HASH))));
        assertThat(ids.certificateHashDataChain()).hasSize(1);
        assertThat(new SecurityEventNotificationResponse().action())
                .isEqualTo(OcppAction.SECURITY_EVENT_NOTIFICATION);
    }

    @Test
    void countsLengthInCodePointsAsJsonSchemaDoes() {
        // 20 emoji = 40 UTF-16 chars but 20 characters for maxLength 20
        String twentyEmoji = "\uD83D\uDD12".repeat(20);
        assertThat(new StatusInfo(twentyEmoji, Optional.empty()).reasonCode()).isEqualTo(twentyEmoji);
        assertThatThrownBy(() -> new StatusInfo(twentyEmoji + "x", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reasonCode").hasMessageContaining("21");
    }

    @Test
    void listsAreCopiedDefensively() {
        var data = new java.util.ArrayList<GetVariableData>();
        data.add(new GetVariableData(Optional.empty(), SECURITY_CTRLR, new Variable("Identity", Optional.empty())));
        GetVariablesRequest req = new GetVariablesRequest(data);
        data.clear();
        assertThat(req.getVariableData()).hasSize(1);
        assertThatThrownBy(() -> req.getVariableData().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    static Stream<Arguments> invalid() {
        Instant now = Instant.EPOCH;
        return Stream.of(
                bad("csr over 5500", () -> new SignCertificateRequest(chars(5501), Optional.empty()), "csr", "5500"),
                bad("csr null", () -> new SignCertificateRequest(null, Optional.empty()), "csr", null),
                bad("certificateType holder null", () -> new SignCertificateRequest("c", null), "certificateType", null),
                bad("certificateChain over 10000", () -> new CertificateSignedRequest(chars(10001), Optional.empty()),
                        "certificateChain", "10000"),
                bad("event type over 50", () -> new SecurityEventNotificationRequest(chars(51), now, Optional.empty()),
                        "type", "50"),
                bad("techInfo over 255", () -> new SecurityEventNotificationRequest("t", now,
                        Optional.of(chars(256))), "techInfo", "255"),
                bad("timestamp null", () -> new SecurityEventNotificationRequest("t", null, Optional.empty()),
                        "timestamp", null),
                bad("requestedMessage null", () -> new TriggerMessageRequest(Optional.empty(), null),
                        "requestedMessage", null),
                bad("certificate over 5500", () -> new InstallCertificateRequest(
                        InstallCertificateUse.CSMS_ROOT_CERTIFICATE, chars(5501)), "certificate", "5500"),
                bad("serialNumber over 40", () -> new CertificateHashData(HashAlgorithm.SHA256, "a", "b", chars(41)),
                        "serialNumber", "40"),
                bad("issuerNameHash over 128", () -> new CertificateHashData(HashAlgorithm.SHA256, chars(129), "b",
                        "1"), "issuerNameHash", "128"),
                bad("responderURL over 512", () -> new OcspRequestData(HashAlgorithm.SHA384, "a", "b", "1",
                        chars(513)), "responderURL", "512"),
                bad("childCertificateHashData over 4", () -> new CertificateHashDataChain(HASH,
                        GetCertificateIdUse.V2G_CERTIFICATE_CHAIN, List.of(HASH, HASH, HASH, HASH, HASH)),
                        "childCertificateHashData", "4"),
                bad("setVariableData empty", () -> new SetVariablesRequest(List.of()), "setVariableData", "1"),
                bad("getVariableResult empty", () -> new GetVariablesResponse(List.of()), "getVariableResult", "1"),
                bad("attributeValue over 1000", () -> new SetVariableData(Optional.empty(), chars(1001),
                        SECURITY_CTRLR, BASIC_AUTH), "attributeValue", "1000"),
                bad("GetVariableResult attributeValue over 2500", () -> new GetVariableResult(Optional.empty(),
                        GetVariableResult.GetVariableStatus.ACCEPTED, Optional.empty(), Optional.of(chars(2501)),
                        SECURITY_CTRLR, BASIC_AUTH), "attributeValue", "2500"),
                bad("component name over 50", () -> new Component(Optional.empty(), chars(51), Optional.empty()),
                        "name", "50"),
                bad("variable instance over 50", () -> new Variable("v", Optional.of(chars(51))), "instance", "50"),
                bad("vpn password over 20", () -> new Vpn("s", "u", Optional.empty(), chars(21), "k",
                        Vpn.VpnType.IKEV2), "password", "20"),
                bad("apn preferredNetwork over 6", () -> new Apn("a", Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.of(chars(7)), Optional.empty(),
                        Apn.ApnAuthentication.AUTO), "preferredNetwork", "6"),
                bad("ocppCsmsUrl over 512", () -> new NetworkConnectionProfile(Optional.empty(),
                        NetworkConnectionProfile.OcppVersion.OCPP20, NetworkConnectionProfile.OcppTransport.JSON,
                        chars(513), 30, 3, NetworkConnectionProfile.OcppInterface.WIRED0, Optional.empty()),
                        "ocppCsmsUrl", "512"),
                bad("model over 20", () -> new ChargingStation(Optional.empty(), chars(21), Optional.empty(), "v",
                        Optional.empty()), "model", "20"),
                bad("iccid over 20", () -> new Modem(Optional.of(chars(21)), Optional.empty()), "iccid", "20"),
                bad("firmware signature over 800", () -> new Firmware("l", now, Optional.empty(), Optional.empty(),
                        Optional.of(chars(801))), "signature", "800"),
                bad("remoteLocation over 512", () -> new LogParameters(chars(513), Optional.empty(),
                        Optional.empty()), "remoteLocation", "512"),
                bad("GetLog filename over 255", () -> new GetLogResponse(GetLogResponse.LogStatus.ACCEPTED,
                        Optional.empty(), Optional.of(chars(256))), "filename", "255"),
                bad("ocspResult over 5500", () -> new GetCertificateStatusResponse(
                        GetCertificateStatusResponse.GetCertificateStatus.ACCEPTED, Optional.empty(),
                        Optional.of(chars(5501))), "ocspResult", "5500"),
                bad("reasonCode over 20", () -> new StatusInfo(chars(21), Optional.empty()), "reasonCode", "20"),
                bad("additionalInfo over 512", () -> new StatusInfo("r", Optional.of(chars(513))),
                        "additionalInfo", "512"),
                bad("Reset type null", () -> new ResetRequest(null, Optional.empty()), "type", null),
                bad("BootNotification reason null", () -> new BootNotificationRequest(new ChargingStation(
                        Optional.empty(), "m", Optional.empty(), "v", Optional.empty()), null), "reason", null),
                bad("status null", () -> new SignCertificateResponse(null, Optional.empty()), "status", null),
                bad("timestamp after year 9999", () -> new SecurityEventNotificationRequest("t",
                        Instant.parse("+10000-01-01T00:00:00Z"), Optional.empty()), "timestamp", "9999"),
                bad("retrieveDateTime before year 0", () -> new Firmware("l", Instant.parse("-0001-12-31T23:59:59Z"),
                        Optional.empty(), Optional.empty(), Optional.empty()), "retrieveDateTime", "0000"),
                bad("oldestTimestamp after year 9999", () -> new LogParameters("l",
                        Optional.of(Instant.MAX), Optional.empty()), "oldestTimestamp", "9999"),
                bad("list element null", () -> new SetVariablesRequest(java.util.Arrays.asList(
                        (SetVariableData) null)), null, null));
    }

    private static Arguments bad(String name, ThrowingCallable call, String property, String limit) {
        return Arguments.of(Named.of(name, call), property, limit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refusesValuesOutsideTheSchema(ThrowingCallable call, String property, String limit) {
        var thrown = assertThatThrownBy(call).isInstanceOfAny(IllegalArgumentException.class,
                NullPointerException.class);
        if (property != null) {
            thrown.hasMessageContaining(property);
        }
        if (limit != null) {
            thrown.isInstanceOf(IllegalArgumentException.class).hasMessageContaining(limit);
        }
    }

    @Test
    void limitMessagesDoNotEchoTheValue() {
        String secret = "S3cr3t".repeat(200);
        assertThatThrownBy(() -> new SetVariableData(Optional.empty(), secret, SECURITY_CTRLR, BASIC_AUTH))
                .hasMessageNotContaining("S3cr3t");
    }
}
