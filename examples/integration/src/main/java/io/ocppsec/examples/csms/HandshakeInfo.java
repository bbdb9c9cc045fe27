package io.ocppsec.examples.csms;

import io.ocppsec.tls.ConnectionAttempt;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * What the CSMS knows about a connection when it decides whether to accept the WebSocket upgrade.
 * {@link #toString()} never shows the Authorization value.
 *
 * @param identity the Charging Station identity from the URL path {@code /ocpp/{identity}}, percent-decoded
 * @param authorization the {@code Authorization} header value, if sent (a secret)
 * @param clientCertificateChain the TLS client certificate chain, leaf first, if the station presented one
 * @param remoteAddress the peer's address
 * @param tlsProtocol the negotiated TLS version, e.g. {@code TLSv1.3}
 * @param cipherSuite the negotiated cipher suite
 * @param tlsSession the TLS session, e.g. for {@code CsmsTlsContext.stationIdentity(session)} in profile 3
 */
public record HandshakeInfo(String identity, Optional<String> authorization,
        Optional<List<X509Certificate>> clientCertificateChain, InetSocketAddress remoteAddress,
        String tlsProtocol, String cipherSuite, SSLSession tlsSession) {

    /** Copies the chain; checks for nulls. */
    public HandshakeInfo {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(authorization, "authorization");
        clientCertificateChain = Objects.requireNonNull(clientCertificateChain, "clientCertificateChain")
                .map(List::copyOf);
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(tlsProtocol, "tlsProtocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(tlsSession, "tlsSession");
    }

    /** @return the SDK's view of this upgrade, for {@link io.ocppsec.tls.CsmsAdmission#admit} */
    public ConnectionAttempt toConnectionAttempt() {
        return ConnectionAttempt.overTls(identity, tlsSession, authorization);
    }

    /** @return the client certificate, if any */
    public Optional<X509Certificate> clientCertificate() {
        return clientCertificateChain.filter(c -> !c.isEmpty()).map(c -> c.get(0));
    }

    @Override
    public String toString() {
        return "HandshakeInfo{identity=" + identity + ", authorization=" + (authorization.isPresent() ? "<present>"
                : "<absent>") + ", clientCertificate=" + clientCertificate().map(c ->
                c.getSubjectX500Principal().getName()).orElse("<none>") + ", remote=" + remoteAddress + ", "
                + tlsProtocol + ", " + cipherSuite + "}";
    }
}
