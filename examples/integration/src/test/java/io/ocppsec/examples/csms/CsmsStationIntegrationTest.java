package io.ocppsec.examples.csms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.message.TriggerMessageRequest;
import io.ocppsec.api.message.TriggerMessageResponse;
import io.ocppsec.core.auth.BasicAuthHeader;
import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.credential.AuthenticationResult;
import io.ocppsec.core.credential.BasicAuthenticator;
import io.ocppsec.core.credential.CredentialState;
import io.ocppsec.core.credential.InMemoryCredentialStore;
import io.ocppsec.core.json.OcppErrorCode;
import io.ocppsec.core.password.BasicAuthPassword;
import io.ocppsec.core.password.PasswordHasher;
import io.ocppsec.core.profile.StationProfileRegistry;
import io.ocppsec.core.profile.StationProfileStore;
import io.ocppsec.examples.demo.DemoPki;
import io.ocppsec.examples.rpc.CloseStatus;
import io.ocppsec.examples.rpc.OcppRpcException;
import io.ocppsec.examples.station.ConnectOutcome;
import io.ocppsec.examples.station.StationClient;
import io.ocppsec.examples.station.StationConnection;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.CipherSuite;
import io.ocppsec.tls.CsmsAdmission;
import io.ocppsec.tls.CsmsTlsContext;
import io.ocppsec.tls.StationTlsContext;
import io.ocppsec.tls.TlsFailure;
import io.ocppsec.tls.TlsPolicy;
import io.ocppsec.tls.TlsVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CSMS and station over a real TLS WebSocket on loopback, both configured with the SDK's TLS contexts and
 * Basic authentication: upgrade decisions, TLS policy enforcement and failure classification, RPC and close
 * handling.
 */
class CsmsStationIntegrationTest {

    private static final String ID = "CS-0001";
    private static final BasicAuthPassword PASSWORD = BasicAuthPassword.of("integration-Password-42");
    private static DemoPki pki;
    private static java.util.Set<Thread> threadsBefore;

    private final List<HandshakeInfo> seen = new CopyOnWriteArrayList<>();
    private final List<TlsFailure> stationFailures = new CopyOnWriteArrayList<>();
    private final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    private final PasswordHasher hasher = PasswordHasher.pbkdf2Sha256(PasswordHasher.MIN_PBKDF2_ITERATIONS);
    private final BasicAuthenticator basicAuthenticator = new BasicAuthenticator(credentials, hasher);
    private CsmsServer csms;
    private StationClient station;

    @BeforeAll
    static void pki() {
        threadsBefore = Thread.getAllStackTraces().keySet();
        pki = DemoPki.create(Clock.systemUTC());
    }

    private static CsmsTlsContext csmsTls(TlsPolicy policy) throws Exception {
        return CsmsTlsContext.forServer(SecurityProfile.TLS_BASIC_AUTH, pki.csmsKeyMaterial()).policy(policy).build();
    }

    private StationTlsContext stationTls(TlsPolicy policy) throws Exception {
        return StationTlsContext.forClient(SecurityProfile.TLS_BASIC_AUTH, List.of(pki.csoRoot()))
                .expectedHost(TestPki.CSMS_FQDN).policy(policy).failureListener(stationFailures::add)
                .secureRandom(new SecureRandom()).build();
    }

    /** Profile 2: the SDK's Basic authenticator against a salted hash; 401 for any failure. */
    private UpgradeAuthenticator basicAuth() {
        return h -> {
            AuthenticationResult r = basicAuthenticator.authenticate(ChargingStationIdentity.of(h.identity()),
                    h.authorization());
            return r.isAccepted() ? UpgradeDecision.accept() : UpgradeDecision.reject(401, r.reason().name());
        };
    }

