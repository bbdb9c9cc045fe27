package io.ocppsec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class OcppSecurityCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return OcppSecurityCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void requirementsPrintsCountsPerStatusAndGroup() {
        assertThat(run("requirements")).isZero();
        assertThat(out.toString()).contains("146 requirements").contains("implemented").contains("A05");
    }

    @Test
    void requirementsJsonIsMachineReadable() {
        assertThat(run("requirements", "--json")).isZero();
        assertThat(out.toString().trim()).startsWith("{\"total\":146,").endsWith("}}");
    }

    @Test
    void versionAndHelp() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("ocpp-security");
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("requirements");
    }

    @Test
    void demoIsRegisteredAndChecksItsOptions() {
        assertThat(run("demo", "--help")).isZero();
        assertThat(out.toString()).contains("--out").contains("--timeout");
        assertThat(run("demo", "--timeout", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--timeout");
    }

    @Test
    void unknownCommandIsUsageError() {
        assertThat(run("no-such-command")).isEqualTo(2);
        assertThat(err.toString()).contains("error:").startsWith("error: unknown command 'no-such-command'; the "
                + "commands are demo, requirements");
    }

    /** The command list shows each command's first description line: it must be a whole sentence, not cut off. */
    @Test
    void theTopLevelHelpShowsWholeSentences() {
        picocli.CommandLine cl = new picocli.CommandLine(new OcppSecurityCli());
        cl.getSubcommands().forEach((name, sub) -> {
            String[] d = sub.getCommandSpec().usageMessage().description();
            assertThat(d).as(name).isNotEmpty();
            assertThat(d[0]).as(name).endsWith(".");
        });
        assertThat(run("--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " "))
                .contains("over a real TLS WebSocket on 127.0.0.1, configured only through the SDK. requirements");
    }

    @Test
    void unknownOptionIsUsageError() {
        assertThat(run("requirements", "--bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("--bogus");
    }
}
