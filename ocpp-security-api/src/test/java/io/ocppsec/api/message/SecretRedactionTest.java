package io.ocppsec.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.testing.Verifies;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Write-only secrets never show in {@code toString()}, however deeply the record is nested. */
class SecretRedactionTest {

    private static final String PASSWORD = "Xy7-correct-horse-battery";

    private static SetVariableData set(String component, String variable, String value) {
        return new SetVariableData(Optional.empty(), value, new Component(Optional.empty(), component,
                Optional.empty()), new Variable(variable, Optional.empty()));
    }

    @Test
    @Verifies({"A01.FR.09", "A01.FR.12"})
    void basicAuthPasswordIsMaskedInSetVariableData() {
        SetVariableData d = set("SecurityCtrlr", "BasicAuthPassword", PASSWORD);
        assertThat(d.isWriteOnlySecret()).isTrue();
        assertThat(d.toString()).doesNotContain(PASSWORD).contains("attributeValue=***")
                .contains("BasicAuthPassword");
        assertThat(d.attributeValue()).isEqualTo(PASSWORD);
    }

    @Test
    @Verifies({"A01.FR.09", "A01.FR.12"})
    void basicAuthPasswordIsMaskedInsideTheRequestAndCaseInsensitively() {
        SetVariablesRequest req = new SetVariablesRequest(List.of(
                set("securityctrlr", "basicauthpassword", PASSWORD),
                set("OCPPCommCtrlr", "HeartbeatInterval", "300")));
        assertThat(req.toString()).doesNotContain(PASSWORD).contains("attributeValue=300");
    }

    @Test
    @Verifies({"A01.FR.09", "A01.FR.12"})
    void basicAuthPasswordIsMaskedIfAStationWronglyReportsIt() {
        GetVariableResult r = new GetVariableResult(Optional.empty(), GetVariableResult.GetVariableStatus.ACCEPTED,
                Optional.empty(), Optional.of(PASSWORD), new Component(Optional.empty(), "SecurityCtrlr",
                        Optional.empty()), new Variable("BasicAuthPassword", Optional.empty()));
        assertThat(new GetVariablesResponse(List.of(r)).toString()).doesNotContain(PASSWORD);
    }

    @Test
    void otherVariablesAreNotMasked() {
        assertThat(set("SecurityCtrlr", "OrganizationName", "ACME").toString()).contains("ACME");
        assertThat(set("OtherCtrlr", "BasicAuthPassword", "visible").isWriteOnlySecret()).isFalse();
        assertThat(set("SecurityCtrlr", "BasicAuthPasswordX", "visible").isWriteOnlySecret()).isFalse();
    }

    @Test
    void vpnAndApnSecretsAreMasked() {
        Vpn vpn = new Vpn("vpn.example", "user", Optional.empty(), "vpnPass123", "sharedKey456", Vpn.VpnType.IPSEC);
        Apn apn = new Apn("internet", Optional.of("apnuser"), Optional.of("apnPass789"), Optional.of(4711),
                Optional.empty(), Optional.of(true), Apn.ApnAuthentication.CHAP);
        NetworkConnectionProfile p = new NetworkConnectionProfile(Optional.of(apn),
                NetworkConnectionProfile.OcppVersion.OCPP20, NetworkConnectionProfile.OcppTransport.JSON,
                "wss://csms.example/ocpp", 30, 2, NetworkConnectionProfile.OcppInterface.WIRELESS0, Optional.of(vpn));
        String s = new SetNetworkProfileRequest(1, p).toString();
        assertThat(s).doesNotContain("vpnPass123", "sharedKey456", "apnPass789", "4711")
                .contains("vpn.example", "apnuser");
    }
}
