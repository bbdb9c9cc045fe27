package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code ResetRequest}: the payload of the OCPP 2.0.1 {@code Reset} CALL, as in the official JSON
 * schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param type {@code type}
 * @param evseId {@code evseId} (optional)
 */
public record ResetRequest(ResetRequest.ResetType type, Optional<Integer> evseId) implements OcppRequest {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public ResetRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(evseId, "evseId");
    }

    @Override
    public OcppAction action() {
        return OcppAction.RESET;
    }

    /** The OCPP 2.0.1 {@code ResetEnumType} values. */
    public enum ResetType {
        /** {@code Immediate}. */
        IMMEDIATE("Immediate"),
        /** {@code OnIdle}. */
        ON_IDLE("OnIdle");

        private final String ocppValue;

        ResetType(String ocppValue) {
            this.ocppValue = ocppValue;
        }

        /** @return the value as written in OCPP-J JSON */
        public String ocppValue() {
            return ocppValue;
        }

        /**
         * @param value the OCPP-J value, e.g. {@code Immediate}
         * @return the enum constant
         * @throws IllegalArgumentException for an unknown value (the value is not echoed)
         */
        public static ResetType fromOcpp(String value) {
            Objects.requireNonNull(value, "value");
            for (ResetType v : values()) {
                if (v.ocppValue.equals(value)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("Unknown ResetEnumType value; expected one of "
                    + "Immediate, OnIdle");
        }
    }
}
