package io.ocppsec.examples.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.message.BootNotificationRequest;
import io.ocppsec.api.message.BootNotificationResponse;
import io.ocppsec.api.message.ChargingStation;
import io.ocppsec.api.message.SecurityEventNotificationRequest;
import io.ocppsec.api.message.SecurityEventNotificationResponse;
import io.ocppsec.core.auth.BasicAuthHeader;
import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.core.credential.BasicAuthenticator;
import io.ocppsec.core.credential.CredentialState;
import io.ocppsec.core.credential.InMemoryCredentialStore;
import io.ocppsec.core.event.SecurityEventNotificationHandler;
import io.ocppsec.core.password.BasicAuthPassword;
import io.ocppsec.core.password.PasswordHasher;
import io.ocppsec.core.profile.StationProfileRegistry;
import io.ocppsec.core.profile.StationProfileStore;
import io.ocppsec.testing.CapturingLoggerFinder;
import io.ocppsec.examples.demo.ThreadLeaks;
import io.ocppsec.examples.station.ConnectOutcome;
import io.ocppsec.examples.station.StationClient;
import io.ocppsec.examples.station.StationConnection;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.CsmsAdmission;
import io.ocppsec.tls.CsmsTlsContext;
import io.ocppsec.tls.StationTlsContext;
import io.ocppsec.tls.TlsFailure;
import io.ocppsec.tls.TlsKeyMaterial;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Netty CSMS example against the JDK-HttpClient station of the examples, over real TLS on loopback,
 * both sides configured only through the SDK's TLS contexts.
 */
class NettyCsmsExampleTest {

    private static final String ID = TestPki.STATION_SERIAL;
    private static final String OTHER_ID = "CS-0002";
    private static final BasicAuthPassword PASSWORD = BasicAuthPassword.of("netty-Example-Password-42");
    private static final BasicAuthPassword OTHER_PASSWORD = BasicAuthPassword.of("other-Example-Password-43");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static Set<Thread> threadsBefore;
    private static TestPki pki;
    private static TestCertificate csmsCertificate;

    private final List<TlsFailure> csmsFailures = new CopyOnWriteArrayList<>();
    private final List<String> receivedEvents = new CopyOnWriteArrayList<>();
    private final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    private final PasswordHasher hasher = PasswordHasher.pbkdf2Sha256(PasswordHasher.MIN_PBKDF2_ITERATIONS);
    private NettyCsmsExample csms;
    private StationClient station;

    @BeforeAll
    static void pki() {
        threadsBefore = Thread.getAllStackTraces().keySet();
        pki = TestPki.create(KeyType.EC_P256, Instant.now());
        // The JDK client checks the address it connects to; the SDK's trust manager checks the CN (FQDN).
        csmsCertificate = pki.csmsBuilder(TestPki.CSMS_FQDN).sanIp("127.0.0.1").build();
    }

    @AfterEach
    void stop() {
        if (station != null) {
            station.close();
        }
        if (csms != null) {
            csms.close();
        }
    }

    @AfterAll
    static void noThreadsLeft() {
        ThreadLeaks.assertNoNewThreads(threadsBefore); // csms-netty-*, station-*
    }

    private void start(SecurityProfile profile) throws Exception {
        credentials.put(CredentialState.withPassword(ChargingStationIdentity.of(ID), hasher.hash(PASSWORD)));
        credentials.put(CredentialState.withPassword(ChargingStationIdentity.of(OTHER_ID), hasher.hash(OTHER_PASSWORD)));
        CsmsTlsContext.Builder tls = CsmsTlsContext.forServer(profile,
                List.of(TlsKeyMaterial.of(csmsCertificate.keyPair().getPrivate(), csmsCertificate.chain())))
                .failureListener(csmsFailures::add);
        if (profile.requiresClientCertificate()) {
            tls.stationCertificates(TrustAnchors.cso(pki.csoRoot().certificate()), TestPki.CSO_NAME);
        }
        SecurityEventNotificationHandler events = SecurityEventNotificationHandler.create(
                (stationId, event) -> receivedEvents.add(stationId + " " + event.type().ocppName()),
                Clock.systemUTC(), Duration.ofMinutes(5));
        csms = NettyCsmsExample.start(new InetSocketAddress("127.0.0.1", 0), tls.build(),
                new BasicAuthenticator(credentials, hasher), events);
    }

