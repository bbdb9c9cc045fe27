package io.ocppsec.core.cert;

import io.ocppsec.api.requirement.RequirementId;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link CertificateLinter}: what the caller knows about the certificate's owner and which
 * optional policies apply.
 *
 * <pre>{@code
 * LintOptions o = LintOptions.builder().expectedOrganization("Example CSO").fastExpiration(true).build();
 * }</pre>
 */
public final class LintOptions {

    private static final LintOptions DEFAULTS = builder().build();

    private final Optional<String> expectedOrganization;
    private final boolean fastExpiration;
    private final Optional<RequirementId> caStructureRequirement;

    private LintOptions(Builder b) {
        this.expectedOrganization = b.expectedOrganization;
        this.fastExpiration = b.fastExpiration;
        this.caStructureRequirement = b.caStructureRequirement;
    }

    /** @return no expectations, no fast expiration */
    public static LintOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the owner's organisation name the O RDN must equal (A00.FR.404 for station certificates) */
    public Optional<String> expectedOrganization() {
        return expectedOrganization;
    }

    /** @return whether a CSMS certificate valid for more than 24 hours is reported (A00.FR.701) */
    public boolean fastExpiration() {
        return fastExpiration;
    }

    /**
     * @return the requirement that a CA certificate without basicConstraints cA=TRUE or keyCertSign breaks;
     *     by default the path-validation requirement of the role's hierarchy (A00.FR.403 for the CSO hierarchy,
     *     A00.FR.604 for the Manufacturer hierarchy)
     */
    public Optional<RequirementId> caStructureRequirement() {
        return caStructureRequirement;
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.expectedOrganization = expectedOrganization;
        b.fastExpiration = fastExpiration;
        b.caStructureRequirement = caStructureRequirement;
        return b;
    }

    @Override
    public String toString() {
        return "LintOptions{expectedOrganization=" + expectedOrganization + ", fastExpiration=" + fastExpiration
                + ", caStructureRequirement=" + caStructureRequirement + "}";
    }

    /** Builder of {@link LintOptions}. */
    public static final class Builder {
        private Optional<String> expectedOrganization = Optional.empty();
        private boolean fastExpiration;
        private Optional<RequirementId> caStructureRequirement = Optional.empty();

        private Builder() {
        }

        /**
         * @param organization the CSO (or owner) name the O RDN must equal, e.g. the OrganizationName variable
         * @return this builder
         * @throws IllegalArgumentException when blank
         */
        public Builder expectedOrganization(String organization) {
            Objects.requireNonNull(organization, "organization");
            if (organization.isBlank()) {
                throw new IllegalArgumentException("organization must not be blank");
            }
            this.expectedOrganization = Optional.of(organization);
            return this;
        }

        /**
         * @param enabled report CSMS certificates valid for more than 24 hours (A00.FR.701)
         * @return this builder
         */
        public Builder fastExpiration(boolean enabled) {
            this.fastExpiration = enabled;
            return this;
        }

        /**
         * @param requirement the requirement a malformed CA certificate breaks in the caller's context
         * @return this builder
         */
        public Builder caStructureRequirement(RequirementId requirement) {
            this.caStructureRequirement = Optional.of(Objects.requireNonNull(requirement, "requirement"));
            return this;
        }

        /** @return the options */
        public LintOptions build() {
            return new LintOptions(this);
        }
    }
}
