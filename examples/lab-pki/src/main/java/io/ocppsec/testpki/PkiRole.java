package io.ocppsec.testpki;

/**
 * The role of a lab certificate: it picks the defaults of a {@link TestCertificateBuilder} (basic
 * constraints, key usage). The same roles as the SDK's {@code io.ocppsec.core.cert.CertificateRole};
 * the lab PKI has its own type so that it does not depend on the SDK it is used to test.
 */
public enum PkiRole {
    /** TLS server certificate of the CSMS. */
    CSMS(false),
    /** TLS client certificate of a Charging Station. */
    CHARGING_STATION(false),
    /** Certificate that signs firmware images. */
    FIRMWARE_SIGNING(false),
    /** Root of the Charging Station Operator hierarchy. */
    CSO_ROOT(true),
    /** Intermediate CA of the CSO hierarchy. */
    CSO_SUB_CA(true),
    /** Root of the Manufacturer hierarchy. */
    MANUFACTURER_ROOT(true),
    /** Intermediate CA of the Manufacturer hierarchy. */
    MANUFACTURER_SUB_CA(true);

    private final boolean ca;

    PkiRole(boolean ca) {
        this.ca = ca;
    }

    /** @return whether certificates of this role are CA certificates (basicConstraints CA:TRUE) */
    public boolean isCa() {
        return ca;
    }
}
