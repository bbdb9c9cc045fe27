package io.ocppsec.examples.demo;

import static java.lang.System.Logger.Level.WARNING;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.message.CertificateSignedRequest;
import io.ocppsec.api.message.CertificateSignedResponse;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.OcppRequest;
import io.ocppsec.api.message.OcppResponse;
import io.ocppsec.api.message.SecurityEventNotificationRequest;
import io.ocppsec.api.message.SecurityEventNotificationResponse;
import io.ocppsec.api.message.SetVariableData;
import io.ocppsec.api.message.SetVariableResult;
import io.ocppsec.api.message.SetVariablesRequest;
import io.ocppsec.api.message.SetVariablesResponse;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.api.message.SignCertificateResponse;
import io.ocppsec.api.message.StatusInfo;
import io.ocppsec.api.message.TriggerMessageRequest;
import io.ocppsec.api.message.TriggerMessageResponse;
import io.ocppsec.core.auth.BasicAuthHeader;
import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.cert.OcppChainValidator;
import io.ocppsec.core.cert.SignedCertificateCheck;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.core.credential.StationPasswordUpdate;
import io.ocppsec.core.csr.CsrBuilder;
import io.ocppsec.core.csr.GeneratedCsr;
import io.ocppsec.core.event.FileSecurityEventQueue;
import io.ocppsec.core.event.RetryPolicy;
import io.ocppsec.core.event.SecurityEventDelivery;
import io.ocppsec.core.event.SecurityEventQueueOptions;
import io.ocppsec.core.event.SecurityEventReporter;
import io.ocppsec.core.event.SecurityLog;
import io.ocppsec.core.event.SecurityLogEntry;
import io.ocppsec.core.event.SecurityLogOptions;
import io.ocppsec.core.event.SecurityLogReader;
import io.ocppsec.core.password.BasicAuthPassword;
import io.ocppsec.core.password.PasswordPolicy;
import io.ocppsec.core.profile.NetworkConnectionSlot;
import io.ocppsec.core.profile.PriorityChange;
import io.ocppsec.core.profile.ProfileUpgrade;
import io.ocppsec.core.profile.UpgradePrerequisites;
import io.ocppsec.core.store.CertificateStorePersistence;
import io.ocppsec.core.store.ClientInstallResult;
import io.ocppsec.core.store.KeyHandle;
import io.ocppsec.core.store.RootCertificateType;
import io.ocppsec.core.store.StationCertificateStore;
import io.ocppsec.examples.rpc.OcppRpc;
import io.ocppsec.examples.station.ConnectOutcome;
import io.ocppsec.examples.station.StationClient;
import io.ocppsec.examples.station.StationConnection;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.StationTlsContext;
import io.ocppsec.tls.TlsKeyMaterial;
import io.ocppsec.tls.TlsPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The demo's Charging Station application, wired only from SDK parts: its certificate store with the
 * installed CSMS root ({@link StationCertificateStore}); TLS through {@link StationTlsContext} (trust = the
 * installed root only, CN = the CSMS FQDN, its active certificate as client certificate in profile 3);
 * Basic auth through {@link BasicAuthHeader}; A01 through {@link StationPasswordUpdate}; A02 through
 * {@link CsrBuilder} and {@link SignedCertificateCheck}; A04 through {@link SecurityEventReporter},
 * {@link SecurityLog}, {@link FileSecurityEventQueue} and {@link SecurityEventDelivery}; A05 through
 * {@link ProfileUpgrade}.
 */
final class DemoStation implements AutoCloseable {

    static final String IDENTITY = TestPki.STATION_SERIAL;
    /** The {@code OrganizationName} variable: the O of its CSRs (A00.FR.509). */
    static final String ORGANIZATION = TestPki.CSO_NAME;
    static final String PRIORITY_COMPONENT = "OCPPCommCtrlr";
    static final String PRIORITY_VARIABLE = "NetworkConfigurationPriority";

    private static final System.Logger LOG = System.getLogger(DemoStation.class.getName());
    private static final CertificateSigningUse USE = CertificateSigningUse.CHARGING_STATION_CERTIFICATE;

