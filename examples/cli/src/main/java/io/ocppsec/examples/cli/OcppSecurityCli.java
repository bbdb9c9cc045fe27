package io.ocppsec.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The integrator's command-line tool: {@code java -jar ocpp-security-cli.jar <command>}.
 *
 * <p>Exit codes: 0 success, 1 a check found violations, 2 bad usage or unreadable input.
 */
@Command(name = "ocpp-security", mixinStandardHelpOptions = true,
        versionProvider = OcppSecurityCli.Version.class,
        description = "OCPP 2.0.1 Block A security tool: requirement matrix, checks and lab utilities.",
        subcommands = {DemoCommand.class, RequirementsCommand.class, CheckChainCommand.class, LintCertCommand.class,
            CsrCommand.class, PasswordCommand.class, FirmwareCommand.class, GenPkiCommand.class, ProbeTlsCommand.class,
            ServeTlsCommand.class, CommandLine.HelpCommand.class})
public final class OcppSecurityCli implements Runnable {

    /** A check found violations. */
    public static final int EXIT_VIOLATIONS = 1;
    /** Bad usage or unreadable input. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the tool without exiting the JVM (for tests and embedding).
     *
     * @param args arguments
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new OcppSecurityCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> EXIT_USAGE);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + CliErrors.describe(ex));
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + CliErrors.describe(ex));
            return EXIT_USAGE;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Version from the jar manifest, or the development version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = OcppSecurityCli.class.getPackage().getImplementationVersion();
            return new String[] {"ocpp-security " + (v != null ? v : "0.1.0-SNAPSHOT")
                    + " (OCPP 2.0.1 Part 2, Functional Block A)"};
        }
    }
}
