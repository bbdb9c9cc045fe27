package io.ocppsec.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.message.CertificateSignedRequest;
import io.ocppsec.api.message.CertificateSignedResponse;
import io.ocppsec.api.message.CertificateSignedResponse.CertificateSignedStatus;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.api.message.TriggerMessageRequest;
import io.ocppsec.core.auth.BasicAuthHeader;
import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.ca.InsecureLocalCertificateAuthority;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.core.credential.AuthenticationResult;
import io.ocppsec.core.credential.BasicAuthenticator;
import io.ocppsec.core.credential.CredentialState;
import io.ocppsec.core.credential.InMemoryCredentialStore;
import io.ocppsec.core.signing.CertificateSigningService;
import io.ocppsec.core.signing.CertificateUpdateAdvisor;
import io.ocppsec.core.signing.SignCertificateOutcome;
import io.ocppsec.core.csr.CsrInspector;
import io.ocppsec.core.event.FileSecurityEventQueue;
import io.ocppsec.core.event.SecurityEventQueueOptions;
import io.ocppsec.core.event.SecurityEventReporter;
import io.ocppsec.core.event.SecurityLog;
import io.ocppsec.core.event.SecurityLogOptions;
import io.ocppsec.core.password.BasicAuthPassword;
import io.ocppsec.core.password.PasswordHasher;
import io.ocppsec.core.signing.CertificateSigningClient;
import io.ocppsec.core.signing.TriggerResult;
import io.ocppsec.core.store.CertificateStorePersistence;
import io.ocppsec.core.store.RootCertificateType;
import io.ocppsec.core.store.StationCertificateStore;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.core.profile.StationProfileRegistry;
import io.ocppsec.core.profile.StationProfileStore;
import io.ocppsec.tls.AdmissionDecision;
import io.ocppsec.tls.ConnectionAttempt;
import io.ocppsec.tls.CsmsAdmission;
import io.ocppsec.tls.CsmsTlsContext;
import io.ocppsec.tls.StationTlsContext;
import io.ocppsec.tls.TlsFailureListener;
import io.ocppsec.tls.TlsKeyMaterial;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code snippets of README.md, compiled and run. Each snippet in the README must appear verbatim
 * (modulo indentation) between the matching {@code README:<name>} markers below, so the README cannot
 * drift from the API.
 */
class ReadmeSnippetsTest {

    private static final TestPki PKI = TestPki.create(KeyType.EC_P256, Instant.now());

    @TempDir
    Path dataDir;

    @Test
    void stationSnippetRuns() throws Exception {
        X509Certificate csmsRoot = PKI.csoRoot().certificate();
        List<Object> sent = new ArrayList<>();
        // README:station:begin
        // Certificate store: installed roots and the station's own certificates (A02.FR.08-10)
        StationCertificateStore store = StationCertificateStore.builder(CertificateStorePersistence.inMemory()).build();
        store.installRoot(RootCertificateType.CSMS_ROOT_CERTIFICATE, csmsRoot);

        // Every security event goes to the security log; critical ones to a durable queue for the CSMS (A04)
        SecurityEventReporter events = new SecurityEventReporter(
                SecurityLog.open(dataDir.resolve("security-log"), SecurityLogOptions.defaults()),
                FileSecurityEventQueue.open(dataDir.resolve("events.journal"), SecurityEventQueueOptions.defaults()),
                () -> { /* wake the sender */ });

        // TLS to the CSMS: only the installed CSMS root, CN = FQDN, TLS 1.2/1.3 with the OCPP suites;
        // a failed handshake becomes InvalidCsmsCertificate / InvalidTLSVersion / InvalidTLSCipherSuite
        StationTlsContext tls = StationTlsContext.forClient(SecurityProfile.TLS_CLIENT_CERTIFICATE,
                        store.trustAnchors(RootCertificateType.CSMS_ROOT_CERTIFICATE))
                .expectedHost("csms.example.com")
                .clientCertificateFrom(store)   // the active ChargingStationCertificate, renewals included
                .failureListener(TlsFailureListener.reportingTo(events))
                .build();

        // A02/A03: trigger -> new key pair + CSR -> CertificateSigned validated, stored, used from notBefore
        CertificateSigningClient certificates =
                CertificateSigningClient.builder(store, events, "Example CSO", "CS-0001").build();
        TriggerResult trigger = certificates.onTriggerMessage(
                CertificateUpdateAdvisor.triggerFor(CertificateSigningUse.CHARGING_STATION_CERTIFICATE));
        sent.add(trigger.response());                // answer first ...
        trigger.followUp().ifPresent(sent::add);     // ... then SignCertificateRequest with a fresh key
        // README:station:end
        assertThat(tls.sslContext()).isNotNull();
        assertThat(sent).hasSize(2);
        SignCertificateRequest csr = (SignCertificateRequest) sent.get(1);

        // The CSMS half of the same flow, and the station installing the result.
        CertificateSigningService service = CertificateSigningService.of(CsrInspector.forOrganization("Example CSO"),
                InsecureLocalCertificateAuthority.builder(PKI.csoSubCa().certificate(),
                        PKI.csoSubCa().keyPair().getPrivate())
                        .build());
        SignCertificateOutcome outcome = service.onSignCertificate("CS-0001", "CS-0001", csr);
        CertificateSignedRequest signed = outcome.certificateSigned().orElseThrow().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        CertificateSignedResponse answer = certificates.onCertificateSigned(signed);
        assertThat(answer.status()).isEqualTo(CertificateSignedStatus.ACCEPTED);
        assertThat(store.activeCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).isPresent();
    }

