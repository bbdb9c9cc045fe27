package io.ocppsec.examples.csms;

import java.util.Objects;

/** What an {@link UpgradeAuthenticator} decided: accept the WebSocket upgrade, or refuse it with an HTTP status. */
public sealed interface UpgradeDecision permits UpgradeDecision.Accept, UpgradeDecision.Reject {

    /** @return the decision to accept */
    static UpgradeDecision accept() {
        return Accept.INSTANCE;
    }

    /**
     * @param httpStatus 400 to 499, typically 401 (no or wrong credentials) or 403 (valid credentials that
     *        do not fit this identity or security profile)
     * @param reason a short reason for the log and the response body; never a secret
     * @return the decision to refuse
     */
    static UpgradeDecision reject(int httpStatus, String reason) {
        return new Reject(httpStatus, reason);
    }

    /** Accept the upgrade. */
    final class Accept implements UpgradeDecision {
        private static final Accept INSTANCE = new Accept();

        private Accept() {
        }

        @Override
        public String toString() {
            return "Accept";
        }
    }

    /**
     * Refuse the upgrade.
     *
     * @param httpStatus the HTTP status, 400 to 499
     * @param reason why, without secrets
     */
    record Reject(int httpStatus, String reason) implements UpgradeDecision {
        /** @throws IllegalArgumentException if the status is not a 4xx status */
        public Reject {
            if (httpStatus < 400 || httpStatus > 499) {
                throw new IllegalArgumentException("httpStatus must be 400 to 499, got " + httpStatus);
            }
            Objects.requireNonNull(reason, "reason");
        }
    }
}
