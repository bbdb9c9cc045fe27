package io.ocppsec.examples.demo;

import static io.ocppsec.examples.demo.DemoRunner.Outcome;
import static io.ocppsec.examples.demo.DemoRunner.Step;

import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.message.BootNotificationRequest;
import io.ocppsec.api.message.BootNotificationResponse;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.ChargingStation;
import io.ocppsec.api.message.GenericStatus;
import io.ocppsec.api.message.SecurityEventNotificationRequest;
import io.ocppsec.api.message.SecurityEventNotificationResponse;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.api.message.SignCertificateResponse;
import io.ocppsec.api.message.StatusInfo;
import io.ocppsec.api.message.TriggerMessageRequest;
import io.ocppsec.api.message.TriggerMessageResponse;
import io.ocppsec.examples.csms.CsmsServer;
import io.ocppsec.examples.csms.OcppSession;
import io.ocppsec.examples.csms.SessionListener;
import io.ocppsec.examples.csms.UpgradeAuthenticator;
import io.ocppsec.examples.rpc.CloseStatus;
import io.ocppsec.examples.rpc.OcppRpc;
import io.ocppsec.examples.station.ConnectOutcome;
import io.ocppsec.examples.station.StationClient;
import io.ocppsec.examples.station.StationConnection;
import io.ocppsec.testpki.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The steps of the end-to-end demo and the servers, clients and files they share. Closing it stops
 * everything it started.
 */
final class DemoScenario implements AutoCloseable {

    static final String IDENTITY = TestPki.STATION_SERIAL;

    private final Optional<Path> requestedDir;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration timeout;
    private final DemoCredentials credentials = new DemoCredentials();
    private final List<SecurityEventNotificationRequest> eventsAtCsms = new CopyOnWriteArrayList<>();
    private final AtomicReference<CompletableFuture<String>> csrAtCsms = new AtomicReference<>(new CompletableFuture<>());
    private final AtomicReference<CompletableFuture<SignCertificateResponse>> signAtStation =
            new AtomicReference<>(new CompletableFuture<>());
    private final List<AutoCloseable> resources = new ArrayList<>();

    private Path dir;
    private DemoPki pki;
    private DemoTls tls;
    private CsmsServer csms;
    private StationClient station;
    private StationConnection connection;
    private char[] password;

    DemoScenario(Optional<Path> outDir, Clock clock, SecureRandom random, Duration timeout) {
        this.requestedDir = outDir;
        this.clock = clock;
        this.random = random;
        this.timeout = timeout;
    }

    List<Step> steps() {
        return List.of(
                new Step("Lab PKI", List.of(), this::mintPki),
                new Step("CSMS listens, profile 2", List.of("A00.FR.306", "A00.FR.307", "A00.FR.313"),
                        () -> startCsms(false)),
                new Step("Station connects with Basic auth",
                        List.of("A00.FR.301", "A00.FR.302", "A00.FR.303", "A00.FR.308"), this::connectProfile2),
                new Step("BootNotification", List.of(), this::boot),
                new Step("SecurityEventNotification", List.of("A04.FR.01", "A04.FR.03"), this::securityEvent),
                new Step("Wrong password refused", List.of("A00.FR.301"),
                        () -> refused(Optional.of(DemoCredentials.basicHeader(IDENTITY, "wrong-password-123".toCharArray())),
                                "a wrong password")),
                new Step("Missing credentials refused", List.of("A00.FR.302"),
                        () -> refused(Optional.empty(), "no Authorization header")),
                new Step("Username other than the identity refused", List.of("A00.FR.303"),
                        () -> refused(Optional.of(DemoCredentials.basicHeader("CS-9999", password)),
                                "username CS-9999 on /ocpp/" + IDENTITY)),
                new Step("Reconnect with a new password", List.of(), this::rotatePassword),
                new Step("CSMS closes the session", List.of(), this::csmsCloses),
                new Step("Subprotocol other than ocpp2.0.1 refused", List.of(), this::wrongSubprotocol),
                new Step("CSMS listens, profile 3 (mutual TLS)", List.of("A00.FR.409", "A00.FR.410", "A00.FR.416"),
                        () -> startCsms(true)),
                new Step("Station connects with its client certificate",
                        List.of("A00.FR.401", "A00.FR.402", "A00.FR.403", "A00.FR.404", "A00.FR.405", "A00.FR.411"),
                        this::connectProfile3),
                new Step("Station without a client certificate refused", List.of("A00.FR.407"), this::noClientCert),
                new Step("TriggerMessage then SignCertificate", List.of("A02.FR.02", "A02.FR.03", "A02.FR.11"),
                        this::triggerSignCertificate),
                new Step("Station disconnects", List.of(), this::disconnect));
    }

