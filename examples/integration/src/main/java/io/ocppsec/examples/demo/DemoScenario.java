package io.ocppsec.examples.demo;

import static io.ocppsec.examples.demo.DemoRunner.Outcome;
import static io.ocppsec.examples.demo.DemoRunner.Step;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.message.BootNotificationRequest;
import io.ocppsec.api.message.BootNotificationResponse;
import io.ocppsec.api.message.CertificateSignedRequest;
import io.ocppsec.api.message.CertificateSignedResponse;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.ChargingStation;
import io.ocppsec.api.message.Component;
import io.ocppsec.api.message.GenericStatus;
import io.ocppsec.api.message.SecurityEventNotificationRequest;
import io.ocppsec.api.message.SetVariableData;
import io.ocppsec.api.message.SetVariableResult;
import io.ocppsec.api.message.SetVariablesRequest;
import io.ocppsec.api.message.SetVariablesResponse;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.api.message.SignCertificateResponse;
import io.ocppsec.api.message.TriggerMessageRequest;
import io.ocppsec.api.message.TriggerMessageResponse;
import io.ocppsec.api.message.Variable;
import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.credential.CredentialState;
import io.ocppsec.core.credential.PasswordRotation;
import io.ocppsec.core.credential.StationPasswordUpdate;
import io.ocppsec.core.csr.CsrBuilder;
import io.ocppsec.core.csr.CsrInspection;
import io.ocppsec.core.event.SecurityLogEntry;
import io.ocppsec.core.password.BasicAuthPassword;
import io.ocppsec.core.profile.NetworkConnectionSlot;
import io.ocppsec.core.profile.PriorityChange;
import io.ocppsec.core.profile.ProfileUpgrade;
import io.ocppsec.core.store.StationCertificate;
import io.ocppsec.examples.csms.CsmsServer;
import io.ocppsec.examples.csms.OcppSession;
import io.ocppsec.examples.rpc.CloseStatus;
import io.ocppsec.examples.station.ConnectOutcome;
import io.ocppsec.examples.station.StationClient;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.CipherSuite;
import io.ocppsec.tls.CsmsTlsContext;
import io.ocppsec.tls.StationIdentity;
import io.ocppsec.tls.StationTlsContext;
import io.ocppsec.tls.TlsFailure;
import io.ocppsec.tls.TlsPolicy;
import io.ocppsec.tls.TlsVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The steps of the end-to-end demo and the CSMS and station they drive. Closing it stops everything it
 * started.
 */
final class DemoScenario implements AutoCloseable {

    static final String IDENTITY = DemoStation.IDENTITY;

    /** What a refused connection attempt gave: the station's view and the CSMS's reason. */
    record Refused(ConnectOutcome station, DemoCsms.Refusal csms) {
    }

    private final Optional<Path> requestedDir;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration timeout;
    private final Consumer<String> secrets;

    private Path dir;
    private DemoPki pki;
    private DemoCsms csms;
    private DemoStation station;
    private DemoCsms.Issued issued;
    private BasicAuthPassword oldPassword;

    DemoScenario(Optional<Path> outDir, Clock clock, SecureRandom random, Duration timeout, Consumer<String> secrets) {
        this.requestedDir = outDir;
        this.clock = clock;
        this.random = random;
        this.timeout = timeout;
        this.secrets = secrets;
    }

