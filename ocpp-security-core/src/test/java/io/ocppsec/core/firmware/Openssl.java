package io.ocppsec.core.firmware;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the real {@code openssl} binary. When it is missing the test fails, unless the environment
 * variable {@code OCPPSEC_SKIP_OPENSSL} is set, in which case it is skipped.
 */
final class Openssl {

    /** Exit code and merged output of one run. */
    record Run(int exitCode, String output, long nanos) {
    }

    private Openssl() {
    }

    static Path binary() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/usr/bin/openssl"));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "openssl"));
                }
            }
        }
        for (Path p : candidates) {
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        if (System.getenv("OCPPSEC_SKIP_OPENSSL") != null) {
            Assumptions.abort("openssl not found and OCPPSEC_SKIP_OPENSSL is set: skipping the openssl interop test");
        }
        return fail("openssl is needed for the firmware interop tests but was not found at /usr/bin/openssl or on "
                + "PATH; install it (apt-get install openssl) or set OCPPSEC_SKIP_OPENSSL=1 to skip these tests");
    }

    static Run run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary().toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        long start = System.nanoTime();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("openssl did not finish: " + cmd);
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), System.nanoTime() - start);
    }

    static Run runOk(Path workDir, String... args) throws IOException, InterruptedException {
        Run r = run(workDir, args);
        if (r.exitCode() != 0) {
            fail("openssl " + String.join(" ", args) + " failed (" + r.exitCode() + "): " + r.output());
        }
        return r;
    }
}