    // ------------------------------------------------------------------------------------------ steps

    private Outcome mintPki() throws IOException {
        dir = requestedDir.isPresent() ? Files.createDirectories(requestedDir.get())
                : Files.createTempDirectory("ocpp-demo-");
        pki = DemoPki.create(clock);
        // LEAD: DemoTls over the ocpp-security-tls builders replaces JsseDemoTls.
        tls = new JsseDemoTls(pki, random);
        List<Path> files = pki.writeTo(dir);
        return Outcome.of("CSO root -> sub-CA -> CSMS (CN " + TestPki.CSMS_FQDN + ", SAN IP " + DemoPki.LOOPBACK
                + ") and station " + IDENTITY + "; " + files.size() + " PEM files in " + dir + " (keys 600)");
    }

    private Outcome startCsms(boolean mutualTls) throws Exception {
        if (csms != null) {
            csms.close(); // one profile at a time (A00.FR.001): the profile-2 endpoint goes away
        }
        if (station != null) {
            station.close();
            station = null;
        }
        password = "demo-Password-0123456789".toCharArray(); // LEAD: the SDK password generator (A00.FR.205)
        credentials.setPassword(IDENTITY, password);
        DemoTls.Endpoint server = tls.csms(mutualTls);
        UpgradeAuthenticator auth = mutualTls ? DemoCredentials.clientCertificate() : credentials.basicAuth();
        csms = track(CsmsServer.builder(server.context(), server.parameters()).authenticator(auth)
                .sessionListener(csmsHandlers()).callTimeout(timeout).start());
        return Outcome.of("wss://" + csms.host() + ":" + csms.port() + "/ocpp/{identity}, "
                + String.join("+", server.parameters().getProtocols())
                + (mutualTls ? ", client certificate required" : ", server certificate only, Basic auth"));
    }

    private Outcome connectProfile2() throws Exception {
        station = track(stationClient(false));
        ConnectOutcome o = station.connect(csms.uri(IDENTITY),
                Optional.of(DemoCredentials.basicHeader(IDENTITY, password)));
        connection = o.connection();
        OcppSession s = csms.awaitSession(IDENTITY).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        check(s.handshake().clientCertificate().isEmpty(), "profile 2 must not carry a client certificate");
        return Outcome.of("connected as " + IDENTITY + ", subprotocol " + connection.subprotocol() + ", "
                + s.handshake().tlsProtocol() + " " + s.handshake().cipherSuite()
                + "; CSMS certificate verified to the CSO root", o);
    }

    private Outcome boot() throws Exception {
        BootNotificationRequest req = new BootNotificationRequest(new ChargingStation(Optional.of(IDENTITY), "Demo-1",
                Optional.empty(), "Example Vendor", Optional.of("1.0.0")), BootNotificationRequest.BootReason.POWER_UP);
        BootNotificationResponse r = await(connection.rpc().call(req, BootNotificationResponse.class));
        check(r.status() == BootNotificationResponse.RegistrationStatus.ACCEPTED, "status " + r.status());
        return Outcome.of("CALL BootNotification -> CALLRESULT " + r.status().ocppValue() + ", interval "
                + r.interval() + " s", r);
    }

    private Outcome securityEvent() throws Exception {
        // LEAD: the station's durable security-event queue sends these (A04.FR.01/02) and the security log
        // records them (A04.FR.04).
        SecurityEventType type = SecurityEventType.STARTUP_OF_THE_DEVICE;
        int before = eventsAtCsms.size();
        await(connection.rpc().call(new SecurityEventNotificationRequest(type.ocppName(), clock.instant(),
                Optional.of("demo boot")), SecurityEventNotificationResponse.class));
        check(eventsAtCsms.size() == before + 1 && eventsAtCsms.get(before).type().equals(type.ocppName()),
                "the CSMS did not record the event");
        return Outcome.of("CALL SecurityEventNotification(" + type.ocppName() + ", critical=" + type.isCritical()
                + ") -> CALLRESULT; the CSMS recorded it");
    }

