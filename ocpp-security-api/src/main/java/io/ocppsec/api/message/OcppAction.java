package io.ocppsec.api.message;

import java.util.List;
import java.util.Objects;

/**
 * The OCPP 2.0.1 actions this SDK has message records for, with their request and response types.
 *
 * <pre>{@code
 * OcppAction a = OcppAction.fromOcpp("SignCertificate");   // SIGN_CERTIFICATE
 * a.requestType();                                        // SignCertificateRequest.class
 * }</pre>
 */
public enum OcppAction {
    /** {@code SignCertificate}. */
    SIGN_CERTIFICATE("SignCertificate", SignCertificateRequest.class, SignCertificateResponse.class),
    /** {@code CertificateSigned}. */
    CERTIFICATE_SIGNED("CertificateSigned", CertificateSignedRequest.class, CertificateSignedResponse.class),
    /** {@code SecurityEventNotification}. */
    SECURITY_EVENT_NOTIFICATION("SecurityEventNotification", SecurityEventNotificationRequest.class, SecurityEventNotificationResponse.class),
    /** {@code TriggerMessage}. */
    TRIGGER_MESSAGE("TriggerMessage", TriggerMessageRequest.class, TriggerMessageResponse.class),
    /** {@code InstallCertificate}. */
    INSTALL_CERTIFICATE("InstallCertificate", InstallCertificateRequest.class, InstallCertificateResponse.class),
    /** {@code GetInstalledCertificateIds}. */
    GET_INSTALLED_CERTIFICATE_IDS("GetInstalledCertificateIds", GetInstalledCertificateIdsRequest.class, GetInstalledCertificateIdsResponse.class),
    /** {@code DeleteCertificate}. */
    DELETE_CERTIFICATE("DeleteCertificate", DeleteCertificateRequest.class, DeleteCertificateResponse.class),
    /** {@code GetCertificateStatus}. */
    GET_CERTIFICATE_STATUS("GetCertificateStatus", GetCertificateStatusRequest.class, GetCertificateStatusResponse.class),
    /** {@code SetVariables}. */
    SET_VARIABLES("SetVariables", SetVariablesRequest.class, SetVariablesResponse.class),
    /** {@code GetVariables}. */
    GET_VARIABLES("GetVariables", GetVariablesRequest.class, GetVariablesResponse.class),
    /** {@code SetNetworkProfile}. */
    SET_NETWORK_PROFILE("SetNetworkProfile", SetNetworkProfileRequest.class, SetNetworkProfileResponse.class),
    /** {@code BootNotification}. */
    BOOT_NOTIFICATION("BootNotification", BootNotificationRequest.class, BootNotificationResponse.class),
    /** {@code UpdateFirmware}. */
    UPDATE_FIRMWARE("UpdateFirmware", UpdateFirmwareRequest.class, UpdateFirmwareResponse.class),
    /** {@code GetLog}. */
    GET_LOG("GetLog", GetLogRequest.class, GetLogResponse.class),
    /** {@code Reset}. */
    RESET("Reset", ResetRequest.class, ResetResponse.class);

    private final String ocppValue;
    private final Class<? extends OcppRequest> requestType;
    private final Class<? extends OcppResponse> responseType;

    OcppAction(String ocppValue, Class<? extends OcppRequest> requestType, Class<? extends OcppResponse> responseType) {
        this.ocppValue = ocppValue;
        this.requestType = requestType;
        this.responseType = responseType;
    }

    /** @return the action name as written in an OCPP-J CALL frame */
    public String ocppValue() {
        return ocppValue;
    }

    /** @return the record type of the CALL payload */
    public Class<? extends OcppRequest> requestType() {
        return requestType;
    }

    /** @return the record type of the CALLRESULT payload */
    public Class<? extends OcppResponse> responseType() {
        return responseType;
    }

    /**
     * @param value the action name, e.g. {@code SignCertificate}
     * @return the action
     * @throws IllegalArgumentException for an action this SDK has no records for (the value is not echoed)
     */
    public static OcppAction fromOcpp(String value) {
        Objects.requireNonNull(value, "value");
        for (OcppAction a : values()) {
            if (a.ocppValue.equals(value)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown or unsupported OCPP action; supported: " + List.of(values()));
    }
}
