package io.ocppsec.core.credential;

import io.ocppsec.core.auth.BasicAuthException;
import io.ocppsec.core.auth.ChargingStationIdentity;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link BasicAuthenticator#authenticate}: accept or reject the WebSocket upgrade, why,
 * and for an accepted station the BootNotification decision from its credential state. A rejected
 * connection gets HTTP 401 whatever the reason; the reason is for the CSMS's own log and metrics.
 *
 * @param outcome accept or reject
 * @param reason why
 * @param identity the station, when the URL identity was valid
 * @param headerProblem the header parse problem, for {@link Reason#MALFORMED_HEADER} and friends
 * @param bootDecision for an accepted station: whether to hold it in Pending (A00.FR.806, A01.FR.05)
 */
public record AuthenticationResult(Outcome outcome, Reason reason, Optional<ChargingStationIdentity> identity,
                                   Optional<BasicAuthException.Reason> headerProblem,
                                   Optional<BootDecision> bootDecision) {

    /** Accept or reject. */
    public enum Outcome {
        /** Upgrade the connection. */
        ACCEPTED,
        /** Refuse with HTTP 401. */
        REJECTED
    }

    /** Why. */
    public enum Reason {
        /** The password matched the current hash. */
        CURRENT_PASSWORD,
        /** The password matched the hash of a pending rotation; the rotation is now complete (A01.FR.03). */
        NEW_PASSWORD,
        /** The identity in the connection URL is not a valid Charging Station identity. */
        INVALID_URL_IDENTITY,
        /** No Authorization header (A00.FR.203, A00.FR.302). */
        MISSING_HEADER,
        /** The header is malformed; see {@code headerProblem}. */
        MALFORMED_HEADER,
        /** The username is not the URL identity (A00.FR.204, A00.FR.303). */
        USERNAME_MISMATCH,
        /** The store has no state for the station. */
        UNKNOWN_STATION,
        /** The station has no password (it authenticates with a certificate). */
        NO_PASSWORD,
        /** The password matches no accepted hash. */
        WRONG_PASSWORD,
        /** The stored hash is unusable (corrupt or out of bounds); fix the store. */
        STORED_HASH_MALFORMED
    }

    /** @throws NullPointerException for a null argument */
    public AuthenticationResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(headerProblem, "headerProblem");
        Objects.requireNonNull(bootDecision, "bootDecision");
    }

    static AuthenticationResult rejected(Reason reason, Optional<ChargingStationIdentity> identity,
                                         Optional<BasicAuthException.Reason> problem) {
        return new AuthenticationResult(Outcome.REJECTED, reason, identity, problem, Optional.empty());
    }

    static AuthenticationResult accepted(Reason reason, ChargingStationIdentity identity, BootDecision decision) {
        return new AuthenticationResult(Outcome.ACCEPTED, reason, Optional.of(identity), Optional.empty(),
                Optional.of(decision));
    }

    /** @return whether to upgrade the connection */
    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
