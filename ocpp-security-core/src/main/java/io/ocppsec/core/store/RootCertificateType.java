package io.ocppsec.core.store;

import java.util.Objects;

/**
 * The kinds of root (trust anchor) certificates a Charging Station keeps, with the names OCPP uses in
 * {@code InstallCertificateUseEnumType} / {@code GetCertificateIdUseEnumType}.
 */
public enum RootCertificateType {
    /** Root of the CSO hierarchy: the trust anchor for the CSMS TLS server certificate. */
    CSMS_ROOT_CERTIFICATE("CSMSRootCertificate"),
    /** Root of the Manufacturer hierarchy: the trust anchor for firmware signing certificates. */
    MANUFACTURER_ROOT_CERTIFICATE("ManufacturerRootCertificate"),
    /** ISO 15118 V2G root. */
    V2G_ROOT_CERTIFICATE("V2GRootCertificate"),
    /** ISO 15118 Mobility Operator root. */
    MO_ROOT_CERTIFICATE("MORootCertificate");

    private final String ocppValue;

    RootCertificateType(String ocppValue) {
        this.ocppValue = ocppValue;
    }

    /** @return the value as written in OCPP-J JSON, e.g. {@code CSMSRootCertificate} */
    public String ocppValue() {
        return ocppValue;
    }

    /**
     * @param value the OCPP-J value, e.g. {@code ManufacturerRootCertificate}
     * @return the enum constant
     * @throws IllegalArgumentException for an unknown value
     */
    public static RootCertificateType fromOcpp(String value) {
        Objects.requireNonNull(value, "value");
        for (RootCertificateType t : values()) {
            if (t.ocppValue.equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown root certificate type; expected CSMSRootCertificate, "
                + "ManufacturerRootCertificate, V2GRootCertificate or MORootCertificate");
    }
}
