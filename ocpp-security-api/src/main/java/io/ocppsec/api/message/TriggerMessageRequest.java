package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code TriggerMessageRequest}: the payload of the OCPP 2.0.1 {@code TriggerMessage} CALL, as in the
 * official JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param evse {@code evse} (optional)
 * @param requestedMessage {@code requestedMessage}
 */
public record TriggerMessageRequest(
        Optional<Evse> evse,
        TriggerMessageRequest.MessageTrigger requestedMessage) implements OcppRequest {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public TriggerMessageRequest {
        Objects.requireNonNull(evse, "evse");
        Objects.requireNonNull(requestedMessage, "requestedMessage");
    }

    @Override
    public OcppAction action() {
        return OcppAction.TRIGGER_MESSAGE;
    }

    /** The OCPP 2.0.1 {@code MessageTriggerEnumType} values. */
    public enum MessageTrigger {
        /** {@code BootNotification}. */
        BOOT_NOTIFICATION("BootNotification"),
        /** {@code LogStatusNotification}. */
        LOG_STATUS_NOTIFICATION("LogStatusNotification"),
        /** {@code FirmwareStatusNotification}. */
        FIRMWARE_STATUS_NOTIFICATION("FirmwareStatusNotification"),
        /** {@code Heartbeat}. */
        HEARTBEAT("Heartbeat"),
        /** {@code MeterValues}. */
        METER_VALUES("MeterValues"),
        /** {@code SignChargingStationCertificate}. */
        SIGN_CHARGING_STATION_CERTIFICATE("SignChargingStationCertificate"),
        /** {@code SignV2GCertificate}. */
        SIGN_V2G_CERTIFICATE("SignV2GCertificate"),
        /** {@code StatusNotification}. */
        STATUS_NOTIFICATION("StatusNotification"),
        /** {@code TransactionEvent}. */
        TRANSACTION_EVENT("TransactionEvent"),
        /** {@code SignCombinedCertificate}. */
        SIGN_COMBINED_CERTIFICATE("SignCombinedCertificate"),
        /** {@code PublishFirmwareStatusNotification}. */
        PUBLISH_FIRMWARE_STATUS_NOTIFICATION("PublishFirmwareStatusNotification");

        private final String ocppValue;

        MessageTrigger(String ocppValue) {
            this.ocppValue = ocppValue;
        }

        /** @return the value as written in OCPP-J JSON */
        public String ocppValue() {
            return ocppValue;
        }

        /**
         * @param value the OCPP-J value, e.g. {@code BootNotification}
         * @return the enum constant
         * @throws IllegalArgumentException for an unknown value (the value is not echoed)
         */
        public static MessageTrigger fromOcpp(String value) {
            Objects.requireNonNull(value, "value");
            for (MessageTrigger v : values()) {
                if (v.ocppValue.equals(value)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("Unknown MessageTriggerEnumType value; expected one of "
                    + "BootNotification, LogStatusNotification, FirmwareStatusNotification, Heartbeat, MeterValues, SignChargingStationCertificate, SignV2GCertificate, StatusNotification, TransactionEvent, SignCombinedCertificate, PublishFirmwareStatusNotification");
        }
    }
}
