package io.ocppsec.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A bad {@code --include} says what is wrong and how to fix it (it used to print "error: null"). */
class BenchCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new BenchCommand()).setErr(new PrintWriter(err, true)).execute(args);
    }

    @Test
    void anIncludeThatMatchesNoBenchmarkSaysSoWithTheFix() {
        assertThat(run("--include", "nonexistent.*")).isEqualTo(2);
        assertThat(err.toString()).startsWith("--include 'nonexistent.*' matches no benchmark;")
                .contains("e.g. --include 'HandshakeBenchmark'").doesNotContain("null");
    }

    @Test
    void anIncludeThatIsNoRegularExpressionSaysSo() {
        assertThat(run("--include", "(")).isEqualTo(2);
        assertThat(err.toString()).startsWith("--include '(' is not a regular expression (");
    }
}
