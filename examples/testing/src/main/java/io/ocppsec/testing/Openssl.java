package io.ocppsec.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the {@code openssl} command line tool for tests that need a real external implementation
 * (an OCSP responder, CSRs made by another stack).
 *
 * <p>When {@code openssl} is missing, {@link #executable()} FAILS the test with a clear message, unless
 * the environment variable {@code OCPPSEC_SKIP_OPENSSL} is set, in which case the test is skipped.
 */
public final class Openssl {

    /** Environment variable that turns a missing openssl into skipped tests instead of failures. */
    public static final String SKIP_ENV = "OCPPSEC_SKIP_OPENSSL";

    private static final List<String> CANDIDATES = List.of("/usr/bin/openssl", "/usr/local/bin/openssl",
            "/opt/homebrew/bin/openssl", "/bin/openssl");

    private Openssl() {
    }

    /** @return the path of the openssl executable; fails or skips the test when there is none */
    public static String executable() {
        for (String c : CANDIDATES) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, "openssl");
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        String message = "openssl is not installed; these tests run a real OpenSSL (apt-get install -y openssl)."
                + " Set " + SKIP_ENV + "=1 to skip them instead.";
        Assumptions.assumeTrue(System.getenv(SKIP_ENV) == null, message);
        return Assertions.fail(message);
    }

    /**
     * Runs openssl to completion (at most 60 s).
     *
     * @param workDir the working directory
     * @param args the arguments after {@code openssl}
     * @return standard output and error, merged
     * @throws IOException when openssl fails or exits non-zero
     */
    public static String run(Path workDir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        try {
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new IOException("openssl " + args[0] + " did not finish");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException("openssl " + String.join(" ", args) + " exited " + p.exitValue() + ": " + text);
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            p.destroyForcibly();
        }
    }
}