    private StationClient station(SecurityProfile profile, Optional<TestCertificate> certificate,
            String... subprotocols) throws Exception {
        StationTlsContext.Builder tls = StationTlsContext.forClient(profile, List.of(pki.csoRoot().certificate()))
                .expectedHost(TestPki.CSMS_FQDN);
        certificate.ifPresent(c -> tls.clientKeyMaterial(TlsKeyMaterial.of(c.keyPair().getPrivate(), c.chain())));
        StationClient.Builder b = StationClient.builder(tls.build()).connectTimeout(TIMEOUT).callTimeout(TIMEOUT);
        if (subprotocols.length > 0) {
            b.offerSubprotocols(subprotocols);
        }
        station = b.build();
        return station;
    }

    private static Optional<String> basic(String username, BasicAuthPassword password) {
        return Optional.of(BasicAuthHeader.encode(ChargingStationIdentity.of(username), password));
    }

    private static void bootAccepted(StationConnection c) throws Exception {
        assertThat(c.subprotocol()).isEqualTo("ocpp2.0.1");
        BootNotificationResponse r = c.rpc().call(new BootNotificationRequest(new ChargingStation(Optional.of(ID),
                "Model", Optional.empty(), "Vendor", Optional.empty()), BootNotificationRequest.BootReason.POWER_UP),
                BootNotificationResponse.class).get(5, TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(BootNotificationResponse.RegistrationStatus.ACCEPTED);
    }

    // ------------------------------------------------------------------------------ profile 2

    @Test
    @Verifies({"A00.FR.202", "A00.FR.203", "A00.FR.204"})
    void profile2RightPasswordBootsAndSendsSecurityEvent() throws Exception {
        start(SecurityProfile.TLS_BASIC_AUTH);
        StationConnection c = station(SecurityProfile.TLS_BASIC_AUTH, Optional.empty())
                .connect(csms.uri(ID), basic(ID, PASSWORD)).connection();
        bootAccepted(c);
        SecurityEventNotificationResponse r = c.rpc().call(new SecurityEventNotificationRequest(
                "StartupOfTheDevice", Instant.now(), Optional.of("netty test")),
                SecurityEventNotificationResponse.class).get(5, TimeUnit.SECONDS);
        assertThat(r).isNotNull();
        assertThat(receivedEvents).containsExactly(ID + " StartupOfTheDevice");
        c.close(1000, "bye").get(5, TimeUnit.SECONDS);
    }

    @Test
    @Verifies({"A00.FR.202", "A00.FR.203", "A00.FR.204"})
    void profile2RefusesWrongMissingOrForeignCredentialsWith401() throws Exception {
        start(SecurityProfile.TLS_BASIC_AUTH);
        StationClient s = station(SecurityProfile.TLS_BASIC_AUTH, Optional.empty());
        assertThat(s.connect(csms.uri(ID), basic(ID, BasicAuthPassword.of("wrong-Example-Password-44"))))
                .isEqualTo(new ConnectOutcome.Refused(401));
        assertThat(s.connect(csms.uri(ID), Optional.empty())).isEqualTo(new ConnectOutcome.Refused(401));
        // A00.FR.204: right password of another station, whose name is not the URL identity.
        assertThat(s.connect(csms.uri(ID), basic(OTHER_ID, OTHER_PASSWORD))).isEqualTo(new ConnectOutcome.Refused(401));
        // Secrets: neither the password nor the header value is logged by the example or the SDK.
        if (CapturingLoggerFinder.isInstalled()) {
            assertThat(CapturingLoggerFinder.lines()).noneMatch(l -> l.contains("wrong-Example-Password-44")
                    || l.contains(BasicAuthHeader.encode(ChargingStationIdentity.of(OTHER_ID), OTHER_PASSWORD)));
        }
    }

    @Test
    void pathsAndSubprotocolsOutsideOcppAreRefused() throws Exception {
        start(SecurityProfile.TLS_BASIC_AUTH);
        StationClient s = station(SecurityProfile.TLS_BASIC_AUTH, Optional.empty());
        String base = "wss://127.0.0.1:" + csms.address().getPort();
        assertThat(s.connect(URI.create(base + "/other/" + ID), basic(ID, PASSWORD)))
                .isEqualTo(new ConnectOutcome.Refused(404));
        assertThat(s.connect(URI.create(base + "/ocpp/a:b"), basic(ID, PASSWORD)))
                .isEqualTo(new ConnectOutcome.Refused(400));
        assertThat(s.connect(URI.create(base + "/ocpp/" + "x".repeat(49)), basic(ID, PASSWORD)))
                .isEqualTo(new ConnectOutcome.Refused(400));
        s.close();
        // OCPP-J: upgrade without a subprotocol, then the CSMS closes at once.
        ConnectOutcome o = station(SecurityProfile.TLS_BASIC_AUTH, Optional.empty(), "ocpp1.6")
                .connect(csms.uri(ID), basic(ID, PASSWORD));
        assertThat(o).isInstanceOf(ConnectOutcome.Failed.class);
        assertThat(((ConnectOutcome.Failed) o).kind()).isEqualTo(ConnectOutcome.Kind.SUBPROTOCOL_NOT_ACCEPTED);
    }

    @Test
    void malformedFramesGetCallErrorsAndBrokenResultsNoAnswer() throws Exception {
        start(SecurityProfile.TLS_BASIC_AUTH);
        StationTlsContext tls = StationTlsContext.forClient(SecurityProfile.TLS_BASIC_AUTH,
                List.of(pki.csoRoot().certificate())).expectedHost(TestPki.CSMS_FQDN).build();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        ExecutorService exec = Executors.newSingleThreadExecutor(r -> new Thread(r, "station-raw"));
        try {
            HttpClient http = HttpClient.newBuilder().sslContext(tls.sslContext()).sslParameters(tls.sslParameters())
                    .executor(exec).build();
            StringBuilder partial = new StringBuilder();
            WebSocket ws = http.newWebSocketBuilder().subprotocols("ocpp2.0.1")
                    .header("Authorization", basic(ID, PASSWORD).get())
                    .buildAsync(csms.uri(ID), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                received.add(partial.toString());
                                partial.setLength(0);
                            }
                            w.request(1);
                            return null;
                        }
                    }).get(5, TimeUnit.SECONDS);
            ws.sendText("{not json", true).get(2, TimeUnit.SECONDS);
            assertThat(received.poll(5, TimeUnit.SECONDS)).startsWith("[4,\"-1\",\"RpcFrameworkError\"");
            ws.sendText("[2,\"m1\",\"BootNotification\",{}]", true).get(2, TimeUnit.SECONDS);
            assertThat(received.poll(5, TimeUnit.SECONDS)).startsWith("[4,\"m1\",\"OccurrenceConstraintViolation\"");
            // A CALLRESULT nobody waits for is not answered; the next CALL's answer comes first.
            ws.sendText("[3,\"r1\",{}]", true).get(2, TimeUnit.SECONDS);
            ws.sendText("[2,\"m2\",\"TriggerMessage\",{\"requestedMessage\":\"Heartbeat\"}]", true)
                    .get(2, TimeUnit.SECONDS);
            assertThat(received.poll(5, TimeUnit.SECONDS)).startsWith("[4,\"m2\",\"NotImplemented\"");
            ws.sendClose(1000, "bye").get(2, TimeUnit.SECONDS);
        } finally {
            exec.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------ profile 3

    @Test
    @Verifies({"A00.FR.401", "A00.FR.405"})
    void profile3MatchingCertificateBoots() throws Exception {
        start(SecurityProfile.TLS_CLIENT_CERTIFICATE);
        StationConnection c = station(SecurityProfile.TLS_CLIENT_CERTIFICATE, Optional.of(pki.station()))
                .connect(csms.uri(ID), Optional.empty()).connection();
        bootAccepted(c);
        c.close(1000, "bye").get(5, TimeUnit.SECONDS);
        assertThat(csmsFailures).isEmpty();
    }

    @Test
    @Verifies("A00.FR.405")
    void profile3CertificateOfAnotherStationIsRefusedWith403() throws Exception {
        start(SecurityProfile.TLS_CLIENT_CERTIFICATE);
        StationClient s = station(SecurityProfile.TLS_CLIENT_CERTIFICATE, Optional.of(pki.stationBuilder(OTHER_ID).build()));
        assertThat(s.connect(csms.uri(ID), Optional.empty())).isEqualTo(new ConnectOutcome.Refused(403));
        // ... while the same certificate is fine for its own identity.
        assertThat(s.connect(csms.uri(OTHER_ID), Optional.empty()).isConnected()).isTrue();
    }

    @Test
    @Verifies({"A00.FR.403", "A00.FR.407", "A00.FR.408"})
    void profile3CertificateOutsideTheCsoHierarchyEndsTheHandshake() throws Exception {
        start(SecurityProfile.TLS_CLIENT_CERTIFICATE);
        TestCertificate foreign = pki.builder(io.ocppsec.testpki.PkiRole.CHARGING_STATION, pki.foreignSubCa())
                .organization(TestPki.CSO_NAME).commonName(ID)
                .validity(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30))).build();
        ConnectOutcome o = station(SecurityProfile.TLS_CLIENT_CERTIFICATE, Optional.of(foreign))
                .connect(csms.uri(ID), Optional.empty());
        assertThat(o.isConnected()).isFalse();
        assertThat(o).isNotInstanceOf(ConnectOutcome.Refused.class); // no HTTP at all: the handshake failed
        assertThat(awaitCsmsFailure()).anyMatch(f -> f.kind() == TlsFailure.Kind.INVALID_PEER_CERTIFICATE);
    }

    @Test
    @Verifies({"A05.FR.07", "A00.FR.002"})
    void aStationThatReachedProfile3IsRefusedOnAProfile2EndpointSharingTheFloor() throws Exception {
        StationProfileRegistry floor = new StationProfileRegistry(StationProfileStore.inMemory());
        credentials.put(CredentialState.withPassword(ChargingStationIdentity.of(ID), hasher.hash(PASSWORD)));
        TlsKeyMaterial keys = TlsKeyMaterial.of(csmsCertificate.keyPair().getPrivate(), csmsCertificate.chain());
        CsmsTlsContext tls3 = CsmsTlsContext.forServer(SecurityProfile.TLS_CLIENT_CERTIFICATE, List.of(keys))
                .stationCertificates(TrustAnchors.cso(pki.csoRoot().certificate()), TestPki.CSO_NAME)
                .failureListener(csmsFailures::add).build();
        CsmsTlsContext tls2 = CsmsTlsContext.forServer(SecurityProfile.TLS_BASIC_AUTH, List.of(keys))
                .failureListener(csmsFailures::add).build();
        SecurityEventNotificationHandler events = SecurityEventNotificationHandler.create((s, e) -> { },
                Clock.systemUTC(), Duration.ofMinutes(5));
        csms = NettyCsmsExample.start(new InetSocketAddress("127.0.0.1", 0),
                CsmsAdmission.builder(tls3).profileRegistry(floor).build(), events);
        StationClient s3 = station(SecurityProfile.TLS_CLIENT_CERTIFICATE, Optional.of(pki.station()));
        try (NettyCsmsExample profile2 = NettyCsmsExample.start(new InetSocketAddress("127.0.0.1", 0),
                CsmsAdmission.builder(tls2).passwords(new BasicAuthenticator(credentials, hasher)).profileRegistry(floor)
                        .build(), events);
             StationClient s2 = StationClient.builder(StationTlsContext.forClient(SecurityProfile.TLS_BASIC_AUTH,
                     List.of(pki.csoRoot().certificate())).expectedHost(TestPki.CSMS_FQDN).build())
                     .connectTimeout(TIMEOUT).callTimeout(TIMEOUT).build()) {
            // Before the upgrade to profile 3 the password works on the profile 2 endpoint ...
            s2.connect(profile2.uri(ID), basic(ID, PASSWORD)).connection().close(1000, "bye").get(5, TimeUnit.SECONDS);
            assertThat(floor.highestReached(ID)).contains(SecurityProfile.TLS_BASIC_AUTH);
            StationConnection c = s3.connect(csms.uri(ID), Optional.empty()).connection();
            bootAccepted(c); // the floor is raised once the WebSocket is open
            assertThat(floor.highestReached(ID)).contains(SecurityProfile.TLS_CLIENT_CERTIFICATE);
            c.close(1000, "bye").get(5, TimeUnit.SECONDS);
            // ... and after it, never again (A05.FR.07), while a wrong password is still a 401.
            assertThat(s2.connect(profile2.uri(ID), basic(ID, PASSWORD))).isEqualTo(new ConnectOutcome.Refused(403));
            assertThat(s2.connect(profile2.uri(ID), basic(ID, OTHER_PASSWORD))).isEqualTo(new ConnectOutcome.Refused(401));
        }
        // A00.FR.002: a station with a valid certificate that also sends Basic credentials is refused on profile 3.
        assertThat(s3.connect(csms.uri(ID), basic(ID, PASSWORD))).isEqualTo(new ConnectOutcome.Refused(403));
    }

    /** @return the CSMS's reported TLS failures, once there is one (the report races the station's view) */
    private List<TlsFailure> awaitCsmsFailure() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (csmsFailures.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return csmsFailures;
    }

    @Test
    @Verifies({"A00.FR.401", "A00.FR.407"})
    void profile3WithoutCertificateNeverReachesTheUpgrade() throws Exception {
        start(SecurityProfile.TLS_CLIENT_CERTIFICATE);
        ConnectOutcome o = station(SecurityProfile.TLS_BASIC_AUTH, Optional.empty())
                .connect(csms.uri(ID), basic(ID, PASSWORD)); // a password is no substitute on profile 3
        assertThat(o.isConnected()).isFalse();
        assertThat(o).isNotInstanceOf(ConnectOutcome.Refused.class);
        assertThat(awaitCsmsFailure()).isNotEmpty();
    }
}
