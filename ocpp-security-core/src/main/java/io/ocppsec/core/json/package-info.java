/**
 * OCPP-J 2.0.1 framing and JSON codecs for the message records of {@code io.ocppsec.api.message}:
 * {@link io.ocppsec.core.json.OcppJsonCodec} encodes and decodes {@link io.ocppsec.core.json.OcppFrame}s,
 * validates payloads as the official schemas do, bounds hostile input, and renders frames for logs with
 * secrets masked. Failures are {@link io.ocppsec.core.json.OcppJsonException}s carrying an
 * {@link io.ocppsec.core.json.OcppErrorCode}.
 */
package io.ocppsec.core.json;
