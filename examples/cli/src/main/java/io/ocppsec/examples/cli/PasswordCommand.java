package io.ocppsec.examples.cli;

import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.password.BasicAuthPassword;
import io.ocppsec.core.password.MalformedHashException;
import io.ocppsec.core.password.PasswordGenerator;
import io.ocppsec.core.password.PasswordHasher;
import io.ocppsec.core.password.PasswordPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code password generate|check|hash|verify}: the BasicAuthPassword tools of the SDK. A password to check,
 * hash or verify is read from standard input, never from an argument, and is never printed.
 */
@Command(name = "password", mixinStandardHelpOptions = true,
        description = {"Generate, check, hash and verify BasicAuthPassword values (A00.FR.205/304, A01).",
            "check, hash and verify read the password from standard input (first line), never from an argument."},
        subcommands = {PasswordCommand.Generate.class, PasswordCommand.Check.class, PasswordCommand.Hash.class,
            PasswordCommand.Verify.class})
final class PasswordCommand {

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Print a random password from a CSPRNG (A01.FR.07, A00.FR.802): at least 128 bits.")
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--length", paramLabel = "N", defaultValue = "" + PasswordGenerator.DEFAULT_LENGTH,
                description = "Number of characters, 21 (128 bits) to 40 (default ${DEFAULT-VALUE}).")
        int length;

        @Override
        public Integer call() {
            PasswordGenerator g;
            try {
                g = PasswordGenerator.create().withLength(length);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            try (BasicAuthPassword pw = g.generate()) {
                // The one place a password is printed: the user asked for a new one.
                spec.commandLine().getOut().println(pw.reveal());
            }
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check the password on standard input against the BasicAuthPassword policy "
                    + "(A00.FR.205 profile 1, A00.FR.304 profile 2). The password is never echoed.",
                "Exit 0 compliant, 1 violations, 2 no or unreadable input."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--errata-max-length", paramLabel = "N",
                description = "Use the 2025-01 errata rules (any UTF-8, 16 to N characters; N = the variable's "
                        + "maxLimit, 40 to 64) instead of the Edition 3 passwordString rules.")
        Integer errataMaxLength;

        @Override
        public Integer call() throws IOException {
            PasswordPolicy policy;
            try {
                policy = errataMaxLength == null ? PasswordPolicy.EDITION_3 : PasswordPolicy.errata2025(errataMaxLength);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            ValidationResult r;
            try (BasicAuthPassword pw = SecretInput.readPassword("Password to check: ")) {
                r = policy.check(pw);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println((errataMaxLength == null ? "Edition 3" : "errata 2025-01") + " password policy: "
                    + Results.summary(r));
            Results.printViolations(out, r);
            return r.isCompliant() ? 0 : OcppSecurityCli.EXIT_VIOLATIONS;
        }
    }

    @Command(name = "hash", mixinStandardHelpOptions = true,
            description = "Print a salted PHC hash string of the password on standard input, for the CSMS "
                    + "credential store (A01.FR.08): PBKDF2-HMAC-SHA256 by default.")
    static final class Hash implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--iterations", paramLabel = "N", defaultValue = "" + PasswordHasher.DEFAULT_PBKDF2_ITERATIONS,
                description = "PBKDF2 iterations (default ${DEFAULT-VALUE}).")
        int iterations;

        @Override
        public Integer call() throws IOException {
            PasswordHasher hasher;
            try {
                hasher = PasswordHasher.pbkdf2Sha256(iterations);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            try (BasicAuthPassword pw = SecretInput.readPassword("Password to hash: ")) {
                spec.commandLine().getOut().println(hasher.hash(pw));
            }
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify the password on standard input against a PHC hash string.",
                "Exit 0 match, 1 no match, 2 malformed hash or no input."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--hash", required = true, paramLabel = "HASH",
                description = "The stored hash, e.g. $pbkdf2-sha256$i=10000$...$... (quote it in the shell).")
        String hash;

        @Override
        public Integer call() throws IOException {
            try {
                PasswordHasher.checkFormat(hash); // before reading the secret
            } catch (MalformedHashException e) {
                throw new ParameterException(spec.commandLine(), "--hash: " + e.getMessage());
            }
            boolean match;
            try (BasicAuthPassword pw = SecretInput.readPassword("Password to verify: ")) {
                match = PasswordHasher.defaults().verify(pw, hash);
            } catch (MalformedHashException e) {
                throw new ParameterException(spec.commandLine(), "--hash: " + e.getMessage());
            }
            spec.commandLine().getOut().println(match ? "match" : "no match");
            return match ? 0 : OcppSecurityCli.EXIT_VIOLATIONS;
        }
    }
}
