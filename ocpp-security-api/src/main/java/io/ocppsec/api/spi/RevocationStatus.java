package io.ocppsec.api.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link RevocationSource} knows about one certificate.
 *
 * <p>{@link State#UNKNOWN} covers both "the responder does not know this certificate" and "the
 * responder could not be asked"; {@code detail} says which. Whether UNKNOWN is accepted is the
 * caller's policy; the SDK fails closed by default (A00.FR.702).
 *
 * @param state good, revoked or unknown
 * @param thisUpdate when the source's information was produced, if known
 * @param nextUpdate until when it may be cached, if the source says so
 * @param revocationTime when the certificate was revoked, for {@link State#REVOKED}
 * @param detail a short human-readable explanation (never a secret)
 */
public record RevocationStatus(State state, Optional<Instant> thisUpdate, Optional<Instant> nextUpdate,
                               Optional<Instant> revocationTime, String detail) {

    /** Revocation states. */
    public enum State {
        /** Not revoked. */
        GOOD,
        /** Revoked. */
        REVOKED,
        /** Unknown to the source, or the source could not answer. */
        UNKNOWN
    }

    /** Validates the components. */
    public RevocationStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(thisUpdate, "thisUpdate");
        Objects.requireNonNull(nextUpdate, "nextUpdate");
        Objects.requireNonNull(revocationTime, "revocationTime");
        Objects.requireNonNull(detail, "detail");
        if (state == State.REVOKED && revocationTime.isEmpty()) {
            throw new IllegalArgumentException("A REVOKED status needs a revocation time");
        }
    }

    /**
     * @param detail why the state is unknown, e.g. "responder unreachable: connect timed out"
     * @return an UNKNOWN status
     */
    public static RevocationStatus unknown(String detail) {
        return new RevocationStatus(State.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(), detail);
    }
}
