package io.ocppsec.examples.bench;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The benchmarks jar's entry point ({@code java -jar examples/bench/target/ocpp-security-benchmarks.jar}): runs
 * the JMH benchmarks and prints results with SDK/baseline ratios.
 */
@Command(name = "ocpp-security-benchmarks", mixinStandardHelpOptions = true,
        description = {"Run the JMH benchmarks and print a table with SDK/baseline ratios measured in the same run.",
            "Default: short configuration (1 fork, 2x1s warm-up and 3x2s measurement; 6x2s/4x2s for TLS handshakes),",
            "about 5 minutes on 2 cores."})
public final class BenchCommand implements Callable<Integer> {

    /** @param args the command line, see {@code --help} */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--long", description = "Release configuration: 2 forks, 5x2s warm-up, 10x3s measurement.")
    private boolean longRun;

    @Option(names = "--include", defaultValue = "io\\.ocppsec\\.examples\\.bench\\..*",
            description = "Regular expression of benchmarks to run (default: all).")
    private String include;

    @Override
    public Integer call() throws Exception {
        try {
            java.util.regex.Pattern.compile(include);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--include '" + include
                    + "' is not a regular expression (" + e.getDescription() + "); e.g. --include 'HandshakeBenchmark'");
        }
        ChainedOptionsBuilder b = new OptionsBuilder().include(include).shouldFailOnError(true);
        if (longRun) {
            b.forks(2).warmupIterations(5).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(10).measurementTime(TimeValue.seconds(3));
        } else {
            // Short configuration: 1 fork; warm-up and measurement come from each class's @Warmup/@Measurement
            // (the TLS handshake benchmark warms up longer: it has the most code to compile).
            b.forks(1);
        }
        Collection<RunResult> results;
        try {
            results = new Runner(b.build()).run();
        } catch (org.openjdk.jmh.runner.NoBenchmarksException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--include '" + include
                    + "' matches no benchmark; give a regular expression found in a benchmark's name "
                    + "(io.ocppsec.examples.bench.Class.method), e.g. --include 'HandshakeBenchmark', or leave --include out "
                    + "to run them all");
        }
        PrintWriter out = spec.commandLine().getOut();
        BenchmarkReport.of(results).print(out);
        return 0;
    }
}