    private Outcome refused(Optional<String> authorization, String what) {
        ConnectOutcome o = station.connect(csms.uri(IDENTITY), authorization);
        check(o instanceof ConnectOutcome.Refused && ((ConnectOutcome.Refused) o).httpStatus() == 401,
                "expected HTTP 401, got " + o);
        return Outcome.of("upgrade with " + what + " -> HTTP 401, no WebSocket", o);
    }

    private Outcome rotatePassword() throws Exception {
        char[] old = password;
        password = "demo-NewPassword-98765432".toCharArray();
        // LEAD: A01 rotation: SetVariables(BasicAuthPassword) to the station, then the SDK's credential state.
        credentials.setPassword(IDENTITY, password);
        CloseStatus closed = await(connection.close(1000, "reconnecting with new credentials"));
        ConnectOutcome o = station.connect(csms.uri(IDENTITY), Optional.of(DemoCredentials.basicHeader(IDENTITY, password)));
        connection = o.connection();
        ConnectOutcome oldOne = station.connect(csms.uri(IDENTITY), Optional.of(DemoCredentials.basicHeader(IDENTITY, old)));
        Arrays.fill(old, '\0');
        check(oldOne instanceof ConnectOutcome.Refused && ((ConnectOutcome.Refused) oldOne).httpStatus() == 401,
                "old password should be refused, got " + oldOne);
        return Outcome.of("closed (" + closed.code() + "), reconnected with the new password; the old one -> HTTP 401", o);
    }

    private Outcome csmsCloses() throws Exception {
        OcppSession s = csms.awaitSession(IDENTITY).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        s.close(1008, "demo: CSMS ends the session");
        CloseStatus seen = await(connection.closed());
        check(seen.code() == 1008 && seen.reason().equals("demo: CSMS ends the session"), "station saw " + seen);
        return Outcome.of("station saw close " + seen.code() + " \"" + seen.reason() + "\"", seen);
    }

    private Outcome wrongSubprotocol() {
        DemoTls.Endpoint client = tls.station(false);
        try (StationClient other = StationClient.builder(client.context(), client.parameters())
                .connectTimeout(timeout).offerSubprotocols("ocpp1.6").build()) {
            ConnectOutcome o = other.connect(csms.uri(IDENTITY),
                    Optional.of(DemoCredentials.basicHeader(IDENTITY, password)));
            check(o instanceof ConnectOutcome.Failed
                    && ((ConnectOutcome.Failed) o).kind() == ConnectOutcome.Kind.SUBPROTOCOL_NOT_ACCEPTED,
                    "expected SUBPROTOCOL_NOT_ACCEPTED, got " + o);
            return Outcome.of("offer ocpp1.6 -> handshake without subprotocol, connection closed (OCPP-J)", o);
        }
    }

    private Outcome connectProfile3() throws Exception {
        station = track(stationClient(true));
        ConnectOutcome o = station.connect(csms.uri(IDENTITY), Optional.empty());
        connection = o.connection();
        OcppSession s = csms.awaitSession(IDENTITY).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        String subject = s.handshake().clientCertificate().orElseThrow().getSubjectX500Principal().getName();
        return Outcome.of("mutual TLS " + s.handshake().tlsProtocol() + ", client certificate " + subject
                + " bound to /ocpp/" + IDENTITY + ", no password", o);
    }

    private Outcome noClientCert() {
        DemoTls.Endpoint client = tls.station(false);
        try (StationClient anonymous = StationClient.builder(client.context(), client.parameters())
                .connectTimeout(timeout).build()) {
            ConnectOutcome o = anonymous.connect(csms.uri(IDENTITY), Optional.empty());
            check(o instanceof ConnectOutcome.Failed
                    && ((ConnectOutcome.Failed) o).kind() == ConnectOutcome.Kind.TLS_HANDSHAKE,
                    "expected a TLS handshake failure, got " + o);
            return Outcome.of("no client certificate -> TLS handshake refused by the CSMS ("
                    + ((ConnectOutcome.Failed) o).detail() + ")", o);
        }
    }

