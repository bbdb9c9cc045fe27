package io.ocppsec.tls;

import static io.ocppsec.tls.TlsTestSupport.PKI;
import static io.ocppsec.tls.TlsTestSupport.build;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.core.auth.BasicAuthHeader;
import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.cert.CertificateBindingRegistry;
import io.ocppsec.core.credential.AuthenticationResult;
import io.ocppsec.core.credential.BasicAuthenticator;
import io.ocppsec.core.credential.CredentialState;
import io.ocppsec.core.credential.CredentialStore;
import io.ocppsec.core.credential.InMemoryCredentialStore;
import io.ocppsec.core.password.BasicAuthPassword;
import io.ocppsec.core.password.PasswordHasher;
import io.ocppsec.core.profile.CsmsEndpointProfiles;
import io.ocppsec.core.profile.StationProfileRegistry;
import io.ocppsec.core.profile.StationProfileStore;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.AdmissionDecision.Accepted;
import io.ocppsec.tls.AdmissionDecision.Cause;
import io.ocppsec.tls.AdmissionDecision.Rejected;
import io.ocppsec.tls.TlsTestSupport.Recorder;
import io.ocppsec.tls.TlsTestSupport.Server;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link CsmsAdmission} over sessions of real loopback handshakes: one test per rule, and the order of the
 * rules (the first failing rule decides the status).
 */
class CsmsAdmissionTest {

    static final String ID = TestPki.STATION_SERIAL;
    static final String OTHER = "CS-0002";
    static final BasicAuthPassword PASSWORD = BasicAuthPassword.of("admission-Password-0042");
    static final BasicAuthPassword OTHER_PASSWORD = BasicAuthPassword.of("admission-Password-0043");
    static final PasswordHasher HASHER = PasswordHasher.pbkdf2Sha256(PasswordHasher.MIN_PBKDF2_ITERATIONS);

    static final Recorder REC = new Recorder();
    static CsmsTlsContext csms2;
    static CsmsTlsContext csms3;
    static SSLSession session2;
    static SSLSession session3;
    static SSLSession session3Other;

    final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    final List<SecurityEvent> events = new CopyOnWriteArrayList<>();
    final StationProfileRegistry floor = new StationProfileRegistry(StationProfileStore.inMemory());

