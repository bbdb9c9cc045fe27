package io.ocppsec.examples.demo;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.message.BootNotificationRequest;
import io.ocppsec.api.message.BootNotificationResponse;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.GenericStatus;
import io.ocppsec.api.message.SecurityEventNotificationRequest;
import io.ocppsec.api.message.SecurityEventNotificationResponse;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.api.message.SignCertificateResponse;
import io.ocppsec.api.message.StatusInfo;
import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.ca.InsecureLocalCertificateAuthority;
import io.ocppsec.core.cert.OcppChainValidator;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.core.credential.AuthenticationResult;
import io.ocppsec.core.credential.BasicAuthenticator;
import io.ocppsec.core.credential.CredentialState;
import io.ocppsec.core.credential.InMemoryCredentialStore;
import io.ocppsec.core.credential.PasswordRotation;
import io.ocppsec.core.csr.CsrInspection;
import io.ocppsec.core.csr.CsrInspector;
import io.ocppsec.core.event.SecurityEventNotificationHandler;
import io.ocppsec.core.json.OcppErrorCode;
import io.ocppsec.core.password.BasicAuthPassword;
import io.ocppsec.core.password.PasswordGenerator;
import io.ocppsec.core.password.PasswordHasher;
import io.ocppsec.core.profile.CsmsEndpointProfiles;
import io.ocppsec.core.profile.StationProfileRegistry;
import io.ocppsec.core.profile.StationProfileStore;
import io.ocppsec.examples.csms.CsmsServer;
import io.ocppsec.examples.csms.HandshakeInfo;
import io.ocppsec.examples.csms.OcppSession;
import io.ocppsec.examples.csms.SessionListener;
import io.ocppsec.examples.csms.UpgradeDecision;
import io.ocppsec.examples.rpc.CallRejectedException;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.AdmissionDecision;
import io.ocppsec.tls.CsmsAdmission;
import io.ocppsec.tls.CsmsTlsContext;
import io.ocppsec.tls.StationIdentity;
import io.ocppsec.tls.TlsFailure;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo's CSMS application, wired only from SDK parts: one TLS endpoint per security profile
 * ({@link CsmsEndpointProfiles}, A00.FR.006) built with {@link CsmsTlsContext}; at every WebSocket upgrade
 * the SDK's {@link CsmsAdmission} checks the TLS session (A00.FR.314/417), Basic authentication against salted hashes
 * ({@link BasicAuthenticator}, A00.FR.301–303, A01.FR.08) or the verified client certificate bound to the
 * URL identity ({@link CsmsTlsContext#stationIdentity}, A00.FR.403–405), the profile of the endpoint
 * (A00.FR.002), and no way back to a lower profile
 * ({@link StationProfileRegistry}, A05.FR.07); A01 rotation state ({@link PasswordRotation}); CSR
 * inspection ({@link CsrInspector}) and a CA service ({@link InsecureLocalCertificateAuthority}); security events
 * through {@link SecurityEventNotificationHandler}.
 */
final class DemoCsms implements AutoCloseable {

    static final String P2 = "wss://127.0.0.1 (security profile 2)";
    static final String P3 = "wss://127.0.0.1 (security profile 3)";

    /** Why the CSMS refused one upgrade, and the security event it logged: what a negative step asserts. */
    record Refusal(String identity, String endpoint, int httpStatus, String reason, SecurityEvent event) {
    }

    /** A CSR the CSMS accepted and had signed, waiting to be sent in CertificateSigned. */
    record Issued(List<X509Certificate> chain, Optional<CertificateSigningUse> certificateType, PublicKey publicKey) {
    }

    private final DemoPki pki;
    private final Clock clock;
    private final Duration timeout;
    private final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    private final PasswordHasher hasher;
    private final BasicAuthenticator basicAuth;
    private final PasswordRotation rotation;
    private final PasswordGenerator generator;
    private final CsmsEndpointProfiles endpoints = CsmsEndpointProfiles.builder()
            .endpoint(P2, SecurityProfile.TLS_BASIC_AUTH).endpoint(P3, SecurityProfile.TLS_CLIENT_CERTIFICATE).build();
    private final StationProfileRegistry profiles = new StationProfileRegistry(StationProfileStore.inMemory());
    private final CsrInspector csrInspector = CsrInspector.forOrganization(TestPki.CSO_NAME);
    private final InsecureLocalCertificateAuthority ca;
    private final SecurityEventNotificationHandler eventHandler;
    private final List<SecurityEventNotificationRequest> events = new CopyOnWriteArrayList<>();
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private final List<TlsFailure> tlsFailures = new CopyOnWriteArrayList<>();
    private final Map<String, StationIdentity> certificateIdentities = new ConcurrentHashMap<>();
    private final Map<String, AuthenticationResult.Reason> passwordLogins = new ConcurrentHashMap<>();
    private final AtomicReference<CompletableFuture<CsrInspection>> csrInspections =
            new AtomicReference<>(new CompletableFuture<>());
    private final AtomicReference<CompletableFuture<Issued>> issued = new AtomicReference<>(new CompletableFuture<>());
    private final List<CsmsServer> servers = new ArrayList<>();
    private CsmsTlsContext tls2;
    private CsmsTlsContext tls3;
    private CsmsServer profile2;
    private CsmsServer profile3;

    DemoCsms(DemoPki pki, Clock clock, SecureRandom random, Duration timeout) {
        this.pki = pki;
        this.clock = clock;
        this.timeout = timeout;
        this.hasher = PasswordHasher.defaults().withRandom(random);
        this.basicAuth = new BasicAuthenticator(credentials, hasher);
        this.generator = PasswordGenerator.create(random);
        this.rotation = new PasswordRotation(credentials, generator, hasher, clock, random);
        this.ca = InsecureLocalCertificateAuthority.builder(pki.csoSubCa().certificate(),
                pki.csoSubCa().keyPair().getPrivate())
                .inspector(csrInspector).validity(Duration.ofDays(365)).clock(clock).random(random).build();
        this.eventHandler = SecurityEventNotificationHandler.create((station, event) -> { }, clock, Duration.ofMinutes(5));
    }

    /** Starts the two endpoints. */
    void start(SecureRandom random) throws Exception {
        tls2 = CsmsTlsContext.forServer(SecurityProfile.TLS_BASIC_AUTH, pki.csmsKeyMaterial()).clock(clock)
                .secureRandom(random).failureListener(tlsFailures::add).build();
        tls3 = CsmsTlsContext.forServer(SecurityProfile.TLS_CLIENT_CERTIFICATE, pki.csmsKeyMaterial()).clock(clock)
                .secureRandom(random).failureListener(tlsFailures::add)
                .stationCertificateValidator(OcppChainValidator.forChargingStationCertificate(
                        TrustAnchors.cso(pki.csoRoot()), TestPki.CSO_NAME).toBuilder().clock(clock).build())
                .build();
        profile2 = server(tls2, P2);
        profile3 = server(tls3, P3);
    }

    private CsmsServer server(CsmsTlsContext tls, String endpoint) throws Exception {
        CsmsAdmission.Builder admission = CsmsAdmission.builder(tls).endpointProfiles(endpoints, endpoint)
                .profileRegistry(profiles).clock(clock); // each refusal's event is kept in its Refusal
        if (tls.profile().usesBasicAuth()) {
            admission.passwords(basicAuth);
        }
        CsmsAdmission a = admission.build();
        CsmsServer s = CsmsServer.builder(tls).authenticator(h -> authenticate(a, endpoint, h))
                .sessionListener(handlers(endpoint)).callTimeout(timeout).start();
        servers.add(s);
        return s;
    }

    /**
     * Provisions a station with a fresh random password (A00.FR.205, A01.FR.06/07): only its salted hash
     * is stored (A01.FR.08); the clear text goes to the station out of band (factory provisioning).
     */
    BasicAuthPassword provision(String identity) {
        BasicAuthPassword p = generator.generate();
        credentials.put(CredentialState.withPassword(ChargingStationIdentity.of(identity), hasher.hash(p)));
        return p;
    }

    // -------------------------------------------------------------------------------- the upgrade decision

    /**
     * The SDK's admission of the endpoint decides (TLS session, Basic auth or certificate = URL identity,
     * A00.FR.002 against the endpoint table, A05.FR.07 floor); the demo only records what it decided.
     */
    private UpgradeDecision authenticate(CsmsAdmission admission, String endpoint, HandshakeInfo h) {
        AdmissionDecision d = admission.admit(h.toConnectionAttempt());
        if (d instanceof AdmissionDecision.Rejected) {
            AdmissionDecision.Rejected r = (AdmissionDecision.Rejected) d;
            refusals.add(new Refusal(h.identity(), endpoint, r.httpStatus(),
                    r.reason().length() > 200 ? r.reason().substring(0, 200) : r.reason(), r.securityEvent()));
        } else {
            AdmissionDecision.Accepted a = (AdmissionDecision.Accepted) d;
            a.basicAuthentication().ifPresent(r -> passwordLogins.put(h.identity(), r.reason()));
            a.certificate().ifPresent(c -> certificateIdentities.put(h.identity(), c));
        }
        return UpgradeDecision.of(admission, d);
    }

    // -------------------------------------------------------------------------------- CALL handlers

    private SessionListener handlers(String endpoint) {
        return session -> {
            // The highest profile reached (A05.FR.07) was raised by the admission as the session opened.
            session.rpc()
                    .onCall(BootNotificationRequest.class, c -> new BootNotificationResponse(clock.instant(), 300,
                            BootNotificationResponse.RegistrationStatus.ACCEPTED, Optional.empty()))
                    .onCall(SecurityEventNotificationRequest.class, c -> {
                        SecurityEventNotificationRequest q = c.request();
                        SecurityEventNotificationHandler.Outcome o = eventHandler.handle(session.identity(), q.type(),
                                q.timestamp().toString(), q.techInfo());
                        if (o.accepted().isEmpty()) {
                            throw new CallRejectedException(OcppErrorCode.fromOcpp(o.callErrorCode().orElseThrow()),
                                    "security event refused");
                        }
                        events.add(q);
                        return new SecurityEventNotificationResponse(); // A04.FR.03
                    })
                    .onCall(SignCertificateRequest.class, c -> signCertificate(session, c.request(), c));
        };
    }

    private SignCertificateResponse signCertificate(OcppSession session, SignCertificateRequest q,
            io.ocppsec.examples.rpc.IncomingCall<SignCertificateRequest> call) {
        // The serial the CSR must name: the identity this connection authenticated as (Basic auth username or
        // the verified certificate CN, both bound to the URL identity).
        CsrInspection inspection = csrInspector.inspect(q.csr(), session.identity(), q.certificateType());
        csrInspections.get().complete(inspection);
        if (!inspection.isAccepted()) {
            return new SignCertificateResponse(GenericStatus.REJECTED, // A02.FR.12
                    Optional.of(new StatusInfo(inspection.reasonCode().orElse(CsrInspection.REASON_INVALID_CSR),
                            Optional.empty())));
        }
        CompletableFuture<Issued> target = issued.get();
        call.afterReply(() -> ca.sign(inspection.signingRequest().orElseThrow()).whenComplete((chain, e) -> {
            if (e != null) {
                target.completeExceptionally(e);
            } else {
                target.complete(new Issued(chain, q.certificateType(), inspection.publicKey().orElseThrow()));
            }
        }));
        return new SignCertificateResponse(GenericStatus.ACCEPTED, Optional.empty()); // A02.FR.11
    }

    // -------------------------------------------------------------------------------- for the steps

    CsmsServer profile2() {
        return profile2;
    }

    CsmsServer profile3() {
        return profile3;
    }

    CsmsTlsContext tls2() {
        return tls2;
    }

    PasswordRotation rotation() {
        return rotation;
    }

    StationProfileRegistry profiles() {
        return profiles;
    }

    List<SecurityEventNotificationRequest> events() {
        return events;
    }

    List<Refusal> refusals() {
        return refusals;
    }

    List<TlsFailure> tlsFailures() {
        return tlsFailures;
    }


    Optional<StationIdentity> certificateIdentity(String identity) {
        return Optional.ofNullable(certificateIdentities.get(identity));
    }

    Optional<AuthenticationResult.Reason> passwordLogin(String identity) {
        return Optional.ofNullable(passwordLogins.get(identity));
    }

    /** @return completes with the inspection of the next CSR */
    CompletableFuture<CsrInspection> nextCsrInspection() {
        CompletableFuture<CsrInspection> f = new CompletableFuture<>();
        csrInspections.set(f);
        return f;
    }

    /** @return completes with the chain the CA issues for the next accepted CSR */
    CompletableFuture<Issued> nextIssued() {
        CompletableFuture<Issued> f = new CompletableFuture<>();
        issued.set(f);
        return f;
    }

    @Override
    public void close() {
        for (int i = servers.size() - 1; i >= 0; i--) {
            servers.get(i).close();
        }
    }

    static String pem(List<X509Certificate> chain) {
        return io.ocppsec.testpki.TestCertificate.toPem(chain);
    }
}
