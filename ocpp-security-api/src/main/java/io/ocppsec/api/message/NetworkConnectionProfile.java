package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code NetworkConnectionProfileType} of the OCPP 2.0.1 JSON schemas.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param apn {@code apn} (optional)
 * @param ocppVersion {@code ocppVersion}
 * @param ocppTransport {@code ocppTransport}
 * @param ocppCsmsUrl {@code ocppCsmsUrl}, at most 512 characters
 * @param messageTimeout {@code messageTimeout}
 * @param securityProfile {@code securityProfile}
 * @param ocppInterface {@code ocppInterface}
 * @param vpn {@code vpn} (optional)
 */
public record NetworkConnectionProfile(
        Optional<Apn> apn,
        NetworkConnectionProfile.OcppVersion ocppVersion,
        NetworkConnectionProfile.OcppTransport ocppTransport,
        String ocppCsmsUrl,
        int messageTimeout,
        int securityProfile,
        NetworkConnectionProfile.OcppInterface ocppInterface,
        Optional<Vpn> vpn) {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public NetworkConnectionProfile {
        Objects.requireNonNull(apn, "apn");
        Objects.requireNonNull(ocppVersion, "ocppVersion");
        Objects.requireNonNull(ocppTransport, "ocppTransport");
        ocppCsmsUrl = Checks.text(ocppCsmsUrl, 512, "ocppCsmsUrl");
        Objects.requireNonNull(ocppInterface, "ocppInterface");
        Objects.requireNonNull(vpn, "vpn");
    }

    /** The OCPP 2.0.1 {@code OCPPInterfaceEnumType} values. */
    public enum OcppInterface {
        /** {@code Wired0}. */
        WIRED0("Wired0"),
        /** {@code Wired1}. */
        WIRED1("Wired1"),
        /** {@code Wired2}. */
        WIRED2("Wired2"),
        /** {@code Wired3}. */
        WIRED3("Wired3"),
        /** {@code Wireless0}. */
        WIRELESS0("Wireless0"),
        /** {@code Wireless1}. */
        WIRELESS1("Wireless1"),
        /** {@code Wireless2}. */
        WIRELESS2("Wireless2"),
        /** {@code Wireless3}. */
        WIRELESS3("Wireless3");

        private final String ocppValue;

        OcppInterface(String ocppValue) {
            this.ocppValue = ocppValue;
        }

        /** @return the value as written in OCPP-J JSON */
        public String ocppValue() {
            return ocppValue;
        }

        /**
         * @param value the OCPP-J value, e.g. {@code Wired0}
         * @return the enum constant
         * @throws IllegalArgumentException for an unknown value (the value is not echoed)
         */
        public static OcppInterface fromOcpp(String value) {
            Objects.requireNonNull(value, "value");
            for (OcppInterface v : values()) {
                if (v.ocppValue.equals(value)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("Unknown OCPPInterfaceEnumType value; expected one of "
                    + "Wired0, Wired1, Wired2, Wired3, Wireless0, Wireless1, Wireless2, Wireless3");
        }
    }

    /** The OCPP 2.0.1 {@code OCPPTransportEnumType} values. */
    public enum OcppTransport {
        /** {@code JSON}. */
        JSON("JSON"),
        /** {@code SOAP}. */
        SOAP("SOAP");

        private final String ocppValue;

        OcppTransport(String ocppValue) {
            this.ocppValue = ocppValue;
        }

        /** @return the value as written in OCPP-J JSON */
        public String ocppValue() {
            return ocppValue;
        }

        /**
         * @param value the OCPP-J value, e.g. {@code JSON}
         * @return the enum constant
         * @throws IllegalArgumentException for an unknown value (the value is not echoed)
         */
        public static OcppTransport fromOcpp(String value) {
            Objects.requireNonNull(value, "value");
            for (OcppTransport v : values()) {
                if (v.ocppValue.equals(value)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("Unknown OCPPTransportEnumType value; expected one of "
                    + "JSON, SOAP");
        }
    }

    /** The OCPP 2.0.1 {@code OCPPVersionEnumType} values. */
    public enum OcppVersion {
        /** {@code OCPP12}. */
        OCPP12("OCPP12"),
        /** {@code OCPP15}. */
        OCPP15("OCPP15"),
        /** {@code OCPP16}. */
        OCPP16("OCPP16"),
        /** {@code OCPP20}. */
        OCPP20("OCPP20");

        private final String ocppValue;

        OcppVersion(String ocppValue) {
            this.ocppValue = ocppValue;
        }

        /** @return the value as written in OCPP-J JSON */
        public String ocppValue() {
            return ocppValue;
        }

        /**
         * @param value the OCPP-J value, e.g. {@code OCPP12}
         * @return the enum constant
         * @throws IllegalArgumentException for an unknown value (the value is not echoed)
         */
        public static OcppVersion fromOcpp(String value) {
            Objects.requireNonNull(value, "value");
            for (OcppVersion v : values()) {
                if (v.ocppValue.equals(value)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("Unknown OCPPVersionEnumType value; expected one of "
                    + "OCPP12, OCPP15, OCPP16, OCPP20");
        }
    }
}
