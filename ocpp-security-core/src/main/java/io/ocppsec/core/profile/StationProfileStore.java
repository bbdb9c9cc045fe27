package io.ocppsec.core.profile;

import io.ocppsec.api.SecurityProfile;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a CSMS keeps the highest security profile each station has reached (a database table in a real
 * back end). Implementations must be thread-safe and make {@link #raise} an atomic "store the maximum".
 */
public interface StationProfileStore {

    /**
     * @param stationId the station identity
     * @return the highest profile recorded, or empty for an unknown station
     */
    Optional<SecurityProfile> highest(String stationId);

    /**
     * Atomically records {@code max(stored, profile)}.
     *
     * @param stationId the station identity
     * @param profile the profile the station connected with
     */
    void raise(String stationId, SecurityProfile profile);

    /**
     * Overwrites the record, also downwards: only for an operator's out-of-band action (A00.FR.005).
     *
     * @param stationId the station identity
     * @param profile the new record
     */
    void reset(String stationId, SecurityProfile profile);

    /** @return an in-memory store (lost on restart) backed by a {@link ConcurrentHashMap} */
    static StationProfileStore inMemory() {
        ConcurrentHashMap<String, SecurityProfile> map = new ConcurrentHashMap<>();
        return new StationProfileStore() {
            @Override
            public Optional<SecurityProfile> highest(String stationId) {
                return Optional.ofNullable(map.get(Objects.requireNonNull(stationId, "stationId")));
            }

            @Override
            public void raise(String stationId, SecurityProfile profile) {
                map.merge(stationId, profile, (a, b) -> a.ocppValue() >= b.ocppValue() ? a : b);
            }

            @Override
            public void reset(String stationId, SecurityProfile profile) {
                map.put(stationId, profile);
            }
        };
    }
}
