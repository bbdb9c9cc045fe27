package io.ocppsec.tls;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.cert.CertificateBindingRegistry;
import io.ocppsec.core.credential.AuthenticationResult;
import io.ocppsec.core.credential.BasicAuthenticator;
import io.ocppsec.core.event.TechInfo;
import io.ocppsec.core.profile.CsmsEndpointProfiles;
import io.ocppsec.core.profile.ProfileDecision;
import io.ocppsec.core.profile.ProfileNotConfiguredException;
import io.ocppsec.core.profile.ProfilePolicy;
import io.ocppsec.core.profile.StationConnection;
import io.ocppsec.core.profile.StationProfileRegistry;
import io.ocppsec.tls.AdmissionDecision.Accepted;
import io.ocppsec.tls.AdmissionDecision.Cause;
import io.ocppsec.tls.AdmissionDecision.Rejected;
import io.ocppsec.tls.internal.AdmissionIds;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The CSMS's decision on a station's WebSocket upgrade, in one call: {@link #admit(ConnectionAttempt)} runs
 * every rule of the endpoint's security profile, in this order, and the first rule that fails decides the
 * answer:
 *
 * <ol>
 *   <li>the URL identity is a valid Charging Station identity (A00.FR.204) — else 400;</li>
 *   <li>profiles 2/3: the connection is TLS (A00.FR.312/415) and the negotiated version and suite are
 *       allowed, {@link CsmsTlsContext#verifySession} (A00.FR.314/417) — else 403;</li>
 *   <li>profiles 1/2: HTTP Basic authentication against salted hashes, username = URL identity, rotation
 *       aware ({@link BasicAuthenticator}, A00.FR.202–204, A00.FR.301–303, A01.FR.03/04) — else 401 with
 *       {@link AdmissionDecision.Rejected#wwwAuthenticate()}; profile 3: the certificate verified in the
 *       handshake ({@link CsmsTlsContext#stationIdentity}, A00.FR.403/404) whose CN is the URL identity
 *       ({@link StationIdentity#checkIdentity}, A00.FR.405) — else 403;</li>
 *   <li>the connection matches the endpoint's one profile (A00.FR.002; a profile 3 station also sending
 *       Basic credentials is refused) — else 403;</li>
 *   <li>with {@link Builder#profileRegistry}: not lower than the highest profile this station reached
 *       (A05.FR.07) — else 403;</li>
 *   <li>profile 3 with {@link Builder#certificateBindings}: the certificate and its key belong to no other
 *       station (A00.FR.427) — else 403.</li>
 * </ol>
 *
 * A collaborator that throws (a credential or profile store that is down) refuses with 503
 * ({@link AdmissionDecision.Cause#UNAVAILABLE}): fail closed, and the station retries later. Every refusal is
 * reported as a {@code FailedToAuthenticateAtCsms} security event to the {@link Builder#securityEvents sink}
 * (A00.FR.408) and logged at INFO, with the identity and the reason only: the Authorization value is never
 * in a decision, an event or a log line.
 *
 * <pre>{@code
 * CsmsAdmission admission = CsmsAdmission.builder(tls)                // tls: the endpoint's CsmsTlsContext
 *         .passwords(new BasicAuthenticator(credentials, PasswordHasher.defaults()))   // profile 2
 *         .profileRegistry(new StationProfileRegistry(StationProfileStore.inMemory())) // A05.FR.07
 *         .securityEvents(securityLog::append)
 *         .build();
 * AdmissionDecision d = admission.admit(ConnectionAttempt.overTls(urlIdentity, session, authorization));
 * if (d instanceof AdmissionDecision.Accepted) {
 *     // ... answer 101; once the WebSocket is open:
 *     admission.connected((AdmissionDecision.Accepted) d);             // raises the A05.FR.07 floor
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe as far as its collaborators are.
 */
public final class CsmsAdmission {

    private static final System.Logger LOG = System.getLogger(CsmsAdmission.class.getName());

    private final SecurityProfile profile;
    private final AdmissionIds ids;
    private final Optional<CsmsTlsContext> tls;
    private final Optional<BasicAuthenticator> passwords;
    private final Optional<StationProfileRegistry> profiles;
    private final Optional<CertificateBindingRegistry> bindings;
    private final Optional<EndpointRef> endpoint;
    private final EventSink events;
    private final Clock clock;

    private CsmsAdmission(Builder b) {
        this.profile = b.profile;
        this.ids = AdmissionIds.of(b.profile);
        this.tls = b.tls;
        this.passwords = b.passwords;
        this.profiles = b.profiles;
        this.bindings = b.bindings;
        this.endpoint = b.endpoint;
        this.events = b.events;
        this.clock = b.clock;
    }

    /**
     * Receives the security event of every refusal: the CSMS's security log ({@code securityLog::append}), a
     * {@code SecurityEventReporter} ({@code reporter::report}) or the integrator's own store. An exception it
     * throws is logged (its class only) and does not change the decision.
     */
    @FunctionalInterface
    public interface EventSink {
        /**
         * @param event the event, whose techInfo holds no secret
         * @throws Exception when it could not be stored
         */
        void report(SecurityEvent event) throws Exception;
    }

    /**
     * Starts the admission of a profile 2 or 3 endpoint.
     *
     * @param tls the endpoint's TLS context; its profile is the endpoint's profile
     * @return the builder
     */
    public static Builder builder(CsmsTlsContext tls) {
        Objects.requireNonNull(tls, "tls");
        return new Builder(tls.profile(), Optional.of(tls));
    }

    /**
     * Starts the admission of a profile 1 endpoint (plain ws://, Basic authentication). Profile 1 sends the
     * password in clear text: use it only in trusted networks (A00.FR.201, A00.FR.206).
     *
     * @return the builder
     */
    public static Builder unsecuredTransportBuilder() {
        return new Builder(SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH, Optional.empty());
    }

    /** @return the endpoint's security profile */
    public SecurityProfile profile() {
        return profile;
    }

    /** @return the TLS context of the endpoint; empty for profile 1 */
    public Optional<CsmsTlsContext> tlsContext() {
        return tls;
    }

    /**
     * Runs every rule, in order, and reports a refusal.
     *
     * @param attempt the upgrade request
     * @return accept, or the first refusal
     */
    public AdmissionDecision admit(ConnectionAttempt attempt) {
        Objects.requireNonNull(attempt, "attempt");
        Optional<String> problem = ChargingStationIdentity.problem(attempt.urlIdentity());
        if (problem.isPresent()) {
            return refuse(Optional.empty(), Cause.INVALID_IDENTITY, ValidationResult.of(Violation.of(ids.identity(),
                    RequirementLevel.SHALL, "a URL identity that is " + problem.get(),
                    "an identifierString of 1 to " + ChargingStationIdentity.MAX_LENGTH + " characters without ':'")));
        }
        ChargingStationIdentity identity = ChargingStationIdentity.of(attempt.urlIdentity());
        Optional<String> id = Optional.of(identity.value());
        Optional<SSLSession> session = attempt.tlsSession();
        if (tls.isPresent()) {
            if (session.isEmpty()) {
                return refuse(id, Cause.TLS_REQUIRED, ValidationResult.of(Violation.of(ids.tls(), RequirementLevel.SHALL,
                        "a connection without TLS", "TLS, security profile " + profile.ocppValue())));
            }
            ValidationResult negotiated = tls.get().verifySession(session.get());
            if (!negotiated.isCompliant()) {
                return refuse(id, Cause.TLS_SESSION, negotiated);
            }
        }
        Optional<AuthenticationResult> basic = Optional.empty();
        Optional<StationIdentity> certificate = Optional.empty();
        if (profile.usesBasicAuth()) {
            Checked<AuthenticationResult> r = call(ids.basicAuth(), "credential store",
                    () -> passwords.orElseThrow().authenticate(identity, attempt.authorization()));
            if (r.failure.isPresent()) {
                return refuse(id, Cause.UNAVAILABLE, r.failure.get());
            }
            if (!r.value.isAccepted()) {
                AuthenticationResult.Reason why = r.value.reason();
                return refuse(id, Cause.BASIC_AUTH, ValidationResult.of(Violation.of(ids.basicAuth(why),
                        RequirementLevel.SHALL, "Basic authentication rejected: " + why,
                        "the Authorization header of this station's identity and current (or new) password")),
                        why.name() + " (" + ids.basicAuth(why) + ")");
            }
            basic = Optional.of(r.value);
        } else {
            StationIdentity station;
            try {
                station = tls.orElseThrow().stationIdentity(session.orElseThrow());
            } catch (StationCertificateRefusedException e) {
                // The rule decides, not the message: a key already bound to another station is A00.FR.427.
                return refuse(id, e.result().violates("A00.FR.427") ? Cause.CERTIFICATE_BINDING
                        : Cause.STATION_CERTIFICATE, e.result());
            } catch (SSLPeerUnverifiedException e) {
                return refuse(id, Cause.STATION_CERTIFICATE, ValidationResult.of(Violation.of("A00.FR.403",
                        RequirementLevel.SHALL, "no verified station certificate: " + e.getMessage(),
                        "a valid Charging Station certificate of the CSO hierarchy")));
            } catch (RuntimeException e) {
                return refuse(id, Cause.UNAVAILABLE, unavailable("A00.FR.403", "station certificate validation", e));
            }
            ValidationResult bound = station.checkIdentity(identity.value());
            if (!bound.isCompliant()) {
                return refuse(id, Cause.IDENTITY_MISMATCH, bound);
            }
            certificate = Optional.of(station);
        }
        Optional<Rejected> mismatch = checkProfile(id, attempt, session);
        if (mismatch.isPresent()) {
            return mismatch.get();
        }
        if (profiles.isPresent()) {
            Checked<ProfileDecision> floor = call("A05.FR.07", "station profile store",
                    () -> profiles.get().check(identity.value(), profile));
            if (floor.failure.isPresent()) {
                return refuse(id, Cause.UNAVAILABLE, floor.failure.get());
            }
            if (floor.value.terminate()) {
                return refuse(id, Cause.PROFILE_DOWNGRADE, floor.value.violations());
            }
        }
        if (bindings.isPresent() && certificate.isPresent()) {
            X509Certificate leaf = certificate.get().certificate();
            Checked<ValidationResult> bound = call("A00.FR.427", "certificate binding registry",
                    () -> bindings.get().bind(identity.value(), leaf));
            if (bound.failure.isPresent()) {
                return refuse(id, Cause.UNAVAILABLE, bound.failure.get());
            }
            if (!bound.value.isCompliant()) {
                return refuse(id, Cause.CERTIFICATE_BINDING, bound.value);
            }
        }
        return new Accepted(identity, profile, certificate, basic);
    }

    /**
     * Records that an accepted station's WebSocket connection is established: with a
     * {@link Builder#profileRegistry profile registry}, its profile floor is raised to this profile (A05.FR.07).
     * Call it once the upgrade succeeded, not on {@link #admit}, so a connection that never opens raises nothing.
     *
     * @param accepted a decision of this admission
     * @throws IllegalArgumentException when the decision is for another profile
     * @throws RuntimeException what the profile store throws: the floor was not raised, close the connection
     */
    public void connected(Accepted accepted) {
        Objects.requireNonNull(accepted, "accepted");
        if (accepted.profile() != profile) {
            throw new IllegalArgumentException("decision for profile " + accepted.profile().ocppValue()
                    + ", this endpoint is profile " + profile.ocppValue());
        }
        profiles.ifPresent(p -> p.connected(accepted.identity().value(), profile));
    }

    private Optional<Rejected> checkProfile(Optional<String> id, ConnectionAttempt attempt,
                                            Optional<SSLSession> session) {
        StationConnection offered = new StationConnection(session.isPresent(), session.filter(
                CsmsAdmission::hasPeerCertificate).isPresent(), attempt.authorization()
                .filter(a -> a.regionMatches(true, 0, "Basic ", 0, 6)).isPresent());
        ProfileDecision d;
        if (endpoint.isPresent()) {
            try {
                d = endpoint.get().profiles.checkStationConnection(endpoint.get().name, offered);
            } catch (ProfileNotConfiguredException e) {
                return Optional.of(refuse(id, Cause.PROFILE_MISMATCH, ValidationResult.of(Violation.of("A00.FR.004",
                        RequirementLevel.SHALL, "no security profile configured for " + endpoint.get().name,
                        "a configured profile before OCPP communication"))));
            }
            if (d.profile() != profile) { // changed locally since build(): the TLS and auth rules were the old ones
                return Optional.of(refuse(id, Cause.PROFILE_MISMATCH, ValidationResult.of(Violation.of("A00.FR.002",
                        RequirementLevel.SHALL, "endpoint now configured for profile " + d.profile().ocppValue(),
                        "the profile " + profile.ocppValue() + " this admission was built for"))));
            }
        } else {
            d = ProfilePolicy.judgeStation(profile, offered);
        }
        return d.terminate() ? Optional.of(refuse(id, Cause.PROFILE_MISMATCH, d.violations())) : Optional.empty();
    }

    private static boolean hasPeerCertificate(SSLSession s) {
        try {
            return s.getPeerCertificates().length > 0;
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
    }

    private Rejected refuse(Optional<String> identity, Cause cause, ValidationResult violations) {
        return refuse(identity, cause, violations, violations.blocking().get(0).message());
    }

    private Rejected refuse(Optional<String> identity, Cause cause, ValidationResult violations, String reason) {
        String requirement = violations.blocking().get(0).requirement().value();
        SecurityEvent event = TechInfo.builder().put("station", identity.orElse("<invalid identity>"))
                .put("status", cause.httpStatus()).put("cause", cause.name()).put("requirement", requirement)
                .put("reason", reason).build().event(SecurityEventType.FAILED_TO_AUTHENTICATE_AT_CSMS, clock.instant());
        Rejected r = new Rejected(cause, violations, reason, event);
        LOG.log(System.Logger.Level.INFO, "upgrade of {0} refused with {1}: {2}",
                identity.orElse("<invalid identity>"), cause.httpStatus(), reason);
        try {
            events.report(event);
        } catch (Exception e) { // the connection is refused anyway; a lost event must not let it in
            LOG.log(System.Logger.Level.WARNING, "security event of a refused upgrade not stored: "
                    + e.getClass().getName());
        }
        return r;
    }

    private static ValidationResult unavailable(String requirement, String what, RuntimeException e) {
        // The class only: a store's message may carry anything, and is for the store's own log.
        LOG.log(System.Logger.Level.WARNING, what + " failed during an upgrade: " + e.getClass().getName());
        return ValidationResult.of(Violation.of(requirement, RequirementLevel.SHALL,
                what + " failed (" + e.getClass().getSimpleName() + "), the rule could not be checked",
                "a working " + what));
    }

    private static <T> Checked<T> call(String requirement, String what, Supplier<T> call) {
        try {
            return new Checked<>(Objects.requireNonNull(call.get(), what), Optional.empty());
        } catch (RuntimeException e) {
            return new Checked<>(null, Optional.of(unavailable(requirement, what, e)));
        }
    }

    /** A collaborator's answer, or why there is none. */
    private static final class Checked<T> {
        final T value;
        final Optional<ValidationResult> failure;

        Checked(T value, Optional<ValidationResult> failure) {
            this.value = value;
            this.failure = failure;
        }
    }

    private static final class EndpointRef {
        final CsmsEndpointProfiles profiles;
        final String name;

        EndpointRef(CsmsEndpointProfiles profiles, String name) {
            this.profiles = profiles;
            this.name = name;
        }
    }

    @Override
    public String toString() {
        return "CsmsAdmission{profile " + profile.ocppValue() + ", basicAuth=" + passwords.isPresent()
                + ", profileFloor=" + profiles.isPresent() + ", certificateBindings=" + bindings.isPresent()
                + endpoint.map(e -> ", endpoint=" + e.name).orElse("") + "}";
    }

    /** Builder of a {@link CsmsAdmission}; not thread-safe. */
    public static final class Builder {
        private final SecurityProfile profile;
        private final Optional<CsmsTlsContext> tls;
        private Optional<BasicAuthenticator> passwords = Optional.empty();
        private Optional<StationProfileRegistry> profiles = Optional.empty();
        private boolean profileFloorDecided;
        private Optional<CertificateBindingRegistry> bindings = Optional.empty();
        private Optional<EndpointRef> endpoint = Optional.empty();
        private EventSink events = event -> { }; // every refusal is also logged at INFO
        private Clock clock = Clock.systemUTC();

        private Builder(SecurityProfile profile, Optional<CsmsTlsContext> tls) {
            this.profile = profile;
            this.tls = tls;
        }

        /**
         * @param authenticator checks Basic credentials against the credential store (profiles 1 and 2, required
         *     there; refused for profile 3, which uses no passwords)
         * @return this builder
         */
        public Builder passwords(BasicAuthenticator authenticator) {
            if (!profile.usesBasicAuth()) {
                throw new IllegalArgumentException("Security profile 3 authenticates stations by certificate, "
                        + "not by password (A00.FR.401)");
            }
            this.passwords = Optional.of(Objects.requireNonNull(authenticator, "authenticator"));
            return this;
        }

        /**
         * Enforces A05.FR.07: a station that reached a higher profile is refused here, and
         * {@link CsmsAdmission#connected} raises its floor. This or {@link #withoutProfileRegistry()} is required.
         *
         * @param registry the highest profile each station reached
         * @return this builder
         */
        public Builder profileRegistry(StationProfileRegistry registry) {
            this.profiles = Optional.of(Objects.requireNonNull(registry, "registry"));
            this.profileFloorDecided = true;
            return this;
        }

        /**
         * No A05.FR.07 check here: the integrator enforces "never back to a lower profile" elsewhere (or the
         * CSMS serves one profile only). Explicit, so that leaving the check out is never an accident.
         *
         * @return this builder
         */
        public Builder withoutProfileRegistry() {
            this.profiles = Optional.empty();
            this.profileFloorDecided = true;
            return this;
        }

        /**
         * Profile 3: binds each admitted certificate and key to its station and refuses one already bound to
         * another station (A00.FR.427), as the last rule. (A {@link CsmsTlsContext} built with its own registry
         * binds inside {@link CsmsTlsContext#stationIdentity}; the rule has one place, so both together are
         * refused.)
         *
         * @param registry the bindings
         * @return this builder
         * @throws IllegalArgumentException on profiles 1 and 2, or when the TLS context binds already
         */
        public Builder certificateBindings(CertificateBindingRegistry registry) {
            if (!profile.requiresClientCertificate()) {
                throw new IllegalArgumentException("Certificate bindings apply to security profile 3 only");
            }
            if (tls.filter(CsmsTlsContext::bindsCertificates).isPresent()) {
                throw new IllegalArgumentException("The CsmsTlsContext already binds certificates to stations "
                        + "(A00.FR.427): configure the registry on the context or on the admission, not both");
            }
            this.bindings = Optional.of(Objects.requireNonNull(registry, "registry"));
            return this;
        }

        /**
         * Judges A00.FR.002 by the endpoint's entry in the CSMS's endpoint table (A00.FR.006) instead of the
         * admission's own profile: an entry changed later by {@link ProfilePolicy#configureLocally} refuses every
         * connection until the endpoint gets a matching admission.
         *
         * @param endpoints the CSMS's endpoints
         * @param name this endpoint's name in it
         * @return this builder
         * @throws IllegalArgumentException when the entry is missing or has another profile
         */
        public Builder endpointProfiles(CsmsEndpointProfiles endpoints, String name) {
            Objects.requireNonNull(endpoints, "endpoints");
            Objects.requireNonNull(name, "name");
            Optional<SecurityProfile> configured;
            try {
                configured = endpoints.policy(name).profile();
            } catch (ProfileNotConfiguredException e) {
                throw new IllegalArgumentException("No endpoint " + name + " in the endpoint profiles (A00.FR.004)", e);
            }
            if (configured.isPresent() && configured.get() != profile) {
                throw new IllegalArgumentException("Endpoint " + name + " is configured for profile "
                        + configured.get().ocppValue() + ", the admission is for profile " + profile.ocppValue());
            }
            this.endpoint = Optional.of(new EndpointRef(endpoints, name));
            return this;
        }

        /**
         * @param sink where the security event of each refusal goes (default: none beyond the INFO log line)
         * @return this builder
         */
        public Builder securityEvents(EventSink sink) {
            this.events = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * @param clock the clock of the events' timestamps (default system UTC)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the admission
         * @throws IllegalStateException when profile 1/2 has no {@link #passwords}, or neither
         *     {@link #profileRegistry} nor {@link #withoutProfileRegistry} was chosen
         */
        public CsmsAdmission build() {
            if (profile.usesBasicAuth() && passwords.isEmpty()) {
                throw new IllegalStateException("Security profile " + profile.ocppValue()
                        + " needs passwords(BasicAuthenticator) (A00.FR.202, A00.FR.301)");
            }
            if (!profileFloorDecided) {
                throw new IllegalStateException("Choose profileRegistry(...) to refuse a station a lower profile than "
                        + "it reached (A05.FR.07), or withoutProfileRegistry()");
            }
            return new CsmsAdmission(this);
        }
    }
}
