package io.ocppsec.api.message;

import java.util.Objects;

/**
 * {@code CertificateHashDataType} of the OCPP 2.0.1 JSON schemas.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param hashAlgorithm {@code hashAlgorithm}
 * @param issuerNameHash {@code issuerNameHash}, at most 128 characters
 * @param issuerKeyHash {@code issuerKeyHash}, at most 128 characters
 * @param serialNumber {@code serialNumber}, at most 40 characters
 */
public record CertificateHashData(
        HashAlgorithm hashAlgorithm,
        String issuerNameHash,
        String issuerKeyHash,
        String serialNumber) {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public CertificateHashData {
        Objects.requireNonNull(hashAlgorithm, "hashAlgorithm");
        issuerNameHash = Checks.text(issuerNameHash, 128, "issuerNameHash");
        issuerKeyHash = Checks.text(issuerKeyHash, 128, "issuerKeyHash");
        serialNumber = Checks.text(serialNumber, 40, "serialNumber");
    }
}
