package io.ocppsec.core.json.internal;

import io.ocppsec.api.message.*;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The official OCPP 2.0.1 JSON schemas of the supported messages as codec tables: one {@link ObjectType}
 * per schema object, with the same required properties, types, enums, maxLength and minItems/maxItems.
 * Generated from the schema files, then reviewed; the conformance tests check every table against the
 * schemas themselves.
 */
public final class MessageSchemas {

    private MessageSchemas() {
    }

    static final JsonType<Apn.ApnAuthentication> APN_AUTHENTICATION_ENUM =
            Types.enumeration("APNAuthenticationEnumType", Apn.ApnAuthentication.values(),
                    Apn.ApnAuthentication::ocppValue);
    static final JsonType<AttributeType> ATTRIBUTE_TYPE_ENUM =
            Types.enumeration("AttributeEnumType", AttributeType.values(),
                    AttributeType::ocppValue);
    static final JsonType<BootNotificationRequest.BootReason> BOOT_REASON_ENUM =
            Types.enumeration("BootReasonEnumType", BootNotificationRequest.BootReason.values(),
                    BootNotificationRequest.BootReason::ocppValue);
    static final JsonType<CertificateSignedResponse.CertificateSignedStatus> CERTIFICATE_SIGNED_STATUS_ENUM =
            Types.enumeration("CertificateSignedStatusEnumType", CertificateSignedResponse.CertificateSignedStatus.values(),
                    CertificateSignedResponse.CertificateSignedStatus::ocppValue);
    static final JsonType<CertificateSigningUse> CERTIFICATE_SIGNING_USE_ENUM =
            Types.enumeration("CertificateSigningUseEnumType", CertificateSigningUse.values(),
                    CertificateSigningUse::ocppValue);
    static final JsonType<DeleteCertificateResponse.DeleteCertificateStatus> DELETE_CERTIFICATE_STATUS_ENUM =
            Types.enumeration("DeleteCertificateStatusEnumType", DeleteCertificateResponse.DeleteCertificateStatus.values(),
                    DeleteCertificateResponse.DeleteCertificateStatus::ocppValue);
    static final JsonType<GenericStatus> GENERIC_STATUS_ENUM =
            Types.enumeration("GenericStatusEnumType", GenericStatus.values(),
                    GenericStatus::ocppValue);
    static final JsonType<GetCertificateIdUse> GET_CERTIFICATE_ID_USE_ENUM =
            Types.enumeration("GetCertificateIdUseEnumType", GetCertificateIdUse.values(),
                    GetCertificateIdUse::ocppValue);
    static final JsonType<GetCertificateStatusResponse.GetCertificateStatus> GET_CERTIFICATE_STATUS_ENUM =
            Types.enumeration("GetCertificateStatusEnumType", GetCertificateStatusResponse.GetCertificateStatus.values(),
                    GetCertificateStatusResponse.GetCertificateStatus::ocppValue);
    static final JsonType<GetInstalledCertificateIdsResponse.GetInstalledCertificateStatus> GET_INSTALLED_CERTIFICATE_STATUS_ENUM =
            Types.enumeration("GetInstalledCertificateStatusEnumType", GetInstalledCertificateIdsResponse.GetInstalledCertificateStatus.values(),
                    GetInstalledCertificateIdsResponse.GetInstalledCertificateStatus::ocppValue);
    static final JsonType<GetVariableResult.GetVariableStatus> GET_VARIABLE_STATUS_ENUM =
            Types.enumeration("GetVariableStatusEnumType", GetVariableResult.GetVariableStatus.values(),
                    GetVariableResult.GetVariableStatus::ocppValue);
    static final JsonType<HashAlgorithm> HASH_ALGORITHM_ENUM =
            Types.enumeration("HashAlgorithmEnumType", HashAlgorithm.values(),
                    HashAlgorithm::ocppValue);
    static final JsonType<InstallCertificateResponse.InstallCertificateStatus> INSTALL_CERTIFICATE_STATUS_ENUM =
            Types.enumeration("InstallCertificateStatusEnumType", InstallCertificateResponse.InstallCertificateStatus.values(),
                    InstallCertificateResponse.InstallCertificateStatus::ocppValue);
    static final JsonType<InstallCertificateUse> INSTALL_CERTIFICATE_USE_ENUM =
            Types.enumeration("InstallCertificateUseEnumType", InstallCertificateUse.values(),
                    InstallCertificateUse::ocppValue);
    static final JsonType<GetLogRequest.LogType> LOG_TYPE_ENUM =
            Types.enumeration("LogEnumType", GetLogRequest.LogType.values(),
                    GetLogRequest.LogType::ocppValue);
    static final JsonType<GetLogResponse.LogStatus> LOG_STATUS_ENUM =
            Types.enumeration("LogStatusEnumType", GetLogResponse.LogStatus.values(),
                    GetLogResponse.LogStatus::ocppValue);
    static final JsonType<TriggerMessageRequest.MessageTrigger> MESSAGE_TRIGGER_ENUM =
            Types.enumeration("MessageTriggerEnumType", TriggerMessageRequest.MessageTrigger.values(),
                    TriggerMessageRequest.MessageTrigger::ocppValue);
    static final JsonType<NetworkConnectionProfile.OcppInterface> OCPP_INTERFACE_ENUM =
            Types.enumeration("OCPPInterfaceEnumType", NetworkConnectionProfile.OcppInterface.values(),
                    NetworkConnectionProfile.OcppInterface::ocppValue);
    static final JsonType<NetworkConnectionProfile.OcppTransport> OCPP_TRANSPORT_ENUM =
            Types.enumeration("OCPPTransportEnumType", NetworkConnectionProfile.OcppTransport.values(),
                    NetworkConnectionProfile.OcppTransport::ocppValue);
    static final JsonType<NetworkConnectionProfile.OcppVersion> OCPP_VERSION_ENUM =
            Types.enumeration("OCPPVersionEnumType", NetworkConnectionProfile.OcppVersion.values(),
                    NetworkConnectionProfile.OcppVersion::ocppValue);
    static final JsonType<BootNotificationResponse.RegistrationStatus> REGISTRATION_STATUS_ENUM =
            Types.enumeration("RegistrationStatusEnumType", BootNotificationResponse.RegistrationStatus.values(),
                    BootNotificationResponse.RegistrationStatus::ocppValue);
    static final JsonType<ResetRequest.ResetType> RESET_TYPE_ENUM =
            Types.enumeration("ResetEnumType", ResetRequest.ResetType.values(),
                    ResetRequest.ResetType::ocppValue);
    static final JsonType<ResetResponse.ResetStatus> RESET_STATUS_ENUM =
            Types.enumeration("ResetStatusEnumType", ResetResponse.ResetStatus.values(),
                    ResetResponse.ResetStatus::ocppValue);
    static final JsonType<SetNetworkProfileResponse.SetNetworkProfileStatus> SET_NETWORK_PROFILE_STATUS_ENUM =
            Types.enumeration("SetNetworkProfileStatusEnumType", SetNetworkProfileResponse.SetNetworkProfileStatus.values(),
                    SetNetworkProfileResponse.SetNetworkProfileStatus::ocppValue);
    static final JsonType<SetVariableResult.SetVariableStatus> SET_VARIABLE_STATUS_ENUM =
            Types.enumeration("SetVariableStatusEnumType", SetVariableResult.SetVariableStatus.values(),
                    SetVariableResult.SetVariableStatus::ocppValue);
    static final JsonType<TriggerMessageResponse.TriggerMessageStatus> TRIGGER_MESSAGE_STATUS_ENUM =
            Types.enumeration("TriggerMessageStatusEnumType", TriggerMessageResponse.TriggerMessageStatus.values(),
                    TriggerMessageResponse.TriggerMessageStatus::ocppValue);
    static final JsonType<UpdateFirmwareResponse.UpdateFirmwareStatus> UPDATE_FIRMWARE_STATUS_ENUM =
            Types.enumeration("UpdateFirmwareStatusEnumType", UpdateFirmwareResponse.UpdateFirmwareStatus.values(),
                    UpdateFirmwareResponse.UpdateFirmwareStatus::ocppValue);
    static final JsonType<Vpn.VpnType> VPN_TYPE_ENUM =
            Types.enumeration("VPNEnumType", Vpn.VpnType.values(),
                    Vpn.VpnType::ocppValue);

