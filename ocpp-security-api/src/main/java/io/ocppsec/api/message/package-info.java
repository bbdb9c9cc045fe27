/**
 * Immutable records of the OCPP 2.0.1 messages that Block A uses (and the certificate, variable, network
 * profile, firmware, log and reset messages it touches), with the enums and field limits of the official
 * JSON schemas enforced in their constructors.
 *
 * <p>Conventions: record components carry the schema property names in Java style ({@code responderURL}
 * becomes {@code responderUrl}); optional properties are {@link java.util.Optional}; optional arrays are
 * lists where an empty list means "absent"; {@code date-time} properties are {@link java.time.Instant};
 * {@code integer} properties are Java {@code int}. Enums have {@code ocppValue()} and
 * {@code fromOcpp(String)}; enums that belong to one message are nested in its record.
 *
 * <p>{@code customData} (the vendor extension object every schema allows) is not modelled: decoders
 * accept and drop it, encoders never write it.
 *
 * <p>Secrets: {@link io.ocppsec.api.message.SetVariableData#toString()} masks the value of
 * {@code SecurityCtrlr.BasicAuthPassword}; {@link io.ocppsec.api.message.Vpn} and
 * {@link io.ocppsec.api.message.Apn} mask their passwords, key and SIM PIN.
 */
package io.ocppsec.api.message;
