package io.ocppsec.core.auth;

import io.ocppsec.core.password.BasicAuthPassword;
import java.util.Objects;

/**
 * A parsed Basic-auth header: the station identity (the username) and the password. Holds a secret:
 * {@link #toString()} shows the identity only, and {@link #close()} wipes the password.
 */
public final class BasicAuthCredentials implements AutoCloseable {

    private final ChargingStationIdentity identity;
    private final BasicAuthPassword password;

    /**
     * @param identity the username
     * @param password the password; owned by this object from now on
     */
    public BasicAuthCredentials(ChargingStationIdentity identity, BasicAuthPassword password) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.password = Objects.requireNonNull(password, "password");
    }

    /** @return the username, a valid Charging Station identity */
    public ChargingStationIdentity identity() {
        return identity;
    }

    /** @return the password (the same object; wiped by {@link #close()}) */
    public BasicAuthPassword password() {
        return password;
    }

    /** Wipes the password. */
    @Override
    public void close() {
        password.wipe();
    }

    @Override
    public String toString() {
        return "BasicAuthCredentials{identity=" + identity + ", password=[redacted]}";
    }
}
