package io.ocppsec.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.message.Apn;
import io.ocppsec.api.message.Component;
import io.ocppsec.api.message.NetworkConnectionProfile;
import io.ocppsec.api.message.SetNetworkProfileRequest;
import io.ocppsec.api.message.SetVariableData;
import io.ocppsec.api.message.SetVariablesRequest;
import io.ocppsec.api.message.Variable;
import io.ocppsec.api.message.Vpn;
import io.ocppsec.testing.Verifies;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Log rendering masks write-only secrets and Authorization-like values, and never echoes unparseable text. */
class RedactionTest {

    private static final String PASSWORD = "Zq9-long-random-password-1234";
    private final OcppJsonCodec codec = OcppJsonCodec.create();

    private static SetVariableData data(String component, String variable, String value) {
        return new SetVariableData(Optional.empty(), value, new Component(Optional.empty(), component,
                Optional.empty()), new Variable(variable, Optional.empty()));
    }

    @Test
    @Verifies({"A01.FR.09", "A01.FR.12"})
    void basicAuthPasswordIsMaskedInLogRenderingOfSetVariables() {
        OcppCall call = new OcppCall("42", new SetVariablesRequest(List.of(
                data("SecurityCtrlr", "BasicAuthPassword", PASSWORD), data("OCPPCommCtrlr", "HeartbeatInterval",
                        "60"))));
        String wire = codec.encode(call);
        assertThat(wire).contains(PASSWORD);   // the wire must carry it
        String log = codec.toLogString(call);
        assertThat(log).doesNotContain(PASSWORD).contains("\"attributeValue\":\"***\"", "\"60\"",
                "BasicAuthPassword");
        assertThat(call.toString()).doesNotContain(PASSWORD);
        assertThat(codec.toLogString(wire)).isEqualTo(log);
    }

    @Test
    @Verifies({"A01.FR.09", "A01.FR.12"})
    void basicAuthPasswordIsMaskedInReceivedTextEvenIfInvalidForTheSchema() {
        String text = "[2,\"1\",\"SetVariables\",{\"setVariableData\":[{\"attributeValue\":\"" + PASSWORD
                + "\",\"component\":{\"name\":\"securityctrlr\"},\"variable\":{\"name\":\"BASICAUTHPASSWORD\"},"
                + "\"bogus\":true}]}]";
        assertThat(codec.toLogString(text)).doesNotContain(PASSWORD).contains("bogus");
    }

    @Test
    void networkProfileSecretsAreMasked() {
        Vpn vpn = new Vpn("vpn.example", "u", Optional.empty(), "vpnPw12345", "vpnSharedKey", Vpn.VpnType.IKEV2);
        Apn apn = new Apn("internet", Optional.empty(), Optional.of("apnPw6789"), Optional.of(98765),
                Optional.empty(), Optional.empty(), Apn.ApnAuthentication.PAP);
        OcppCall call = new OcppCall("7", new SetNetworkProfileRequest(1, new NetworkConnectionProfile(
                Optional.of(apn), NetworkConnectionProfile.OcppVersion.OCPP20,
                NetworkConnectionProfile.OcppTransport.JSON, "wss://csms.example/ocpp", 30, 3,
                NetworkConnectionProfile.OcppInterface.WIRED0, Optional.of(vpn))));
        assertThat(codec.toLogString(call)).doesNotContain("vpnPw12345", "vpnSharedKey", "apnPw6789", "98765")
                .contains("vpn.example", "wss://csms.example/ocpp");
    }

    @Test
    void authorizationLikeValuesAreMaskedAnywhere() {
        String text = "[4,\"1\",\"SecurityError\",\"x\",{\"header\":\"Basic Q1AwMDE6c2VjcmV0\","
                + "\"Authorization\":\"whatever\",\"t\":\"bearer abc.def\",\"plain\":\"Basic\"}]";
        String log = codec.toLogString(text);
        assertThat(log).doesNotContain("Q1AwMDE6c2VjcmV0", "whatever", "abc.def").contains("\"plain\":\"Basic\"");
    }

    @Test
    void unparseableTextIsNotEchoed() {
        String text = "[2,\"1\",\"SetVariables\",{\"attributeValue\":\"" + PASSWORD + "\"";
        assertThat(codec.toLogString(text)).doesNotContain(PASSWORD).contains(text.length() + " chars");
        assertThat(codec.toLogString("x".repeat(70_000))).contains("70000 chars").hasSizeLessThan(100);
    }
}
