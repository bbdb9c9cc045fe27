package io.ocppsec.core.json;

import io.ocppsec.api.message.*;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

/** Seeded random instances of every message record, covering the schema limits (generated from the schemas). */
final class RandomMessages {

    private RandomMessages() {
    }

    /** Characters that stress escaping and code-point counting: quotes, controls, non-ASCII, non-BMP. */
    private static final String[] ALPHABET = {"a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u0001", "\u00e9",
        "\u20ac", "\u4e2d", "\uD83D\uDD12", "\u2028", "<", "&"};

    static String str(Random r, int maxLength) {
        int n;
        int mode = r.nextInt(4);
        if (mode == 0) {
            n = maxLength;
        } else if (mode == 1) {
            n = r.nextInt(Math.min(maxLength, 8) + 1);
        } else {
            n = r.nextInt(maxLength + 1);
        }
        StringBuilder b = new StringBuilder(n * 2);
        for (int i = 0; i < n; i++) {
            b.append(r.nextInt(3) == 0 ? ALPHABET[r.nextInt(ALPHABET.length)] : String.valueOf((char) ('a' + r.nextInt(26))));
        }
        return b.toString();
    }

    static Instant instant(Random r) {
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        long s = r.nextInt(3) == 0 ? min + (long) (r.nextDouble() * (max - min))
                : 1_600_000_000L + r.nextInt(400_000_000);
        int nanos = switch (r.nextInt(3)) {
            case 0 -> 0;
            case 1 -> r.nextInt(1000) * 1_000_000;
            default -> r.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(s, nanos);
    }

    static <E> E pick(Random r, E[] values) {
        return values[r.nextInt(values.length)];
    }

    static <T> Optional<T> opt(Random r, Supplier<T> s) {
        return r.nextInt(3) == 0 ? Optional.empty() : Optional.of(s.get());
    }

    static <T> List<T> list(Random r, int min, int max, Supplier<T> s) {
        int n = min == 0 && r.nextInt(3) == 0 ? 0 : Math.max(1, min) + r.nextInt(max - Math.max(1, min) + 1);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(s.get());
        }
        return out;
    }

    static StatusInfo statusInfo(Random r) {
        return new StatusInfo(str(r, 20),
                opt(r, () -> str(r, 512)));
    }

    static Evse evse(Random r) {
        return new Evse(r.nextInt(),
                opt(r, () -> r.nextInt()));
    }

    static CertificateHashDataChain certificateHashDataChain(Random r) {
        return new CertificateHashDataChain(certificateHashData(r),
                pick(r, GetCertificateIdUse.values()),
                list(r, 0, 4, () -> certificateHashData(r)));
    }

    static CertificateHashData certificateHashData(Random r) {
        return new CertificateHashData(pick(r, HashAlgorithm.values()),
                str(r, 128),
                str(r, 128),
                str(r, 40));
    }

    static OcspRequestData ocspRequestData(Random r) {
        return new OcspRequestData(pick(r, HashAlgorithm.values()),
                str(r, 128),
                str(r, 128),
                str(r, 40),
                str(r, 512));
    }

    static Component component(Random r) {
        return new Component(opt(r, () -> evse(r)),
                str(r, 50),
                opt(r, () -> str(r, 50)));
    }

    static SetVariableData setVariableData(Random r) {
        return new SetVariableData(opt(r, () -> pick(r, AttributeType.values())),
                str(r, 1000),
                component(r),
                variable(r));
    }

    static Variable variable(Random r) {
        return new Variable(str(r, 50),
                opt(r, () -> str(r, 50)));
    }

    static SetVariableResult setVariableResult(Random r) {
        return new SetVariableResult(opt(r, () -> pick(r, AttributeType.values())),
                pick(r, SetVariableResult.SetVariableStatus.values()),
                opt(r, () -> statusInfo(r)),
                component(r),
                variable(r));
    }

    static GetVariableData getVariableData(Random r) {
        return new GetVariableData(opt(r, () -> pick(r, AttributeType.values())),
                component(r),
                variable(r));
    }

