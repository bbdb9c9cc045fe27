package io.ocppsec.core.profile;

/**
 * What the CSMS side of an outgoing connection offers, as the Charging Station sees it after the
 * handshake.
 *
 * @param tls whether the connection is TLS (wss://)
 * @param serverCertificateVerified whether the CSMS presented a server certificate that the station's
 *     trust manager accepted
 * @param clientCertificateRequested whether the CSMS asked for a client certificate in the handshake
 */
public record CsmsConnection(boolean tls, boolean serverCertificateVerified, boolean clientCertificateRequested) {

    /**
     * @throws IllegalArgumentException for certificate facts without TLS (impossible on the wire)
     */
    public CsmsConnection {
        if (!tls && (serverCertificateVerified || clientCertificateRequested)) {
            throw new IllegalArgumentException("Certificates are only exchanged over TLS");
        }
    }

    String describe() {
        return (tls ? "TLS" : "no TLS") + ", " + (serverCertificateVerified ? "a verified server certificate"
                : "no verified server certificate") + ", " + (clientCertificateRequested ? "client certificate requested"
                : "no client certificate requested");
    }
}
