package io.ocppsec.api.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message enum maps each constant to its OCPP value and back, and refuses anything else. */
class EnumsTest {

    static Stream<Class<?>> enums() {
        return Stream.of(CertificateSigningUse.class, HashAlgorithm.class, GetCertificateIdUse.class,
                InstallCertificateUse.class, AttributeType.class, GenericStatus.class, OcppAction.class,
                BootNotificationRequest.BootReason.class, BootNotificationResponse.RegistrationStatus.class,
                CertificateSignedResponse.CertificateSignedStatus.class,
                DeleteCertificateResponse.DeleteCertificateStatus.class,
                GetCertificateStatusResponse.GetCertificateStatus.class,
                GetInstalledCertificateIdsResponse.GetInstalledCertificateStatus.class, GetLogRequest.LogType.class,
                GetLogResponse.LogStatus.class, GetVariableResult.GetVariableStatus.class,
                SetVariableResult.SetVariableStatus.class, InstallCertificateResponse.InstallCertificateStatus.class,
                ResetRequest.ResetType.class, ResetResponse.ResetStatus.class,
                SetNetworkProfileResponse.SetNetworkProfileStatus.class, TriggerMessageRequest.MessageTrigger.class,
                TriggerMessageResponse.TriggerMessageStatus.class, UpdateFirmwareResponse.UpdateFirmwareStatus.class,
                Apn.ApnAuthentication.class, Vpn.VpnType.class, NetworkConnectionProfile.OcppInterface.class,
                NetworkConnectionProfile.OcppTransport.class, NetworkConnectionProfile.OcppVersion.class);
    }

    private static Object fromOcpp(Class<?> type, String value) throws Throwable {
        Method m = type.getMethod("fromOcpp", String.class);
        try {
            return m.invoke(null, value);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @ParameterizedTest
    @MethodSource("enums")
    void mapsEveryConstantBothWays(Class<?> type) throws Throwable {
        Method ocpp = type.getMethod("ocppValue");
        for (Object c : type.getEnumConstants()) {
            String v = (String) ocpp.invoke(c);
            assertThat(fromOcpp(type, v)).isSameAs(c);
        }
    }

    @ParameterizedTest
    @MethodSource("enums")
    void refusesUnknownValues(Class<?> type) {
        assertThatThrownBy(() -> fromOcpp(type, "NoSuchValue")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("NoSuchValue");
    }

    @ParameterizedTest
    @MethodSource("enums")
    void isCaseSensitiveAsTheSchemaEnum(Class<?> type) throws Throwable {
        String first = (String) type.getMethod("ocppValue").invoke(type.getEnumConstants()[0]);
        String flipped = first.equals(first.toUpperCase()) ? first.toLowerCase() : first.toUpperCase();
        assertThatThrownBy(() -> fromOcpp(type, flipped)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("enums")
    void refusesNull(Class<?> type) {
        assertThatThrownBy(() -> fromOcpp(type, null)).isInstanceOf(NullPointerException.class);
    }

    @org.junit.jupiter.api.Test
    void triggerMessageHasTheCertificateTriggers() {
        List<String> values = Arrays.stream(TriggerMessageRequest.MessageTrigger.values())
                .map(TriggerMessageRequest.MessageTrigger::ocppValue).toList();
        assertThat(values).contains("SignChargingStationCertificate", "SignV2GCertificate",
                "SignCombinedCertificate").hasSize(11);
    }

    @org.junit.jupiter.api.Test
    void everyActionNamesItsOwnRecordTypes() {
        for (OcppAction a : OcppAction.values()) {
            assertThat(a.requestType().getSimpleName()).isEqualTo(a.ocppValue() + "Request");
            assertThat(a.responseType().getSimpleName()).isEqualTo(a.ocppValue() + "Response");
        }
    }
}