    @Test
    void csmsSnippetRuns() throws Exception {
        List<TlsKeyMaterial> csmsEcAndRsa = List.of(
                TlsKeyMaterial.of(PKI.csmsEc().keyPair().getPrivate(), PKI.csmsEc().chain()),
                TlsKeyMaterial.of(PKI.csmsRsa().keyPair().getPrivate(), PKI.csmsRsa().chain()));
        X509Certificate csoRoot = PKI.csoRoot().certificate();
        InMemoryCredentialStore credentials = new InMemoryCredentialStore();
        credentials.put(CredentialState.withPassword(ChargingStationIdentity.of("CS-0001"),
                PasswordHasher.defaults().hash(BasicAuthPassword.of("Correct-Horse-Battery-42"))));
        String authorizationHeader = BasicAuthHeader.encode(ChargingStationIdentity.of("CS-0001"),
                BasicAuthPassword.of("Correct-Horse-Battery-42"));
        // README:csms:begin
        // Profile 3 endpoint: ECDSA and RSA certificates side by side, client certificates validated in the
        // handshake against the CSO hierarchy (path, O = CSO name, key strength, revocation if configured)
        CsmsTlsContext profile3 = CsmsTlsContext.forServer(SecurityProfile.TLS_CLIENT_CERTIFICATE, csmsEcAndRsa)
                .stationCertificates(TrustAnchors.cso(csoRoot), "Example CSO")
                .build();
        // hand profile3.sslContext() to Jetty, Netty or an SSLServerSocketFactory user: every engine and socket it
        // makes carries the policy (versions, suites, client authentication), and a handshake outside it fails closed;
        // after the handshake: profile3.stationIdentity(session).checkIdentity(urlIdentity)   (A00.FR.405)

        // Profile 2: Basic auth checked at the HTTP upgrade, against salted hashes (A00.FR.202-204, A01.FR.08)
        BasicAuthenticator basicAuth = new BasicAuthenticator(credentials, PasswordHasher.defaults());
        AuthenticationResult auth = basicAuth.authenticate("CS-0001", authorizationHeader);
        if (!auth.isAccepted()) { /* answer the upgrade with 401 */ }

        // A02/A03: inspect the CSR (CN bound to this station, O, key, proof of possession), then ask the CA
        CertificateSigningService signing = CertificateSigningService.of(
                CsrInspector.forOrganization("Example CSO"), myCertificateAuthority);
        // ... signing.onSignCertificate(identity, serial, signCertificateRequest) -> response + CertificateSigned
        // README:csms:end
        assertThat(profile3.sslContext()).isNotNull();
        assertThat(auth.isAccepted()).isTrue();
        assertThat(signing).isNotNull();
    }