    static final ObjectType<StatusInfo> STATUS_INFO = new ObjectType<>("StatusInfoType",
            f -> new StatusInfo(f.<String>req("reasonCode"), f.<String>opt("additionalInfo")),
            Prop.<StatusInfo, String>req("reasonCode", Types.string(20), StatusInfo::reasonCode),
            Prop.<StatusInfo, String>opt("additionalInfo", Types.string(512), StatusInfo::additionalInfo));

    static final ObjectType<Evse> EVSE = new ObjectType<>("EVSEType",
            f -> new Evse(f.<Integer>req("id"), f.<Integer>opt("connectorId")),
            Prop.<Evse, Integer>req("id", Types.INTEGER, Evse::id),
            Prop.<Evse, Integer>opt("connectorId", Types.INTEGER, Evse::connectorId));

    static final ObjectType<CertificateHashData> CERTIFICATE_HASH_DATA = new ObjectType<>("CertificateHashDataType",
            f -> new CertificateHashData(f.<HashAlgorithm>req("hashAlgorithm"), f.<String>req("issuerNameHash"),
                    f.<String>req("issuerKeyHash"), f.<String>req("serialNumber")),
            Prop.<CertificateHashData, HashAlgorithm>req("hashAlgorithm",
                    HASH_ALGORITHM_ENUM, CertificateHashData::hashAlgorithm),
            Prop.<CertificateHashData, String>req("issuerNameHash",
                    Types.string(128), CertificateHashData::issuerNameHash),
            Prop.<CertificateHashData, String>req("issuerKeyHash",
                    Types.string(128), CertificateHashData::issuerKeyHash),
            Prop.<CertificateHashData, String>req("serialNumber",
                    Types.string(40), CertificateHashData::serialNumber));

    static final ObjectType<CertificateHashDataChain> CERTIFICATE_HASH_DATA_CHAIN = new ObjectType<>("CertificateHashDataChainType",
            f -> new CertificateHashDataChain(f.<CertificateHashData>req("certificateHashData"),
                    f.<GetCertificateIdUse>req("certificateType"),
                    f.<CertificateHashData>list("childCertificateHashData")),
            Prop.<CertificateHashDataChain, CertificateHashData>req("certificateHashData",
                    CERTIFICATE_HASH_DATA, CertificateHashDataChain::certificateHashData),
            Prop.<CertificateHashDataChain, GetCertificateIdUse>req("certificateType",
                    GET_CERTIFICATE_ID_USE_ENUM, CertificateHashDataChain::certificateType),
            Prop.<CertificateHashDataChain, CertificateHashData>list("childCertificateHashData",
                    false, 1, 4, CERTIFICATE_HASH_DATA, CertificateHashDataChain::childCertificateHashData));

    static final ObjectType<OcspRequestData> OCSP_REQUEST_DATA = new ObjectType<>("OCSPRequestDataType",
            f -> new OcspRequestData(f.<HashAlgorithm>req("hashAlgorithm"), f.<String>req("issuerNameHash"),
                    f.<String>req("issuerKeyHash"), f.<String>req("serialNumber"),
                    f.<String>req("responderURL")),
            Prop.<OcspRequestData, HashAlgorithm>req("hashAlgorithm",
                    HASH_ALGORITHM_ENUM, OcspRequestData::hashAlgorithm),
            Prop.<OcspRequestData, String>req("issuerNameHash",
                    Types.string(128), OcspRequestData::issuerNameHash),
            Prop.<OcspRequestData, String>req("issuerKeyHash", Types.string(128), OcspRequestData::issuerKeyHash),
            Prop.<OcspRequestData, String>req("serialNumber", Types.string(40), OcspRequestData::serialNumber),
            Prop.<OcspRequestData, String>req("responderURL", Types.string(512), OcspRequestData::responderUrl));

