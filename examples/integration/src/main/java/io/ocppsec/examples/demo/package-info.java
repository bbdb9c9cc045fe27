/**
 * The end-to-end demo: a CSMS ({@code io.ocppsec.examples.csms}) and a Charging Station
 * ({@code io.ocppsec.examples.station}) over a real TLS WebSocket on loopback, run as named steps that each
 * say which OCPP 2.0.1 Block A requirements they show. Run it with {@code ocpp-security demo}.
 *
 * <p>Both sides are configured only through the SDK: {@code DemoCsms} (TLS contexts, Basic authentication,
 * profile policy, password rotation, CSR inspection, CA service, security-event handling) and
 * {@code DemoStation} (certificate store, TLS contexts, Basic-auth header, password update, CSR builder,
 * signed-certificate check, security log, durable event queue and delivery, profile upgrade).
 */
package io.ocppsec.examples.demo;
