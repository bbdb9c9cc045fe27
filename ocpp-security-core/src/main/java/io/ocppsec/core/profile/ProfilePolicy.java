package io.ocppsec.core.profile;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one security profile in force for a CSMS endpoint or a Charging Station (A00.FR.001), and the
 * check of each connection against it.
 *
 * <ul>
 *   <li>CSMS side, {@link #checkStationConnection}: a station that connects with another profile is
 *       terminated (A00.FR.002). Profile 1 = no TLS + Basic auth; 2 = TLS + Basic auth, no client
 *       certificate; 3 = TLS + client certificate, no Basic auth. Exactly one profile matches any
 *       connection, so one profile is used at a time (A00.FR.001).</li>
 *   <li>Station side, {@link #checkCsmsConnection}: a CSMS that answers with another profile is
 *       terminated (A00.FR.003): profile 1 = no TLS; 2 = TLS with a verified server certificate;
 *       3 = as 2, and the CSMS requests the client certificate.</li>
 *   <li>Until a profile is configured, no decision is made and no OCPP traffic may flow: both checks
 *       throw {@link ProfileNotConfiguredException} (A00.FR.004).</li>
 * </ul>
 *
 * <pre>{@code
 * ProfilePolicy port443 = ProfilePolicy.of("wss://csms:443", SecurityProfile.TLS_BASIC_AUTH);
 * ProfileDecision d = port443.checkStationConnection(new StationConnection(true, false, hasBasicHeader));
 * if (d.terminate()) { closeWith(d.violations().describe()); }
 * }</pre>
 *
 * <p>Thread-safe. Lowering the profile is only possible through {@link #configureLocally}, i.e. by the
 * integrator's local configuration, never in reaction to an OCPP message (A00.FR.005; see
 * {@link ProfileChangeGuard}).
 */
public final class ProfilePolicy {

    private static final System.Logger LOG = System.getLogger(ProfilePolicy.class.getName());

    private final String name;
    private final AtomicReference<SecurityProfile> profile;

    private ProfilePolicy(String name, SecurityProfile profile) {
        this.name = Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("name must be 1..200 characters");
        }
        this.profile = new AtomicReference<>(profile);
    }

    /**
     * @param name what the policy is for (an endpoint, a port, "this station"), used in messages
     * @return a policy without a profile: it refuses to decide until {@link #configureLocally} is called
     */
    public static ProfilePolicy unconfigured(String name) {
        return new ProfilePolicy(name, null);
    }

    /**
     * @param name what the policy is for, used in messages
     * @param profile the profile in force
     * @return a configured policy
     */
    public static ProfilePolicy of(String name, SecurityProfile profile) {
        return new ProfilePolicy(name, Objects.requireNonNull(profile, "profile"));
    }

    /** @return what the policy is for */
    public String name() {
        return name;
    }

    /** @return the profile in force, or empty before it was configured */
    public Optional<SecurityProfile> profile() {
        return Optional.ofNullable(profile.get());
    }

    /**
     * Sets the profile from local configuration (installer, provisioning, a local maintenance tool). This
     * is the only way to lower a profile (A00.FR.005); it is logged. Never call it in reaction to an
     * OCPP message.
     *
     * @param newProfile the profile to use from now on
     */
    public void configureLocally(SecurityProfile newProfile) {
        Objects.requireNonNull(newProfile, "newProfile");
        SecurityProfile old = profile.getAndSet(newProfile);
        if (old != null && old.isDowngradeTo(newProfile)) {
            LOG.log(System.Logger.Level.WARNING, "Security profile of " + name + " lowered locally from "
                    + old.ocppValue() + " to " + newProfile.ocppValue());
        }
    }

    /**
     * CSMS side: does an incoming station connection match the profile in force (A00.FR.002)?
     *
     * @param c what the connection offers
     * @return accept, or terminate with every mismatch
     * @throws ProfileNotConfiguredException before a profile is configured (A00.FR.004)
     */
    public ProfileDecision checkStationConnection(StationConnection c) throws ProfileNotConfiguredException {
        Objects.requireNonNull(c, "c");
        return judgeStation(configured(), c);
    }

    /**
     * Station side: does the CSMS connection match the profile in force (A00.FR.003)?
     *
     * @param c what the CSMS offers
     * @return accept, or terminate with every mismatch
     * @throws ProfileNotConfiguredException before a profile is configured (A00.FR.004)
     */
    public ProfileDecision checkCsmsConnection(CsmsConnection c) throws ProfileNotConfiguredException {
        Objects.requireNonNull(c, "c");
        return judgeCsms(configured(), c);
    }

    /**
     * @param p the profile in force
     * @param c what a station connection offers
     * @return the CSMS-side decision (A00.FR.002)
     */
    public static ProfileDecision judgeStation(SecurityProfile p, StationConnection c) {
        ValidationResult.Builder r = ValidationResult.builder();
        String id = "A00.FR.002";
        String expected = expectedStation(p);
        if (c.tls() != p.usesTls()) {
            r.add(id, RequirementLevel.SHALL, c.describe(), expected);
        } else if (p.usesBasicAuth() && (!c.basicAuthorization() || c.clientCertificate())) {
            r.add(id, RequirementLevel.SHALL, c.describe(), expected);
        } else if (p.requiresClientCertificate() && (!c.clientCertificate() || c.basicAuthorization())) {
            r.add(id, RequirementLevel.SHALL, c.describe(), expected);
        }
        return new ProfileDecision(p, r.build());
    }

    /**
     * @param p the profile in force
     * @param c what the CSMS offers
     * @return the station-side decision (A00.FR.003)
     */
    public static ProfileDecision judgeCsms(SecurityProfile p, CsmsConnection c) {
        ValidationResult.Builder r = ValidationResult.builder();
        String id = "A00.FR.003";
        String expected = "security profile " + p.ocppValue() + ": " + (!p.usesTls() ? "no TLS"
                : p.requiresClientCertificate() ? "TLS, a verified server certificate, client certificate requested"
                : "TLS and a verified server certificate");
        boolean ok = c.tls() == p.usesTls()
                && (!p.usesTls() || c.serverCertificateVerified())
                && (!p.requiresClientCertificate() || c.clientCertificateRequested());
        if (!ok) {
            r.add(id, RequirementLevel.SHALL, c.describe(), expected);
        }
        return new ProfileDecision(p, r.build());
    }

    private static String expectedStation(SecurityProfile p) {
        switch (p) {
            case UNSECURED_TRANSPORT_BASIC_AUTH:
                return "security profile 1: no TLS, Basic authorization";
            case TLS_BASIC_AUTH:
                return "security profile 2: TLS, Basic authorization, no client certificate";
            default:
                return "security profile 3: TLS, a client certificate, no Basic authorization";
        }
    }

    private SecurityProfile configured() throws ProfileNotConfiguredException {
        SecurityProfile p = profile.get();
        if (p == null) {
            throw new ProfileNotConfiguredException(name);
        }
        return p;
    }

    @Override
    public String toString() {
        SecurityProfile p = profile.get();
        return "ProfilePolicy[" + name + ", " + (p == null ? "not configured" : "profile " + p.ocppValue()) + "]";
    }
}
