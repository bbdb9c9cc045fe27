package io.ocppsec.examples.cli;

import io.ocppsec.testpki.TestCertificate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/** Runs the tool in-process and keeps what it printed. */
final class Cli {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return OcppSecurityCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    int runWithStdin(String stdin, String... args) throws Exception {
        return SecretInput.withInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), () -> run(args));
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    static Path write(Path dir, String name, List<X509Certificate> certs) throws IOException {
        return Files.writeString(dir.resolve(name), TestCertificate.toPem(certs));
    }
}
