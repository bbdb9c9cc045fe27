package io.ocppsec.core.credential;

import java.util.List;
import java.util.Objects;

/**
 * What the CSMS should answer to a station's {@code BootNotificationRequest} as far as its credentials
 * are concerned: {@code Accepted}, or {@code Pending} to restrict the station while its credentials are
 * updated (A00.FR.806, A01.FR.05). The CSMS combines this with its other reasons to hold a station.
 *
 * @param status the registration status to use
 * @param reasons why the station should be held; empty when {@code status} is ACCEPTED
 */
public record BootDecision(Status status, List<Reason> reasons) {

    /** The {@code RegistrationStatusEnumType} values this decision uses. */
    public enum Status {
        /** No credential reason to restrict the station. */
        ACCEPTED("Accepted"),
        /** Restrict the station and update its credentials during the Pending state. */
        PENDING("Pending");

        private final String ocppValue;

        Status(String ocppValue) {
            this.ocppValue = ocppValue;
        }

        /** @return the OCPP-J value */
        public String ocppValue() {
            return ocppValue;
        }
    }

    /** Why a station is held. */
    public enum Reason {
        /** The station still uses its factory credentials (A00.FR.806); replace them with A01 or A02. */
        FACTORY_CREDENTIALS,
        /** The last password rotation was not accepted by the station (A01.FR.05); retry it. */
        PASSWORD_ROTATION_NOT_ACCEPTED
    }

    /** @throws IllegalArgumentException when the status and the reasons disagree */
    public BootDecision {
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        if ((status == Status.ACCEPTED) != reasons.isEmpty()) {
            throw new IllegalArgumentException("PENDING needs a reason and ACCEPTED has none");
        }
    }

    /** @return a decision to accept */
    public static BootDecision accepted() {
        return new BootDecision(Status.ACCEPTED, List.of());
    }

    /** @return whether the station should be held in Pending */
    public boolean isPending() {
        return status == Status.PENDING;
    }
}