    static GetVariableResult getVariableResult(Random r) {
        return new GetVariableResult(opt(r, () -> statusInfo(r)),
                pick(r, GetVariableResult.GetVariableStatus.values()),
                opt(r, () -> pick(r, AttributeType.values())),
                opt(r, () -> str(r, 2500)),
                component(r),
                variable(r));
    }

    static Apn apn(Random r) {
        return new Apn(str(r, 512),
                opt(r, () -> str(r, 20)),
                opt(r, () -> str(r, 20)),
                opt(r, () -> r.nextInt()),
                opt(r, () -> str(r, 6)),
                opt(r, () -> r.nextBoolean()),
                pick(r, Apn.ApnAuthentication.values()));
    }

    static NetworkConnectionProfile networkConnectionProfile(Random r) {
        return new NetworkConnectionProfile(opt(r, () -> apn(r)),
                pick(r, NetworkConnectionProfile.OcppVersion.values()),
                pick(r, NetworkConnectionProfile.OcppTransport.values()),
                str(r, 512),
                r.nextInt(),
                r.nextInt(),
                pick(r, NetworkConnectionProfile.OcppInterface.values()),
                opt(r, () -> vpn(r)));
    }

    static Vpn vpn(Random r) {
        return new Vpn(str(r, 512),
                str(r, 20),
                opt(r, () -> str(r, 20)),
                str(r, 20),
                str(r, 255),
                pick(r, Vpn.VpnType.values()));
    }

    static ChargingStation chargingStation(Random r) {
        return new ChargingStation(opt(r, () -> str(r, 25)),
                str(r, 20),
                opt(r, () -> modem(r)),
                str(r, 50),
                opt(r, () -> str(r, 50)));
    }

    static Modem modem(Random r) {
        return new Modem(opt(r, () -> str(r, 20)),
                opt(r, () -> str(r, 20)));
    }

    static Firmware firmware(Random r) {
        return new Firmware(str(r, 512),
                instant(r),
                opt(r, () -> instant(r)),
                opt(r, () -> str(r, 5500)),
                opt(r, () -> str(r, 800)));
    }

    static LogParameters logParameters(Random r) {
        return new LogParameters(str(r, 512),
                opt(r, () -> instant(r)),
                opt(r, () -> instant(r)));
    }

    /** Random request generators by action. */
    static final Map<OcppAction, Function<Random, OcppRequest>> REQUESTS = Map.ofEntries(
            Map.entry(OcppAction.SIGN_CERTIFICATE, RandomMessages::signCertificateRequest),
            Map.entry(OcppAction.CERTIFICATE_SIGNED, RandomMessages::certificateSignedRequest),
            Map.entry(OcppAction.SECURITY_EVENT_NOTIFICATION, RandomMessages::securityEventNotificationRequest),
            Map.entry(OcppAction.TRIGGER_MESSAGE, RandomMessages::triggerMessageRequest),
            Map.entry(OcppAction.INSTALL_CERTIFICATE, RandomMessages::installCertificateRequest),
            Map.entry(OcppAction.GET_INSTALLED_CERTIFICATE_IDS, RandomMessages::getInstalledCertificateIdsRequest),
            Map.entry(OcppAction.DELETE_CERTIFICATE, RandomMessages::deleteCertificateRequest),
            Map.entry(OcppAction.GET_CERTIFICATE_STATUS, RandomMessages::getCertificateStatusRequest),
            Map.entry(OcppAction.SET_VARIABLES, RandomMessages::setVariablesRequest),
            Map.entry(OcppAction.GET_VARIABLES, RandomMessages::getVariablesRequest),
            Map.entry(OcppAction.SET_NETWORK_PROFILE, RandomMessages::setNetworkProfileRequest),
            Map.entry(OcppAction.BOOT_NOTIFICATION, RandomMessages::bootNotificationRequest),
            Map.entry(OcppAction.UPDATE_FIRMWARE, RandomMessages::updateFirmwareRequest),
            Map.entry(OcppAction.GET_LOG, RandomMessages::getLogRequest),
            Map.entry(OcppAction.RESET, RandomMessages::resetRequest));

