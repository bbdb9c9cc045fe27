package io.ocppsec.core.store;

/**
 * Outcome of {@link StationCertificateStore#installRoot}. {@link #ocppStatus()} gives the
 * {@code InstallCertificateStatusEnumType} value to answer with.
 */
public enum RootInstallResult {
    /** Installed (or already installed: installing the same certificate again changes nothing). */
    ACCEPTED("Accepted"),
    /** Not a CA certificate: basicConstraints missing or cA=false. */
    REJECTED_NOT_A_CA("Rejected"),
    /** The keyUsage extension lacks keyCertSign. */
    REJECTED_NO_KEY_CERT_SIGN("Rejected"),
    /** Outside its validity period now (expired or not yet valid). */
    REJECTED_NOT_VALID_NOW("Rejected"),
    /** The caller's property check (a {@link io.ocppsec.core.cert.ChainValidator}) found a SHALL broken. */
    REJECTED_PROPERTY_CHECK("Rejected"),
    /** The store already holds its configured maximum number of certificates. */
    FAILED_STORE_FULL("Failed");

    private final String ocppStatus;

    RootInstallResult(String ocppStatus) {
        this.ocppStatus = ocppStatus;
    }

    /** @return {@code Accepted}, {@code Rejected} or {@code Failed} */
    public String ocppStatus() {
        return ocppStatus;
    }

    /** @return whether the certificate is installed */
    public boolean isAccepted() {
        return this == ACCEPTED;
    }
}