    static final ObjectType<Component> COMPONENT = new ObjectType<>("ComponentType",
            f -> new Component(f.<Evse>opt("evse"), f.<String>req("name"), f.<String>opt("instance")),
            Prop.<Component, Evse>opt("evse", EVSE, Component::evse),
            Prop.<Component, String>req("name", Types.string(50), Component::name),
            Prop.<Component, String>opt("instance", Types.string(50), Component::instance));

    static final ObjectType<Variable> VARIABLE = new ObjectType<>("VariableType",
            f -> new Variable(f.<String>req("name"), f.<String>opt("instance")),
            Prop.<Variable, String>req("name", Types.string(50), Variable::name),
            Prop.<Variable, String>opt("instance", Types.string(50), Variable::instance));

    static final ObjectType<SetVariableData> SET_VARIABLE_DATA = new ObjectType<>("SetVariableDataType",
            f -> new SetVariableData(f.<AttributeType>opt("attributeType"), f.<String>req("attributeValue"),
                    f.<Component>req("component"), f.<Variable>req("variable")),
            Prop.<SetVariableData, AttributeType>opt("attributeType",
                    ATTRIBUTE_TYPE_ENUM, SetVariableData::attributeType),
            Prop.<SetVariableData, String>req("attributeValue",
                    Types.string(1000), SetVariableData::attributeValue),
            Prop.<SetVariableData, Component>req("component", COMPONENT, SetVariableData::component),
            Prop.<SetVariableData, Variable>req("variable", VARIABLE, SetVariableData::variable));

    static final ObjectType<SetVariableResult> SET_VARIABLE_RESULT = new ObjectType<>("SetVariableResultType",
            f -> new SetVariableResult(f.<AttributeType>opt("attributeType"),
                    f.<SetVariableResult.SetVariableStatus>req("attributeStatus"),
                    f.<StatusInfo>opt("attributeStatusInfo"), f.<Component>req("component"),
                    f.<Variable>req("variable")),
            Prop.<SetVariableResult, AttributeType>opt("attributeType",
                    ATTRIBUTE_TYPE_ENUM, SetVariableResult::attributeType),
            Prop.<SetVariableResult, SetVariableResult.SetVariableStatus>req("attributeStatus",
                    SET_VARIABLE_STATUS_ENUM, SetVariableResult::attributeStatus),
            Prop.<SetVariableResult, StatusInfo>opt("attributeStatusInfo",
                    STATUS_INFO, SetVariableResult::attributeStatusInfo),
            Prop.<SetVariableResult, Component>req("component", COMPONENT, SetVariableResult::component),
            Prop.<SetVariableResult, Variable>req("variable", VARIABLE, SetVariableResult::variable));

    static final ObjectType<GetVariableData> GET_VARIABLE_DATA = new ObjectType<>("GetVariableDataType",
            f -> new GetVariableData(f.<AttributeType>opt("attributeType"), f.<Component>req("component"),
                    f.<Variable>req("variable")),
            Prop.<GetVariableData, AttributeType>opt("attributeType",
                    ATTRIBUTE_TYPE_ENUM, GetVariableData::attributeType),
            Prop.<GetVariableData, Component>req("component", COMPONENT, GetVariableData::component),
            Prop.<GetVariableData, Variable>req("variable", VARIABLE, GetVariableData::variable));

    static final ObjectType<GetVariableResult> GET_VARIABLE_RESULT = new ObjectType<>("GetVariableResultType",
            f -> new GetVariableResult(f.<StatusInfo>opt("attributeStatusInfo"),
                    f.<GetVariableResult.GetVariableStatus>req("attributeStatus"),
                    f.<AttributeType>opt("attributeType"), f.<String>opt("attributeValue"),
                    f.<Component>req("component"), f.<Variable>req("variable")),
            Prop.<GetVariableResult, StatusInfo>opt("attributeStatusInfo",
                    STATUS_INFO, GetVariableResult::attributeStatusInfo),
            Prop.<GetVariableResult, GetVariableResult.GetVariableStatus>req("attributeStatus",
                    GET_VARIABLE_STATUS_ENUM, GetVariableResult::attributeStatus),
            Prop.<GetVariableResult, AttributeType>opt("attributeType",
                    ATTRIBUTE_TYPE_ENUM, GetVariableResult::attributeType),
            Prop.<GetVariableResult, String>opt("attributeValue",
                    Types.string(2500), GetVariableResult::attributeValue),
            Prop.<GetVariableResult, Component>req("component", COMPONENT, GetVariableResult::component),
            Prop.<GetVariableResult, Variable>req("variable", VARIABLE, GetVariableResult::variable));

    static final ObjectType<Apn> APN = new ObjectType<>("APNType",
            f -> new Apn(f.<String>req("apn"), f.<String>opt("apnUserName"), f.<String>opt("apnPassword"),
                    f.<Integer>opt("simPin"), f.<String>opt("preferredNetwork"),
                    f.<Boolean>opt("useOnlyPreferredNetwork"),
                    f.<Apn.ApnAuthentication>req("apnAuthentication")),
            Prop.<Apn, String>req("apn", Types.string(512), Apn::apn),
            Prop.<Apn, String>opt("apnUserName", Types.string(20), Apn::apnUserName),
            Prop.<Apn, String>opt("apnPassword", Types.string(20), Apn::apnPassword),
            Prop.<Apn, Integer>opt("simPin", Types.INTEGER, Apn::simPin),
            Prop.<Apn, String>opt("preferredNetwork", Types.string(6), Apn::preferredNetwork),
            Prop.<Apn, Boolean>opt("useOnlyPreferredNetwork", Types.BOOLEAN, Apn::useOnlyPreferredNetwork),
            Prop.<Apn, Apn.ApnAuthentication>req("apnAuthentication",
                    APN_AUTHENTICATION_ENUM, Apn::apnAuthentication));