    private Outcome triggerSignCertificate() throws Exception {
        OcppSession s = csms.awaitSession(IDENTITY).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture<String> csrSeen = new CompletableFuture<>();
        csrAtCsms.set(csrSeen);
        CompletableFuture<SignCertificateResponse> answered = new CompletableFuture<>();
        signAtStation.set(answered);
        TriggerMessageResponse t = await(s.rpc().call(new TriggerMessageRequest(Optional.empty(),
                TriggerMessageRequest.MessageTrigger.SIGN_CHARGING_STATION_CERTIFICATE), TriggerMessageResponse.class));
        check(t.status() == TriggerMessageResponse.TriggerMessageStatus.ACCEPTED, "trigger " + t.status());
        String subject = csrSeen.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        SignCertificateResponse r = answered.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        check(r.status() == GenericStatus.ACCEPTED, "SignCertificate " + r.status());
        // LEAD: the CSMS forwards the CSR to the SDK's CA service and sends CertificateSignedRequest; the
        // station validates and stores the chain (A02.FR.06-09).
        return Outcome.of("TriggerMessage -> Accepted; station made a new P-256 key and sent a CSR (" + subject
                + ") -> SignCertificate Accepted", r);
    }

    private Outcome disconnect() throws Exception {
        OcppSession s = csms.awaitSession(IDENTITY).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        CloseStatus seen = await(connection.close(1000, "demo done"));
        CloseStatus atCsms = s.closed().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        check(atCsms.code() == 1000, "CSMS saw " + atCsms);
        return Outcome.of("closed 1000; the CSMS saw " + atCsms.code() + " \"" + atCsms.reason() + "\"", seen);
    }

    // ------------------------------------------------------------------------------------------ the two sides

    private SessionListener csmsHandlers() {
        return session -> session.rpc()
                .onCall(BootNotificationRequest.class, c -> new BootNotificationResponse(clock.instant(), 300,
                        BootNotificationResponse.RegistrationStatus.ACCEPTED, Optional.empty()))
                .onCall(SecurityEventNotificationRequest.class, c -> {
                    // LEAD: hand the event to the CSMS's security event handling.
                    eventsAtCsms.add(c.request());
                    return new SecurityEventNotificationResponse();
                })
                .onCall(SignCertificateRequest.class, c -> {
                    try {
                        // LEAD: the SDK's CSR inspection (signature, subject bound to the station, key strength).
                        String subject = DemoCsr.inspect(c.request().csr(), session.identity());
                        csrAtCsms.get().complete(subject);
                        return new SignCertificateResponse(GenericStatus.ACCEPTED, Optional.empty());
                    } catch (GeneralSecurityException e) {
                        csrAtCsms.get().completeExceptionally(e);
                        return new SignCertificateResponse(GenericStatus.REJECTED,
                                Optional.of(new StatusInfo("InvalidCSR", Optional.empty())));
                    }
                });
    }

    private StationClient stationClient(boolean clientCertificate) {
        DemoTls.Endpoint client = tls.station(clientCertificate);
        return StationClient.builder(client.context(), client.parameters()).connectTimeout(timeout)
                .callTimeout(timeout).handlers(this::stationHandlers).build();
    }

    private void stationHandlers(OcppRpc rpc) {
        rpc.onCall(TriggerMessageRequest.class, c -> {
            if (c.request().requestedMessage() != TriggerMessageRequest.MessageTrigger.SIGN_CHARGING_STATION_CERTIFICATE) {
                return new TriggerMessageResponse(TriggerMessageResponse.TriggerMessageStatus.NOT_IMPLEMENTED,
                        Optional.empty());
            }
            // A02.FR.02: the new key pair is made after the TriggerMessageResponse was sent.
            c.afterReply(() -> {
                CompletableFuture<SignCertificateResponse> target = signAtStation.get();
                try {
                    // LEAD: the SDK's CSR builder (key in the station's key store / HSM).
                    String csr = DemoCsr.create(IDENTITY, random);
                    rpc.call(new SignCertificateRequest(csr, Optional.of(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)),
                            SignCertificateResponse.class).whenComplete((r, e) -> {
                                if (e != null) {
                                    target.completeExceptionally(e);
                                } else {
                                    target.complete(r);
                                }
                            });
                } catch (GeneralSecurityException | IOException e) {
                    target.completeExceptionally(e);
                }
            });
            return new TriggerMessageResponse(TriggerMessageResponse.TriggerMessageStatus.ACCEPTED, Optional.empty());
        });
    }

    // ------------------------------------------------------------------------------------------ helpers

    private <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                // best effort: keep closing the rest
            }
        }
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