    List<Step> steps() {
        return List.of(
                new Step("Lab PKI", List.of(), this::mintPki),
                new Step("CSMS endpoints, one per security profile",
                        List.of("A00.FR.006", "A00.FR.306", "A00.FR.307", "A00.FR.409", "A00.FR.410", "A00.FR.421"),
                        this::startCsms),
                new Step("ECDSA and RSA CSMS certificates", List.of("A00.FR.313", "A00.FR.318", "A00.FR.319"),
                        this::certificateKinds),
                new Step("CSMS certificate from an unknown CA refused",
                        List.of("A00.FR.308", "A00.FR.310", "A00.FR.311"), this::rogueCsms),
                new Step("Station connects with Basic auth", List.of("A00.FR.002", "A00.FR.301", "A00.FR.302",
                        "A00.FR.303", "A00.FR.308", "A00.FR.309"), this::connectProfile2),
                new Step("BootNotification", List.of(), this::boot),
                new Step("Events raised before the connection are delivered",
                        List.of("A04.FR.01", "A04.FR.03", "A04.FR.04"), this::earlyEvents),
                new Step("Wrong password refused", List.of("A00.FR.301"), () -> {
                    try (BasicAuthPassword wrong = BasicAuthPassword.of("wrong-Password-0123456789")) {
                        return refusedOnProfile2(Optional.of(header(IDENTITY, wrong)), "a wrong password");
                    }
                }),
                new Step("Missing credentials refused", List.of("A00.FR.302"),
                        () -> refusedOnProfile2(Optional.empty(), "no Authorization header")),
                new Step("Username other than the identity refused", List.of("A00.FR.303"), () -> {
                    try (BasicAuthPassword p = station.passwordCopy()) {
                        return refusedOnProfile2(Optional.of(header("CS-9999", p)),
                                "username CS-9999 on /ocpp/" + IDENTITY);
                    }
                }),
                new Step("Subprotocol other than ocpp2.0.1 refused", List.of(), this::wrongSubprotocol),
                new Step("Critical events while offline are queued and delivered in order",
                        List.of("A04.FR.01", "A04.FR.02", "A04.FR.03", "A04.FR.04"), this::offlineEvents),
                new Step("Password rotation", List.of("A01.FR.01", "A01.FR.02", "A01.FR.03", "A01.FR.06",
                        "A01.FR.07", "A01.FR.08", "A01.FR.11", "A01.FR.12"), this::rotatePassword),
                new Step("Old password refused after the rotation", List.of("A01.FR.03"), this::oldPasswordRefused),
                new Step("Upgrade to profile 3 rejected without a station certificate", List.of("A05.FR.03"),
                        () -> setPriority(false)),
                new Step("CSR for another station's serial refused", List.of("A02.FR.12"), this::foreignCsr),
                new Step("TriggerMessage, then SignCertificate", List.of("A02.FR.02", "A02.FR.03", "A02.FR.05",
                        "A02.FR.11"), this::triggerSignCertificate),
                new Step("CertificateSigned from a foreign CA rejected", List.of("A02.FR.06", "A02.FR.07"),
                        this::foreignCertificateSigned),
                new Step("CertificateSigned installed", List.of("A02.FR.06", "A02.FR.08", "A02.FR.14"),
                        this::certificateSigned),
                new Step("Upgrade to profile 3 accepted", List.of("A05.FR.04"), () -> setPriority(true)),
                new Step("Reboot: profile 3 with the new certificate", List.of("A05.FR.05", "A05.FR.06",
                        "A00.FR.401", "A00.FR.402", "A00.FR.403", "A00.FR.404", "A00.FR.405", "A00.FR.411",
                        "A00.FR.412", "A00.FR.416"), this::rebootToProfile3),
                new Step("Profile 2 refused after the upgrade", List.of("A05.FR.07"), this::downgradeRefused),
                new Step("Station without a client certificate refused", List.of("A00.FR.407", "A00.FR.408"),
                        this::noClientCertificate),
                new Step("CSMS closes the session", List.of(), this::csmsCloses));
    }

    // ------------------------------------------------------------------------------------------ set-up

    private Outcome mintPki() throws IOException {
        dir = requestedDir.isPresent() ? Files.createDirectories(requestedDir.get())
                : Files.createTempDirectory("ocpp-demo-");
        pki = DemoPki.create(clock);
        pki.privateKeys().forEach(k -> secrets.accept(java.util.Base64.getEncoder().encodeToString(k.getEncoded())));
        List<Path> files = pki.writeTo(dir);
        return Outcome.of("CSO root -> sub-CA -> CSMS ECDSA and RSA certificates (CN " + TestPki.CSMS_FQDN
                + ", SAN IP " + DemoPki.LOOPBACK + "); " + files.size() + " public PEM files in " + dir);
    }

