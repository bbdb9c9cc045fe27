package io.ocppsec.api.message;

import java.util.Objects;

/** The OCPP 2.0.1 {@code GetCertificateIdUseEnumType} values. */
public enum GetCertificateIdUse {
    /** {@code V2GRootCertificate}. */
    V2G_ROOT_CERTIFICATE("V2GRootCertificate"),
    /** {@code MORootCertificate}. */
    MO_ROOT_CERTIFICATE("MORootCertificate"),
    /** {@code CSMSRootCertificate}. */
    CSMS_ROOT_CERTIFICATE("CSMSRootCertificate"),
    /** {@code V2GCertificateChain}. */
    V2G_CERTIFICATE_CHAIN("V2GCertificateChain"),
    /** {@code ManufacturerRootCertificate}. */
    MANUFACTURER_ROOT_CERTIFICATE("ManufacturerRootCertificate");

    private final String ocppValue;

    GetCertificateIdUse(String ocppValue) {
        this.ocppValue = ocppValue;
    }

    /** @return the value as written in OCPP-J JSON */
    public String ocppValue() {
        return ocppValue;
    }

    /**
     * @param value the OCPP-J value, e.g. {@code V2GRootCertificate}
     * @return the enum constant
     * @throws IllegalArgumentException for an unknown value (the value is not echoed)
     */
    public static GetCertificateIdUse fromOcpp(String value) {
        Objects.requireNonNull(value, "value");
        for (GetCertificateIdUse v : values()) {
            if (v.ocppValue.equals(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException("Unknown GetCertificateIdUseEnumType value; expected one of "
                + "V2GRootCertificate, MORootCertificate, CSMSRootCertificate, V2GCertificateChain, ManufacturerRootCertificate");
    }
}
