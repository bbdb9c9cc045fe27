package io.ocppsec.core.credential;

import io.ocppsec.core.auth.ChargingStationIdentity;
import java.util.Objects;

/** The {@link CredentialStore} has no state for a station. */
public final class UnknownStationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ChargingStationIdentity identity;

    /** @param identity the station that is not known */
    public UnknownStationException(ChargingStationIdentity identity) {
        super("No credential state for Charging Station " + Objects.requireNonNull(identity, "identity"));
        this.identity = identity;
    }

    /** @return the station that is not known */
    public ChargingStationIdentity identity() {
        return identity;
    }
}
