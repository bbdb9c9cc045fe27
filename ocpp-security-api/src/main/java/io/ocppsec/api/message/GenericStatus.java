package io.ocppsec.api.message;

import java.util.Objects;

/** The OCPP 2.0.1 {@code GenericStatusEnumType} values. */
public enum GenericStatus {
    /** {@code Accepted}. */
    ACCEPTED("Accepted"),
    /** {@code Rejected}. */
    REJECTED("Rejected");

    private final String ocppValue;

    GenericStatus(String ocppValue) {
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
    public static GenericStatus fromOcpp(String value) {
        Objects.requireNonNull(value, "value");
        for (GenericStatus v : values()) {
            if (v.ocppValue.equals(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException("Unknown GenericStatusEnumType value; expected one of "
                + "Accepted, Rejected");
    }
}
