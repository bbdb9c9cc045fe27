package io.ocppsec.api.message;

/**
 * The payload of an OCPP-J CALL frame: one record per supported action.
 * Sealed so that a {@code switch} over it can be checked for completeness.
 */
public sealed interface OcppRequest extends OcppMessage
        permits SignCertificateRequest,
                CertificateSignedRequest,
                SecurityEventNotificationRequest,
                TriggerMessageRequest,
                InstallCertificateRequest,
                GetInstalledCertificateIdsRequest,
                DeleteCertificateRequest,
                GetCertificateStatusRequest,
                SetVariablesRequest,
                GetVariablesRequest,
                SetNetworkProfileRequest,
                BootNotificationRequest,
                UpdateFirmwareRequest,
                GetLogRequest,
                ResetRequest {
}
