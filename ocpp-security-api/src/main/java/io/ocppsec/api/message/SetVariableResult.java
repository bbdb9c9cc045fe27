package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code SetVariableResultType} of the OCPP 2.0.1 JSON schemas.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param attributeType {@code attributeType} (optional)
 * @param attributeStatus {@code attributeStatus}
 * @param attributeStatusInfo {@code attributeStatusInfo} (optional)
 * @param component {@code component}
 * @param variable {@code variable}
 */
public record SetVariableResult(
        Optional<AttributeType> attributeType,
        SetVariableResult.SetVariableStatus attributeStatus,
        Optional<StatusInfo> attributeStatusInfo,
        Component component,
        Variable variable) {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public SetVariableResult {
        Objects.requireNonNull(attributeType, "attributeType");
        Objects.requireNonNull(attributeStatus, "attributeStatus");
        Objects.requireNonNull(attributeStatusInfo, "attributeStatusInfo");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(variable, "variable");
    }

    /** The OCPP 2.0.1 {@code SetVariableStatusEnumType} values. */
    public enum SetVariableStatus {
        /** {@code Accepted}. */
        ACCEPTED("Accepted"),
        /** {@code Rejected}. */
        REJECTED("Rejected"),
        /** {@code UnknownComponent}. */
        UNKNOWN_COMPONENT("UnknownComponent"),
        /** {@code UnknownVariable}. */
        UNKNOWN_VARIABLE("UnknownVariable"),
        /** {@code NotSupportedAttributeType}. */
        NOT_SUPPORTED_ATTRIBUTE_TYPE("NotSupportedAttributeType"),
        /** {@code RebootRequired}. */
        REBOOT_REQUIRED("RebootRequired");

        private final String ocppValue;

        SetVariableStatus(String ocppValue) {
            this.ocppValue = ocppValue;
        }

        /** @return the value as written in OCPP-J JSON */
        public String ocppValue() {
            return ocppValue;
        }

        /**
         * @param value the OCPP-J value, e.g. {@code Accepted}
         * @return the enum constant
         * @throws IllegalArgumentException for an unknown value (the value is not echoed)
         */
        public static SetVariableStatus fromOcpp(String value) {
            Objects.requireNonNull(value, "value");
            for (SetVariableStatus v : values()) {
                if (v.ocppValue.equals(value)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("Unknown SetVariableStatusEnumType value; expected one of "
                    + "Accepted, Rejected, UnknownComponent, UnknownVariable, NotSupportedAttributeType, RebootRequired");
        }
    }
}