    private Outcome startCsms() throws Exception {
        csms = new DemoCsms(pki, clock, random, timeout);
        csms.start(random);
        for (CsmsServer s : List.of(csms.profile2(), csms.profile3())) {
            check(s.tls().selfCheck().violations().isEmpty(), "CSMS TLS self-check: " + s.tls().selfCheck().describe());
        }
        BasicAuthPassword provisioned = csms.provision(IDENTITY);
        secrets.accept(provisioned.reveal());
        List<NetworkConnectionSlot> slots = List.of(
                new NetworkConnectionSlot(1, SecurityProfile.TLS_BASIC_AUTH, baseUrl(csms.profile2())),
                new NetworkConnectionSlot(2, SecurityProfile.TLS_CLIENT_CERTIFICATE, baseUrl(csms.profile3())));
        deleteOldStationFiles();
        station = new DemoStation(dir, pki.csoRoot(), provisioned, slots, clock, random, timeout, secrets);
        CsmsTlsContext p3 = csms.profile3().tls();
        return Outcome.of("profile 2 on :" + csms.profile2().port() + " (server certificate, Basic auth), profile 3 on :"
                + csms.profile3().port() + " (client certificate required); "
                + String.join("+", p3.sslParameters().getProtocols()) + ", " + p3.policy().cipherSuites().size()
                + " suites, ECDSA+RSA keys; station provisioned with a random password and the CSO root");
    }

    private static String baseUrl(CsmsServer s) {
        return "wss://" + s.host() + ":" + s.port() + "/ocpp";
    }