    /** Random response generators by action. */
    static final Map<OcppAction, Function<Random, OcppResponse>> RESPONSES = Map.ofEntries(
            Map.entry(OcppAction.SIGN_CERTIFICATE, RandomMessages::signCertificateResponse),
            Map.entry(OcppAction.CERTIFICATE_SIGNED, RandomMessages::certificateSignedResponse),
            Map.entry(OcppAction.SECURITY_EVENT_NOTIFICATION, RandomMessages::securityEventNotificationResponse),
            Map.entry(OcppAction.TRIGGER_MESSAGE, RandomMessages::triggerMessageResponse),
            Map.entry(OcppAction.INSTALL_CERTIFICATE, RandomMessages::installCertificateResponse),
            Map.entry(OcppAction.GET_INSTALLED_CERTIFICATE_IDS, RandomMessages::getInstalledCertificateIdsResponse),
            Map.entry(OcppAction.DELETE_CERTIFICATE, RandomMessages::deleteCertificateResponse),
            Map.entry(OcppAction.GET_CERTIFICATE_STATUS, RandomMessages::getCertificateStatusResponse),
            Map.entry(OcppAction.SET_VARIABLES, RandomMessages::setVariablesResponse),
            Map.entry(OcppAction.GET_VARIABLES, RandomMessages::getVariablesResponse),
            Map.entry(OcppAction.SET_NETWORK_PROFILE, RandomMessages::setNetworkProfileResponse),
            Map.entry(OcppAction.BOOT_NOTIFICATION, RandomMessages::bootNotificationResponse),
            Map.entry(OcppAction.UPDATE_FIRMWARE, RandomMessages::updateFirmwareResponse),
            Map.entry(OcppAction.GET_LOG, RandomMessages::getLogResponse),
            Map.entry(OcppAction.RESET, RandomMessages::resetResponse));

    static SignCertificateRequest signCertificateRequest(Random r) {
        return new SignCertificateRequest(str(r, 5500),
                opt(r, () -> pick(r, CertificateSigningUse.values())));
    }

    static SignCertificateResponse signCertificateResponse(Random r) {
        return new SignCertificateResponse(pick(r, GenericStatus.values()),
                opt(r, () -> statusInfo(r)));
    }

    static CertificateSignedRequest certificateSignedRequest(Random r) {
        return new CertificateSignedRequest(str(r, 10000),
                opt(r, () -> pick(r, CertificateSigningUse.values())));
    }

    static CertificateSignedResponse certificateSignedResponse(Random r) {
        return new CertificateSignedResponse(pick(r, CertificateSignedResponse.CertificateSignedStatus.values()),
                opt(r, () -> statusInfo(r)));
    }

    static SecurityEventNotificationRequest securityEventNotificationRequest(Random r) {
        return new SecurityEventNotificationRequest(str(r, 50),
                instant(r),
                opt(r, () -> str(r, 255)));
    }

    static SecurityEventNotificationResponse securityEventNotificationResponse(Random r) {
        return new SecurityEventNotificationResponse();
    }

    static TriggerMessageRequest triggerMessageRequest(Random r) {
        return new TriggerMessageRequest(opt(r, () -> evse(r)),
                pick(r, TriggerMessageRequest.MessageTrigger.values()));
    }

    static TriggerMessageResponse triggerMessageResponse(Random r) {
        return new TriggerMessageResponse(pick(r, TriggerMessageResponse.TriggerMessageStatus.values()),
                opt(r, () -> statusInfo(r)));
    }

    static InstallCertificateRequest installCertificateRequest(Random r) {
        return new InstallCertificateRequest(pick(r, InstallCertificateUse.values()),
                str(r, 5500));
    }

    static InstallCertificateResponse installCertificateResponse(Random r) {
        return new InstallCertificateResponse(pick(r, InstallCertificateResponse.InstallCertificateStatus.values()),
                opt(r, () -> statusInfo(r)));
    }

    static GetInstalledCertificateIdsRequest getInstalledCertificateIdsRequest(Random r) {
        return new GetInstalledCertificateIdsRequest(list(r, 0, 3, () -> pick(r, GetCertificateIdUse.values())));
    }

