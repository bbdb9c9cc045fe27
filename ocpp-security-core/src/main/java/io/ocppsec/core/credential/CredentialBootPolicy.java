package io.ocppsec.core.credential;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether a station is held in BootNotification {@code Pending} because of its credentials.
 * Both restrictions are MAY in the specification, so each can be switched off.
 *
 * <ul>
 *   <li>A00.FR.806: before the factory credentials have been replaced, the CSMS may restrict the station
 *       and update the credentials during Pending (A00.FR.805 recommends doing it right after installation).</li>
 *   <li>A01.FR.05: after a rotation the station did not accept, the CSMS still accepts the connection
 *       (A01.FR.04) but may restrict the station and retry the rotation.</li>
 * </ul>
 *
 * <pre>{@code
 * BootDecision d = CredentialBootPolicy.RESTRICTIVE.decide(store.find(id).orElseThrow());
 * if (d.isPending()) { respondBoot("Pending"); rotation.begin(id); }
 * }</pre>
 *
 * @param holdFactoryCredentials hold stations that still have factory credentials (A00.FR.806)
 * @param holdAfterRejectedRotation hold stations whose last rotation was not accepted (A01.FR.05)
 */
public record CredentialBootPolicy(boolean holdFactoryCredentials, boolean holdAfterRejectedRotation) {

    /** Holds stations for both reasons: the default. */
    public static final CredentialBootPolicy RESTRICTIVE = new CredentialBootPolicy(true, true);
    /** Never holds a station for credential reasons. */
    public static final CredentialBootPolicy PERMISSIVE = new CredentialBootPolicy(false, false);

    /**
     * @param state the station's credential state
     * @return Accepted, or Pending with every reason that applies
     */
    public BootDecision decide(CredentialState state) {
        Objects.requireNonNull(state, "state");
        List<BootDecision.Reason> reasons = new ArrayList<>(2);
        if (holdFactoryCredentials && state.factoryCredentials()) {
            reasons.add(BootDecision.Reason.FACTORY_CREDENTIALS);
        }
        if (holdAfterRejectedRotation && state.lastRotationNotAccepted()) {
            reasons.add(BootDecision.Reason.PASSWORD_ROTATION_NOT_ACCEPTED);
        }
        return reasons.isEmpty() ? BootDecision.accepted() : new BootDecision(BootDecision.Status.PENDING, reasons);
    }
}