    private void deleteOldStationFiles() throws IOException {
        Files.deleteIfExists(dir.resolve("security-events.journal"));
        Path log = dir.resolve("security-log");
        if (Files.isDirectory(log)) {
            try (var files = Files.list(log)) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith("security-log-"))
                        .collect(Collectors.toList())) {
                    Files.delete(f);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ TLS

    private Outcome certificateKinds() throws Exception {
        String ec = handshake(TlsPolicy.builder().versions(TlsVersion.TLS_1_2).cipherSuites(
                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)
                .build());
        String rsa = handshake(TlsPolicy.builder().versions(TlsVersion.TLS_1_2).cipherSuites(
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
                CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256).build());
        check(ec.startsWith("EC "), "ECDSA station got " + ec);
        check(rsa.startsWith("RSA "), "RSA station got " + rsa);
        return Outcome.of("ECDSA station -> " + ec + "; RSA station -> " + rsa, List.of(ec, rsa));
    }

    private String handshake(TlsPolicy policy) throws Exception {
        StationTlsContext tls = station.tlsContext(SecurityProfile.TLS_BASIC_AUTH, policy, Optional.empty(), f -> { });
        try (SSLSocket s = tls.connect(DemoPki.LOOPBACK, csms.profile2().port(), timeout)) {
            SSLSession session = s.getSession();
            X509Certificate peer = (X509Certificate) session.getPeerCertificates()[0];
            return peer.getPublicKey().getAlgorithm() + " certificate, " + session.getProtocol() + " "
                    + session.getCipherSuite();
        }
    }

    private Outcome rogueCsms() throws Exception {
        CsmsTlsContext rogueTls = CsmsTlsContext.forServer(SecurityProfile.TLS_BASIC_AUTH, pki.foreignCsmsKeyMaterial())
                .clock(clock).build();
        try (CsmsServer rogue = CsmsServer.builder(rogueTls).authenticator(h -> {
            throw new IllegalStateException("the rogue CSMS must never see an upgrade request");
        }).start(); BasicAuthPassword p = station.passwordCopy()) {
            ConnectOutcome o = station.client2().connect(rogue.uri(IDENTITY),
                    Optional.of(header(IDENTITY, p)));
            check(o instanceof ConnectOutcome.Failed, "expected a failed handshake, got " + o);
            TlsFailure f = ((ConnectOutcome.Failed) o).tlsFailure().orElseThrow();
            check(f.kind() == TlsFailure.Kind.INVALID_PEER_CERTIFICATE, "classified as " + f.kind());
            check(lastLogged().type() == SecurityEventType.INVALID_CSMS_CERTIFICATE, "security log: " + lastLogged());
            return Outcome.of("handshake ended by the station before any HTTP (no password sent): "
                    + f.violations().blocking().get(0).requirement().value() + "; InvalidCsmsCertificate logged and queued", o);
        }
    }

    // ------------------------------------------------------------------------------------------ profile 2

    private Outcome connectProfile2() throws Exception {
        ConnectOutcome o = station.connect();
        OcppSession s = session(csms.profile2());
        check(s.handshake().clientCertificate().isEmpty(), "profile 2 must not carry a client certificate");
        return Outcome.of("wss://.../ocpp/" + IDENTITY + ", subprotocol " + o.connection().subprotocol() + ", "
                + s.handshake().tlsProtocol() + " " + s.handshake().cipherSuite() + "; CSMS certificate verified to the"
                + " installed root, CN = " + TestPki.CSMS_FQDN + "; Basic auth " + csms.passwordLogin(IDENTITY)
                .orElseThrow(), o);
    }

    private Outcome boot() throws Exception {
        BootNotificationRequest req = new BootNotificationRequest(new ChargingStation(Optional.of(IDENTITY), "Demo-1",
                Optional.empty(), "Example Vendor", Optional.of("1.0.0")), BootNotificationRequest.BootReason.POWER_UP);
        BootNotificationResponse r = await(station.call(req, BootNotificationResponse.class));
        check(r.status() == BootNotificationResponse.RegistrationStatus.ACCEPTED, "status " + r.status());
        return Outcome.of("CALL BootNotification -> CALLRESULT " + r.status().ocppValue() + ", interval "
                + r.interval() + " s", r);
    }

    private Outcome earlyEvents() throws Exception {
        awaitQueueEmpty();
        List<String> types = csmsEventTypes();
        check(types.containsAll(List.of("StartupOfTheDevice", "InvalidCsmsCertificate")), "CSMS got " + types);
        return Outcome.of("queued StartupOfTheDevice and InvalidCsmsCertificate sent after connecting, each removed"
                + " from the journal only after the CSMS's response", types);
    }

    private Outcome refusedOnProfile2(Optional<String> authorization, String what) {
        return refused(station.client2(), csms.profile2(), authorization, what, 401);
    }

    private Outcome refused(StationClient client, CsmsServer server, Optional<String> authorization, String what,
            int expectedStatus) {
        int before = csms.refusals().size();
        ConnectOutcome o = client.connect(server.uri(IDENTITY), authorization);
        check(o.equals(new ConnectOutcome.Refused(expectedStatus)), "expected HTTP " + expectedStatus + ", got " + o);
        check(csms.refusals().size() == before + 1, "the CSMS recorded no refusal");
        DemoCsms.Refusal r = csms.refusals().get(before);
        return Outcome.of("upgrade with " + what + " -> HTTP " + expectedStatus + " (" + r.reason() + "), no WebSocket",
                new Refused(o, r));
    }

    private Outcome wrongSubprotocol() {
        try (StationClient other = StationClient.builder(station.tls2()).connectTimeout(timeout)
                .offerSubprotocols("ocpp1.6").build(); BasicAuthPassword p = station.passwordCopy()) {
            ConnectOutcome o = other.connect(csms.profile2().uri(IDENTITY),
                    Optional.of(header(IDENTITY, p)));
            check(o instanceof ConnectOutcome.Failed
                    && ((ConnectOutcome.Failed) o).kind() == ConnectOutcome.Kind.SUBPROTOCOL_NOT_ACCEPTED,
                    "expected SUBPROTOCOL_NOT_ACCEPTED, got " + o);
            return Outcome.of("offer ocpp1.6 -> handshake without subprotocol, connection closed (OCPP-J)", o);
        }
    }

    private Outcome offlineEvents() throws Exception {
        station.disconnect("going offline");
        int before = csms.events().size();
        station.report(SecurityEvent.of(SecurityEventType.TAMPER_DETECTION_ACTIVATED, clock.instant(), "enclosure opened"));
        station.report(SecurityEvent.of(SecurityEventType.SETTING_SYSTEM_TIME, clock.instant(), "clock set by GNSS"));
        int queued = station.queue().size();
        check(queued >= 2, "queued " + queued);
        long journal = station.queue().journalBytes();
        check(csms.events().size() == before, "the CSMS got events while the station was offline");
        ConnectOutcome o = station.connect();
        check(o.isConnected(), "reconnect: " + o);
        awaitQueueEmpty();
        List<String> got = csmsEventTypes().subList(before, csms.events().size());
        check(got.equals(List.of("TamperDetectionActivated", "SettingSystemTime")), "CSMS got " + got);
        List<String> logged = station.securityLog().stream().map(e -> e.event().type().ocppName())
                .collect(Collectors.toList());
        check(logged.containsAll(got), "security log: " + logged);
        return Outcome.of("offline: " + queued + " events in the journal (" + journal + " bytes) and the security log;"
                + " after reconnecting the CSMS got " + got + " in order; journal empty", got);
    }

    // ------------------------------------------------------------------------------------------ A01

    private Outcome rotatePassword() throws Exception {
        OcppSession s = session(csms.profile2());
        CompletableFuture<ConnectOutcome> reconnected = station.nextReconnect();
        String status;
        CredentialState after;
        PasswordRotation rotation = csms.rotation();
        oldPassword = station.passwordCopy();
        try (PasswordRotation.Request req = rotation.begin(ChargingStationIdentity.of(IDENTITY))) {
            secrets.accept(req.password().reveal());
            SetVariablesResponse r = await(s.rpc().call(new SetVariablesRequest(List.of(new SetVariableData(
                    Optional.empty(), req.password().reveal(), new Component(Optional.empty(), req.componentName(),
                            Optional.empty()), new Variable(req.variableName(), Optional.empty())))),
                    SetVariablesResponse.class));
            status = r.setVariableResult().get(0).attributeStatus().ocppValue();
            after = rotation.complete(req, status); // A01.FR.03
        }
        check("Accepted".equals(status), "SetVariables " + status);
        check(after.pending().isEmpty(), "rotation still pending");
        ConnectOutcome o = reconnected.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        check(o.isConnected(), "reconnect with the new password: " + o);
        session(csms.profile2());
        SecurityLogEntry logged = station.securityLog().stream()
                .filter(e -> e.event().type() == SecurityEventType.RECONFIGURATION_OF_SECURITY_PARAMETERS)
                .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("no log entry for the change"));
        check(logged.event().techInfo().equals(Optional.of(StationPasswordUpdate.TECH_INFO)), "logged " + logged);
        return Outcome.of("CSMS generated a password, stored its salted hash, sent SetVariables(SecurityCtrlr."
                + "BasicAuthPassword) -> " + status + "; station logged \"" + StationPasswordUpdate.TECH_INFO
                + "\" (no value) and reconnected after the response (" + csms.passwordLogin(IDENTITY).orElseThrow() + ")",
                o);
    }

