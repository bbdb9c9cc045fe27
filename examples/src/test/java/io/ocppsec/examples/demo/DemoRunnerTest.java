package io.ocppsec.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.requirement.Verifies;
import io.ocppsec.examples.rpc.CloseStatus;
import io.ocppsec.examples.station.ConnectOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Runs the whole demo once, headless, and checks every step and the reasons of the negative cases. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoRunnerTest {

    @TempDir
    static Path dir;

    private final StringWriter text = new StringWriter();
    private DemoRunner.Report report;
    private long millis;

    @BeforeAll
    void runDemo() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        long start = System.nanoTime();
        report = DemoRunner.builder().outDir(dir).out(new PrintWriter(text, true)).timeout(Duration.ofSeconds(10))
                .build().run();
        millis = (System.nanoTime() - start) / 1_000_000;
        ThreadLeaks.assertNoNewThreads(before);
    }

    @Test
    void everyStepPassesWellUnderAMinute() {
        assertThat(report.failed()).as(text.toString()).isZero();
        assertThat(report.exitCode()).isZero();
        assertThat(report.steps()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(text.toString()).contains(report.steps().size() + " steps passed, 0 failed");
        assertThat(millis).as("demo duration in ms").isLessThan(30_000);
    }

    @Test
    @Verifies({"A00.FR.301"})
    void wrongPasswordIsRefusedWithHttp401() {
        assertThat(observed("Wrong password refused")).isEqualTo(new ConnectOutcome.Refused(401));
    }

    @Test
    @Verifies({"A00.FR.302"})
    void missingCredentialsAreRefusedWithHttp401() {
        assertThat(observed("Missing credentials refused")).isEqualTo(new ConnectOutcome.Refused(401));
    }

    @Test
    @Verifies({"A00.FR.303"})
    void usernameOtherThanIdentityIsRefusedWithHttp401() {
        assertThat(observed("Username other than the identity refused")).isEqualTo(new ConnectOutcome.Refused(401));
    }

    @Test
    @Verifies({"A00.FR.407"})
    void stationWithoutClientCertificateFailsInTheTlsHandshake() {
        Object o = observed("Station without a client certificate refused");
        assertThat(o).isInstanceOf(ConnectOutcome.Failed.class);
        assertThat(((ConnectOutcome.Failed) o).kind()).isEqualTo(ConnectOutcome.Kind.TLS_HANDSHAKE);
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
    void pkiFilesAreWrittenAndKeysAreOwnerOnly() throws Exception {
        List<String> names = Files.list(dir).map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        assertThat(names).containsExactlyInAnyOrder("cso-root.pem", "csms-chain.pem", "csms-key.pem", "station-chain.pem",
                "station-key.pem");
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(dir.resolve("station-key.pem")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.getPosixFilePermissions(dir.resolve("csms-key.pem")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        assertThat(Files.readString(dir.resolve("csms-key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void narrativeNamesRequirementsAndNeverPrintsCredentials() {
        String out = text.toString();
        assertThat(out).contains("[A00.FR.301]").contains("HTTP 401").contains("ocpp2.0.1");
        assertThat(out).doesNotContainPattern("Basic [A-Za-z0-9+/=]{8,}").doesNotContain("demo-Password").doesNotContain("demo-NewPassword")
                .doesNotContain("PRIVATE KEY");
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

    private Object observed(String step) {
        DemoRunner.StepResult r = report.step(step).orElseThrow();
        assertThat(r.passed()).as(r.narrative()).isTrue();
        return r.observed().orElseThrow();
    }
}
