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
 * {@code demo}: runs the end-to-end demo (CSMS and Charging Station over a TLS WebSocket on loopback) and
 * exits 0 only if every step passed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the end-to-end demo: a CSMS (Jetty 12) and a Charging Station (JDK HttpClient) over a",
            "real TLS WebSocket on 127.0.0.1, security profiles 2 and 3, with negative cases.",
            "Exit code 0 only if every step passed."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory for the lab PKI files (PEM; key files get permissions 600). Default: a new temp directory.")
    private Path out;

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
        return b.build().run().exitCode();
    }
}
