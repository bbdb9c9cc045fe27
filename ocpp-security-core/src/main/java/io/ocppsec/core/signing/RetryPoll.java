package io.ocppsec.core.signing;

import io.ocppsec.api.message.SignCertificateRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link CertificateSigningClient#pollRetry}: what the station does about a CSR that the
 * CSMS accepted but never answered with a {@code CertificateSignedRequest}.
 *
 * @param action NONE (nothing pending), WAIT (ask again at {@code nextPollAt}), RESEND (send
 *     {@code resend}, a CSR for a new key), or GIVE_UP (the pending CSR was dropped; tell the operator)
 * @param nextPollAt for WAIT: when to poll again
 * @param resend for RESEND: the new {@code SignCertificateRequest} to send
 */
public record RetryPoll(CsrRetrySchedule.Action action, Optional<Instant> nextPollAt,
                        Optional<SignCertificateRequest> resend) {

    /** @throws IllegalArgumentException when {@code resend} is present exactly when the action is not RESEND */
    public RetryPoll {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(nextPollAt, "nextPollAt");
        Objects.requireNonNull(resend, "resend");
        if (resend.isPresent() != (action == CsrRetrySchedule.Action.RESEND)) {
            throw new IllegalArgumentException("a resend request goes with the RESEND action only");
        }
    }
}
