package io.ocppsec.core.credential;

import io.ocppsec.core.auth.ChargingStationIdentity;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link CredentialStore} in a {@link ConcurrentHashMap}: for tests, demos and single-node CSMSs that
 * load and save the states themselves. Lost on restart. Thread-safe.
 */
public final class InMemoryCredentialStore implements CredentialStore {

    private final ConcurrentMap<ChargingStationIdentity, CredentialState> states = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryCredentialStore() {
    }

    @Override
    public Optional<CredentialState> find(ChargingStationIdentity identity) {
        return Optional.ofNullable(states.get(Objects.requireNonNull(identity, "identity")));
    }

    @Override
    public void put(CredentialState state) {
        states.put(Objects.requireNonNull(state, "state").identity(), state);
    }

    @Override
    public boolean replace(CredentialState expected, CredentialState updated) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(updated, "updated");
        if (!expected.identity().equals(updated.identity())) {
            throw new IllegalArgumentException("replace must keep the identity");
        }
        return states.replace(expected.identity(), expected, updated);
    }

    @Override
    public boolean remove(ChargingStationIdentity identity) {
        return states.remove(Objects.requireNonNull(identity, "identity")) != null;
    }

    /** @return the number of stations held */
    public int size() {
        return states.size();
    }

    @Override
    public String toString() {
        return "InMemoryCredentialStore{stations=" + states.size() + "}";
    }
}
