package io.ocppsec.examples.csms;

import io.ocppsec.tls.AdmissionDecision;
import io.ocppsec.tls.CsmsAdmission;
import java.util.Objects;
import java.util.Optional;

/** What an {@link UpgradeAuthenticator} decided: accept the WebSocket upgrade, or refuse it with an HTTP status. */
public sealed interface UpgradeDecision permits UpgradeDecision.Accept, UpgradeDecision.Reject {

    /** @return the decision to accept */
    static UpgradeDecision accept() {
        return Accept.INSTANCE;
    }

    /**
     * @param httpStatus 400 to 499, typically 401 (no or wrong credentials) or 403 (valid credentials that
     *        do not fit this identity or security profile), or 503 (a store needed for the decision is down)
     * @param reason a short reason for the log and the response body; never a secret
     * @return the decision to refuse
     */
    static UpgradeDecision reject(int httpStatus, String reason) {
        return new Reject(httpStatus, reason);
    }

    /**
     * The SDK's decision as the server's: accept (and, once the WebSocket is open, tell the admission so it raises
     * the station's profile floor, A05.FR.07), or reject with its status and safe reason.
     *
     * @param admission the admission that decided
     * @param decision its decision
     * @return the upgrade decision
     */
    static UpgradeDecision of(CsmsAdmission admission, AdmissionDecision decision) {
        Objects.requireNonNull(admission, "admission");
        if (decision instanceof AdmissionDecision.Accepted) {
            AdmissionDecision.Accepted a = (AdmissionDecision.Accepted) decision;
            return new Accept(Optional.of(a), () -> admission.connected(a));
        }
        AdmissionDecision.Rejected r = (AdmissionDecision.Rejected) Objects.requireNonNull(decision, "decision");
        return reject(r.httpStatus(), r.reason().length() > 200 ? r.reason().substring(0, 200) : r.reason());
    }

    /** Accept the upgrade. */
    final class Accept implements UpgradeDecision {
        private static final Accept INSTANCE = new Accept(Optional.empty(), () -> { });

        private final Optional<AdmissionDecision.Accepted> admission;
        private final Runnable onOpen;

        private Accept(Optional<AdmissionDecision.Accepted> admission, Runnable onOpen) {
            this.admission = admission;
            this.onOpen = onOpen;
        }

        /** @return the SDK's decision, when a {@link CsmsAdmission} made it */
        public Optional<AdmissionDecision.Accepted> admission() {
            return admission;
        }

        /** Called by the server once the WebSocket is open. */
        void opened() {
            onOpen.run();
        }

        @Override
        public String toString() {
            return admission.map(a -> "Accept[" + a.identity() + ", profile " + a.profile().ocppValue() + "]")
                    .orElse("Accept");
        }
    }

    /**
     * Refuse the upgrade.
     *
     * @param httpStatus the HTTP status, 400 to 499 or 503
     * @param reason why, without secrets
     */
    record Reject(int httpStatus, String reason) implements UpgradeDecision {
        /** @throws IllegalArgumentException if the status is neither a 4xx status nor 503 */
        public Reject {
            if ((httpStatus < 400 || httpStatus > 499) && httpStatus != 503) {
                throw new IllegalArgumentException("httpStatus must be 400 to 499 or 503, got " + httpStatus);
            }
            Objects.requireNonNull(reason, "reason");
        }
    }
}