    static GetInstalledCertificateIdsResponse getInstalledCertificateIdsResponse(Random r) {
        return new GetInstalledCertificateIdsResponse(pick(r, GetInstalledCertificateIdsResponse.GetInstalledCertificateStatus.values()),
                opt(r, () -> statusInfo(r)),
                list(r, 0, 3, () -> certificateHashDataChain(r)));
    }

    static DeleteCertificateRequest deleteCertificateRequest(Random r) {
        return new DeleteCertificateRequest(certificateHashData(r));
    }

    static DeleteCertificateResponse deleteCertificateResponse(Random r) {
        return new DeleteCertificateResponse(pick(r, DeleteCertificateResponse.DeleteCertificateStatus.values()),
                opt(r, () -> statusInfo(r)));
    }

    static GetCertificateStatusRequest getCertificateStatusRequest(Random r) {
        return new GetCertificateStatusRequest(ocspRequestData(r));
    }

    static GetCertificateStatusResponse getCertificateStatusResponse(Random r) {
        return new GetCertificateStatusResponse(pick(r, GetCertificateStatusResponse.GetCertificateStatus.values()),
                opt(r, () -> statusInfo(r)),
                opt(r, () -> str(r, 5500)));
    }

    static SetVariablesRequest setVariablesRequest(Random r) {
        return new SetVariablesRequest(list(r, 1, 3, () -> setVariableData(r)));
    }

    static SetVariablesResponse setVariablesResponse(Random r) {
        return new SetVariablesResponse(list(r, 1, 3, () -> setVariableResult(r)));
    }

    static GetVariablesRequest getVariablesRequest(Random r) {
        return new GetVariablesRequest(list(r, 1, 3, () -> getVariableData(r)));
    }

    static GetVariablesResponse getVariablesResponse(Random r) {
        return new GetVariablesResponse(list(r, 1, 3, () -> getVariableResult(r)));
    }

    static SetNetworkProfileRequest setNetworkProfileRequest(Random r) {
        return new SetNetworkProfileRequest(r.nextInt(),
                networkConnectionProfile(r));
    }

    static SetNetworkProfileResponse setNetworkProfileResponse(Random r) {
        return new SetNetworkProfileResponse(pick(r, SetNetworkProfileResponse.SetNetworkProfileStatus.values()),
                opt(r, () -> statusInfo(r)));
    }

    static BootNotificationRequest bootNotificationRequest(Random r) {
        return new BootNotificationRequest(chargingStation(r),
                pick(r, BootNotificationRequest.BootReason.values()));
    }

    static BootNotificationResponse bootNotificationResponse(Random r) {
        return new BootNotificationResponse(instant(r),
                r.nextInt(),
                pick(r, BootNotificationResponse.RegistrationStatus.values()),
                opt(r, () -> statusInfo(r)));
    }

    static UpdateFirmwareRequest updateFirmwareRequest(Random r) {
        return new UpdateFirmwareRequest(opt(r, () -> r.nextInt()),
                opt(r, () -> r.nextInt()),
                r.nextInt(),
                firmware(r));
    }

    static UpdateFirmwareResponse updateFirmwareResponse(Random r) {
        return new UpdateFirmwareResponse(pick(r, UpdateFirmwareResponse.UpdateFirmwareStatus.values()),
                opt(r, () -> statusInfo(r)));
    }

    static GetLogRequest getLogRequest(Random r) {
        return new GetLogRequest(logParameters(r),
                pick(r, GetLogRequest.LogType.values()),
                r.nextInt(),
                opt(r, () -> r.nextInt()),
                opt(r, () -> r.nextInt()));
    }

    static GetLogResponse getLogResponse(Random r) {
        return new GetLogResponse(pick(r, GetLogResponse.LogStatus.values()),
                opt(r, () -> statusInfo(r)),
                opt(r, () -> str(r, 255)));
    }

    static ResetRequest resetRequest(Random r) {
        return new ResetRequest(pick(r, ResetRequest.ResetType.values()),
                opt(r, () -> r.nextInt()));
    }

    static ResetResponse resetResponse(Random r) {
        return new ResetResponse(pick(r, ResetResponse.ResetStatus.values()),
                opt(r, () -> statusInfo(r)));
    }

}
