package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code VPNType} of the OCPP 2.0.1 JSON schemas.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * <p>{@code password} and {@code key} are secrets: {@link #toString()} masks them.
 *
 * @param server {@code server}, at most 512 characters
 * @param user {@code user}, at most 20 characters
 * @param group {@code group} (optional), at most 20 characters
 * @param password {@code password}, at most 20 characters
 * @param key {@code key}, at most 255 characters
 * @param type {@code type}
 */
public record Vpn(
        String server,
        String user,
        Optional<String> group,
        String password,
        String key,
        Vpn.VpnType type) {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public Vpn {
        server = Checks.text(server, 512, "server");
        user = Checks.text(user, 20, "user");
        group = Checks.optText(group, 20, "group");
        password = Checks.text(password, 20, "password");
        key = Checks.text(key, 255, "key");
        Objects.requireNonNull(type, "type");
    }

    /** @return a description with {@code password} and {@code key} masked */
    @Override
    public String toString() {
        return "Vpn[server=" + server + ", user=" + user + ", group=" + group + ", password=" + Checks.MASK
                + ", key=" + Checks.MASK + ", type=" + type + "]";
    }

    /** The OCPP 2.0.1 {@code VPNEnumType} values. */
    public enum VpnType {
        /** {@code IKEv2}. */
        IKEV2("IKEv2"),
        /** {@code IPSec}. */
        IPSEC("IPSec"),
        /** {@code L2TP}. */
        L2TP("L2TP"),
        /** {@code PPTP}. */
        PPTP("PPTP");

        private final String ocppValue;

        VpnType(String ocppValue) {
            this.ocppValue = ocppValue;
        }

        /** @return the value as written in OCPP-J JSON */
        public String ocppValue() {
            return ocppValue;
        }

        /**
         * @param value the OCPP-J value, e.g. {@code IKEv2}
         * @return the enum constant
         * @throws IllegalArgumentException for an unknown value (the value is not echoed)
         */
        public static VpnType fromOcpp(String value) {
            Objects.requireNonNull(value, "value");
            for (VpnType v : values()) {
                if (v.ocppValue.equals(value)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("Unknown VPNEnumType value; expected one of "
                    + "IKEv2, IPSec, L2TP, PPTP");
        }
    }
}
