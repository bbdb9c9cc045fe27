package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code APNType} of the OCPP 2.0.1 JSON schemas.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * <p>{@code apnPassword} and {@code simPin} are secrets: {@link #toString()} masks them.
 *
 * @param apn {@code apn}, at most 512 characters
 * @param apnUserName {@code apnUserName} (optional), at most 20 characters
 * @param apnPassword {@code apnPassword} (optional), at most 20 characters
 * @param simPin {@code simPin} (optional)
 * @param preferredNetwork {@code preferredNetwork} (optional), at most 6 characters
 * @param useOnlyPreferredNetwork {@code useOnlyPreferredNetwork} (optional)
 * @param apnAuthentication {@code apnAuthentication}
 */
public record Apn(
        String apn,
        Optional<String> apnUserName,
        Optional<String> apnPassword,
        Optional<Integer> simPin,
        Optional<String> preferredNetwork,
        Optional<Boolean> useOnlyPreferredNetwork,
        Apn.ApnAuthentication apnAuthentication) {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public Apn {
        apn = Checks.text(apn, 512, "apn");
        apnUserName = Checks.optText(apnUserName, 20, "apnUserName");
        apnPassword = Checks.optText(apnPassword, 20, "apnPassword");
        Objects.requireNonNull(simPin, "simPin");
        preferredNetwork = Checks.optText(preferredNetwork, 6, "preferredNetwork");
        Objects.requireNonNull(useOnlyPreferredNetwork, "useOnlyPreferredNetwork");
        Objects.requireNonNull(apnAuthentication, "apnAuthentication");
    }

    /** @return a description with {@code apnPassword} and {@code simPin} masked */
    @Override
    public String toString() {
        return "Apn[apn=" + apn + ", apnUserName=" + apnUserName + ", apnPassword="
                + apnPassword.map(v -> Checks.MASK) + ", simPin=" + simPin.map(v -> Checks.MASK)
                + ", preferredNetwork=" + preferredNetwork + ", useOnlyPreferredNetwork=" + useOnlyPreferredNetwork
                + ", apnAuthentication=" + apnAuthentication + "]";
    }

    /** The OCPP 2.0.1 {@code APNAuthenticationEnumType} values. */
    public enum ApnAuthentication {
        /** {@code CHAP}. */
        CHAP("CHAP"),
        /** {@code NONE}. */
        NONE("NONE"),
        /** {@code PAP}. */
        PAP("PAP"),
        /** {@code AUTO}. */
        AUTO("AUTO");

        private final String ocppValue;

        ApnAuthentication(String ocppValue) {
            this.ocppValue = ocppValue;
        }

        /** @return the value as written in OCPP-J JSON */
        public String ocppValue() {
            return ocppValue;
        }

        /**
         * @param value the OCPP-J value, e.g. {@code CHAP}
         * @return the enum constant
         * @throws IllegalArgumentException for an unknown value (the value is not echoed)
         */
        public static ApnAuthentication fromOcpp(String value) {
            Objects.requireNonNull(value, "value");
            for (ApnAuthentication v : values()) {
                if (v.ocppValue.equals(value)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("Unknown APNAuthenticationEnumType value; expected one of "
                    + "CHAP, NONE, PAP, AUTO");
        }
    }
}
