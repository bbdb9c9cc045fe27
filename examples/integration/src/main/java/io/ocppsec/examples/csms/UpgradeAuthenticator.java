package io.ocppsec.examples.csms;

import io.ocppsec.tls.CsmsAdmission;
import java.util.Objects;

/**
 * Decides, before the CSMS accepts a WebSocket upgrade, whether this connection may speak OCPP as the
 * identity in its URL. This is where a CSMS plugs in HTTP Basic authentication (profiles 1 and 2,
 * A00.FR.202-204 / A00.FR.301-303: username = identity, password checked against a salted hash) or the
 * binding of the TLS client certificate to the identity (profile 3, A00.FR.403-405), and the check that
 * the station uses the profile configured for it (A00.FR.002).
 *
 * <p>The SDK's {@link CsmsAdmission} runs all of these rules in one call; {@link #admitting(CsmsAdmission)}
 * adapts it (or use {@code CsmsServer.Builder.admission(...)}):
 *
 * <pre>{@code
 * UpgradeAuthenticator auth = UpgradeAuthenticator.admitting(CsmsAdmission.builder(tls)
 *         .passwords(basicAuth).profileRegistry(profiles).build());
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

    /**
     * @param admission the SDK's admission of this endpoint
     * @return an authenticator that asks it about every upgrade
     */
    static UpgradeAuthenticator admitting(CsmsAdmission admission) {
        Objects.requireNonNull(admission, "admission");
        return h -> UpgradeDecision.of(admission, admission.admit(h.toConnectionAttempt()));
    }
}
