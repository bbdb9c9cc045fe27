package io.ocppsec.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.message.CertificateSignedRequest;
import io.ocppsec.api.message.CertificateSignedResponse;
import io.ocppsec.api.message.CertificateSignedResponse.CertificateSignedStatus;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.GenericStatus;
import io.ocppsec.api.message.InstallCertificateRequest;
import io.ocppsec.api.message.InstallCertificateResponse;
import io.ocppsec.api.message.InstallCertificateUse;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.api.message.SignCertificateResponse;
import io.ocppsec.api.message.TriggerMessageRequest;
import io.ocppsec.api.message.TriggerMessageResponse;
import io.ocppsec.api.message.TriggerMessageResponse.TriggerMessageStatus;
import io.ocppsec.api.spi.CertificateAuthority;
import io.ocppsec.core.ca.InsecureLocalCertificateAuthority;
import io.ocppsec.core.cert.ChainValidationResult;
import io.ocppsec.core.cert.OcppChainValidator;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.core.csr.CsrInspector;
import io.ocppsec.core.event.FileSecurityEventQueue;
import io.ocppsec.core.event.SecurityEventQueueOptions;
import io.ocppsec.core.event.SecurityEventReporter;
import io.ocppsec.core.event.SecurityLog;
import io.ocppsec.core.event.SecurityLogOptions;
import io.ocppsec.core.signing.CertificateSigningClient;
import io.ocppsec.core.signing.CertificateSigningService;
import io.ocppsec.core.signing.CertificateUpdateAdvisor;
import io.ocppsec.core.signing.SignCertificateOutcome;
import io.ocppsec.core.signing.TriggerResult;
import io.ocppsec.core.signing.UpdateAdvice;
import io.ocppsec.core.station.CertificateStoreHandler;
import io.ocppsec.core.store.CertificateStorePersistence;
import io.ocppsec.core.store.StationCertificateStore;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snippets of docs/start-here.md, compiled and run as one A02 flow between a station and a CSMS. Each snippet
 * on the page must appear verbatim (modulo indentation) between the matching {@code START-HERE:<name>} markers
 * below, so the page cannot drift from the API.
 */
class StartHereSnippetsTest {

    /** The snippets use the system clock, as an integrator would: the PKI is minted around now. */
    private static final TestPki PKI = TestPki.create(KeyType.EC_P256, Instant.now());
    private static final List<String> SNIPPETS = List.of("station-handlers", "station-renewal", "csms-signing",
            "csms-advice");

    @TempDir
    Path dataDir;

    private SecurityProfile currentProfile = SecurityProfile.TLS_BASIC_AUTH;

    @Test
    void snippetsRunAsOneA02Flow() throws Exception {
        Clock clock = Clock.systemUTC();
        Instant start = clock.instant();
        StationCertificateStore store = StationCertificateStore.builder(CertificateStorePersistence.inMemory())
                .clock(clock).build();
        SecurityEventReporter events = new SecurityEventReporter(
                SecurityLog.open(dataDir.resolve("security-log"), SecurityLogOptions.defaults().withClock(clock)),
                FileSecurityEventQueue.open(dataDir.resolve("events.journal"),
                        SecurityEventQueueOptions.defaults().withClock(clock)), () -> { });
        InstallCertificateRequest installCertificate = new InstallCertificateRequest(
                InstallCertificateUse.CSMS_ROOT_CERTIFICATE, PKI.csoRoot().pem());
        TriggerMessageRequest triggerMessage =
                CertificateUpdateAdvisor.triggerFor(CertificateSigningUse.CHARGING_STATION_CERTIFICATE);
        List<Object> sent = new CopyOnWriteArrayList<>();

        // START-HERE:station-handlers:begin
        // A02/A03 and the certificate-store messages: two handlers on one store, one profile-1 rule
        Supplier<SecurityProfile> profile = () -> currentProfile;
        CertificateSigningClient signing = CertificateSigningClient.builder(store, events, "Example CSO", "CS-0001")
                .certSigning(Duration.ofSeconds(60), 2)          // CertSigningWaitMinimum, CertSigningRepeatTimes
                .securityProfile(profile).build();
        CertificateStoreHandler certificates = CertificateStoreHandler.builder(store, events)
                .securityProfile(profile).build();

        sent.add(certificates.onInstallCertificate(installCertificate));  // the CSO root (M05)
        TriggerResult trigger = signing.onTriggerMessage(triggerMessage);  // A02: the CSMS asks for a new certificate
        sent.add(trigger.response());                                       // answer first ...
        trigger.followUp().ifPresent(sent::add);                            // ... then the CSR for a new key pair
        // START-HERE:station-handlers:end
        assertThat(sent).hasSize(3);
        assertThat(((InstallCertificateResponse) sent.get(0)).status())
                .isEqualTo(InstallCertificateResponse.InstallCertificateStatus.ACCEPTED);
        assertThat(((TriggerMessageResponse) sent.get(1)).status()).isEqualTo(TriggerMessageStatus.ACCEPTED);
        SignCertificateRequest signCertificateRequest = (SignCertificateRequest) sent.get(2);
        sent.clear();

        CertificateAuthority certificateAuthority = InsecureLocalCertificateAuthority.builder(PKI.csoSubCa().certificate(),
                PKI.csoSubCa().keyPair().getPrivate()).clock(clock).build();
        // START-HERE:csms-signing:begin
        // A02/A03: inspect the CSR (CN = this station's serial, O, key, proof of possession), then the CA
        CertificateSigningService signingService = CertificateSigningService.of(
                CsrInspector.forOrganization("Example CSO"), certificateAuthority);
        SignCertificateOutcome outcome = signingService.onSignCertificate("CS-0001", "CS-0001", signCertificateRequest);
        sent.add(outcome.response());                                        // Accepted, or Rejected with InvalidCSR
        outcome.certificateSigned().ifPresent(stage -> stage.thenAccept(sent::add)); // later: CertificateSignedRequest
        // START-HERE:csms-signing:end
        SignCertificateResponse signCertificateResponse = (SignCertificateResponse) sent.get(0);
        assertThat(signCertificateResponse.status()).isEqualTo(GenericStatus.ACCEPTED);
        CertificateSignedRequest certificateSigned = outcome.certificateSigned().orElseThrow().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertThat(sent).contains(certificateSigned);
        sent.clear();

        // START-HERE:station-renewal:begin
        // A03: renew before expiry (call it daily); then follow the CSMS's answers
        signing.renewalIfDue(CertificateSigningUse.CHARGING_STATION_CERTIFICATE).ifPresent(sent::add);
        Optional<Instant> pollAt = signing.onSignCertificateResponse(signCertificateResponse); // then pollRetry(use)
        // The CertificateSignedRequest: checked (A02.FR.06), stored with the pending key, used from notBefore
        CertificateSignedResponse answer = signing.onCertificateSigned(certificateSigned);
        // START-HERE:station-renewal:end
        assertThat(sent).as("no certificate yet, so no renewal is due: the A02 CSR is pending").isEmpty();
        assertThat(pollAt).hasValueSatisfying(at -> assertThat(at)
                .isBetween(start.plusSeconds(60), clock.instant().plusSeconds(60)));
        assertThat(answer.status()).isEqualTo(CertificateSignedStatus.ACCEPTED);
        List<X509Certificate> presentedChain = store
                .activeCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE).orElseThrow().chain();

