package io.ocppsec.core.cert;

/**
 * The role a certificate plays in the OCPP public-key infrastructure (Part 2, "Certificate Hierarchy").
 *
 * <p>The CSO hierarchy holds the CSMS and Charging Station certificates; the Manufacturer hierarchy
 * holds the firmware-signing certificates. A certificate of one hierarchy never validates against the
 * other (A00.FR.601–604).
 */
public enum CertificateRole {
    /** TLS server certificate of the CSMS: CN is its FQDN (A00.FR.510). */
    CSMS(Hierarchy.CSO, false),
    /** TLS client certificate of a Charging Station: CN is its serial number (A00.FR.511). */
    CHARGING_STATION(Hierarchy.CSO, false),
    /** Certificate that signs firmware images (A00.FR.604). */
    FIRMWARE_SIGNING(Hierarchy.MANUFACTURER, false),
    /** Root of the Charging Station Operator hierarchy (installed as CSMSRootCertificate). */
    CSO_ROOT(Hierarchy.CSO, true),
    /** Intermediate CA of the CSO hierarchy. */
    CSO_SUB_CA(Hierarchy.CSO, true),
    /** Root of the Manufacturer hierarchy (installed as ManufacturerRootCertificate). */
    MANUFACTURER_ROOT(Hierarchy.MANUFACTURER, true),
    /** Intermediate CA of the Manufacturer hierarchy. */
    MANUFACTURER_SUB_CA(Hierarchy.MANUFACTURER, true);

    /** The two separate hierarchies OCPP uses. */
    public enum Hierarchy {
        /** Charging Station Operator: CSMS and Charging Station certificates. */
        CSO,
        /** Manufacturer: firmware signing. */
        MANUFACTURER
    }

    private final Hierarchy hierarchy;
    private final boolean ca;

    CertificateRole(Hierarchy hierarchy, boolean ca) {
        this.hierarchy = hierarchy;
        this.ca = ca;
    }

    /** @return the hierarchy the role belongs to */
    public Hierarchy hierarchy() {
        return hierarchy;
    }

    /** @return whether certificates of this role are CA certificates (basicConstraints CA:TRUE) */
    public boolean isCa() {
        return ca;
    }
}
