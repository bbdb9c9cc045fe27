package io.ocppsec.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code ChargingStationType} of the OCPP 2.0.1 JSON schemas.
 *
 * <p>Schema limits are checked when the record is built: required properties must not be null,
 * optional ones are {@link java.util.Optional#empty()} when absent, and over-long values are refused
 * with an {@link IllegalArgumentException} that names the property and the limit (never the value).
 *
 * @param serialNumber {@code serialNumber} (optional), at most 25 characters
 * @param model {@code model}, at most 20 characters
 * @param modem {@code modem} (optional)
 * @param vendorName {@code vendorName}, at most 50 characters
 * @param firmwareVersion {@code firmwareVersion} (optional), at most 50 characters
 */
public record ChargingStation(
        Optional<String> serialNumber,
        String model,
        Optional<Modem> modem,
        String vendorName,
        Optional<String> firmwareVersion) {

    /**
     * Checks the schema constraints.
     *
     * @throws NullPointerException if a required property or an optional holder is null
     * @throws IllegalArgumentException if a value breaks a schema limit
     */
    public ChargingStation {
        serialNumber = Checks.optText(serialNumber, 25, "serialNumber");
        model = Checks.text(model, 20, "model");
        Objects.requireNonNull(modem, "modem");
        vendorName = Checks.text(vendorName, 50, "vendorName");
        firmwareVersion = Checks.optText(firmwareVersion, 50, "firmwareVersion");
    }
}
