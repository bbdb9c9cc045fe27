package io.ocppsec.api.message;

import java.util.List;
import java.util.Objects;

/**
 * {@code CertificateHashDataChainType} of the OCPP 2.0.1 JSON schemas.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param certificateHashData {@code certificateHashData}
 * @param certificateType {@code certificateType}
 * @param childCertificateHashData {@code childCertificateHashData}: list of CertificateHashData, optional (an empty list means absent; otherwise at least 1), at most 4 items
 */
public record CertificateHashDataChain(
        CertificateHashData certificateHashData,
        GetCertificateIdUse certificateType,
        List<CertificateHashData> childCertificateHashData) {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public CertificateHashDataChain {
        Objects.requireNonNull(certificateHashData, "certificateHashData");
        Objects.requireNonNull(certificateType, "certificateType");
        childCertificateHashData = Checks.list(childCertificateHashData, 1, 4, false, "childCertificateHashData");
    }
}
