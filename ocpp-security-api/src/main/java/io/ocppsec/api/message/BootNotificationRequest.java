package io.ocppsec.api.message;

import java.util.Objects;

/**
 * {@code BootNotificationRequest}: the payload of the OCPP 2.0.1 {@code BootNotification} CALL, as in
 * the official JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param chargingStation {@code chargingStation}
 * @param reason {@code reason}
 */
public record BootNotificationRequest(
        ChargingStation chargingStation,
        BootNotificationRequest.BootReason reason) implements OcppRequest {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public BootNotificationRequest {
        Objects.requireNonNull(chargingStation, "chargingStation");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public OcppAction action() {
        return OcppAction.BOOT_NOTIFICATION;
    }

    /** The OCPP 2.0.1 {@code BootReasonEnumType} values. */
    public enum BootReason {
        /** {@code ApplicationReset}. */
        APPLICATION_RESET("ApplicationReset"),
        /** {@code FirmwareUpdate}. */
        FIRMWARE_UPDATE("FirmwareUpdate"),
        /** {@code LocalReset}. */
        LOCAL_RESET("LocalReset"),
        /** {@code PowerUp}. */
        POWER_UP("PowerUp"),
        /** {@code RemoteReset}. */
        REMOTE_RESET("RemoteReset"),
        /** {@code ScheduledReset}. */
        SCHEDULED_RESET("ScheduledReset"),
        /** {@code Triggered}. */
        TRIGGERED("Triggered"),
        /** {@code Unknown}. */
        UNKNOWN("Unknown"),
        /** {@code Watchdog}. */
        WATCHDOG("Watchdog");

        private final String ocppValue;

        BootReason(String ocppValue) {
            this.ocppValue = ocppValue;
        }

        /** @return the value as written in OCPP-J JSON */
        public String ocppValue() {
            return ocppValue;
        }

        /**
         * @param value the OCPP-J value, e.g. {@code ApplicationReset}
         * @return the enum constant
         * @throws IllegalArgumentException for an unknown value (the value is not echoed)
         */
        public static BootReason fromOcpp(String value) {
            Objects.requireNonNull(value, "value");
            for (BootReason v : values()) {
                if (v.ocppValue.equals(value)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("Unknown BootReasonEnumType value; expected one of "
                    + "ApplicationReset, FirmwareUpdate, LocalReset, PowerUp, RemoteReset, ScheduledReset, Triggered, Unknown, Watchdog");
        }
    }
}
