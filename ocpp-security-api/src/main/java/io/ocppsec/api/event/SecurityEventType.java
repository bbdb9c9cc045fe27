package io.ocppsec.api.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A security event type (OCPP 2.0.1 Part 2, Appendix 1, v1.4 table).
 *
 * <p>The 20 standard events are constants. The list is non-exhaustive, so {@link #of(String)} also
 * accepts other names as custom events; custom events are never critical. Critical events are pushed
 * to the CSMS with {@code SecurityEventNotificationRequest} (A04.FR.01); every event goes to the
 * security log (A04.FR.04).
 *
 * <pre>{@code
 * SecurityEventType t = SecurityEventType.of("InvalidCsmsCertificate");
 * boolean same = t == SecurityEventType.INVALID_CSMS_CERTIFICATE;   // true
 * boolean critical = t.isCritical();                                // true
 * }</pre>
 */
public final class SecurityEventType {

    /** Maximum length of {@code SecurityEventNotificationRequest.type} in the official schema. */
    public static final int MAX_NAME_LENGTH = 50;

    private static final Map<String, SecurityEventType> STANDARD = new LinkedHashMap<>();

    /** The Charging Station firmware is updated. Critical. */
    public static final SecurityEventType FIRMWARE_UPDATED = std("FirmwareUpdated", true);
    /** The credentials the Charging Station provided were rejected by the CSMS. */
    public static final SecurityEventType FAILED_TO_AUTHENTICATE_AT_CSMS = std("FailedToAuthenticateAtCsms", false);
    /** The credentials the CSMS provided were rejected by the Charging Station. */
    public static final SecurityEventType CSMS_FAILED_TO_AUTHENTICATE = std("CsmsFailedToAuthenticate", false);
    /** The system time was changed by more than ClockCtrlr.TimeAdjustmentReportingThreshold. Critical. */
    public static final SecurityEventType SETTING_SYSTEM_TIME = std("SettingSystemTime", true);
    /** The Charging Station has booted. Critical. */
    public static final SecurityEventType STARTUP_OF_THE_DEVICE = std("StartupOfTheDevice", true);
    /** The Charging Station was rebooted or reset. Critical. */
    public static final SecurityEventType RESET_OR_REBOOT = std("ResetOrReboot", true);
    /** The security log was cleared. Critical. */
    public static final SecurityEventType SECURITY_LOG_WAS_CLEARED = std("SecurityLogWasCleared", true);
    /** Security parameters (keys, the security profile…) were changed. */
    public static final SecurityEventType RECONFIGURATION_OF_SECURITY_PARAMETERS =
            std("ReconfigurationOfSecurityParameters", false);
    /** Flash or RAM memory is getting full. Critical. */
    public static final SecurityEventType MEMORY_EXHAUSTION = std("MemoryExhaustion", true);
    /** Messages were received that are not valid OCPP messages. */
    public static final SecurityEventType INVALID_MESSAGES = std("InvalidMessages", false);
    /** A replayed message was received. */
    public static final SecurityEventType ATTEMPTED_REPLAY_ATTACKS = std("AttemptedReplayAttacks", false);
    /** The physical tamper detection sensor was triggered. Critical. */
    public static final SecurityEventType TAMPER_DETECTION_ACTIVATED = std("TamperDetectionActivated", true);
    /** The firmware signature is not valid. Critical. */
    public static final SecurityEventType INVALID_FIRMWARE_SIGNATURE = std("InvalidFirmwareSignature", true);
    /** The certificate used to verify the firmware signature is not valid. Critical. */
    public static final SecurityEventType INVALID_FIRMWARE_SIGNING_CERTIFICATE =
            std("InvalidFirmwareSigningCertificate", true);
    /** The CSMS certificate was not valid or could not be verified. Critical. */
    public static final SecurityEventType INVALID_CSMS_CERTIFICATE = std("InvalidCsmsCertificate", true);
    /** The certificate sent with CertificateSignedRequest is not valid. Critical. */
    public static final SecurityEventType INVALID_CHARGING_STATION_CERTIFICATE =
            std("InvalidChargingStationCertificate", true);
    /** The TLS version used by the CSMS is lower than 1.2. Critical. */
    public static final SecurityEventType INVALID_TLS_VERSION = std("InvalidTLSVersion", true);
    /** The CSMS only allowed cipher suites that the specification does not allow. Critical. */
    public static final SecurityEventType INVALID_TLS_CIPHER_SUITE = std("InvalidTLSCipherSuite", true);
    /** Successful login to the local maintenance interface. Critical. */
    public static final SecurityEventType MAINTENANCE_LOGIN_ACCEPTED = std("MaintenanceLoginAccepted", true);
    /** Failed login attempt to the local maintenance interface. Critical. */
    public static final SecurityEventType MAINTENANCE_LOGIN_FAILED = std("MaintenanceLoginFailed", true);

    private static final List<SecurityEventType> STANDARD_VALUES = List.copyOf(STANDARD.values());

    private final String ocppName;
    private final boolean critical;
    private final boolean standard;

    private SecurityEventType(String ocppName, boolean critical, boolean standard) {
        this.ocppName = ocppName;
        this.critical = critical;
        this.standard = standard;
    }

    private static SecurityEventType std(String name, boolean critical) {
        SecurityEventType t = new SecurityEventType(name, critical, true);
        STANDARD.put(name, t);
        return t;
    }

    /**
     * Returns the standard event of that name, or a non-critical custom event.
     *
     * @param ocppName the event name as sent in {@code SecurityEventNotificationRequest.type}
     * @return the event type
     * @throws IllegalArgumentException when the name is empty, longer than 50 characters or has control
     *     or whitespace characters
     */
    public static SecurityEventType of(String ocppName) {
        Objects.requireNonNull(ocppName, "ocppName");
        SecurityEventType known = STANDARD.get(ocppName);
        if (known != null) {
            return known;
        }
        if (ocppName.isEmpty() || ocppName.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("Security event name must have 1 to " + MAX_NAME_LENGTH
                    + " characters, had " + ocppName.length());
        }
        if (ocppName.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("Security event name must not contain whitespace or control characters");
        }
        return new SecurityEventType(ocppName, false, false);
    }

    /**
     * @param ocppName an event name
     * @return the standard event of that name, if it is one of the 20 in the specification
     */
    public static Optional<SecurityEventType> standard(String ocppName) {
        return Optional.ofNullable(STANDARD.get(Objects.requireNonNull(ocppName, "ocppName")));
    }

    /** @return the 20 standard events, in the order of the specification's table */
    public static List<SecurityEventType> standardValues() {
        return STANDARD_VALUES;
    }

    /** @return the name used on the wire, e.g. {@code InvalidCsmsCertificate} */
    public String ocppName() {
        return ocppName;
    }

    /** @return whether the event is pushed to the CSMS (SecurityEventNotificationRequest, A04.FR.01) */
    public boolean isCritical() {
        return critical;
    }

    /** @return whether the event is one of the 20 the specification lists */
    public boolean isStandard() {
        return standard;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecurityEventType && ((SecurityEventType) o).ocppName.equals(ocppName);
    }

    @Override
    public int hashCode() {
        return ocppName.hashCode();
    }

    @Override
    public String toString() {
        return ocppName;
    }
}
