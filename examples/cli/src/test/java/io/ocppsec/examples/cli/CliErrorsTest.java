package io.ocppsec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error says what was wrong, with which input and how to fix it; an unexpected argument is never echoed. */
class CliErrorsTest {

    @TempDir
    static Path dir;
    private final Cli cli = new Cli();

    @Test
    void aMissingFileIsNamedWithWhatIsWrongAndTheFix() {
        Path missing = dir.resolve("nope.pem");
        assertThat(cli.run("lint-cert", "--role", "csms", missing.toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: " + missing + ": no such file; check the path");
        assertThat(cli.run("check-chain", "--role", "csms", "--trust", missing.toString(), "--chain",
                missing.toString(), "--fqdn", "csms.example.com")).isEqualTo(2);
        assertThat(cli.err()).contains(missing + ": no such file; check the path");
    }

    @Test
    void aDirectoryIsNamedAsADirectory() {
        assertThat(cli.run("lint-cert", "--role", "csms", dir.toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: " + dir + " is a directory; give the path of a PEM file");
    }

    @Test
    void aMistypedOptionIsReportedAsUnknownWithTheLikelyOneNotAsAMissingRequiredOption() throws Exception {
        Path f = Files.writeString(dir.resolve("x.pem"), "x");
        assertThat(cli.run("lint-cert", "--rol", "csms", f.toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: unknown option --rol (did you mean --role?)")
                .contains("see 'ocpp-security lint-cert --help'").doesNotContain("Missing required");
    }

    @Test
    void anExpectedHostThatIsAUrlIsAUsageErrorThatNamesTheOption() {
        assertThat(cli.run("probe-tls", "--url", "wss://127.0.0.1:1/CS", "--trust", dir.resolve("r.pem").toString(),
                "--expected-host", "https://x")).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: --expected-host must be a host name such as csms.example.com")
                .contains("got 'https://x'").doesNotContain("expectedFqdn");
    }

    @Test
    void aPasswordGivenAsAnArgumentIsNeverEchoed() throws Exception {
        String secret = "Sup3r-Secret-Passw0rd-Value";
        assertThat(cli.runWithStdin("", "password", "check", secret)).isEqualTo(2);
        assertThat(cli.err() + cli.out()).doesNotContain(secret).doesNotContain("Sup3r");
        assertThat(cli.err()).startsWith("error: 1 unexpected argument (not shown, in case it is a secret); "
                + "the password is read from standard input");
        assertThat(cli.run("password", "check", "--password=" + secret)).isEqualTo(2);
        assertThat(cli.err() + cli.out()).doesNotContain(secret).contains("unknown option --password=...");
    }
}
