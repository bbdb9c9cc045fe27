/**
 * The demo CSMS: a Jetty 12 core WebSocket server over TLS that accepts OCPP-J 2.0.1 connections on
 * {@code /ocpp/{identity}}, asks an {@link io.ocppsec.examples.csms.UpgradeAuthenticator} before it
 * accepts an upgrade, and gives each connection an {@link io.ocppsec.examples.csms.OcppSession} with its
 * own {@link io.ocppsec.examples.rpc.OcppRpc}. Its TLS configuration is exactly the SDK's
 * {@link io.ocppsec.tls.CsmsTlsContext} it is given: Jetty's defaults never widen it, and failed handshakes
 * are reported through the context's failure classification.
 */
package io.ocppsec.examples.csms;
