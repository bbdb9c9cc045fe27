/**
 * The end-to-end demo: a CSMS ({@code io.ocppsec.examples.csms}) and a Charging Station
 * ({@code io.ocppsec.examples.station}) over a real TLS WebSocket on loopback, run as named steps that each
 * say which OCPP 2.0.1 Block A requirements they show. Run it with {@code ocpp-security demo}.
 *
 * <p>The places where SDK components replace the demo's stand-ins are marked {@code LEAD:} in the code.
 */
package io.ocppsec.examples.demo;
