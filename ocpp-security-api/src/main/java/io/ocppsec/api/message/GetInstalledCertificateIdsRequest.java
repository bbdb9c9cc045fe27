package io.ocppsec.api.message;

import java.util.List;
import java.util.Objects;

/**
 * {@code GetInstalledCertificateIdsRequest}: the payload of the OCPP 2.0.1 {@code
 * GetInstalledCertificateIds} CALL, as in the official JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param certificateType {@code certificateType}: list of GetCertificateIdUse, optional (an empty list means absent; otherwise at least 1)
 */
public record GetInstalledCertificateIdsRequest(
        List<GetCertificateIdUse> certificateType) implements OcppRequest {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public GetInstalledCertificateIdsRequest {
        certificateType = Checks.list(certificateType, 1, 0, false, "certificateType");
    }

    @Override
    public OcppAction action() {
        return OcppAction.GET_INSTALLED_CERTIFICATE_IDS;
    }
}
