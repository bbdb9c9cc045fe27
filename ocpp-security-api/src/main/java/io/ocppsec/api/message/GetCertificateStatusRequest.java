package io.ocppsec.api.message;

import java.util.Objects;

/**
 * {@code GetCertificateStatusRequest}: the payload of the OCPP 2.0.1 {@code GetCertificateStatus}
 * CALL, as in the official JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param ocspRequestData {@code ocspRequestData}
 */
public record GetCertificateStatusRequest(OcspRequestData ocspRequestData) implements OcppRequest {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public GetCertificateStatusRequest {
        Objects.requireNonNull(ocspRequestData, "ocspRequestData");
    }

    @Override
    public OcppAction action() {
        return OcppAction.GET_CERTIFICATE_STATUS;
    }
}