    @BeforeAll
    static void handshakes() throws Exception {
        csms2 = build(TlsTestSupport.csms(SecurityProfile.TLS_BASIC_AUTH, REC));
        csms3 = build(TlsTestSupport.csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, REC));
        session2 = serverSession(csms2, build(TlsTestSupport.station(SecurityProfile.TLS_BASIC_AUTH, REC)));
        session3 = serverSession(csms3, build(TlsTestSupport.station(SecurityProfile.TLS_CLIENT_CERTIFICATE, REC)));
        TestCertificate other = PKI.stationBuilder(OTHER).build();
        session3Other = serverSession(csms3, build(TlsTestSupport.station(SecurityProfile.TLS_CLIENT_CERTIFICATE, REC)
                .clientKeyMaterial(TlsTestSupport.material(other))));
    }

    @AfterAll
    static void noTlsFailures() {
        assertThat(REC.failures).isEmpty();
    }

    static SSLSession serverSession(CsmsTlsContext csms, StationTlsContext station) throws Exception {
        try (Server server = Server.start(csms)) {
            TlsTestSupport.roundTrip(station, server);
            TlsTestSupport.ServerResult r = server.next();
            assertThat(r.ok()).as("handshake").isTrue();
            return r.session();
        }
    }

    CsmsAdmission profile2(UnaryOperator<CsmsAdmission.Builder> more) {
        credentials.put(CredentialState.withPassword(ChargingStationIdentity.of(ID), HASHER.hash(PASSWORD)));
        credentials.put(CredentialState.withPassword(ChargingStationIdentity.of(OTHER), HASHER.hash(OTHER_PASSWORD)));
        return more.apply(CsmsAdmission.builder(csms2).passwords(new BasicAuthenticator(credentials, HASHER))
                .profileRegistry(floor).securityEvents(events::add).clock(TestPki.CLOCK)).build();
    }

    CsmsAdmission profile3(UnaryOperator<CsmsAdmission.Builder> more) {
        return more.apply(CsmsAdmission.builder(csms3).profileRegistry(floor).securityEvents(events::add)
                .clock(TestPki.CLOCK)).build();
    }

    static Optional<String> basic(String user, BasicAuthPassword password) {
        return Optional.of(BasicAuthHeader.encode(ChargingStationIdentity.of(user), password));
    }

    Rejected rejected(AdmissionDecision d, Cause cause, String requirement) {
        assertThat(d).isInstanceOf(Rejected.class);
        Rejected r = (Rejected) d;
        assertThat(r.cause()).as(r.reason()).isEqualTo(cause);
        assertThat(r.httpStatus()).isEqualTo(cause.httpStatus());
        assertThat(r.violations().violates(requirement)).as(r.violations().describe()).isTrue();
        assertThat(events).last().isEqualTo(r.securityEvent());
        assertThat(r.securityEvent().type()).isEqualTo(SecurityEventType.FAILED_TO_AUTHENTICATE_AT_CSMS);
        assertThat(r.securityEvent().techInfo().orElseThrow()).contains(requirement).contains(cause.name());
        return r;
    }

    // ------------------------------------------------------------------------------ profile 2

    @Test
    @Verifies({"A00.FR.301", "A00.FR.302", "A00.FR.303"})
    void profile2RightPasswordIsAccepted() {
        AdmissionDecision d = profile2(b -> b).admit(ConnectionAttempt.overTls(ID, session2, basic(ID, PASSWORD)));
        assertThat(d).isInstanceOf(Accepted.class);
        Accepted a = (Accepted) d;
        assertThat(a.identity().value()).isEqualTo(ID);
        assertThat(a.profile()).isEqualTo(SecurityProfile.TLS_BASIC_AUTH);
        assertThat(a.certificate()).isEmpty();
        assertThat(a.basicAuthentication().orElseThrow().reason()).isEqualTo(AuthenticationResult.Reason.CURRENT_PASSWORD);
        assertThat(events).isEmpty();
    }

    @Test
    @Verifies({"A00.FR.301", "A00.FR.302", "A00.FR.303"})
    void profile2WrongMissingOrForeignCredentialsGet401WithAChallenge() {
        CsmsAdmission admission = profile2(b -> b);
        Rejected wrong = rejected(admission.admit(ConnectionAttempt.overTls(ID, session2,
                basic(ID, BasicAuthPassword.of("wrong-Password-00000044")))), Cause.BASIC_AUTH, "A00.FR.301");
        assertThat(wrong.reason()).startsWith("WRONG_PASSWORD");
        assertThat(wrong.wwwAuthenticate()).contains(AdmissionDecision.BASIC_CHALLENGE);
        Rejected missing = rejected(admission.admit(ConnectionAttempt.overTls(ID, session2, Optional.empty())),
                Cause.BASIC_AUTH, "A00.FR.302");
        assertThat(missing.reason()).startsWith("MISSING_HEADER");
        // The right password of another station, whose name is not the URL identity.
        Rejected foreign = rejected(admission.admit(ConnectionAttempt.overTls(ID, session2,
                basic(OTHER, OTHER_PASSWORD))), Cause.BASIC_AUTH, "A00.FR.303");
        assertThat(foreign.reason()).startsWith("USERNAME_MISMATCH");
        assertThat(events).hasSize(3);
    }

    @Test
    @Verifies("A00.FR.303")
    void anInvalidIdentityIs400BeforeAnythingElse() {
        CsmsAdmission admission = profile2(b -> b);
        for (String bad : List.of("a:b", "", "x".repeat(49), "a b", "a/b")) {
            // No TLS and no credentials either: the identity rule comes first.
            Rejected r = rejected(admission.admit(ConnectionAttempt.withoutTls(bad, Optional.empty())),
                    Cause.INVALID_IDENTITY, "A00.FR.303");
            assertThat(r.httpStatus()).isEqualTo(400);
            assertThat(r.securityEvent().techInfo().orElseThrow()).contains("<invalid identity>");
        }
    }

    @Test
    @Verifies("A00.FR.312")
    void profile2WithoutTlsIsRefusedEvenWithTheRightPassword() {
        rejected(profile2(b -> b).admit(ConnectionAttempt.withoutTls(ID, basic(ID, PASSWORD))), Cause.TLS_REQUIRED,
                "A00.FR.312");
    }

    @Test
    @Verifies({"A00.FR.314", "A00.FR.320"})
    void aSessionOutsideTheEndpointsPolicyIsRefusedBeforeTheCredentialsAreChecked() throws Exception {
        // A real TLS 1.2 ChaCha20 session, judged by an endpoint whose policy does not offer ChaCha20.
        StationTlsContext chacha = build(TlsTestSupport.station(SecurityProfile.TLS_BASIC_AUTH, REC)
                .policy(TlsPolicy.builder().versions(TlsVersion.TLS_1_2)
                        .cipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256).build()));
        SSLSession session = serverSession(csms2, chacha);
        assertThat(session.getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
        CsmsTlsContext strict = build(TlsTestSupport.csms(SecurityProfile.TLS_BASIC_AUTH, REC)
                .policy(TlsPolicy.builder().versions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2)
                        .cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256,
                                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
                                CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
                                CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384).build()));
        credentials.put(CredentialState.withPassword(ChargingStationIdentity.of(ID), HASHER.hash(PASSWORD)));
        CsmsAdmission admission = CsmsAdmission.builder(strict).passwords(new BasicAuthenticator(credentials, HASHER))
                .withoutProfileRegistry().securityEvents(events::add).build();
        rejected(admission.admit(ConnectionAttempt.overTls(ID, session, Optional.empty())), Cause.TLS_SESSION,
                "A00.FR.320");
        // The same session on the endpoint that offers the suite passes.
        assertThat(profile2(b -> b).admit(ConnectionAttempt.overTls(ID, session, basic(ID, PASSWORD))).isAccepted())
                .isTrue();
    }

    @Test
    @Verifies("A00.FR.002")
    void aClientCertificateSessionOnTheProfile2EndpointIsAProfileMismatch() {
        // session3 carries a client certificate: not what a profile 2 station offers, even with a valid password.
        rejected(profile2(b -> b).admit(ConnectionAttempt.overTls(ID, session3, basic(ID, PASSWORD))),
                Cause.PROFILE_MISMATCH, "A00.FR.002");
    }

    // ------------------------------------------------------------------------------ profile 3

    @Test
    @Verifies({"A00.FR.401", "A00.FR.403", "A00.FR.405"})
    void profile3CertificateOfTheUrlIdentityIsAccepted() {
        Accepted a = (Accepted) profile3(b -> b).admit(ConnectionAttempt.overTls(ID, session3, Optional.empty()));
        assertThat(a.identity().value()).isEqualTo(ID);
        assertThat(a.certificate().orElseThrow().commonName()).isEqualTo(ID);
        assertThat(a.certificate().orElseThrow().certificate()).isEqualTo(PKI.station().certificate());
        assertThat(a.basicAuthentication()).isEmpty();
    }

    @Test
    @Verifies("A00.FR.405")
    void profile3CertificateOfAnotherStationIs403() {
        CsmsAdmission admission = profile3(b -> b);
        Rejected r = rejected(admission.admit(ConnectionAttempt.overTls(ID, session3Other, Optional.empty())),
                Cause.IDENTITY_MISMATCH, "A00.FR.405");
        assertThat(r.reason()).contains(OTHER).contains(ID);
        // ... and the same certificate is fine for its own identity.
        assertThat(admission.admit(ConnectionAttempt.overTls(OTHER, session3Other, Optional.empty())).isAccepted())
                .isTrue();
    }

    @Test
    @Verifies({"A00.FR.002", "A00.FR.405"})
    void basicCredentialsOnTheProfile3EndpointAreAProfileMismatchButTheCertificateRuleComesFirst() {
        CsmsAdmission admission = profile3(b -> b);
        rejected(admission.admit(ConnectionAttempt.overTls(ID, session3, basic(ID, PASSWORD))),
                Cause.PROFILE_MISMATCH, "A00.FR.002");
        rejected(admission.admit(ConnectionAttempt.overTls(ID, session3Other, basic(ID, PASSWORD))),
                Cause.IDENTITY_MISMATCH, "A00.FR.405");
    }

    @Test
    @Verifies({"A00.FR.401", "A00.FR.403"})
    void profile3WithoutAClientCertificateIsRefused() {
        // A session without a client certificate (from the profile 2 endpoint) handed to the profile 3 admission.
        rejected(profile3(b -> b).admit(ConnectionAttempt.overTls(ID, session2, Optional.empty())),
                Cause.STATION_CERTIFICATE, "A00.FR.403");
        rejected(profile3(b -> b).admit(ConnectionAttempt.withoutTls(ID, Optional.empty())), Cause.TLS_REQUIRED,
                "A00.FR.415");
    }

    @Test
    @Verifies("A00.FR.427")
    void aCertificateBoundToAnotherStationIsRefusedAsTheLastRule() throws Exception {
        CertificateBindingRegistry bindings = new CertificateBindingRegistry();
        assertThat(bindings.bind("CS-9999", PKI.station().certificate()).isCompliant()).isTrue();
        CsmsAdmission admission = profile3(b -> b.certificateBindings(bindings));
        rejected(admission.admit(ConnectionAttempt.overTls(ID, session3, Optional.empty())), Cause.CERTIFICATE_BINDING,
                "A00.FR.427");
        // An unbound certificate is bound to its station on admission.
        assertThat(admission.admit(ConnectionAttempt.overTls(OTHER, session3Other, Optional.empty())).isAccepted())
                .isTrue();
        assertThat(bindings.boundIdentity((java.security.cert.X509Certificate) session3Other.getPeerCertificates()[0]))
                .contains(OTHER);
        assertThat(bindings.size()).isEqualTo(2);
    }

    // ------------------------------------------------------------------------------ A05.FR.07

    @Test
    @Verifies("A05.FR.07")
    void theFloorIsRaisedOnConnectedAndALowerProfileIsThenRefused() {
        CsmsAdmission p3 = profile3(b -> b);
        CsmsAdmission p2 = profile2(b -> b);
        Accepted a = (Accepted) p3.admit(ConnectionAttempt.overTls(ID, session3, Optional.empty()));
        assertThat(floor.highestReached(ID)).as("admit alone raises nothing").isEmpty();
        assertThat(p2.admit(ConnectionAttempt.overTls(ID, session2, basic(ID, PASSWORD))).isAccepted()).isTrue();
        p3.connected(a);
        assertThat(floor.highestReached(ID)).contains(SecurityProfile.TLS_CLIENT_CERTIFICATE);
        Rejected r = rejected(p2.admit(ConnectionAttempt.overTls(ID, session2, basic(ID, PASSWORD))),
                Cause.PROFILE_DOWNGRADE, "A05.FR.07");
        assertThat(r.reason()).startsWith("A05.FR.07");
        // Authentication comes first: a wrong password is still a 401.
        rejected(p2.admit(ConnectionAttempt.overTls(ID, session2, basic(ID, OTHER_PASSWORD))), Cause.BASIC_AUTH,
                "A00.FR.301");
        assertThatThrownBy(() -> p2.connected(a)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Verifies({"A00.FR.002", "A00.FR.006"})
    void anEndpointReconfiguredLocallyRefusesUntilItGetsAMatchingAdmission() throws Exception {
        CsmsEndpointProfiles endpoints = CsmsEndpointProfiles.builder().endpoint("p2", SecurityProfile.TLS_BASIC_AUTH)
                .build();
        CsmsAdmission admission = profile2(b -> b.endpointProfiles(endpoints, "p2"));
        assertThat(admission.admit(ConnectionAttempt.overTls(ID, session2, basic(ID, PASSWORD))).isAccepted()).isTrue();
        endpoints.policy("p2").configureLocally(SecurityProfile.TLS_CLIENT_CERTIFICATE);
        rejected(admission.admit(ConnectionAttempt.overTls(ID, session2, basic(ID, PASSWORD))), Cause.PROFILE_MISMATCH,
                "A00.FR.002");
        assertThatThrownBy(() -> profile3(b -> b.endpointProfiles(endpoints, "nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A00.FR.004");
        assertThatThrownBy(() -> profile2(b -> b.endpointProfiles(endpoints, "p2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("profile 3");
    }

    // ------------------------------------------------------------------------------ fail closed

    @Test
    void aCredentialStoreThatIsDownRefusesWith503() {
        CredentialStore down = new CredentialStore() {
            @Override
            public Optional<CredentialState> find(ChargingStationIdentity identity) {
                throw new UncheckedIOException(new java.io.IOException("connection refused: db.example:5432"));
            }

            @Override
            public boolean replace(CredentialState expected, CredentialState updated) {
                throw new UncheckedIOException(new java.io.IOException("down"));
            }

            @Override
            public void put(CredentialState state) {
                throw new UncheckedIOException(new java.io.IOException("down"));
            }

            @Override
            public boolean remove(ChargingStationIdentity identity) {
                throw new UncheckedIOException(new java.io.IOException("down"));
            }
        };
        CsmsAdmission admission = CsmsAdmission.builder(csms2).passwords(new BasicAuthenticator(down, HASHER))
                .withoutProfileRegistry().securityEvents(events::add).build();
        Rejected r = rejected(admission.admit(ConnectionAttempt.overTls(ID, session2, basic(ID, PASSWORD))),
                Cause.UNAVAILABLE, "A00.FR.301");
        assertThat(r.httpStatus()).isEqualTo(503);
        assertThat(r.reason()).contains("UncheckedIOException").doesNotContain("db.example");
    }

    @Test
    @Verifies("A05.FR.07")
    void aProfileStoreThatIsDownRefusesWith503() {
        StationProfileStore down = new StationProfileStore() {
            @Override
            public Optional<SecurityProfile> highest(String stationId) {
                throw new IllegalStateException("profile table unavailable");
            }

            @Override
            public void raise(String stationId, SecurityProfile profile) {
                throw new IllegalStateException("profile table unavailable");
            }

            @Override
            public void reset(String stationId, SecurityProfile profile) {
                throw new IllegalStateException("profile table unavailable");
            }
        };
        CsmsAdmission admission = CsmsAdmission.builder(csms3).profileRegistry(new StationProfileRegistry(down))
                .securityEvents(events::add).build();
        rejected(admission.admit(ConnectionAttempt.overTls(ID, session3, Optional.empty())), Cause.UNAVAILABLE,
                "A05.FR.07");
    }

    @Test
    void aFailingEventSinkDoesNotChangeTheDecision() {
        CsmsAdmission admission = CsmsAdmission.builder(csms3).withoutProfileRegistry().securityEvents(e -> {
            throw new java.io.IOException("log disk full");
        }).build();
        AdmissionDecision d = admission.admit(ConnectionAttempt.overTls(ID, session3Other, Optional.empty()));
        assertThat(((Rejected) d).cause()).isEqualTo(Cause.IDENTITY_MISMATCH);
    }

    // ------------------------------------------------------------------------------ configuration

    @Test
    void theBuilderRefusesIncompleteOrInconsistentConfigurations() {
        assertThatThrownBy(() -> CsmsAdmission.builder(csms2).withoutProfileRegistry().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("passwords");
        assertThatThrownBy(() -> CsmsAdmission.builder(csms3).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("A05.FR.07");
        BasicAuthenticator auth = new BasicAuthenticator(credentials, HASHER);
        assertThatThrownBy(() -> CsmsAdmission.builder(csms3).passwords(auth))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsmsAdmission.builder(csms2).certificateBindings(new CertificateBindingRegistry()))
                .isInstanceOf(IllegalArgumentException.class);
        CsmsTlsContext binding = build(TlsTestSupport.csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, REC)
                .certificateBindings(new CertificateBindingRegistry()));
        assertThatThrownBy(() -> CsmsAdmission.builder(binding).certificateBindings(new CertificateBindingRegistry()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A00.FR.427");
        assertThat(profile3(b -> b).toString()).contains("profile 3").contains("profileFloor=true");
    }

    @Test
    @Verifies({"A00.FR.202", "A00.FR.203", "A00.FR.204", "A00.FR.002"})
    void profile1AcceptsBasicAuthOnPlainConnectionsOnly() {
        credentials.put(CredentialState.withPassword(ChargingStationIdentity.of(ID), HASHER.hash(PASSWORD)));
        CsmsAdmission p1 = CsmsAdmission.unsecuredTransportBuilder().passwords(new BasicAuthenticator(credentials,
                HASHER)).withoutProfileRegistry().securityEvents(events::add).build();
        assertThat(p1.tlsContext()).isEmpty();
        Accepted a = (Accepted) p1.admit(ConnectionAttempt.withoutTls(ID, basic(ID, PASSWORD)));
        assertThat(a.profile()).isEqualTo(SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH);
        rejected(p1.admit(ConnectionAttempt.withoutTls(ID, Optional.empty())), Cause.BASIC_AUTH, "A00.FR.203");
        rejected(p1.admit(ConnectionAttempt.withoutTls("a:b", basic(ID, PASSWORD))), Cause.INVALID_IDENTITY,
                "A00.FR.204");
        rejected(p1.admit(ConnectionAttempt.overTls(ID, session2, basic(ID, PASSWORD))), Cause.PROFILE_MISMATCH,
                "A00.FR.002");
    }
}
