/**
 * JSSE {@code SSLContext} / {@code SSLParameters} builders for the CSMS (server) and the Charging
 * Station (client) that enforce the OCPP 2.0.1 TLS rules inside the handshake. No network library.
 */
module io.ocppsec.tls {
    requires transitive io.ocppsec.api;
    requires transitive io.ocppsec.core;

    exports io.ocppsec.tls;
}