    private final Path dir;
    private final java.util.function.Consumer<String> secrets;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration timeout;
    private final StationCertificateStore certificates;
    private final AtomicReference<BasicAuthPassword> password;
    private final SecurityLog log;
    private final FileSecurityEventQueue queue;
    private final SecurityEventDelivery delivery;
    private final SecurityEventReporter reporter;
    private final StationPasswordUpdate passwordUpdate;
    private final ProfileUpgrade upgrade;
    private final ScheduledExecutorService worker;
    private final StationTlsContext tls2;
    private final StationTlsContext tls3;
    private final StationClient client2;
    private final StationClient client3;
    private final AtomicInteger keyNumber = new AtomicInteger();
    private final AtomicReference<CompletableFuture<ConnectOutcome>> reconnected =
            new AtomicReference<>(new CompletableFuture<>());
    private final AtomicReference<CompletableFuture<SignCertificateResponse>> signResponses =
            new AtomicReference<>(new CompletableFuture<>());
    private volatile StationConnection connection;
    private CompletableFuture<?> lastCall = CompletableFuture.completedFuture(null);
    private volatile GeneratedCsr pending;
    private volatile ProfileUpgrade.Connected lastConnect;
    private volatile PriorityChange lastPriorityChange;

    DemoStation(Path dir, X509Certificate csmsRoot, BasicAuthPassword provisioned, List<NetworkConnectionSlot> slots,
            Clock clock, SecureRandom random, Duration timeout, java.util.function.Consumer<String> secrets)
            throws IOException, GeneralSecurityException, io.ocppsec.core.store.CertificateStoreException {
        this.dir = dir;
        this.secrets = secrets;
        this.clock = clock;
        this.random = random;
        this.timeout = timeout;
        this.certificates = StationCertificateStore.builder(CertificateStorePersistence.inMemory()).clock(clock).build();
        if (!certificates.installRoot(RootCertificateType.CSMS_ROOT_CERTIFICATE, csmsRoot).isAccepted()) {
            throw new IllegalStateException("the CSMS root was not installed");
        }
        this.password = new AtomicReference<>(provisioned);
        this.log = SecurityLog.open(Files.createDirectories(dir.resolve("security-log")),
                SecurityLogOptions.defaults().withClock(clock));
        this.queue = FileSecurityEventQueue.open(dir.resolve("security-events.journal"),
                SecurityEventQueueOptions.defaults().withClock(clock));
        this.delivery = SecurityEventDelivery.create(queue, clock,
                new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1)));
        this.reporter = new SecurityEventReporter(log, queue, delivery::wakeUp);
        this.passwordUpdate = new StationPasswordUpdate(PasswordPolicy.EDITION_3, p -> {
            // A01.FR.01/A01.FR.10: a real station writes it to protected storage; the demo keeps it in memory.
            secrets.accept(p.reveal());
            BasicAuthPassword old = password.getAndSet(BasicAuthPassword.ofChars(p.toCharArray()));
            old.wipe();
        }, this::logOnly, clock);
        this.upgrade = ProfileUpgrade.create(SecurityProfile.TLS_BASIC_AUTH, slots, List.of(slots.get(0).slot()),
                UpgradePrerequisites.of(certificates));
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "station-worker");
            t.setDaemon(true);
            return t;
        });
        // A00.FR.310/413, 316/419, 323/426: each classified failure becomes its security event
        io.ocppsec.tls.TlsFailureListener failures = io.ocppsec.tls.TlsFailureListener.reportingTo(reporter);
        this.tls2 = tlsContext(SecurityProfile.TLS_BASIC_AUTH, TlsPolicy.STATION_ECDSA, Optional.empty(), failures);
        this.tls3 = tlsContext(SecurityProfile.TLS_CLIENT_CERTIFICATE, TlsPolicy.STATION_ECDSA,
                Optional.of(this::activeKeyMaterial), failures);
        this.client2 = client(tls2);
        this.client3 = client(tls3);
        delivery.start(worker, this::send);
        report(SecurityEvent.of(SecurityEventType.STARTUP_OF_THE_DEVICE, clock.instant(), "demo boot"));
    }

    /**
     * A TLS context of this station: trust = the installed CSMSRootCertificate only, the OCPP CSMS
     * certificate checks including CN = {@value TestPki#CSMS_FQDN} (A00.FR.308/309, 411/412).
     */
    StationTlsContext tlsContext(SecurityProfile profile, TlsPolicy policy,
            Optional<Supplier<List<TlsKeyMaterial>>> clientKeys, io.ocppsec.tls.TlsFailureListener listener)
            throws GeneralSecurityException {
        List<X509Certificate> roots = certificates.trustAnchors(RootCertificateType.CSMS_ROOT_CERTIFICATE);
        StationTlsContext.Builder b = StationTlsContext.forClient(profile, roots).policy(policy)
                .expectedHost(TestPki.CSMS_FQDN)
                .chainValidator(OcppChainValidator.forCsmsCertificate(TrustAnchors.cso(roots.toArray(new X509Certificate[0])),
                        TestPki.CSMS_FQDN).toBuilder().clock(clock).build())
                .clock(clock).secureRandom(random).failureListener(listener);
        clientKeys.ifPresent(b::clientKeyMaterial);
        return b.build();
    }

    private StationClient client(StationTlsContext tls) {
        return StationClient.builder(tls).connectTimeout(timeout).callTimeout(timeout).handlers(this::handlers).build();
    }

    /** A00.FR.402: the store's active ChargingStationCertificate (newest valid, A02.FR.08/09) and its key. */
    private List<TlsKeyMaterial> activeKeyMaterial() {
        return certificates.activeCertificate(USE).flatMap(c -> c.key().privateKey()
                .map(k -> TlsKeyMaterial.of(k, c.chain()))).map(List::of).orElse(List.of());
    }

    // -------------------------------------------------------------------------------- connections

    /**
     * Connects to the first usable entry of NetworkConfigurationPriority (A05.FR.05) with the credentials of
     * its profile; on success the upgrade state machine is told (A05.FR.06) and queued events are sent.
     */
    synchronized ConnectOutcome connect() {
        NetworkConnectionSlot target = upgrade.connectionTarget().orElseThrow(() ->
                new IllegalStateException("no usable network connection profile"));
        boolean mutualTls = target.profile().requiresClientCertificate();
        ConnectOutcome o = (mutualTls ? client3 : client2).connect(uri(target),
                mutualTls ? Optional.empty() : Optional.of(witnessed(basicHeader(IDENTITY, password.get()))));
        if (o.isConnected()) {
            connection = o.connection();
            lastConnect = upgrade.connected();
            if (mutualTls) {
                try {
                    certificates.confirmWorking(USE); // A02.FR.10: the new certificate works
                } catch (io.ocppsec.core.store.CertificateStoreException e) {
                    LOG.log(WARNING, "could not record the working certificate: " + e.getClass().getName());
                }
            }
            delivery.onConnected(); // A04.FR.02: what was queued while offline goes out now
        }
        return o;
    }

    static URI uri(NetworkConnectionSlot slot) {
        return URI.create(slot.csmsUrl() + "/" + IDENTITY);
    }

    /** @return the {@code Authorization} value for a username and password (a secret: never print it) */
    static String basicHeader(String username, BasicAuthPassword password) {
        return BasicAuthHeader.encode(ChargingStationIdentity.of(username), password);
    }

    private String witnessed(String secret) {
        secrets.accept(secret);
        return secret;
    }

    /** Closes the connection (the station goes offline) and waits for the close. */
    void disconnect(String reason) throws Exception {
        StationConnection c = connection;
        connection = null;
        if (c != null && c.isOpen()) {
            c.close(1000, reason).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A reboot: the connection ends and the next one starts at the first priority entry (A05.FR.05). */
    ConnectOutcome reboot() throws Exception {
        disconnect("rebooting");
        upgrade.rebooted();
        report(SecurityEvent.of(SecurityEventType.STARTUP_OF_THE_DEVICE, clock.instant(), "demo reboot"));
        return connect();
    }

    /** @return completes with the outcome of the next reconnect the station does by itself */
    CompletableFuture<ConnectOutcome> nextReconnect() {
        CompletableFuture<ConnectOutcome> f = new CompletableFuture<>();
        reconnected.set(f);
        return f;
    }

    /** @return completes with the CSMS's answer to the next SignCertificateRequest */
    CompletableFuture<SignCertificateResponse> nextSignCertificateResponse() {
        CompletableFuture<SignCertificateResponse> f = new CompletableFuture<>();
        signResponses.set(f);
        return f;
    }

    private void reconnectWithNewPassword() {
        CompletableFuture<ConnectOutcome> target = reconnected.get();
        try {
            disconnect("reconnecting with the new password");
            target.complete(connect());
        } catch (Exception | Error e) {
            target.completeExceptionally(e);
        }
    }

    // -------------------------------------------------------------------------------- security events

    /** A04: every event to the security log, critical ones also to the durable queue (A04.FR.01/04). */
    Optional<io.ocppsec.core.event.QueuedEvent> report(SecurityEvent event) {
        try {
            return reporter.report(event);
        } catch (IOException | io.ocppsec.core.event.QueueFullException e) {
            LOG.log(WARNING, "security event " + event.type().ocppName() + " not queued: " + e.getClass().getName());
            return Optional.empty();
        }
    }

    private void logOnly(SecurityEvent event) {
        report(event); // ReconfigurationOfSecurityParameters is not critical: security log only
    }

    private CompletableFuture<Boolean> send(SecurityEvent event) {
        StationConnection c = connection;
        if (c == null || !c.isOpen()) {
            return CompletableFuture.completedFuture(false);
        }
        return call(new SecurityEventNotificationRequest(event.type().ocppName(), event.timestamp(),
                event.techInfo()), SecurityEventNotificationResponse.class).handle((r, e) -> e == null);
    }

    /**
     * Sends a CALL on the current connection once the station's previous CALL was answered (OCPP-J: one
     * outstanding CALL at a time), so queued security events, CSRs and the rest never overtake each other.
     */
    synchronized <R extends OcppResponse> CompletableFuture<R> call(OcppRequest request, Class<R> responseType) {
        StationConnection c = connection();
        CompletableFuture<R> f = lastCall.handle((x, e) -> null).thenCompose(x -> c.rpc().call(request, responseType));
        lastCall = f;
        return f;
    }

    // -------------------------------------------------------------------------------- CALL handlers

    private void handlers(OcppRpc rpc) {
        rpc.onCall(SetVariablesRequest.class, c -> {
            List<SetVariableResult> results = new ArrayList<>();
            boolean reconnect = false;
            for (SetVariableData d : c.request().setVariableData()) {
                String component = d.component().name();
                String variable = d.variable().name();
                StationPasswordUpdate.Outcome pw = passwordUpdate.handle(component, variable, d.attributeValue());
                SetVariableResult.SetVariableStatus status;
                Optional<StatusInfo> info = Optional.empty();
                if (pw.status() != StationPasswordUpdate.Status.NOT_THIS_VARIABLE) {
                    status = SetVariableResult.SetVariableStatus.fromOcpp(pw.ocppStatus()); // A01
                    reconnect |= pw.reconnectAfterResponse();
                } else if (PRIORITY_COMPONENT.equals(component) && PRIORITY_VARIABLE.equals(variable)) {
                    PriorityChange change = upgrade.setNetworkConfigurationPriority(d.attributeValue()); // A05
                    lastPriorityChange = change;
                    status = SetVariableResult.SetVariableStatus.fromOcpp(change.ocppStatus());
                    if (!change.accepted()) {
                        info = Optional.of(new StatusInfo("InvalidValue", Optional.of(clip(change.reason(), 512))));
                    }
                } else {
                    status = SetVariableResult.SetVariableStatus.UNKNOWN_VARIABLE;
                }
                results.add(new SetVariableResult(d.attributeType(), status, info, d.component(), d.variable()));
            }
            if (reconnect) {
                // A01: the response goes out first, then the station reconnects with the new password.
                c.afterReply(() -> worker.execute(this::reconnectWithNewPassword));
            }
            return new SetVariablesResponse(results);
        });
        rpc.onCall(TriggerMessageRequest.class, c -> {
            if (c.request().requestedMessage() != TriggerMessageRequest.MessageTrigger.SIGN_CHARGING_STATION_CERTIFICATE) {
                return new TriggerMessageResponse(TriggerMessageResponse.TriggerMessageStatus.NOT_IMPLEMENTED,
                        Optional.empty());
            }
            c.afterReply(() -> worker.execute(this::sendCsr)); // A02.FR.02: after the response
            return new TriggerMessageResponse(TriggerMessageResponse.TriggerMessageStatus.ACCEPTED, Optional.empty());
        });
        rpc.onCall(CertificateSignedRequest.class, c -> certificateSigned(c.request()));
    }

    /** A02.FR.02/03/05: a new key pair, the CSR in PEM; the private key stays here. */
    private void sendCsr() {
        CompletableFuture<SignCertificateResponse> target = signResponses.get();
        try {
            GeneratedCsr csr = CsrBuilder.forChargingStation(ORGANIZATION, IDENTITY).random(random).generate();
            secrets.accept(java.util.Base64.getEncoder().encodeToString(
                    csr.keyPair().privateKeyForLocalUse().getEncoded()));
            pending = csr;
            call(new SignCertificateRequest(csr.request().pem(), Optional.of(csr.request().use())),
                    SignCertificateResponse.class).whenComplete((r, e) -> {
                        if (e != null) {
                            target.completeExceptionally(e);
                        } else {
                            target.complete(r);
                        }
                    });
        } catch (GeneralSecurityException | RuntimeException e) {
            target.completeExceptionally(e);
        }
    }

    private CertificateSignedResponse certificateSigned(CertificateSignedRequest q) {
        GeneratedCsr p = pending;
        if (p == null) {
            return rejected("NoPendingCSR");
        }
        List<X509Certificate> roots = certificates.trustAnchors(RootCertificateType.CSMS_ROOT_CERTIFICATE);
        TrustAnchors cso = TrustAnchors.cso(roots.toArray(new X509Certificate[0]));
        // A02.FR.06: period, properties, hierarchy, the key of the pending CSR; A02.FR.16 size limit.
        SignedCertificateCheck.Outcome o = SignedCertificateCheck.forChargingStation(cso, ORGANIZATION, IDENTITY)
                .clock(clock).build().check(q.certificateChain(), p.keyPair().publicKey());
        if (!o.accepted()) {
            // A02.FR.07: discard it and raise InvalidChargingStationCertificate; the pending key stays.
            o.securityEvent().ifPresent(t -> report(SecurityEvent.of(t, clock.instant(),
                    clip(o.result().blocking().get(0).message(), SecurityEvent.MAX_TECH_INFO_LENGTH))));
            return rejected(o.reasonCode().orElse(SignedCertificateCheck.INVALID_CERTIFICATE));
        }
        try {
            ClientInstallResult r = certificates.installClientCertificate(q.certificateType().orElse(USE), o.chain(),
                    KeyHandle.inMemory("cs-key-" + keyNumber.incrementAndGet(), p.keyPair().privateKeyForLocalUse()),
                    OcppChainValidator.forChargingStationCertificate(cso, ORGANIZATION).toBuilder().clock(clock)
                            .expectedSerialNumber(IDENTITY).build());
            if (!r.accepted()) {
                report(SecurityEvent.of(SecurityEventType.INVALID_CHARGING_STATION_CERTIFICATE, clock.instant(),
                        clip(r.validation().blocking().get(0).message(), SecurityEvent.MAX_TECH_INFO_LENGTH)));
                return rejected(SignedCertificateCheck.INVALID_CERTIFICATE);
            }
        } catch (io.ocppsec.core.store.CertificateStoreException e) {
            return rejected("StorageFailure");
        }
        pending = null;
        return new CertificateSignedResponse(CertificateSignedResponse.CertificateSignedStatus.ACCEPTED, Optional.empty());
    }

    private static CertificateSignedResponse rejected(String reasonCode) {
        return new CertificateSignedResponse(CertificateSignedResponse.CertificateSignedStatus.REJECTED,
                Optional.of(new StatusInfo(reasonCode, Optional.empty())));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    // -------------------------------------------------------------------------------- for the steps

    StationConnection connection() {
        StationConnection c = connection;
        if (c == null) {
            throw new IllegalStateException("the station is not connected");
        }
        return c;
    }

    StationClient client2() {
        return client2;
    }

    StationTlsContext tls2() {
        return tls2;
    }

    /** @return a copy of the current password; the caller wipes it */
    BasicAuthPassword passwordCopy() {
        return BasicAuthPassword.ofChars(password.get().toCharArray());
    }

    StationCertificateStore certificates() {
        return certificates;
    }

    FileSecurityEventQueue queue() {
        return queue;
    }

    ProfileUpgrade upgrade() {
        return upgrade;
    }

    Optional<ProfileUpgrade.Connected> lastConnect() {
        return Optional.ofNullable(lastConnect);
    }

    Optional<PriorityChange> lastPriorityChange() {
        return Optional.ofNullable(lastPriorityChange);
    }

    Optional<GeneratedCsr> pendingCsr() {
        return Optional.ofNullable(pending);
    }

    List<SecurityLogEntry> securityLog() throws IOException {
        return SecurityLogReader.of(dir.resolve("security-log")).entries(Optional.empty(), Optional.empty());
    }

    @Override
    public void close() {
        delivery.stop();
        client2.close();
        client3.close();
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(queue);
        closeQuietly(log);
        password.get().wipe();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.log(WARNING, "close failed: " + e.getClass().getName());
        }
    }
}
