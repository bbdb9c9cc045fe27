package io.ocppsec.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.message.CertificateSignedResponse;
import io.ocppsec.api.message.GenericStatus;
import io.ocppsec.api.message.SetVariableResult;
import io.ocppsec.api.message.SignCertificateResponse;
import io.ocppsec.api.message.StatusInfo;
import io.ocppsec.core.event.SecurityLogEntry;
import io.ocppsec.core.event.SecurityLogReader;
import io.ocppsec.examples.rpc.CloseStatus;
import io.ocppsec.examples.station.ConnectOutcome;
import io.ocppsec.testing.Verifies;
import io.ocppsec.tls.TlsFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole demo once, headless, and checks every step and that each negative case failed for the
 * right reason (the CSMS's or the station's own verdict, not just "an exception happened").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoRunnerTest {

    @TempDir
    static Path dir;

    private final StringWriter text = new StringWriter();
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private DemoRunner.Report report;
    private long millis;

    @BeforeAll
    void runDemo() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        long start = System.nanoTime();
        report = DemoRunner.builder().outDir(dir).out(new PrintWriter(text, true)).timeout(Duration.ofSeconds(10))
                .secretWitness(secrets::add).build().run();
        millis = (System.nanoTime() - start) / 1_000_000;
        ThreadLeaks.assertNoNewThreads(before);
    }

    @Test
    void everyStepPassesWellUnderThirtySeconds() {
        assertThat(report.failed()).as(text.toString()).isZero();
        assertThat(report.exitCode()).isZero();
        assertThat(report.steps()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(text.toString()).contains(report.steps().size() + " steps passed, 0 failed");
        assertThat(millis).as("demo duration in ms").isLessThan(30_000);
    }

    @Test
    @Verifies({"A00.FR.301"})
    void wrongPasswordIsRefusedWithHttp401ForTheWrongPassword() {
        assertRefused("Wrong password refused", 401, "WRONG_PASSWORD");
    }

    @Test
    @Verifies({"A00.FR.302"})
    void missingCredentialsAreRefusedWithHttp401() {
        assertRefused("Missing credentials refused", 401, "MISSING_HEADER");
    }

    @Test
    @Verifies({"A00.FR.303"})
    void usernameOtherThanIdentityIsRefusedWithHttp401() {
        assertRefused("Username other than the identity refused", 401, "USERNAME_MISMATCH");
    }

    @Test
    @Verifies({"A01.FR.02", "A01.FR.03"})
    void theOldPasswordIsRefusedOnceTheStationAcceptedTheNewOne() {
        assertThat(report.step("Password rotation").orElseThrow().passed()).isTrue();
        assertRefused("Old password refused after the rotation", 401, "WRONG_PASSWORD");
    }

    @Test
    @Verifies({"A05.FR.07"})
    void aStationThatReachedProfile3IsRefusedOnTheProfile2Endpoint() {
        DemoScenario.Refused r = assertRefused("Profile 2 refused after the upgrade", 403, "A05.FR.07");
        assertThat(r.csms().endpoint()).isEqualTo(DemoCsms.P2);
    }

    @Test
    @Verifies({"A00.FR.308", "A00.FR.310", "A00.FR.311"})
    void csmsCertificateFromAnUnknownCaEndsTheHandshakeWithInvalidCsmsCertificate() throws IOException {
        ConnectOutcome.Failed f = (ConnectOutcome.Failed) observed("CSMS certificate from an unknown CA refused");
        assertThat(f.kind()).isEqualTo(ConnectOutcome.Kind.TLS_HANDSHAKE);
        TlsFailure tls = f.tlsFailure().orElseThrow();
        assertThat(tls.kind()).isEqualTo(TlsFailure.Kind.INVALID_PEER_CERTIFICATE);
        assertThat(tls.securityEventType()).contains(SecurityEventType.INVALID_CSMS_CERTIFICATE);
        assertThat(tls.violations().blocking()).anyMatch(v -> v.requirement().value().equals("A00.FR.308"));
        assertThat(loggedTypes()).contains(SecurityEventType.INVALID_CSMS_CERTIFICATE);
    }

    @Test
    @Verifies({"A00.FR.318", "A00.FR.319"})
    void theCsmsServesAnEcdsaAndAnRsaCertificate() {
        @SuppressWarnings("unchecked")
        List<String> kinds = (List<String>) observed("ECDSA and RSA CSMS certificates");
        assertThat(kinds.get(0)).startsWith("EC certificate, TLSv1.2 TLS_ECDHE_ECDSA_");
        assertThat(kinds.get(1)).startsWith("RSA certificate, TLSv1.2 TLS_");
    }

    @Test
    @Verifies({"A00.FR.407"})
    void stationWithoutClientCertificateFailsInTheTlsHandshake() {
        ConnectOutcome.Failed f = (ConnectOutcome.Failed) observed("Station without a client certificate refused");
        assertThat(f.kind()).isEqualTo(ConnectOutcome.Kind.TLS_HANDSHAKE);
        assertThat(f.tlsFailure()).isPresent();
        assertThat(report.step("Station without a client certificate refused").orElseThrow().narrative())
                .contains("INVALID_PEER_CERTIFICATE");
    }

    @Test
    @Verifies({"A02.FR.12"})
    void csrForAnotherStationsSerialIsRejectedAsInvalidCsr() {
        SignCertificateResponse r = (SignCertificateResponse) observed("CSR for another station's serial refused");
        assertThat(r.status()).isEqualTo(GenericStatus.REJECTED);
        assertThat(r.statusInfo().map(StatusInfo::reasonCode)).contains("InvalidCSR");
        assertThat(report.step("CSR for another station's serial refused").orElseThrow().narrative())
                .contains("found CN 'CS-9999'");
    }

    @Test
    @Verifies({"A02.FR.02", "A02.FR.03", "A02.FR.11"})
    void triggeredCsrIsAcceptedBySignCertificate() {
        SignCertificateResponse r = (SignCertificateResponse) observed("TriggerMessage, then SignCertificate");
        assertThat(r.status()).isEqualTo(GenericStatus.ACCEPTED);
    }

    @Test
    @Verifies({"A02.FR.06", "A02.FR.07"})
    void certificateSignedFromAForeignCaIsRejectedAndLogged() throws IOException {
        CertificateSignedResponse r = (CertificateSignedResponse) observed("CertificateSigned from a foreign CA rejected");
        assertThat(r.status()).isEqualTo(CertificateSignedResponse.CertificateSignedStatus.REJECTED);
        assertThat(r.statusInfo().map(StatusInfo::reasonCode)).contains("InvalidCertificate");
        assertThat(loggedTypes()).contains(SecurityEventType.INVALID_CHARGING_STATION_CERTIFICATE);
    }

    @Test
    @Verifies({"A02.FR.06", "A02.FR.08"})
    void certificateSignedByTheCsoCaIsInstalled() throws IOException {
        CertificateSignedResponse r = (CertificateSignedResponse) observed("CertificateSigned installed");
        assertThat(r.status()).isEqualTo(CertificateSignedResponse.CertificateSignedStatus.ACCEPTED);
        assertThat(Files.readString(dir.resolve("station-chain.pem"))).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    @Verifies({"A05.FR.03"})
    void upgradeIsRejectedWhileNoStationCertificateIsInstalled() {
        SetVariableResult r = (SetVariableResult) observed("Upgrade to profile 3 rejected without a station certificate");
        assertThat(r.attributeStatus()).isEqualTo(SetVariableResult.SetVariableStatus.REJECTED);
        assertThat(r.attributeStatusInfo().flatMap(StatusInfo::additionalInfo).orElseThrow()).contains("A05.FR.03");
    }

    @Test
    @Verifies({"A05.FR.04", "A05.FR.05", "A05.FR.06", "A00.FR.401", "A00.FR.402", "A00.FR.405"})
    void upgradeIsAcceptedThenTheStationRebootsIntoProfile3WithItsNewCertificate() {
        SetVariableResult r = (SetVariableResult) observed("Upgrade to profile 3 accepted");
        assertThat(r.attributeStatus()).isEqualTo(SetVariableResult.SetVariableStatus.ACCEPTED);
        ConnectOutcome o = (ConnectOutcome) observed("Reboot: profile 3 with the new certificate");
        assertThat(o.isConnected()).isTrue();
        assertThat(report.step("Reboot: profile 3 with the new certificate").orElseThrow().narrative())
                .contains("SecurityProfile=3, slot 1 removed, priority [2]");
    }

    @Test
    @Verifies({"A04.FR.01", "A04.FR.02", "A04.FR.03", "A04.FR.04"})
    void criticalEventsRaisedOfflineReachTheCsmsInOrderAfterReconnecting() throws IOException {
        assertThat(observed("Critical events while offline are queued and delivered in order"))
                .isEqualTo(List.of("TamperDetectionActivated", "SettingSystemTime"));
        assertThat(loggedTypes()).contains(SecurityEventType.TAMPER_DETECTION_ACTIVATED,
                SecurityEventType.SETTING_SYSTEM_TIME, SecurityEventType.STARTUP_OF_THE_DEVICE);
    }

    @Test
    @Verifies({"A01.FR.11", "A01.FR.12"})
    void thePasswordChangeIsLoggedWithoutItsValue() throws IOException {
        List<SecurityLogEntry> changes = log().stream()
                .filter(e -> e.event().type() == SecurityEventType.RECONFIGURATION_OF_SECURITY_PARAMETERS)
                .collect(Collectors.toList());
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).event().techInfo()).contains("SecurityCtrlr.BasicAuthPassword changed");
    }

    @Test
    void wrongSubprotocolIsNotAccepted() {
        Object o = observed("Subprotocol other than ocpp2.0.1 refused");
        assertThat(((ConnectOutcome.Failed) o).kind()).isEqualTo(ConnectOutcome.Kind.SUBPROTOCOL_NOT_ACCEPTED);
    }

    @Test
    void stationSeesTheCloseCodeAndReasonTheCsmsSent() {
        assertThat(observed("CSMS closes the session")).isEqualTo(new CloseStatus(1008, "demo: CSMS ends the session"));
    }

    @Test
    void onlyPublicPemFilesAndTheStationsLogsAreWritten() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        assertThat(names).containsExactlyInAnyOrder("cso-root.pem", "csms-ec-chain.pem", "csms-rsa-chain.pem",
                "station-chain.pem", "security-log", "security-events.journal");
    }

    @Test
    @Verifies({"A01.FR.09", "A01.FR.12", "A02.FR.05"})
    void noSecretReachesTheNarrativeOrAnyFile() throws IOException {
        assertThat(secrets).as("the witness saw the demo's secrets").hasSizeGreaterThan(8);
        String out = text.toString();
        assertThat(out).contains("[A00.FR.301]").contains("HTTP 401").contains("ocpp2.0.1")
                .doesNotContainPattern("Basic [A-Za-z0-9+/=]{8,}").doesNotContain("PRIVATE KEY");
        StringBuilder files = new StringBuilder();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).collect(Collectors.toList())) {
                files.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(files.toString()).doesNotContain("PRIVATE KEY");
        for (String secret : Set.copyOf(secrets)) {
            assertThat(out).as("narrative").doesNotContain(secret);
            assertThat(files.toString()).as("files in the out dir").doesNotContain(secret);
        }
    }

    @Test
    void aFailedStepFailsTheRunAndSkipsTheRest() {
        StringWriter w = new StringWriter();
        DemoRunner.Report r = DemoRunner.runSteps(List.of(
                new DemoRunner.Step("ok", List.of("A00.FR.306"), () -> DemoRunner.Outcome.of("fine")),
                new DemoRunner.Step("broken", List.of(), () -> {
                    throw new IllegalStateException("expected HTTP 401, got Connected");
                }),
                new DemoRunner.Step("after", List.of(), () -> DemoRunner.Outcome.of("never"))), new PrintWriter(w, true));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.passed()).isEqualTo(1);
        assertThat(r.failed()).isEqualTo(2);
        assertThat(w.toString()).contains("PASS  1. ok [A00.FR.306]: fine")
                .contains("FAIL  2. broken: FAILED: IllegalStateException: expected HTTP 401, got Connected")
                .contains("FAIL  3. after: not run").endsWith("1 steps passed, 2 failed" + System.lineSeparator());
    }

    @Test
    void anEmptyRunIsNotASuccess() {
        assertThat(DemoRunner.runSteps(List.of(), new PrintWriter(new StringWriter())).exitCode()).isEqualTo(1);
    }

    private DemoScenario.Refused assertRefused(String step, int status, String reasonStart) {
        DemoScenario.Refused r = (DemoScenario.Refused) observed(step);
        assertThat(r.station()).isEqualTo(new ConnectOutcome.Refused(status));
        assertThat(r.csms().httpStatus()).isEqualTo(status);
        assertThat(r.csms().reason()).startsWith(reasonStart);
        // A00.FR.408: the CSMS logged the refusal, with the identity and the status, never the credentials.
        assertThat(r.csms().event().type()).isEqualTo(io.ocppsec.api.event.SecurityEventType.FAILED_TO_AUTHENTICATE_AT_CSMS);
        assertThat(r.csms().event().techInfo().orElseThrow()).contains(DemoScenario.IDENTITY)
                .contains(String.valueOf(status));
        return r;
    }

    private List<SecurityLogEntry> log() throws IOException {
        return SecurityLogReader.of(dir.resolve("security-log")).entries(Optional.empty(), Optional.empty());
    }

    private List<SecurityEventType> loggedTypes() throws IOException {
        return log().stream().map(e -> e.event().type()).collect(Collectors.toList());
    }

    private Object observed(String step) {
        DemoRunner.StepResult r = report.step(step).orElseThrow();
        assertThat(r.passed()).as(r.narrative()).isTrue();
        return r.observed().orElseThrow();
    }
}
