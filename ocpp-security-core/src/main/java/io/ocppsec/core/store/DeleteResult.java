package io.ocppsec.core.store;

/**
 * Outcome of {@link StationCertificateStore#deleteCertificate}; {@link #ocppStatus()} gives the
 * {@code DeleteCertificateStatusEnumType} value.
 */
public enum DeleteResult {
    /** The certificate was deleted. */
    ACCEPTED("Accepted"),
    /** The certificate is the station's active client certificate and must not be deleted. */
    FAILED_ACTIVE_CLIENT_CERTIFICATE("Failed"),
    /** No stored certificate matches the hash data. */
    NOT_FOUND("NotFound");

    private final String ocppStatus;

    DeleteResult(String ocppStatus) {
        this.ocppStatus = ocppStatus;
    }

    /** @return {@code Accepted}, {@code Failed} or {@code NotFound} */
    public String ocppStatus() {
        return ocppStatus;
    }
}