    private Outcome oldPasswordRefused() {
        // A station that missed the change would still send the password the CSMS provisioned: after the
        // Accepted response the CSMS accepts only the new one (A01.FR.03).
        try (BasicAuthPassword old = oldPassword; BasicAuthPassword current = station.passwordCopy()) {
            check(!old.matches(current), "the password did not change");
            return refusedOnProfile2(Optional.of(header(IDENTITY, old)), "the old password");
        }
    }

    // ------------------------------------------------------------------------------------------ A05, A02

    private Outcome setPriority(boolean expectAccepted) throws Exception {
        OcppSession s = session(csms.profile2());
        SetVariablesResponse r = await(s.rpc().call(new SetVariablesRequest(List.of(new SetVariableData(Optional.empty(),
                "2,1", new Component(Optional.empty(), DemoStation.PRIORITY_COMPONENT, Optional.empty()),
                new Variable(DemoStation.PRIORITY_VARIABLE, Optional.empty())))), SetVariablesResponse.class));
        SetVariableResult result = r.setVariableResult().get(0);
        PriorityChange change = station.lastPriorityChange().orElseThrow();
        if (expectAccepted) {
            check(result.attributeStatus() == SetVariableResult.SetVariableStatus.ACCEPTED, "got " + result);
            return Outcome.of("SetVariables(OCPPCommCtrlr.NetworkConfigurationPriority=2,1) -> Accepted: "
                    + change.reason(), result);
        }
        check(result.attributeStatus() == SetVariableResult.SetVariableStatus.REJECTED, "got " + result);
        check(change.violations().blocking().stream().anyMatch(v -> v.requirement().value().equals("A05.FR.03")),
                "not rejected for A05.FR.03: " + change.violations().describe());
        return Outcome.of("SetVariables(OCPPCommCtrlr.NetworkConfigurationPriority=2,1) -> Rejected: "
                + change.reason(), result);
    }