        X509Certificate csoRoot = PKI.csoRoot().certificate();
        boolean factoryCredentials = true;
        // START-HERE:csms-advice:begin
        // When to start A02: factory credentials, or a certificate the CSO did not issue (A02.FR.01, A00.FR.406)
        CertificateUpdateAdvisor advisor = CertificateUpdateAdvisor.builder(TrustAnchors.cso(csoRoot), "Example CSO")
                .build();
        UpdateAdvice advice = advisor.advise("CS-0001", presentedChain, factoryCredentials);
        advice.trigger().ifPresent(sent::add);         // TriggerMessage(SignChargingStationCertificate)

        // The station check on its own; each role has its own validator type: only this one takes a serial number
        OcppChainValidator.StationCertificates stations = OcppChainValidator
                .stationBuilder(TrustAnchors.cso(csoRoot), "Example CSO").clock(clock).build();
        ChainValidationResult checked = stations.withExpectedSerialNumber("CS-0001").validate(presentedChain);
        // START-HERE:csms-advice:end
        assertThat(advice.reasons()).containsExactly(UpdateAdvice.Reason.FACTORY_CREDENTIALS);
        assertThat(sent).containsExactly(triggerMessage);
        assertThat(checked.isCompliant()).as(checked.result().describe()).isTrue();
        assertThat(stations.withExpectedSerialNumber("CS-0002").validate(presentedChain).result()
                .violates("A00.FR.405")).isTrue();

        // The profile-1 rule of the first snippet: both handlers refuse once the profile is 1.
        currentProfile = SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH;
        assertThat(certificates.onInstallCertificate(installCertificate).status())
                .isEqualTo(InstallCertificateResponse.InstallCertificateStatus.REJECTED);
        assertThat(signing.onTriggerMessage(triggerMessage).response().status())
                .isEqualTo(TriggerMessageStatus.REJECTED);
    }

    @Test
    void startHereShowsExactlyTheseSnippets() throws Exception {
        Path root = repoRoot();
        String page = Files.readString(root.resolve("docs/start-here.md"), StandardCharsets.UTF_8);
        String source = Files.readString(root.resolve(
                "ocpp-security-core/src/test/java/io/ocppsec/docs/StartHereSnippetsTest.java"), StandardCharsets.UTF_8);
        for (String name : SNIPPETS) {
            String snippet = between(source, "// START-HERE:" + name + ":begin\n",
                    "        // START-HERE:" + name + ":end");
            String normalized = snippet.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                    .collect(Collectors.joining("\n"));
            assertThat(page).as("docs/start-here.md must contain the '" + name + "' snippet").contains(normalized);
        }
        assertThat(page.split("```java", -1)).as("one compiled snippet per java block").hasSize(SNIPPETS.size() + 1);
        assertThat(Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8)).contains("docs/start-here.md");
    }

    private static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("docs/start-here.md")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    private static String between(String s, String begin, String end) {
        int a = s.indexOf(begin);
        int b = s.indexOf(end, a);
        assertThat(a).as("marker " + begin.strip()).isNotNegative();
        return s.substring(a + begin.length(), b).stripTrailing();
    }
}