    static final ObjectType<Vpn> VPN = new ObjectType<>("VPNType",
            f -> new Vpn(f.<String>req("server"), f.<String>req("user"), f.<String>opt("group"),
                    f.<String>req("password"), f.<String>req("key"), f.<Vpn.VpnType>req("type")),
            Prop.<Vpn, String>req("server", Types.string(512), Vpn::server),
            Prop.<Vpn, String>req("user", Types.string(20), Vpn::user),
            Prop.<Vpn, String>opt("group", Types.string(20), Vpn::group),
            Prop.<Vpn, String>req("password", Types.string(20), Vpn::password),
            Prop.<Vpn, String>req("key", Types.string(255), Vpn::key),
            Prop.<Vpn, Vpn.VpnType>req("type", VPN_TYPE_ENUM, Vpn::type));

    static final ObjectType<NetworkConnectionProfile> NETWORK_CONNECTION_PROFILE = new ObjectType<>("NetworkConnectionProfileType",
            f -> new NetworkConnectionProfile(f.<Apn>opt("apn"),
                    f.<NetworkConnectionProfile.OcppVersion>req("ocppVersion"),
                    f.<NetworkConnectionProfile.OcppTransport>req("ocppTransport"), f.<String>req("ocppCsmsUrl"),
                    f.<Integer>req("messageTimeout"), f.<Integer>req("securityProfile"),
                    f.<NetworkConnectionProfile.OcppInterface>req("ocppInterface"), f.<Vpn>opt("vpn")),
            Prop.<NetworkConnectionProfile, Apn>opt("apn", APN, NetworkConnectionProfile::apn),
            Prop.<NetworkConnectionProfile, NetworkConnectionProfile.OcppVersion>req("ocppVersion",
                    OCPP_VERSION_ENUM, NetworkConnectionProfile::ocppVersion),
            Prop.<NetworkConnectionProfile, NetworkConnectionProfile.OcppTransport>req("ocppTransport",
                    OCPP_TRANSPORT_ENUM, NetworkConnectionProfile::ocppTransport),
            Prop.<NetworkConnectionProfile, String>req("ocppCsmsUrl",
                    Types.string(512), NetworkConnectionProfile::ocppCsmsUrl),
            Prop.<NetworkConnectionProfile, Integer>req("messageTimeout",
                    Types.INTEGER, NetworkConnectionProfile::messageTimeout),
            Prop.<NetworkConnectionProfile, Integer>req("securityProfile",
                    Types.INTEGER, NetworkConnectionProfile::securityProfile),
            Prop.<NetworkConnectionProfile, NetworkConnectionProfile.OcppInterface>req("ocppInterface",
                    OCPP_INTERFACE_ENUM, NetworkConnectionProfile::ocppInterface),
            Prop.<NetworkConnectionProfile, Vpn>opt("vpn", VPN, NetworkConnectionProfile::vpn));

    static final ObjectType<Modem> MODEM = new ObjectType<>("ModemType",
            f -> new Modem(f.<String>opt("iccid"), f.<String>opt("imsi")),
            Prop.<Modem, String>opt("iccid", Types.string(20), Modem::iccid),
            Prop.<Modem, String>opt("imsi", Types.string(20), Modem::imsi));

    static final ObjectType<ChargingStation> CHARGING_STATION = new ObjectType<>("ChargingStationType",
            f -> new ChargingStation(f.<String>opt("serialNumber"), f.<String>req("model"),
                    f.<Modem>opt("modem"), f.<String>req("vendorName"), f.<String>opt("firmwareVersion")),
            Prop.<ChargingStation, String>opt("serialNumber", Types.string(25), ChargingStation::serialNumber),
            Prop.<ChargingStation, String>req("model", Types.string(20), ChargingStation::model),
            Prop.<ChargingStation, Modem>opt("modem", MODEM, ChargingStation::modem),
            Prop.<ChargingStation, String>req("vendorName", Types.string(50), ChargingStation::vendorName),
            Prop.<ChargingStation, String>opt("firmwareVersion",
                    Types.string(50), ChargingStation::firmwareVersion));

    static final ObjectType<Firmware> FIRMWARE = new ObjectType<>("FirmwareType",
            f -> new Firmware(f.<String>req("location"), f.<Instant>req("retrieveDateTime"),
                    f.<Instant>opt("installDateTime"), f.<String>opt("signingCertificate"),
                    f.<String>opt("signature")),
            Prop.<Firmware, String>req("location", Types.string(512), Firmware::location),
            Prop.<Firmware, Instant>req("retrieveDateTime", Types.DATE_TIME, Firmware::retrieveDateTime),
            Prop.<Firmware, Instant>opt("installDateTime", Types.DATE_TIME, Firmware::installDateTime),
            Prop.<Firmware, String>opt("signingCertificate", Types.string(5500), Firmware::signingCertificate),
            Prop.<Firmware, String>opt("signature", Types.string(800), Firmware::signature));

    static final ObjectType<LogParameters> LOG_PARAMETERS = new ObjectType<>("LogParametersType",
            f -> new LogParameters(f.<String>req("remoteLocation"), f.<Instant>opt("oldestTimestamp"),
                    f.<Instant>opt("latestTimestamp")),
            Prop.<LogParameters, String>req("remoteLocation", Types.string(512), LogParameters::remoteLocation),
            Prop.<LogParameters, Instant>opt("oldestTimestamp", Types.DATE_TIME, LogParameters::oldestTimestamp),
            Prop.<LogParameters, Instant>opt("latestTimestamp", Types.DATE_TIME, LogParameters::latestTimestamp));

    static final ObjectType<SignCertificateRequest> SIGN_CERTIFICATE_REQUEST = new ObjectType<>("SignCertificateRequest",
            f -> new SignCertificateRequest(f.<String>req("csr"), f.<CertificateSigningUse>opt("certificateType")),
            Prop.<SignCertificateRequest, String>req("csr", Types.string(5500), SignCertificateRequest::csr),
            Prop.<SignCertificateRequest, CertificateSigningUse>opt("certificateType",
                    CERTIFICATE_SIGNING_USE_ENUM, SignCertificateRequest::certificateType));