    private Outcome foreignCsr() throws Exception {
        CompletableFuture<CsrInspection> inspected = csms.nextCsrInspection();
        String csr = CsrBuilder.forChargingStation(DemoStation.ORGANIZATION, "CS-9999").random(random).generate()
                .request().pem();
        SignCertificateResponse r = await(station.call(new SignCertificateRequest(csr,
                Optional.of(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)), SignCertificateResponse.class));
        CsrInspection i = inspected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        check(r.status() == GenericStatus.REJECTED, "SignCertificate " + r.status());
        return Outcome.of("CSR with CN=CS-9999 on the connection of " + IDENTITY + " -> Rejected "
                + r.statusInfo().map(x -> x.reasonCode()).orElse("") + ", not passed to the CA: "
                + i.result().blocking().get(0).message(), r);
    }

    private Outcome triggerSignCertificate() throws Exception {
        OcppSession s = session(csms.profile2());
        CompletableFuture<CsrInspection> inspected = csms.nextCsrInspection();
        CompletableFuture<DemoCsms.Issued> signed = csms.nextIssued();
        CompletableFuture<SignCertificateResponse> answered = station.nextSignCertificateResponse();
        TriggerMessageResponse t = await(s.rpc().call(new TriggerMessageRequest(Optional.empty(),
                TriggerMessageRequest.MessageTrigger.SIGN_CHARGING_STATION_CERTIFICATE), TriggerMessageResponse.class));
        check(t.status() == TriggerMessageResponse.TriggerMessageStatus.ACCEPTED, "trigger " + t.status());
        SignCertificateResponse r = answered.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        check(r.status() == GenericStatus.ACCEPTED, "SignCertificate " + r.status());
        CsrInspection i = inspected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        issued = signed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        check(issued.publicKey().equals(station.pendingCsr().orElseThrow().keyPair().publicKey()),
                "the CA signed another key");
        return Outcome.of("TriggerMessage -> Accepted; then a new " + station.pendingCsr().orElseThrow().keyPair()
                .algorithm() + " key and a CSR (" + i.subject().orElseThrow().getName() + ") -> SignCertificate Accepted;"
                + " the CA service issued serial " + issued.chain().get(0).getSerialNumber().toString(16), r);
    }

