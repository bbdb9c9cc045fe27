package io.ocppsec.examples.csms;

/**
 * Decides, before the CSMS accepts a WebSocket upgrade, whether this connection may speak OCPP as the
 * identity in its URL. This is where a CSMS plugs in HTTP Basic authentication (profiles 1 and 2,
 * A00.FR.202-204 / A00.FR.301-303: username = identity, password checked against a salted hash) or the
 * binding of the TLS client certificate to the identity (profile 3, A00.FR.403-405), and the check that
 * the station uses the profile configured for it (A00.FR.002).
 *
 * <pre>{@code
 * UpgradeAuthenticator auth = h -> h.authorization().filter(v -> basicAuth.verify(h.identity(), v)).isPresent()
 *         ? UpgradeDecision.accept() : UpgradeDecision.reject(401, "wrong or missing credentials");
 * }</pre>
 *
 * <p>Called on a server thread for every upgrade request; must be thread-safe and must not block long.
 * A {@code RuntimeException} refuses the upgrade with 403.
 */
@FunctionalInterface
public interface UpgradeAuthenticator {

    /**
     * @param handshake what is known about the connection
     * @return accept, or reject with an HTTP status
     */
    UpgradeDecision authenticate(HandshakeInfo handshake);
}