    @AfterAll
    static void noThreadsLeft() {
        io.ocppsec.examples.demo.ThreadLeaks.assertNoNewThreads(threadsBefore);
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

    private void start(UpgradeAuthenticator auth, SessionListener listener, Duration callTimeout) throws Exception {
        credentials.put(CredentialState.withPassword(ChargingStationIdentity.of(ID), hasher.hash(PASSWORD)));
        csms = CsmsServer.builder(csmsTls(TlsPolicy.CSMS_DEFAULT)).authenticator(h -> {
            seen.add(h);
            return auth.authenticate(h);
        }).sessionListener(listener).callTimeout(callTimeout).start();
        station = StationClient.builder(stationTls(TlsPolicy.STATION_ECDSA)).connectTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(2)).build();
    }

    private void startBasic() throws Exception {
        start(basicAuth(), s -> { }, Duration.ofSeconds(2));
    }

    private static Optional<String> basic() {
        return Optional.of(BasicAuthHeader.encode(ChargingStationIdentity.of(ID), PASSWORD));
    }

    @Test
    @Verifies({"A00.FR.301", "A00.FR.303"})
    void authenticatorSeesIdentityAndHeaderButToStringHidesTheHeader() throws Exception {
        startBasic();
        assertThat(station.connect(csms.uri(ID), basic()).isConnected()).isTrue();
        HandshakeInfo h = seen.get(0);
        assertThat(h.identity()).isEqualTo(ID);
        assertThat(h.authorization()).contains(basic().orElseThrow());
        assertThat(h.clientCertificateChain()).isEmpty();
        assertThat(h.remoteAddress().getAddress().isLoopbackAddress()).isTrue();
        assertThat(h.tlsProtocol()).isIn("TLSv1.3", "TLSv1.2");
        assertThat(h.toString()).doesNotContain(basic().orElseThrow().substring(6)).contains("<present>");
    }

    @Test
    @Verifies({"A00.FR.301"})
    void rejectionStatusReachesTheStationAsTypedOutcome() throws Exception {
        start(h -> UpgradeDecision.reject(403, "profile mismatch"), s -> { }, Duration.ofSeconds(2));
        assertThat(station.connect(csms.uri(ID), basic())).isEqualTo(new ConnectOutcome.Refused(403));
        assertThat(csms.session(ID)).isEmpty();
    }