    static final ObjectType<SignCertificateResponse> SIGN_CERTIFICATE_RESPONSE = new ObjectType<>("SignCertificateResponse",
            f -> new SignCertificateResponse(f.<GenericStatus>req("status"), f.<StatusInfo>opt("statusInfo")),
            Prop.<SignCertificateResponse, GenericStatus>req("status",
                    GENERIC_STATUS_ENUM, SignCertificateResponse::status),
            Prop.<SignCertificateResponse, StatusInfo>opt("statusInfo",
                    STATUS_INFO, SignCertificateResponse::statusInfo));

    static final ObjectType<CertificateSignedRequest> CERTIFICATE_SIGNED_REQUEST = new ObjectType<>("CertificateSignedRequest",
            f -> new CertificateSignedRequest(f.<String>req("certificateChain"),
                    f.<CertificateSigningUse>opt("certificateType")),
            Prop.<CertificateSignedRequest, String>req("certificateChain",
                    Types.string(10000), CertificateSignedRequest::certificateChain),
            Prop.<CertificateSignedRequest, CertificateSigningUse>opt("certificateType",
                    CERTIFICATE_SIGNING_USE_ENUM, CertificateSignedRequest::certificateType));

    static final ObjectType<CertificateSignedResponse> CERTIFICATE_SIGNED_RESPONSE = new ObjectType<>("CertificateSignedResponse",
            f -> new CertificateSignedResponse(f.<CertificateSignedResponse.CertificateSignedStatus>req("status"),
                    f.<StatusInfo>opt("statusInfo")),
            Prop.<CertificateSignedResponse, CertificateSignedResponse.CertificateSignedStatus>req("status",
                    CERTIFICATE_SIGNED_STATUS_ENUM, CertificateSignedResponse::status),
            Prop.<CertificateSignedResponse, StatusInfo>opt("statusInfo",
                    STATUS_INFO, CertificateSignedResponse::statusInfo));

    static final ObjectType<SecurityEventNotificationRequest> SECURITY_EVENT_NOTIFICATION_REQUEST = new ObjectType<>("SecurityEventNotificationRequest",
            f -> new SecurityEventNotificationRequest(f.<String>req("type"), f.<Instant>req("timestamp"),
                    f.<String>opt("techInfo")),
            Prop.<SecurityEventNotificationRequest, String>req("type",
                    Types.string(50), SecurityEventNotificationRequest::type),
            Prop.<SecurityEventNotificationRequest, Instant>req("timestamp",
                    Types.DATE_TIME, SecurityEventNotificationRequest::timestamp),
            Prop.<SecurityEventNotificationRequest, String>opt("techInfo",
                    Types.string(255), SecurityEventNotificationRequest::techInfo));

    static final ObjectType<SecurityEventNotificationResponse> SECURITY_EVENT_NOTIFICATION_RESPONSE = new ObjectType<>("SecurityEventNotificationResponse",
            f -> new SecurityEventNotificationResponse());

    static final ObjectType<TriggerMessageRequest> TRIGGER_MESSAGE_REQUEST = new ObjectType<>("TriggerMessageRequest",
            f -> new TriggerMessageRequest(f.<Evse>opt("evse"),
                    f.<TriggerMessageRequest.MessageTrigger>req("requestedMessage")),
            Prop.<TriggerMessageRequest, Evse>opt("evse", EVSE, TriggerMessageRequest::evse),
            Prop.<TriggerMessageRequest, TriggerMessageRequest.MessageTrigger>req("requestedMessage",
                    MESSAGE_TRIGGER_ENUM, TriggerMessageRequest::requestedMessage));

    static final ObjectType<TriggerMessageResponse> TRIGGER_MESSAGE_RESPONSE = new ObjectType<>("TriggerMessageResponse",
            f -> new TriggerMessageResponse(f.<TriggerMessageResponse.TriggerMessageStatus>req("status"),
                    f.<StatusInfo>opt("statusInfo")),
            Prop.<TriggerMessageResponse, TriggerMessageResponse.TriggerMessageStatus>req("status",
                    TRIGGER_MESSAGE_STATUS_ENUM, TriggerMessageResponse::status),
            Prop.<TriggerMessageResponse, StatusInfo>opt("statusInfo",
                    STATUS_INFO, TriggerMessageResponse::statusInfo));

    static final ObjectType<InstallCertificateRequest> INSTALL_CERTIFICATE_REQUEST = new ObjectType<>("InstallCertificateRequest",
            f -> new InstallCertificateRequest(f.<InstallCertificateUse>req("certificateType"),
                    f.<String>req("certificate")),
            Prop.<InstallCertificateRequest, InstallCertificateUse>req("certificateType",
                    INSTALL_CERTIFICATE_USE_ENUM, InstallCertificateRequest::certificateType),
            Prop.<InstallCertificateRequest, String>req("certificate",
                    Types.string(5500), InstallCertificateRequest::certificate));

    static final ObjectType<InstallCertificateResponse> INSTALL_CERTIFICATE_RESPONSE = new ObjectType<>("InstallCertificateResponse",
            f -> new InstallCertificateResponse(f.<InstallCertificateResponse.InstallCertificateStatus>req("status"),
                    f.<StatusInfo>opt("statusInfo")),
            Prop.<InstallCertificateResponse, InstallCertificateResponse.InstallCertificateStatus>req("status",
                    INSTALL_CERTIFICATE_STATUS_ENUM, InstallCertificateResponse::status),
            Prop.<InstallCertificateResponse, StatusInfo>opt("statusInfo",
                    STATUS_INFO, InstallCertificateResponse::statusInfo));

