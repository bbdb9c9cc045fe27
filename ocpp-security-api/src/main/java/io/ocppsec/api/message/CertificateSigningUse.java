package io.ocppsec.api.message;

import java.util.Objects;

/**
 * {@code CertificateSigningUseEnumType}: which client certificate a CSR or a signed chain is for
 * (A02.FR.13, A03.FR.13).
 */
public enum CertificateSigningUse {
    /** The certificate the Charging Station uses as TLS client certificate towards the CSMS. */
    CHARGING_STATION_CERTIFICATE("ChargingStationCertificate"),
    /** The certificate for ISO 15118 (V2G) communication with the EV. */
    V2G_CERTIFICATE("V2GCertificate");

    private final String ocppValue;

    CertificateSigningUse(String ocppValue) {
        this.ocppValue = ocppValue;
    }

    /** @return the value as written in OCPP-J JSON */
    public String ocppValue() {
        return ocppValue;
    }

    /**
     * @param value the OCPP-J value, e.g. {@code ChargingStationCertificate}
     * @return the enum constant
     * @throws IllegalArgumentException for an unknown value
     */
    public static CertificateSigningUse fromOcpp(String value) {
        Objects.requireNonNull(value, "value");
        for (CertificateSigningUse u : values()) {
            if (u.ocppValue.equals(value)) {
                return u;
            }
        }
        throw new IllegalArgumentException("Unknown CertificateSigningUseEnumType value; expected "
                + "ChargingStationCertificate or V2GCertificate");
    }
}
