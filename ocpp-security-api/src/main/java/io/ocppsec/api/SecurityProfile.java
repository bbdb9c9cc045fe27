package io.ocppsec.api;

/**
 * The three OCPP 2.0.1 security profiles (Part 2, section A00 "Security Profiles").
 *
 * <p>A Charging Station and its CSMS use exactly one profile at a time (A00.FR.001). The profile is
 * an ordered scale: a higher profile is more secure, and lowering it through OCPP is not allowed
 * (A00.FR.005, A05.FR.07).
 *
 * <pre>{@code
 * SecurityProfile profile = SecurityProfile.fromOcpp(3);   // TLS_CLIENT_CERTIFICATE
 * if (profile.usesTls()) {
 *     // wss://, with the TLS settings of the profile
 * }
 * }</pre>
 */
public enum SecurityProfile {
    /** Profile 1: unsecured transport (ws://) with HTTP Basic authentication; trusted networks only. */
    UNSECURED_TRANSPORT_BASIC_AUTH(1, false, StationAuthentication.BASIC_AUTH),
    /** Profile 2: TLS (wss://) with HTTP Basic authentication; the CSMS authenticates with its certificate. */
    TLS_BASIC_AUTH(2, true, StationAuthentication.BASIC_AUTH),
    /** Profile 3: TLS with client-side certificates; both sides authenticate with certificates. */
    TLS_CLIENT_CERTIFICATE(3, true, StationAuthentication.CLIENT_CERTIFICATE);

    /** How the Charging Station proves its identity to the CSMS. */
    public enum StationAuthentication {
        /** HTTP Basic authentication: username = station identity, password = BasicAuthPassword. */
        BASIC_AUTH,
        /** A TLS client certificate from the CSO hierarchy whose CN is the station's serial number. */
        CLIENT_CERTIFICATE
    }

    private final int ocppValue;
    private final boolean tls;
    private final StationAuthentication stationAuthentication;

    SecurityProfile(int ocppValue, boolean tls, StationAuthentication stationAuthentication) {
        this.ocppValue = ocppValue;
        this.tls = tls;
        this.stationAuthentication = stationAuthentication;
    }

    /**
     * Looks up a profile by the integer OCPP uses (the {@code SecurityCtrlr.SecurityProfile} variable and
     * {@code NetworkConnectionProfile.securityProfile}).
     *
     * @param value 1, 2 or 3
     * @return the profile
     * @throws IllegalArgumentException for any other value
     */
    public static SecurityProfile fromOcpp(int value) {
        for (SecurityProfile p : values()) {
            if (p.ocppValue == value) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "Unknown OCPP security profile " + value + "; expected 1, 2 or 3 (OCPP 2.0.1 Part 2 A00)");
    }

    /** @return the integer OCPP uses for this profile (1, 2 or 3) */
    public int ocppValue() {
        return ocppValue;
    }

    /** @return whether the connection is protected by TLS (profiles 2 and 3) */
    public boolean usesTls() {
        return tls;
    }

    /** @return whether the CSMS authenticates itself with its TLS server certificate (profiles 2 and 3, A00.FR.307) */
    public boolean csmsAuthenticatesWithCertificate() {
        return tls;
    }

    /** @return how the Charging Station authenticates itself */
    public StationAuthentication stationAuthentication() {
        return stationAuthentication;
    }

    /** @return whether HTTP Basic authentication is used (profiles 1 and 2, A00.FR.202/301) */
    public boolean usesBasicAuth() {
        return stationAuthentication == StationAuthentication.BASIC_AUTH;
    }

    /** @return whether the station presents a TLS client certificate (profile 3, A00.FR.401) */
    public boolean requiresClientCertificate() {
        return stationAuthentication == StationAuthentication.CLIENT_CERTIFICATE;
    }

    /**
     * @param other another profile
     * @return whether moving from this profile to {@code other} would lower the security (A00.FR.005)
     */
    public boolean isDowngradeTo(SecurityProfile other) {
        return other.ocppValue < ocppValue;
    }
}