    static final ObjectType<GetInstalledCertificateIdsRequest> GET_INSTALLED_CERTIFICATE_IDS_REQUEST = new ObjectType<>("GetInstalledCertificateIdsRequest",
            f -> new GetInstalledCertificateIdsRequest(f.<GetCertificateIdUse>list("certificateType")),
            Prop.<GetInstalledCertificateIdsRequest, GetCertificateIdUse>list("certificateType",
                    false, 1, 0, GET_CERTIFICATE_ID_USE_ENUM, GetInstalledCertificateIdsRequest::certificateType));

    static final ObjectType<GetInstalledCertificateIdsResponse> GET_INSTALLED_CERTIFICATE_IDS_RESPONSE = new ObjectType<>("GetInstalledCertificateIdsResponse",
            f -> new GetInstalledCertificateIdsResponse(f.<GetInstalledCertificateIdsResponse.GetInstalledCertificateStatus>req("status"),
                    f.<StatusInfo>opt("statusInfo"),
                    f.<CertificateHashDataChain>list("certificateHashDataChain")),
            Prop.<GetInstalledCertificateIdsResponse, GetInstalledCertificateIdsResponse.GetInstalledCertificateStatus>req("status",
                    GET_INSTALLED_CERTIFICATE_STATUS_ENUM, GetInstalledCertificateIdsResponse::status),
            Prop.<GetInstalledCertificateIdsResponse, StatusInfo>opt("statusInfo",
                    STATUS_INFO, GetInstalledCertificateIdsResponse::statusInfo),
            Prop.<GetInstalledCertificateIdsResponse, CertificateHashDataChain>list("certificateHashDataChain",
                    false, 1, 0, CERTIFICATE_HASH_DATA_CHAIN, GetInstalledCertificateIdsResponse::certificateHashDataChain));

    static final ObjectType<DeleteCertificateRequest> DELETE_CERTIFICATE_REQUEST = new ObjectType<>("DeleteCertificateRequest",
            f -> new DeleteCertificateRequest(f.<CertificateHashData>req("certificateHashData")),
            Prop.<DeleteCertificateRequest, CertificateHashData>req("certificateHashData",
                    CERTIFICATE_HASH_DATA, DeleteCertificateRequest::certificateHashData));

    static final ObjectType<DeleteCertificateResponse> DELETE_CERTIFICATE_RESPONSE = new ObjectType<>("DeleteCertificateResponse",
            f -> new DeleteCertificateResponse(f.<DeleteCertificateResponse.DeleteCertificateStatus>req("status"),
                    f.<StatusInfo>opt("statusInfo")),
            Prop.<DeleteCertificateResponse, DeleteCertificateResponse.DeleteCertificateStatus>req("status",
                    DELETE_CERTIFICATE_STATUS_ENUM, DeleteCertificateResponse::status),
            Prop.<DeleteCertificateResponse, StatusInfo>opt("statusInfo",
                    STATUS_INFO, DeleteCertificateResponse::statusInfo));

    static final ObjectType<GetCertificateStatusRequest> GET_CERTIFICATE_STATUS_REQUEST = new ObjectType<>("GetCertificateStatusRequest",
            f -> new GetCertificateStatusRequest(f.<OcspRequestData>req("ocspRequestData")),
            Prop.<GetCertificateStatusRequest, OcspRequestData>req("ocspRequestData",
                    OCSP_REQUEST_DATA, GetCertificateStatusRequest::ocspRequestData));

    static final ObjectType<GetCertificateStatusResponse> GET_CERTIFICATE_STATUS_RESPONSE = new ObjectType<>("GetCertificateStatusResponse",
            f -> new GetCertificateStatusResponse(f.<GetCertificateStatusResponse.GetCertificateStatus>req("status"),
                    f.<StatusInfo>opt("statusInfo"), f.<String>opt("ocspResult")),
            Prop.<GetCertificateStatusResponse, GetCertificateStatusResponse.GetCertificateStatus>req("status",
                    GET_CERTIFICATE_STATUS_ENUM, GetCertificateStatusResponse::status),
            Prop.<GetCertificateStatusResponse, StatusInfo>opt("statusInfo",
                    STATUS_INFO, GetCertificateStatusResponse::statusInfo),
            Prop.<GetCertificateStatusResponse, String>opt("ocspResult",
                    Types.string(5500), GetCertificateStatusResponse::ocspResult));

    static final ObjectType<SetVariablesRequest> SET_VARIABLES_REQUEST = new ObjectType<>("SetVariablesRequest",
            f -> new SetVariablesRequest(f.<SetVariableData>list("setVariableData")),
            Prop.<SetVariablesRequest, SetVariableData>list("setVariableData",
                    true, 1, 0, SET_VARIABLE_DATA, SetVariablesRequest::setVariableData));

    static final ObjectType<SetVariablesResponse> SET_VARIABLES_RESPONSE = new ObjectType<>("SetVariablesResponse",
            f -> new SetVariablesResponse(f.<SetVariableResult>list("setVariableResult")),
            Prop.<SetVariablesResponse, SetVariableResult>list("setVariableResult",
                    true, 1, 0, SET_VARIABLE_RESULT, SetVariablesResponse::setVariableResult));

    static final ObjectType<GetVariablesRequest> GET_VARIABLES_REQUEST = new ObjectType<>("GetVariablesRequest",
            f -> new GetVariablesRequest(f.<GetVariableData>list("getVariableData")),
            Prop.<GetVariablesRequest, GetVariableData>list("getVariableData",
                    true, 1, 0, GET_VARIABLE_DATA, GetVariablesRequest::getVariableData));

    static final ObjectType<GetVariablesResponse> GET_VARIABLES_RESPONSE = new ObjectType<>("GetVariablesResponse",
            f -> new GetVariablesResponse(f.<GetVariableResult>list("getVariableResult")),
            Prop.<GetVariablesResponse, GetVariableResult>list("getVariableResult",
                    true, 1, 0, GET_VARIABLE_RESULT, GetVariablesResponse::getVariableResult));

