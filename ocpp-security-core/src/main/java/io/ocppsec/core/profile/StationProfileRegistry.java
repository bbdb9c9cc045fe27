package io.ocppsec.core.profile;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import java.util.Objects;
import java.util.Optional;

/**
 * CSMS side: remembers the highest security profile each station has successfully connected with and
 * refuses a later connection with a lower one (A05.FR.07; A00.FR.005).
 *
 * <pre>{@code
 * StationProfileRegistry registry = new StationProfileRegistry(StationProfileStore.inMemory());
 * ProfileDecision d = registry.check(stationId, SecurityProfile.TLS_BASIC_AUTH);
 * if (d.terminate()) {
 *     close(d.violations().describe());
 * } else {
 *     registry.connected(stationId, SecurityProfile.TLS_BASIC_AUTH);
 * }
 * }</pre>
 *
 * <p>Thread-safe as far as its {@link StationProfileStore} is.
 */
public final class StationProfileRegistry {

    /** Longest station identity accepted (bounded memory; OCPP-J allows 48). */
    public static final int MAX_ID_LENGTH = 255;

    private static final System.Logger LOG = System.getLogger(StationProfileRegistry.class.getName());

    private final StationProfileStore store;

    /**
     * @param store where the highest profiles are kept
     */
    public StationProfileRegistry(StationProfileStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * @param stationId the identity from the connection URL
     * @param connectingWith the profile the connection uses (the endpoint's profile)
     * @return terminate when the station reached a higher profile before (A05.FR.07)
     */
    public ProfileDecision check(String stationId, SecurityProfile connectingWith) {
        Objects.requireNonNull(connectingWith, "connectingWith");
        Optional<SecurityProfile> highest = store.highest(checkId(stationId));
        if (highest.isPresent() && highest.get().isDowngradeTo(connectingWith)) {
            return new ProfileDecision(highest.get(), ValidationResult.builder().add("A05.FR.07",
                    RequirementLevel.SHALL_NOT, "station connecting with security profile " + connectingWith.ocppValue(),
                    "security profile " + highest.get().ocppValue() + " or higher, which this station reached before")
                    .build());
        }
        return new ProfileDecision(connectingWith, ValidationResult.compliant());
    }

    /**
     * Records a successful, accepted connection; raises the remembered profile when it is higher.
     *
     * @param stationId the identity
     * @param profile the profile it connected with
     */
    public void connected(String stationId, SecurityProfile profile) {
        store.raise(checkId(stationId), Objects.requireNonNull(profile, "profile"));
    }

    /**
     * @param stationId the identity
     * @return the highest profile it reached, or empty when never seen
     */
    public Optional<SecurityProfile> highestReached(String stationId) {
        return store.highest(checkId(stationId));
    }

    /**
     * Lowers (or sets) the record by an operator's decision outside OCPP (A00.FR.005), e.g. after the
     * station was re-provisioned by hand. Logged.
     *
     * @param stationId the identity
     * @param profile the new record
     */
    public void resetOutOfBand(String stationId, SecurityProfile profile) {
        store.reset(checkId(stationId), Objects.requireNonNull(profile, "profile"));
        LOG.log(System.Logger.Level.WARNING, "Security profile record of station " + stationId
                + " set out of band to " + profile.ocppValue());
    }

    private static String checkId(String id) {
        Objects.requireNonNull(id, "stationId");
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A station identity is 1.." + MAX_ID_LENGTH
                    + " characters without control characters");
        }
        return id;
    }
}
