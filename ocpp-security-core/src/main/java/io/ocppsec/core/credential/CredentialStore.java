package io.ocppsec.core.credential;

import io.ocppsec.core.auth.ChargingStationIdentity;
import java.util.Optional;

/**
 * Where the CSMS keeps each station's {@link CredentialState}. Implementations back it with a database
 * (one row per station, an optimistic-lock column for {@link #replace}); {@link InMemoryCredentialStore}
 * is the default. Implementations must be thread-safe; storage failures are unchecked
 * ({@code UncheckedIOException} or the driver's exception) and must not carry hash values.
 */
public interface CredentialStore {

    /**
     * @param identity a station
     * @return its state, if the station is known
     */
    Optional<CredentialState> find(ChargingStationIdentity identity);

    /**
     * Creates or overwrites the state of {@code state.identity()} (provisioning, factory import).
     *
     * @param state the state
     */
    void put(CredentialState state);

    /**
     * Atomically replaces {@code expected} by {@code updated} if the stored state still equals
     * {@code expected} (compare-and-set). The transitions of {@link PasswordRotation} and
     * {@link BasicAuthenticator} go through this method, so concurrent updates of one station never
     * lose a rotation result.
     *
     * @param expected the state read before
     * @param updated the new state, for the same identity
     * @return whether the replacement happened
     */
    boolean replace(CredentialState expected, CredentialState updated);

    /**
     * @param identity a station
     * @return whether a state was removed
     */
    boolean remove(ChargingStationIdentity identity);
}
