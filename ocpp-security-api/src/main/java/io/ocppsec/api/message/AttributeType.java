package io.ocppsec.api.message;

import java.util.Objects;

/** The OCPP 2.0.1 {@code AttributeEnumType} values. */
public enum AttributeType {
    /** {@code Actual}. */
    ACTUAL("Actual"),
    /** {@code Target}. */
    TARGET("Target"),
    /** {@code MinSet}. */
    MIN_SET("MinSet"),
    /** {@code MaxSet}. */
    MAX_SET("MaxSet");

    private final String ocppValue;

    AttributeType(String ocppValue) {
        this.ocppValue = ocppValue;
    }

    /** @return the value as written in OCPP-J JSON */
    public String ocppValue() {
        return ocppValue;
    }

    /**
     * @param value the OCPP-J value, e.g. {@code Actual}
     * @return the enum constant
     * @throws IllegalArgumentException for an unknown value (the value is not echoed)
     */
    public static AttributeType fromOcpp(String value) {
        Objects.requireNonNull(value, "value");
        for (AttributeType v : values()) {
            if (v.ocppValue.equals(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException("Unknown AttributeEnumType value; expected one of "
                + "Actual, Target, MinSet, MaxSet");
    }
}