    @Test
    @Verifies({"A00.FR.301", "A05.FR.07"})
    void theSdkAdmissionDecidesAndRaisesTheFloorOnceTheSessionIsOpen() throws Exception {
        credentials.put(CredentialState.withPassword(ChargingStationIdentity.of(ID), hasher.hash(PASSWORD)));
        StationProfileRegistry floor = new StationProfileRegistry(StationProfileStore.inMemory());
        CsmsTlsContext tls = csmsTls(TlsPolicy.CSMS_DEFAULT);
        CsmsAdmission admission = CsmsAdmission.builder(tls).passwords(basicAuthenticator).profileRegistry(floor)
                .build();
        assertThatThrownBy(() -> CsmsServer.builder(csmsTls(TlsPolicy.CSMS_DEFAULT)).admission(admission))
                .isInstanceOf(IllegalArgumentException.class);
        csms = CsmsServer.builder(tls).admission(admission).start();
        station = StationClient.builder(stationTls(TlsPolicy.STATION_ECDSA)).connectTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(2)).build();
        assertThat(station.connect(csms.uri(ID), Optional.of(BasicAuthHeader.encode(ChargingStationIdentity.of(ID),
                BasicAuthPassword.of("wrong-Password-000000042"))))).isEqualTo(new ConnectOutcome.Refused(401));
        assertThat(floor.highestReached(ID)).isEmpty();
        StationConnection c = station.connect(csms.uri(ID), basic()).connection();
        csms.awaitSession(ID).get(5, TimeUnit.SECONDS);
        assertThat(floor.highestReached(ID)).contains(SecurityProfile.TLS_BASIC_AUTH);
        c.close(1000, "bye").get(5, TimeUnit.SECONDS);
        floor.resetOutOfBand(ID, SecurityProfile.TLS_CLIENT_CERTIFICATE);
        assertThat(station.connect(csms.uri(ID), basic())).isEqualTo(new ConnectOutcome.Refused(403));
    }

    @Test
    void aStoreThatIsDownRefusesWith503() throws Exception {
        CsmsTlsContext tls = csmsTls(TlsPolicy.CSMS_DEFAULT);
        // Every call of the store fails, as a database that is down would.
        StationProfileRegistry down = new StationProfileRegistry((StationProfileStore) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {StationProfileStore.class},
                        (proxy, method, args) -> {
                            throw new IllegalStateException("profile table unavailable");
                        }));
        credentials.put(CredentialState.withPassword(ChargingStationIdentity.of(ID), hasher.hash(PASSWORD)));
        csms = CsmsServer.builder(tls).admission(CsmsAdmission.builder(tls).passwords(basicAuthenticator)
                .profileRegistry(down).build()).start();
        station = StationClient.builder(stationTls(TlsPolicy.STATION_ECDSA)).connectTimeout(Duration.ofSeconds(5))
                .build();
        assertThat(station.connect(csms.uri(ID), basic())).isEqualTo(new ConnectOutcome.Refused(503));
        assertThat(csms.session(ID)).isEmpty();
    }

    @Test
    void failingAuthenticatorRefusesWith403() throws Exception {
        start(h -> {
            throw new IllegalStateException("boom");
        }, s -> { }, Duration.ofSeconds(2));
        assertThat(station.connect(csms.uri(ID), basic())).isEqualTo(new ConnectOutcome.Refused(403));
    }

    @Test
    void badOrMissingIdentityIsRefusedBeforeAuthentication() throws Exception {
        startBasic();
        String base = "wss://127.0.0.1:" + csms.port();
        assertThat(station.connect(URI.create(base + "/ocpp/a%20b"), basic())).isEqualTo(new ConnectOutcome.Refused(400));
        assertThat(station.connect(URI.create(base + "/ocpp/" + "x".repeat(49)), basic()))
                .isEqualTo(new ConnectOutcome.Refused(400));
        assertThat(station.connect(URI.create(base + "/ocpp/"), basic())).isEqualTo(new ConnectOutcome.Refused(404));
        assertThat(station.connect(URI.create(base + "/other/" + ID), basic())).isEqualTo(new ConnectOutcome.Refused(404));
        assertThat(seen).isEmpty();
    }

    @Test
    void garbageAndFragmentsOverTheWire() throws Exception {
        startBasic();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        StationTlsContext client = stationTls(TlsPolicy.STATION_ECDSA);
        java.util.concurrent.ExecutorService exec = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            HttpClient http = HttpClient.newBuilder().sslContext(client.sslContext()).sslParameters(client.sslParameters())
                    .executor(exec).build();
            StringBuilder partial = new StringBuilder();
            WebSocket ws = http.newWebSocketBuilder().subprotocols("ocpp2.0.1").header("Authorization", basic().get())
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
            assertThat(received.poll(2, TimeUnit.SECONDS)).startsWith("[4,\"-1\",\"RpcFrameworkError\"");
            String frame = "[2,\"frag-1\",\"TriggerMessage\",{\"requestedMessage\":\"Heartbeat\"}]";
            ws.sendText(frame.substring(0, 10), false).get(2, TimeUnit.SECONDS);
            ws.sendText(frame.substring(10, 30), false).get(2, TimeUnit.SECONDS);
            ws.sendText(frame.substring(30), true).get(2, TimeUnit.SECONDS);
            // the CSMS has no TriggerMessage handler: a reassembled, decoded CALL answered NotSupported
            assertThat(received.poll(2, TimeUnit.SECONDS)).startsWith("[4,\"frag-1\",\"NotSupported\"");
            ws.sendClose(1000, "bye").get(2, TimeUnit.SECONDS);
        } finally {
            exec.shutdownNow();
        }
    }

    @Test
    void csmsCallIsAnsweredTimesOutOrGetsCallError() throws Exception {
        startBasic();
        StationClient slow = stationWith(Duration.ZERO);
        try {
            StationConnection c = slow.connect(csms.uri(ID), basic()).connection();
            OcppSession s = csms.awaitSession(ID).get(5, TimeUnit.SECONDS);
            TriggerMessageRequest boot = new TriggerMessageRequest(Optional.empty(),
                    TriggerMessageRequest.MessageTrigger.BOOT_NOTIFICATION);
            TriggerMessageRequest heartbeat = new TriggerMessageRequest(Optional.empty(),
                    TriggerMessageRequest.MessageTrigger.HEARTBEAT);
            assertThat(s.rpc().call(boot, TriggerMessageResponse.class).get(5, TimeUnit.SECONDS).status())
                    .isEqualTo(TriggerMessageResponse.TriggerMessageStatus.ACCEPTED);
            OcppRpcException rejected = failure(s.rpc().call(heartbeat));
            assertThat(rejected.reason()).isEqualTo(OcppRpcException.Reason.CALL_ERROR);
            assertThat(rejected.callError().orElseThrow().errorCode()).isEqualTo(OcppErrorCode.SECURITY_ERROR);
            c.close(1000, "done").get(5, TimeUnit.SECONDS);
        } finally {
            slow.close();
        }
        csms.close();
        start(basicAuth(), s -> { }, Duration.ofMillis(300));
        StationClient slower = stationWith(Duration.ofMillis(1000));
        try {
            slower.connect(csms.uri(ID), basic()).connection();
            OcppSession s = csms.awaitSession(ID).get(5, TimeUnit.SECONDS);
            OcppRpcException timedOut = failure(s.rpc().call(new TriggerMessageRequest(Optional.empty(),
                    TriggerMessageRequest.MessageTrigger.BOOT_NOTIFICATION)));
            assertThat(timedOut.reason()).isEqualTo(OcppRpcException.Reason.TIMEOUT);
        } finally {
            slower.close();
        }
    }

    private StationClient stationWith(Duration bootDelay) throws Exception {
        return StationClient.builder(stationTls(TlsPolicy.STATION_ECDSA)).handlers(rpc ->
                rpc.onCall(TriggerMessageRequest.class, c -> {
                    if (c.request().requestedMessage() == TriggerMessageRequest.MessageTrigger.HEARTBEAT) {
                        throw new io.ocppsec.examples.rpc.CallRejectedException(OcppErrorCode.SECURITY_ERROR, "no");
                    }
                    sleep(bootDelay.toMillis());
                    return new TriggerMessageResponse(TriggerMessageResponse.TriggerMessageStatus.ACCEPTED,
                            Optional.empty());
                })).build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis); // the handler is deliberately slower than the CSMS's call timeout
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void closesAreSeenByTheOtherSideAndANewConnectionReplacesTheOld() throws Exception {
        CompletableFuture<CloseStatus> serverSaw = new CompletableFuture<>();
        start(basicAuth(), new SessionListener() {
            @Override
            public void onOpen(OcppSession session) {
            }

            @Override
            public void onClose(OcppSession session, CloseStatus status) {
                serverSaw.complete(status);
            }
        }, Duration.ofSeconds(2));
        StationConnection first = station.connect(csms.uri(ID), basic()).connection();
        csms.awaitSession(ID).get(5, TimeUnit.SECONDS);
        StationConnection second = station.connect(csms.uri(ID), basic()).connection();
        assertThat(first.closed().get(5, TimeUnit.SECONDS)).isEqualTo(new CloseStatus(1008, "replaced by a new connection"));
        assertThat(serverSaw.get(5, TimeUnit.SECONDS).code()).isEqualTo(1008);
        assertThat(second.isOpen()).isTrue();
        OcppSession current = csms.awaitSession(ID).get(5, TimeUnit.SECONDS);
        assertThat(second.close(1000, "bye").get(5, TimeUnit.SECONDS).code()).isEqualTo(1000);
        assertThat(current.closed().get(5, TimeUnit.SECONDS)).isEqualTo(new CloseStatus(1000, "bye"));
        assertThat(csms.session(ID)).isEmpty();
    }

    @Test
    @Verifies({"A00.FR.313", "A00.FR.318"})
    void serverPolicyIsExactlyTheSdkPolicyNotJettysDefaults() throws Exception {
        startBasic();
        CsmsTlsContext tls = csms.tls();
        assertThat(csms.tlsPolicy().getProtocols()).containsExactly(tls.sslParameters().getProtocols());
        assertThat(csms.tlsPolicy().getCipherSuites()).containsExactly(tls.sslParameters().getCipherSuites())
                .contains("TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384"); // Jetty would drop these
        TlsPolicy only12 = TlsPolicy.builder().versions(TlsVersion.TLS_1_2)
                .cipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256).build();
        try (StationClient old = StationClient.builder(stationTls(only12)).build()) {
            assertThat(old.connect(csms.uri(ID), basic()).isConnected()).isTrue();
        }
        assertThat(seen.get(0).tlsProtocol()).isEqualTo("TLSv1.2");
        assertThat(seen.get(0).cipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        assertThat(station.connect(csms.uri(ID), basic()).isConnected()).isTrue();
        assertThat(seen.get(1).tlsProtocol()).isEqualTo("TLSv1.3");
        assertThat(stationFailures).isEmpty();
    }

    @Test
    @Verifies({"A00.FR.308", "A00.FR.309", "A00.FR.310", "A00.FR.311"})
    void stationExpectingAnotherFqdnRefusesTheCsmsCertificate() throws Exception {
        startBasic();
        StationTlsContext otherHost = StationTlsContext.forClient(SecurityProfile.TLS_BASIC_AUTH, List.of(pki.csoRoot()))
                .expectedHost("csms2.example.com").failureListener(stationFailures::add).build();
        try (StationClient client = StationClient.builder(otherHost).build()) {
            ConnectOutcome.Failed f = (ConnectOutcome.Failed) client.connect(csms.uri(ID), basic());
            assertThat(f.kind()).isEqualTo(ConnectOutcome.Kind.TLS_HANDSHAKE);
            assertThat(f.tlsFailure().orElseThrow().securityEventType())
                    .contains(SecurityEventType.INVALID_CSMS_CERTIFICATE);
        }
        assertThat(stationFailures).hasSize(1);
        assertThat(seen).as("no upgrade request reached the CSMS").isEmpty();
    }

    @Test
    void identityValidation() {
        assertThat(CsmsServer.validIdentity("CS-0001")).isTrue();
        assertThat(CsmsServer.validIdentity("a*b=c-d+e|f@g.h_i")).isTrue();
        // The SDK's rule (ChargingStationIdentity, as CsmsAdmission and the Netty example apply it): no ':',
        // which would make the Basic-auth username ambiguous (A00.FR.204/303), and no '~' (not identifierString).
        assertThat(CsmsServer.validIdentity("a:b")).isFalse();
        assertThat(CsmsServer.validIdentity("a~b")).isFalse();
        assertThat(CsmsServer.validIdentity("")).isFalse();
        assertThat(CsmsServer.validIdentity("a b")).isFalse();
        assertThat(CsmsServer.validIdentity("a/b")).isFalse();
        assertThat(CsmsServer.validIdentity("é")).isFalse();
        assertThat(CsmsServer.validIdentity("x".repeat(48))).isTrue();
        assertThat(CsmsServer.validIdentity("x".repeat(49))).isFalse();
    }

    private static OcppRpcException failure(CompletableFuture<?> f) throws Exception {
        try {
            f.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(OcppRpcException.class);
            return (OcppRpcException) e.getCause();
        }
        throw new AssertionError("the call did not fail");
    }
}
