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
import io.ocppsec.core.ca.LocalCertificateAuthority;
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
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.CsmsTlsContext;
import io.ocppsec.tls.StationTlsContext;
import io.ocppsec.tls.TlsKeyMaterial;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
        TestCertificate lab = PKI.station();
        TlsKeyMaterial stationKey = TlsKeyMaterial.of(lab.keyPair().getPrivate(), lab.chain());
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
                .clientKeyMaterial(stationKey)
                .failureListener(failure -> failure.toSecurityEvent().ifPresent(e -> {
                    try { events.report(e); } catch (Exception ignored) { /* logged by the reporter */ }
                }))
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
                LocalCertificateAuthority.builder(PKI.csoSubCa().certificate(), PKI.csoSubCa().keyPair().getPrivate())
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
        // hand profile3.sslContext() / profile3.configure(engine) to Jetty, Netty or an SSLServerSocket;
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

    private final io.ocppsec.api.spi.CertificateAuthority myCertificateAuthority =
            LocalCertificateAuthority.builder(PKI.csoSubCa().certificate(), PKI.csoSubCa().keyPair().getPrivate())
                    .build();

    @Test
    void readmeShowsExactlyTheseSnippets() throws Exception {
        Path root = io.ocppsec.examples.cli.RequirementMatrixTestAccess.repoRoot();
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        String source = Files.readString(root.resolve(
                "examples/src/test/java/io/ocppsec/examples/readme/ReadmeSnippetsTest.java"), StandardCharsets.UTF_8);
        for (String name : List.of("station", "csms")) {
            String snippet = between(source, "// README:" + name + ":begin\n", "        // README:" + name + ":end");
            String normalized = snippet.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
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
