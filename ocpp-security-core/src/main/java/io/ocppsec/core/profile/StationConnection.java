package io.ocppsec.core.profile;

/**
 * What an incoming Charging Station connection offers, as the CSMS sees it after the TLS handshake and
 * the HTTP upgrade request (or as a TLS-terminating proxy reports it).
 *
 * @param tls whether the connection is TLS (wss://)
 * @param clientCertificate whether the station presented a TLS client certificate
 * @param basicAuthorization whether an {@code Authorization: Basic} header is present
 */
public record StationConnection(boolean tls, boolean clientCertificate, boolean basicAuthorization) {

    /**
     * @throws IllegalArgumentException for a client certificate without TLS (impossible on the wire)
     */
    public StationConnection {
        if (clientCertificate && !tls) {
            throw new IllegalArgumentException("A client certificate needs a TLS connection");
        }
    }

    /** @return what a station on profile 1 offers: plain WebSocket with Basic auth */
    public static StationConnection plainWithBasicAuth() {
        return new StationConnection(false, false, true);
    }

    /** @return what a station on profile 2 offers: TLS with Basic auth */
    public static StationConnection tlsWithBasicAuth() {
        return new StationConnection(true, false, true);
    }

    /** @return what a station on profile 3 offers: TLS with a client certificate */
    public static StationConnection tlsWithClientCertificate() {
        return new StationConnection(true, true, false);
    }

    String describe() {
        return (tls ? "TLS" : "no TLS") + ", " + (clientCertificate ? "a client certificate" : "no client certificate")
                + ", " + (basicAuthorization ? "Basic authorization" : "no Basic authorization");
    }
}
