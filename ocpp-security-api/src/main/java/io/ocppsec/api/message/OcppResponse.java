package io.ocppsec.api.message;

/**
 * The payload of an OCPP-J CALLRESULT frame: one record per supported action.
 * Sealed so that a {@code switch} over it can be checked for completeness.
 */
public sealed interface OcppResponse extends OcppMessage
        permits SignCertificateResponse,
                CertificateSignedResponse,
                SecurityEventNotificationResponse,
                TriggerMessageResponse,
                InstallCertificateResponse,
                GetInstalledCertificateIdsResponse,
                DeleteCertificateResponse,
                GetCertificateStatusResponse,
                SetVariablesResponse,
                GetVariablesResponse,
                SetNetworkProfileResponse,
                BootNotificationResponse,
                UpdateFirmwareResponse,
                GetLogResponse,
                ResetResponse {
}
