/**
 * The demo Charging Station side: an OCPP-J 2.0.1 WebSocket client on the JDK {@code java.net.http}
 * client over TLS configured by the SDK's {@link io.ocppsec.tls.StationTlsContext}, with typed connect outcomes (connected, refused with an HTTP status, failed in the TLS
 * handshake, ...) and the shared {@link io.ocppsec.examples.rpc.OcppRpc} layer per connection.
 */
package io.ocppsec.examples.station;
