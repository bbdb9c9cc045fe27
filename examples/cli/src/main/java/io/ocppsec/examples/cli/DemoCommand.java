package io.ocppsec.examples.cli;

import io.ocppsec.examples.demo.DemoRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code demo}: runs the end-to-end demo (CSMS and Charging Station over a TLS WebSocket on loopback, both
 * configured only through the SDK) and exits 0 only if every step passed. The SDK's own INFO log lines are
 * hidden unless {@code --verbose} is given, so the narrative is the output.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the end-to-end demo: a CSMS (Jetty 12) and a Charging Station (JDK HttpClient) over a "
                + "real TLS WebSocket on 127.0.0.1, configured only through the SDK.",
            "It shows profile 2 (Basic auth), password rotation (A01), security events (A04), a new station "
                + "certificate (A02), the upgrade to profile 3 (A05), with negative cases. Each step names the "
                + "requirement IDs it shows. Without --out the files go to a temporary directory that is removed "
                + "at the end.",
            "Exit code 0 only if every step passed."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = {"Directory for the public PEM files, the station's security log (security-log/) and its",
                "event journal (security-events.journal; both replaced on each run). No private key is written.",
                "Default: a new temp directory."})
    private Path out;

    @Option(names = "--verbose", description = "Also show the SDK's INFO log lines (never secrets) on stderr.")
    private boolean verbose;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Connect and call timeout of each step (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Override
    public Integer call() {
        if (timeoutSeconds < 1 || timeoutSeconds > 300) {
            spec.commandLine().getErr().println("error: --timeout must be 1 to 300 seconds");
            return OcppSecurityCli.EXIT_USAGE;
        }
        DemoRunner.Builder b = DemoRunner.builder().out(spec.commandLine().getOut())
                .timeout(Duration.ofSeconds(timeoutSeconds));
        if (out != null) {
            b.outDir(out);
        }
        // The default System.Logger backend is java.util.logging; its console shows INFO. Keep a strong
        // reference to the logger while the level is changed.
        java.util.logging.Logger sdk = java.util.logging.Logger.getLogger("io.ocppsec");
        java.util.logging.Level before = sdk.getLevel();
        if (!verbose) {
            sdk.setLevel(java.util.logging.Level.WARNING);
        }
        try {
            return b.build().run().exitCode();
        } finally {
            sdk.setLevel(before);
        }
    }
}
