package io.ocppsec.examples.cli;

import io.ocppsec.examples.bench.BenchmarkReport;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bench}: runs the JMH benchmarks and prints results with SDK/baseline ratios. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run the JMH benchmarks and print a table with SDK/baseline ratios measured in the same run.",
            "Default: short configuration (1 fork, 2x1s warm-up, 3x2s measurement), about 5-8 minutes on 2 cores."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--long", description = "Release configuration: 2 forks, 5x2s warm-up, 10x3s measurement.")
    private boolean longRun;

    @Option(names = "--include", defaultValue = "io\\.ocppsec\\.examples\\.bench\\..*",
            description = "Regular expression of benchmarks to run (default: all).")
    private String include;

    @Override
    public Integer call() throws Exception {
        ChainedOptionsBuilder b = new OptionsBuilder().include(include).shouldFailOnError(true);
        if (longRun) {
            b.forks(2).warmupIterations(5).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(10).measurementTime(TimeValue.seconds(3));
        } else {
            b.forks(1).warmupIterations(2).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3).measurementTime(TimeValue.seconds(2));
        }
        Collection<RunResult> results = new Runner(b.build()).run();
        PrintWriter out = spec.commandLine().getOut();
        BenchmarkReport.of(results).print(out);
        return 0;
    }
}
