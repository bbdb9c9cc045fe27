package io.ocppsec.core.profile;

import io.ocppsec.api.SecurityProfile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A CSMS that serves stations of different profiles on different addresses or ports, one profile per
 * endpoint (A00.FR.006, keeping A00.FR.001 per endpoint).
 *
 * <pre>{@code
 * CsmsEndpointProfiles endpoints = CsmsEndpointProfiles.builder()
 *         .endpoint("0.0.0.0:443", SecurityProfile.TLS_BASIC_AUTH)
 *         .endpoint("0.0.0.0:8443", SecurityProfile.TLS_CLIENT_CERTIFICATE)
 *         .build();
 * ProfileDecision d = endpoints.checkStationConnection("0.0.0.0:8443", connection);
 * }</pre>
 */
public final class CsmsEndpointProfiles {

    private final Map<String, ProfilePolicy> endpoints;

    private CsmsEndpointProfiles(Map<String, ProfilePolicy> endpoints) {
        this.endpoints = Map.copyOf(endpoints);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param endpoint an endpoint name given to the builder
     * @return its policy
     * @throws ProfileNotConfiguredException for an endpoint without a profile (A00.FR.004)
     */
    public ProfilePolicy policy(String endpoint) throws ProfileNotConfiguredException {
        ProfilePolicy p = endpoints.get(Objects.requireNonNull(endpoint, "endpoint"));
        if (p == null) {
            throw new ProfileNotConfiguredException("endpoint '" + (endpoint.length() > 100
                    ? endpoint.substring(0, 100) + "..." : endpoint) + "'");
        }
        return p;
    }

    /**
     * @param endpoint where the connection arrived
     * @param connection what it offers
     * @return the decision under that endpoint's profile (A00.FR.002)
     * @throws ProfileNotConfiguredException for an endpoint without a profile (A00.FR.004)
     */
    public ProfileDecision checkStationConnection(String endpoint, StationConnection connection)
            throws ProfileNotConfiguredException {
        return policy(endpoint).checkStationConnection(connection);
    }

    /** Builds {@link CsmsEndpointProfiles}. */
    public static final class Builder {
        private final Map<String, ProfilePolicy> endpoints = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param endpoint a name of the endpoint, e.g. {@code "0.0.0.0:8443"} or a path prefix
         * @param profile its one profile
         * @return this builder
         * @throws IllegalArgumentException when the endpoint was already given a profile
         */
        public Builder endpoint(String endpoint, SecurityProfile profile) {
            Objects.requireNonNull(endpoint, "endpoint");
            if (endpoints.containsKey(endpoint)) {
                throw new IllegalArgumentException("Endpoint " + endpoint
                        + " already has a profile; one profile per endpoint (A00.FR.001, A00.FR.006)");
            }
            endpoints.put(endpoint, ProfilePolicy.of(endpoint, profile));
            return this;
        }

        /** @return the endpoint profiles */
        public CsmsEndpointProfiles build() {
            return new CsmsEndpointProfiles(endpoints);
        }
    }
}
