package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code GetVariableResultType} of the OCPP 2.0.1 JSON schemas.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * <p>{@code SecurityCtrlr.BasicAuthPassword} is write-only and should never be reported; if it is, {@link #toString()}
 * masks the value.
 *
 * @param attributeStatusInfo {@code attributeStatusInfo} (optional)
 * @param attributeStatus {@code attributeStatus}
 * @param attributeType {@code attributeType} (optional)
 * @param attributeValue {@code attributeValue} (optional), at most 2500 characters
 * @param component {@code component}
 * @param variable {@code variable}
 */
public record GetVariableResult(
        Optional<StatusInfo> attributeStatusInfo,
        GetVariableResult.GetVariableStatus attributeStatus,
        Optional<AttributeType> attributeType,
        Optional<String> attributeValue,
        Component component,
        Variable variable) {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public GetVariableResult {
        Objects.requireNonNull(attributeStatusInfo, "attributeStatusInfo");
        Objects.requireNonNull(attributeStatus, "attributeStatus");
        Objects.requireNonNull(attributeType, "attributeType");
        attributeValue = Checks.optText(attributeValue, 2500, "attributeValue");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(variable, "variable");
    }

    /**
     * Whether {@code attributeValue} is a write-only secret ({@code SecurityCtrlr.BasicAuthPassword},
     * A01.FR.12): such a value is masked in {@link #toString()}.
     *
     * @return true if this entry carries the Basic-auth password
     */
    public boolean isWriteOnlySecret() {
        return Checks.isWriteOnlySecret(component, variable);
    }

    /** @return a description in which a write-only secret is replaced by {@code ***} */
    @Override
    public String toString() {
        return "GetVariableResult[attributeType=" + attributeType + ", attributeStatus=" + attributeStatus + ", attributeValue="
                + (isWriteOnlySecret() ? attributeValue.map(v -> Checks.MASK) : attributeValue) + ", component=" + component
                + ", variable=" + variable + ", attributeStatusInfo=" + attributeStatusInfo + "]";
    }

    /** The OCPP 2.0.1 {@code GetVariableStatusEnumType} values. */
    public enum GetVariableStatus {
        /** {@code Accepted}. */
        ACCEPTED("Accepted"),
        /** {@code Rejected}. */
        REJECTED("Rejected"),
        /** {@code UnknownComponent}. */
        UNKNOWN_COMPONENT("UnknownComponent"),
        /** {@code UnknownVariable}. */
        UNKNOWN_VARIABLE("UnknownVariable"),
        /** {@code NotSupportedAttributeType}. */
        NOT_SUPPORTED_ATTRIBUTE_TYPE("NotSupportedAttributeType");

        private final String ocppValue;

        GetVariableStatus(String ocppValue) {
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
        public static GetVariableStatus fromOcpp(String value) {
            Objects.requireNonNull(value, "value");
            for (GetVariableStatus v : values()) {
                if (v.ocppValue.equals(value)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("Unknown GetVariableStatusEnumType value; expected one of "
                    + "Accepted, Rejected, UnknownComponent, UnknownVariable, NotSupportedAttributeType");
        }
    }
}
