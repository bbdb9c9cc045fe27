package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code UpdateFirmwareRequest}: the payload of the OCPP 2.0.1 {@code UpdateFirmware} CALL, as in the
 * official JSON schema.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param retries {@code retries} (optional)
 * @param retryInterval {@code retryInterval} (optional)
 * @param requestId {@code requestId}
 * @param firmware {@code firmware}
 */
public record UpdateFirmwareRequest(
        Optional<Integer> retries,
        Optional<Integer> retryInterval,
        int requestId,
        Firmware firmware) implements OcppRequest {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public UpdateFirmwareRequest {
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(retryInterval, "retryInterval");
        Objects.requireNonNull(firmware, "firmware");
    }

    @Override
    public OcppAction action() {
        return OcppAction.UPDATE_FIRMWARE;
    }
}
