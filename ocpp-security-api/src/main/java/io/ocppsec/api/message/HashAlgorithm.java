package io.ocppsec.api.message;

import java.util.Objects;

/** The OCPP 2.0.1 {@code HashAlgorithmEnumType} values. */
public enum HashAlgorithm {
    /** {@code SHA256}. */
    SHA256("SHA256"),
    /** {@code SHA384}. */
    SHA384("SHA384"),
    /** {@code SHA512}. */
    SHA512("SHA512");

    private final String ocppValue;

    HashAlgorithm(String ocppValue) {
        this.ocppValue = ocppValue;
    }

    /** @return the value as written in OCPP-J JSON */
    public String ocppValue() {
        return ocppValue;
    }

    /**
     * @param value the OCPP-J value, e.g. {@code SHA256}
     * @return the enum constant
     * @throws IllegalArgumentException for an unknown value (the value is not echoed)
     */
    public static HashAlgorithm fromOcpp(String value) {
        Objects.requireNonNull(value, "value");
        for (HashAlgorithm v : values()) {
            if (v.ocppValue.equals(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException("Unknown HashAlgorithmEnumType value; expected one of "
                + "SHA256, SHA384, SHA512");
    }
}
