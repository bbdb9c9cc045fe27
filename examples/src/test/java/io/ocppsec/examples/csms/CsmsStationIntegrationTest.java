package io.ocppsec.examples.csms;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.message.TriggerMessageRequest;
import io.ocppsec.api.message.TriggerMessageResponse;
import io.ocppsec.api.requirement.Verifies;
import io.ocppsec.core.json.OcppErrorCode;
import io.ocppsec.examples.demo.DemoCredentials;
import io.ocppsec.examples.demo.DemoPki;
import io.ocppsec.examples.demo.DemoTls;
import io.ocppsec.examples.demo.JsseDemoTls;
import io.ocppsec.examples.rpc.CloseStatus;
import io.ocppsec.examples.rpc.OcppRpcException;
import io.ocppsec.examples.station.ConnectOutcome;
import io.ocppsec.examples.station.StationClient;
import io.ocppsec.examples.station.StationConnection;
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
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CSMS and station over a real TLS WebSocket on loopback: upgrade decisions, RPC and close handling. */
class CsmsStationIntegrationTest {

    private static final String ID = "CS-0001";
    private static final char[] PASSWORD = "integration-Password-42".toCharArray();
    private static DemoPki pki;
    private static DemoTls tls;
    private static java.util.Set<Thread> threadsBefore;

    private final List<HandshakeInfo> seen = new CopyOnWriteArrayList<>();
    private final DemoCredentials credentials = new DemoCredentials();
    private CsmsServer csms;
    private StationClient station;

    @BeforeAll
    static void pki() {
        threadsBefore = Thread.getAllStackTraces().keySet();
        pki = DemoPki.create(Clock.systemUTC());
        tls = new JsseDemoTls(pki, new SecureRandom());
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
        credentials.setPassword(ID, PASSWORD);
        DemoTls.Endpoint server = tls.csms(false);
        csms = CsmsServer.builder(server.context(), server.parameters()).authenticator(h -> {
            seen.add(h);
            return auth.authenticate(h);
        }).sessionListener(listener).callTimeout(callTimeout).start();
        DemoTls.Endpoint client = tls.station(false);
        station = StationClient.builder(client.context(), client.parameters()).connectTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(2)).build();
    }

    private void startBasic() throws Exception {
        start(credentials.basicAuth(), s -> { }, Duration.ofSeconds(2));
    }

    private Optional<String> basic() {
        return Optional.of(DemoCredentials.basicHeader(ID, PASSWORD));
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
        DemoTls.Endpoint client = tls.station(false);
        java.util.concurrent.ExecutorService exec = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            HttpClient http = HttpClient.newBuilder().sslContext(client.context()).sslParameters(client.parameters())
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
        start(credentials.basicAuth(), s -> { }, Duration.ofMillis(300));
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

    private StationClient stationWith(Duration bootDelay) {
        DemoTls.Endpoint client = tls.station(false);
        return StationClient.builder(client.context(), client.parameters()).handlers(rpc ->
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
        start(credentials.basicAuth(), new SessionListener() {
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
    @Verifies({"A00.FR.313"})
    void serverPolicyIsExactlyTheGivenParametersNotJettysDefaults() throws Exception {
        DemoTls.Endpoint server = tls.csms(false);
        SSLParameters only13 = new SSLParameters(new String[] {"TLS_AES_128_GCM_SHA256"}, new String[] {"TLSv1.3"});
        csms = CsmsServer.builder(server.context(), only13).authenticator(credentials.basicAuth()).start();
        credentials.setPassword(ID, PASSWORD);
        assertThat(csms.tlsPolicy().getProtocols()).containsExactly("TLSv1.3");
        assertThat(csms.tlsPolicy().getCipherSuites()).containsExactly("TLS_AES_128_GCM_SHA256");
        DemoTls.Endpoint client = tls.station(false);
        SSLParameters tls12 = new SSLParameters(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"},
                new String[] {"TLSv1.2"});
        tls12.setEndpointIdentificationAlgorithm("HTTPS");
        try (StationClient old = StationClient.builder(client.context(), tls12).build()) {
            ConnectOutcome o = old.connect(csms.uri(ID), basic());
            assertThat(o).isInstanceOf(ConnectOutcome.Failed.class);
            assertThat(((ConnectOutcome.Failed) o).kind()).isEqualTo(ConnectOutcome.Kind.TLS_HANDSHAKE);
        }
        SSLParameters tls13other = new SSLParameters(new String[] {"TLS_AES_256_GCM_SHA384"}, new String[] {"TLSv1.3"});
        try (StationClient other = StationClient.builder(client.context(), tls13other).build()) {
            ConnectOutcome o = other.connect(csms.uri(ID), basic());
            assertThat(((ConnectOutcome.Failed) o).kind()).isEqualTo(ConnectOutcome.Kind.TLS_HANDSHAKE);
        }
        try (StationClient ok = StationClient.builder(client.context(), client.parameters()).build()) {
            assertThat(ok.connect(csms.uri(ID), basic()).isConnected()).isTrue();
        }
    }

    @Test
    void identityValidation() {
        assertThat(CsmsServer.validIdentity("CS-0001")).isTrue();
        assertThat(CsmsServer.validIdentity("a*b=c:d+e|f@g.h_i~j")).isTrue();
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