    @Test
    void csmsAdmissionSnippetRuns() throws Exception {
        List<TlsKeyMaterial> csmsEcAndRsa = List.of(
                TlsKeyMaterial.of(PKI.csmsEc().keyPair().getPrivate(), PKI.csmsEc().chain()),
                TlsKeyMaterial.of(PKI.csmsRsa().keyPair().getPrivate(), PKI.csmsRsa().chain()));
        CsmsTlsContext profile2 = CsmsTlsContext.forServer(SecurityProfile.TLS_BASIC_AUTH, csmsEcAndRsa).build();
        InMemoryCredentialStore credentials = new InMemoryCredentialStore();
        credentials.put(CredentialState.withPassword(ChargingStationIdentity.of("CS-0001"),
                PasswordHasher.defaults().hash(BasicAuthPassword.of("Correct-Horse-Battery-42"))));
        Optional<String> authorization = Optional.of(BasicAuthHeader.encode(ChargingStationIdentity.of("CS-0001"),
                BasicAuthPassword.of("Correct-Horse-Battery-42")));
        String urlIdentity = "CS-0001";
        SSLSession sslSession = loopbackSession(profile2);
        List<Integer> answered = new ArrayList<>();
        try (SecurityLog securityLog = SecurityLog.open(dataDir.resolve("csms-log"), SecurityLogOptions.defaults())) {
            // README:csms-admission:begin
            // One call decides the upgrade: identity, TLS session, Basic auth (profiles 1/2) or certificate
            // CN = URL identity (profile 3), the endpoint's profile (A00.FR.002), no lower profile (A05.FR.07)
            CsmsAdmission admission = CsmsAdmission.builder(profile2)
                    .passwords(new BasicAuthenticator(credentials, PasswordHasher.defaults()))
                    .profileRegistry(new StationProfileRegistry(StationProfileStore.inMemory()))
                    .securityEvents(securityLog::append)       // FailedToAuthenticateAtCsms (A00.FR.408)
                    .build();
            AdmissionDecision decision = admission.admit(
                    ConnectionAttempt.overTls(urlIdentity, sslSession, authorization));
            if (decision instanceof AdmissionDecision.Rejected) {
                AdmissionDecision.Rejected refused = (AdmissionDecision.Rejected) decision;
                // answer refused.httpStatus(), with refused.wwwAuthenticate() on a 401; the reason holds no secret
                answered.add(refused.httpStatus());
            } else {
                // answer 101; once the WebSocket is open, raise the station's profile floor (A05.FR.07):
                admission.connected((AdmissionDecision.Accepted) decision);
                answered.add(101);
            }
            // README:csms-admission:end
            assertThat(answered).containsExactly(101);
            AdmissionDecision wrong = admission.admit(ConnectionAttempt.overTls(urlIdentity, sslSession,
                    Optional.empty()));
            assertThat(((AdmissionDecision.Rejected) wrong).httpStatus()).isEqualTo(401);
            assertThat(securityLog.reader().entries(Optional.empty(), Optional.empty())).hasSize(1);
        }
    }

    /** @return the server side of a real loopback handshake with the context */
    private static SSLSession loopbackSession(CsmsTlsContext csms) throws Exception {
        StationTlsContext station = StationTlsContext.forClient(csms.profile(), List.of(PKI.csoRoot().certificate()))
                .expectedHost(TestPki.CSMS_FQDN).build();
        try (SSLServerSocket server = csms.createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<SSLSession> accepted = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.startHandshake();
                    s.getOutputStream().write('K');
                    s.getOutputStream().flush();
                    return s.getSession();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (SSLSocket client = station.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    server.getLocalPort()), Duration.ofSeconds(5))) {
                assertThat(client.getInputStream().read()).isEqualTo('K');
            }
            return accepted.get(10, TimeUnit.SECONDS);
        }
    }

    private final io.ocppsec.api.spi.CertificateAuthority myCertificateAuthority =
            InsecureLocalCertificateAuthority.builder(PKI.csoSubCa().certificate(),
                    PKI.csoSubCa().keyPair().getPrivate())
                    .build();

    @Test
    void readmeShowsExactlyTheseSnippets() throws Exception {
        Path root = io.ocppsec.examples.cli.RequirementMatrixTestAccess.repoRoot();
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        String source = Files.readString(root.resolve(
                "examples/cli/src/test/java/io/ocppsec/examples/readme/ReadmeSnippetsTest.java"), StandardCharsets.UTF_8);
        for (String name : List.of("station", "csms", "csms-admission")) {
            String snippet = between(source, "// README:" + name + ":begin\n", "// README:" + name + ":end");
            int indent = snippet.length() - snippet.stripLeading().length();
            String normalized = snippet.lines().map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
                    .collect(Collectors.joining("\n"));
            assertThat(readme).as("README.md must contain the '" + name + "' snippet of " + getClass().getSimpleName())
                    .contains(normalized);
        }
    }

    private static String between(String s, String begin, String end) {
        int a = s.indexOf(begin);
        int b = s.indexOf(end, a);
        return s.substring(a + begin.length(), b).stripTrailing();
    }

    @SuppressWarnings("unused")
    private static void unused(TriggerMessageRequest t, Duration d) {
    }
}
