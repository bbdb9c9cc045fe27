package io.ocppsec.core.store;

import io.ocppsec.api.requirement.ValidationResult;
import java.util.Objects;

/**
 * Outcome of {@link StationCertificateStore#installClientCertificate}.
 *
 * @param accepted whether the certificate was stored
 * @param validation what the caller's {@link io.ocppsec.core.cert.ChainValidator} and the store found;
 *     when not accepted, the station discards the certificate and raises an
 *     {@code InvalidChargingStationCertificate} security event (A02.FR.07 / A03.FR.07)
 */
public record ClientInstallResult(boolean accepted, ValidationResult validation) {

    /** Checks for nulls. */
    public ClientInstallResult {
        Objects.requireNonNull(validation, "validation");
    }

    /** @return {@code Accepted} or {@code Rejected}, the {@code CertificateSignedStatusEnumType} value */
    public String ocppStatus() {
        return accepted ? "Accepted" : "Rejected";
    }
}