    private Outcome foreignCertificateSigned() throws Exception {
        String chain = pki.foreignStationChainPem(issued.publicKey(), IDENTITY);
        CertificateSignedResponse r = await(session(csms.profile2()).rpc().call(new CertificateSignedRequest(chain,
                issued.certificateType()), CertificateSignedResponse.class));
        check(r.status() == CertificateSignedResponse.CertificateSignedStatus.REJECTED, "got " + r.status());
        SecurityEvent logged = lastLogged();
        check(logged.type() == SecurityEventType.INVALID_CHARGING_STATION_CERTIFICATE, "security log: " + logged);
        check(station.certificates().activeCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE).isEmpty(),
                "the foreign certificate was installed");
        return Outcome.of("chain for the pending key from another CA -> Rejected " + r.statusInfo().map(
                x -> x.reasonCode()).orElse("") + "; discarded; InvalidChargingStationCertificate logged and queued", r);
    }

    private Outcome certificateSigned() throws Exception {
        CertificateSignedResponse r = await(session(csms.profile2()).rpc().call(new CertificateSignedRequest(
                DemoCsms.pem(issued.chain()), issued.certificateType()), CertificateSignedResponse.class));
        check(r.status() == CertificateSignedResponse.CertificateSignedStatus.ACCEPTED, "got " + r);
        StationCertificate active = station.certificates()
                .activeCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE).orElseThrow();
        check(active.leaf().equals(issued.chain().get(0)), "active certificate is not the issued one");
        DemoPki.write(dir.resolve("station-chain.pem"), DemoCsms.pem(active.chain()));
        return Outcome.of("CertificateSigned(" + issued.certificateType().map(CertificateSigningUse::ocppValue)
                .orElse("-") + ") -> Accepted; stored with its key handle and active now (notBefore passed)", r);
    }

    private Outcome rebootToProfile3() throws Exception {
        ConnectOutcome o = station.reboot();
        check(o.isConnected(), "profile 3 connect: " + o);
        OcppSession s = session(csms.profile3());
        ProfileUpgrade.Connected c = station.lastConnect().orElseThrow();
        check(c.upgraded() && c.securityProfile() == SecurityProfile.TLS_CLIENT_CERTIFICATE, "after connect: " + c);
        check(c.removedSlots().equals(List.of(1)) && c.priority().equals(List.of(2)), "slots: " + c);
        StationIdentity id = csms.certificateIdentity(IDENTITY).orElseThrow();
        X509Certificate installed = station.certificates()
                .activeCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE).orElseThrow().leaf();
        check(id.certificate().equals(installed), "the CSMS saw another certificate");
        check(s.handshake().authorization().isEmpty(), "profile 3 sends no password");
        return Outcome.of("connected to slot 2 with " + s.handshake().tlsProtocol() + "; CSMS verified certificate serial "
                + id.certificate().getSerialNumber().toString(16) + " (CN " + id.commonName() + ", O " + TestPki.CSO_NAME
                + ") bound to /ocpp/" + IDENTITY + "; SecurityProfile=3, slot 1 removed, priority " + c.priority(), o);
    }

    private Outcome downgradeRefused() {
        try (BasicAuthPassword p = station.passwordCopy()) {
            return refused(station.client2(), csms.profile2(), Optional.of(header(IDENTITY, p)),
                    "the valid password on the profile 2 endpoint", 403);
        }
    }

    private Outcome noClientCertificate() throws Exception {
        List<TlsFailure> seen = new ArrayList<>();
        StationTlsContext anonymous = station.tlsContext(SecurityProfile.TLS_CLIENT_CERTIFICATE,
                TlsPolicy.STATION_ECDSA, Optional.of(List::of), seen::add);
        int before = csms.tlsFailures().size();
        try (StationClient client = StationClient.builder(anonymous).connectTimeout(timeout).build()) {
            ConnectOutcome o = client.connect(csms.profile3().uri(IDENTITY), Optional.empty());
            check(o instanceof ConnectOutcome.Failed
                    && ((ConnectOutcome.Failed) o).kind() == ConnectOutcome.Kind.TLS_HANDSHAKE,
                    "expected a TLS handshake failure, got " + o);
            TlsFailure atCsms = awaitCsmsTlsFailure(before);
            return Outcome.of("no client certificate -> the CSMS ended the TLS handshake and logged " + atCsms.kind()
                    + " (" + atCsms.detail() + ")", o);
        }
    }

    private Outcome csmsCloses() throws Exception {
        OcppSession s = session(csms.profile3());
        s.close(1008, "demo: CSMS ends the session");
        CloseStatus seen = await(station.connection().closed());
        check(seen.code() == 1008 && seen.reason().equals("demo: CSMS ends the session"), "station saw " + seen);
        return Outcome.of("station saw close " + seen.code() + " \"" + seen.reason() + "\"", seen);
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** @return the Authorization value (a secret: shown to the test witness only, never printed) */
    private String header(String username, BasicAuthPassword password) {
        String h = DemoStation.basicHeader(username, password);
        secrets.accept(h);
        secrets.accept(password.reveal());
        return h;
    }

    private OcppSession session(CsmsServer server) throws Exception {
        return server.awaitSession(IDENTITY).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private SecurityEvent lastLogged() throws IOException {
        List<SecurityLogEntry> entries = station.securityLog();
        check(!entries.isEmpty(), "the security log is empty");
        return entries.get(entries.size() - 1).event();
    }

    private List<String> csmsEventTypes() {
        return csms.events().stream().map(SecurityEventNotificationRequest::type).collect(Collectors.toList());
    }

    /** Waits (bounded) until the station's delivery has emptied its journal. */
    private void awaitQueueEmpty() throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (station.queue().size() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        check(station.queue().size() == 0, station.queue().size() + " events still queued");
    }

    private TlsFailure awaitCsmsTlsFailure(int before) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (csms.tlsFailures().size() <= before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        check(csms.tlsFailures().size() > before, "the CSMS reported no TLS failure");
        return csms.tlsFailures().get(before);
    }

    private <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    @Override
    public void close() {
        if (oldPassword != null) {
            oldPassword.wipe();
        }
        if (station != null) {
            station.close();
        }
        if (csms != null) {
            csms.close();
        }
        if (requestedDir.isEmpty() && dir != null) {
            deleteTempDir(dir);
        }
    }

    /** The temporary directory the demo made for itself (PEM files, the station's keys and logs) goes at the end. */
    private static void deleteTempDir(Path root) {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            System.getLogger("io.ocppsec.examples.demo").log(System.Logger.Level.WARNING,
                    "could not delete the demo's temporary directory " + root + ": " + e.getMessage());
        }
    }
}