    static final ObjectType<SetNetworkProfileRequest> SET_NETWORK_PROFILE_REQUEST = new ObjectType<>("SetNetworkProfileRequest",
            f -> new SetNetworkProfileRequest(f.<Integer>req("configurationSlot"),
                    f.<NetworkConnectionProfile>req("connectionData")),
            Prop.<SetNetworkProfileRequest, Integer>req("configurationSlot",
                    Types.INTEGER, SetNetworkProfileRequest::configurationSlot),
            Prop.<SetNetworkProfileRequest, NetworkConnectionProfile>req("connectionData",
                    NETWORK_CONNECTION_PROFILE, SetNetworkProfileRequest::connectionData));

    static final ObjectType<SetNetworkProfileResponse> SET_NETWORK_PROFILE_RESPONSE = new ObjectType<>("SetNetworkProfileResponse",
            f -> new SetNetworkProfileResponse(f.<SetNetworkProfileResponse.SetNetworkProfileStatus>req("status"),
                    f.<StatusInfo>opt("statusInfo")),
            Prop.<SetNetworkProfileResponse, SetNetworkProfileResponse.SetNetworkProfileStatus>req("status",
                    SET_NETWORK_PROFILE_STATUS_ENUM, SetNetworkProfileResponse::status),
            Prop.<SetNetworkProfileResponse, StatusInfo>opt("statusInfo",
                    STATUS_INFO, SetNetworkProfileResponse::statusInfo));

    static final ObjectType<BootNotificationRequest> BOOT_NOTIFICATION_REQUEST = new ObjectType<>("BootNotificationRequest",
            f -> new BootNotificationRequest(f.<ChargingStation>req("chargingStation"),
                    f.<BootNotificationRequest.BootReason>req("reason")),
            Prop.<BootNotificationRequest, ChargingStation>req("chargingStation",
                    CHARGING_STATION, BootNotificationRequest::chargingStation),
            Prop.<BootNotificationRequest, BootNotificationRequest.BootReason>req("reason",
                    BOOT_REASON_ENUM, BootNotificationRequest::reason));

    static final ObjectType<BootNotificationResponse> BOOT_NOTIFICATION_RESPONSE = new ObjectType<>("BootNotificationResponse",
            f -> new BootNotificationResponse(f.<Instant>req("currentTime"), f.<Integer>req("interval"),
                    f.<BootNotificationResponse.RegistrationStatus>req("status"),
                    f.<StatusInfo>opt("statusInfo")),
            Prop.<BootNotificationResponse, Instant>req("currentTime",
                    Types.DATE_TIME, BootNotificationResponse::currentTime),
            Prop.<BootNotificationResponse, Integer>req("interval",
                    Types.INTEGER, BootNotificationResponse::interval),
            Prop.<BootNotificationResponse, BootNotificationResponse.RegistrationStatus>req("status",
                    REGISTRATION_STATUS_ENUM, BootNotificationResponse::status),
            Prop.<BootNotificationResponse, StatusInfo>opt("statusInfo",
                    STATUS_INFO, BootNotificationResponse::statusInfo));

    static final ObjectType<UpdateFirmwareRequest> UPDATE_FIRMWARE_REQUEST = new ObjectType<>("UpdateFirmwareRequest",
            f -> new UpdateFirmwareRequest(f.<Integer>opt("retries"), f.<Integer>opt("retryInterval"),
                    f.<Integer>req("requestId"), f.<Firmware>req("firmware")),
            Prop.<UpdateFirmwareRequest, Integer>opt("retries", Types.INTEGER, UpdateFirmwareRequest::retries),
            Prop.<UpdateFirmwareRequest, Integer>opt("retryInterval",
                    Types.INTEGER, UpdateFirmwareRequest::retryInterval),
            Prop.<UpdateFirmwareRequest, Integer>req("requestId", Types.INTEGER, UpdateFirmwareRequest::requestId),
            Prop.<UpdateFirmwareRequest, Firmware>req("firmware", FIRMWARE, UpdateFirmwareRequest::firmware));

    static final ObjectType<UpdateFirmwareResponse> UPDATE_FIRMWARE_RESPONSE = new ObjectType<>("UpdateFirmwareResponse",
            f -> new UpdateFirmwareResponse(f.<UpdateFirmwareResponse.UpdateFirmwareStatus>req("status"),
                    f.<StatusInfo>opt("statusInfo")),
            Prop.<UpdateFirmwareResponse, UpdateFirmwareResponse.UpdateFirmwareStatus>req("status",
                    UPDATE_FIRMWARE_STATUS_ENUM, UpdateFirmwareResponse::status),
            Prop.<UpdateFirmwareResponse, StatusInfo>opt("statusInfo",
                    STATUS_INFO, UpdateFirmwareResponse::statusInfo));

    static final ObjectType<GetLogRequest> GET_LOG_REQUEST = new ObjectType<>("GetLogRequest",
            f -> new GetLogRequest(f.<LogParameters>req("log"), f.<GetLogRequest.LogType>req("logType"),
                    f.<Integer>req("requestId"), f.<Integer>opt("retries"), f.<Integer>opt("retryInterval")),
            Prop.<GetLogRequest, LogParameters>req("log", LOG_PARAMETERS, GetLogRequest::log),
            Prop.<GetLogRequest, GetLogRequest.LogType>req("logType", LOG_TYPE_ENUM, GetLogRequest::logType),
            Prop.<GetLogRequest, Integer>req("requestId", Types.INTEGER, GetLogRequest::requestId),
            Prop.<GetLogRequest, Integer>opt("retries", Types.INTEGER, GetLogRequest::retries),
            Prop.<GetLogRequest, Integer>opt("retryInterval", Types.INTEGER, GetLogRequest::retryInterval));

    static final ObjectType<GetLogResponse> GET_LOG_RESPONSE = new ObjectType<>("GetLogResponse",
            f -> new GetLogResponse(f.<GetLogResponse.LogStatus>req("status"), f.<StatusInfo>opt("statusInfo"),
                    f.<String>opt("filename")),
            Prop.<GetLogResponse, GetLogResponse.LogStatus>req("status", LOG_STATUS_ENUM, GetLogResponse::status),
            Prop.<GetLogResponse, StatusInfo>opt("statusInfo", STATUS_INFO, GetLogResponse::statusInfo),
            Prop.<GetLogResponse, String>opt("filename", Types.string(255), GetLogResponse::filename));

    static final ObjectType<ResetRequest> RESET_REQUEST = new ObjectType<>("ResetRequest",
            f -> new ResetRequest(f.<ResetRequest.ResetType>req("type"), f.<Integer>opt("evseId")),
            Prop.<ResetRequest, ResetRequest.ResetType>req("type", RESET_TYPE_ENUM, ResetRequest::type),
            Prop.<ResetRequest, Integer>opt("evseId", Types.INTEGER, ResetRequest::evseId));

    static final ObjectType<ResetResponse> RESET_RESPONSE = new ObjectType<>("ResetResponse",
            f -> new ResetResponse(f.<ResetResponse.ResetStatus>req("status"), f.<StatusInfo>opt("statusInfo")),
            Prop.<ResetResponse, ResetResponse.ResetStatus>req("status", RESET_STATUS_ENUM, ResetResponse::status),
            Prop.<ResetResponse, StatusInfo>opt("statusInfo", STATUS_INFO, ResetResponse::statusInfo));

    private static final Map<OcppAction, ObjectType<? extends OcppRequest>> REQUESTS = new EnumMap<>(OcppAction.class);
    private static final Map<OcppAction, ObjectType<? extends OcppResponse>> RESPONSES = new EnumMap<>(OcppAction.class);

    static {
        REQUESTS.put(OcppAction.SIGN_CERTIFICATE, SIGN_CERTIFICATE_REQUEST);
        RESPONSES.put(OcppAction.SIGN_CERTIFICATE, SIGN_CERTIFICATE_RESPONSE);
        REQUESTS.put(OcppAction.CERTIFICATE_SIGNED, CERTIFICATE_SIGNED_REQUEST);
        RESPONSES.put(OcppAction.CERTIFICATE_SIGNED, CERTIFICATE_SIGNED_RESPONSE);
        REQUESTS.put(OcppAction.SECURITY_EVENT_NOTIFICATION, SECURITY_EVENT_NOTIFICATION_REQUEST);
        RESPONSES.put(OcppAction.SECURITY_EVENT_NOTIFICATION, SECURITY_EVENT_NOTIFICATION_RESPONSE);
        REQUESTS.put(OcppAction.TRIGGER_MESSAGE, TRIGGER_MESSAGE_REQUEST);
        RESPONSES.put(OcppAction.TRIGGER_MESSAGE, TRIGGER_MESSAGE_RESPONSE);
        REQUESTS.put(OcppAction.INSTALL_CERTIFICATE, INSTALL_CERTIFICATE_REQUEST);
        RESPONSES.put(OcppAction.INSTALL_CERTIFICATE, INSTALL_CERTIFICATE_RESPONSE);
        REQUESTS.put(OcppAction.GET_INSTALLED_CERTIFICATE_IDS, GET_INSTALLED_CERTIFICATE_IDS_REQUEST);
        RESPONSES.put(OcppAction.GET_INSTALLED_CERTIFICATE_IDS, GET_INSTALLED_CERTIFICATE_IDS_RESPONSE);
        REQUESTS.put(OcppAction.DELETE_CERTIFICATE, DELETE_CERTIFICATE_REQUEST);
        RESPONSES.put(OcppAction.DELETE_CERTIFICATE, DELETE_CERTIFICATE_RESPONSE);
        REQUESTS.put(OcppAction.GET_CERTIFICATE_STATUS, GET_CERTIFICATE_STATUS_REQUEST);
        RESPONSES.put(OcppAction.GET_CERTIFICATE_STATUS, GET_CERTIFICATE_STATUS_RESPONSE);
        REQUESTS.put(OcppAction.SET_VARIABLES, SET_VARIABLES_REQUEST);
        RESPONSES.put(OcppAction.SET_VARIABLES, SET_VARIABLES_RESPONSE);
        REQUESTS.put(OcppAction.GET_VARIABLES, GET_VARIABLES_REQUEST);
        RESPONSES.put(OcppAction.GET_VARIABLES, GET_VARIABLES_RESPONSE);
        REQUESTS.put(OcppAction.SET_NETWORK_PROFILE, SET_NETWORK_PROFILE_REQUEST);
        RESPONSES.put(OcppAction.SET_NETWORK_PROFILE, SET_NETWORK_PROFILE_RESPONSE);
        REQUESTS.put(OcppAction.BOOT_NOTIFICATION, BOOT_NOTIFICATION_REQUEST);
        RESPONSES.put(OcppAction.BOOT_NOTIFICATION, BOOT_NOTIFICATION_RESPONSE);
        REQUESTS.put(OcppAction.UPDATE_FIRMWARE, UPDATE_FIRMWARE_REQUEST);
        RESPONSES.put(OcppAction.UPDATE_FIRMWARE, UPDATE_FIRMWARE_RESPONSE);
        REQUESTS.put(OcppAction.GET_LOG, GET_LOG_REQUEST);
        RESPONSES.put(OcppAction.GET_LOG, GET_LOG_RESPONSE);
        REQUESTS.put(OcppAction.RESET, RESET_REQUEST);
        RESPONSES.put(OcppAction.RESET, RESET_RESPONSE);
    }

    /**
     * @param action the action
     * @return the table of its CALL payload
     */
    public static ObjectType<? extends OcppRequest> request(OcppAction action) {
        return REQUESTS.get(action);
    }

    /**
     * @param action the action
     * @return the table of its CALLRESULT payload
     */
    public static ObjectType<? extends OcppResponse> response(OcppAction action) {
        return RESPONSES.get(action);
    }

    /**
     * @param message a request or response record
     * @return the table that writes it
     */
    @SuppressWarnings("unchecked")
    public static ObjectType<OcppMessage> of(OcppMessage message) {
        return (ObjectType<OcppMessage>) (message instanceof OcppRequest ? REQUESTS.get(message.action())
                : RESPONSES.get(message.action()));
    }
}
