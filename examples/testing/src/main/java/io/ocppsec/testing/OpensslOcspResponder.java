package io.ocppsec.testing;

import io.ocppsec.testpki.TestCertificate;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A real OCSP responder for tests: {@code openssl ocsp -index ... -port ...} on a free local port,
 * serving a certificate database written from test PKI material.
 *
 * <pre>{@code
 * try (OpensslOcspResponder r = OpensslOcspResponder.builder(dir, pki.csoSubCa())
 *         .good(pki.station().certificate()).start()) {
 *     source.check(cert, issuer, Instant.now());   // against r.uri()
 * }
 * }</pre>
 *
 * <p>The responder process is always destroyed by {@link #close()}. Note that {@code openssl ocsp}
 * listens on all interfaces of the chosen port (it takes a port number, not an address).
 */
public final class OpensslOcspResponder implements AutoCloseable {

    private static final java.util.regex.Pattern ACCEPT = java.util.regex.Pattern.compile("ACCEPT \\S*:(\\d+)");
    private static final DateTimeFormatter INDEX_TIME =
            DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Process process;
    private final int port;
    private final Path log;

    private OpensslOcspResponder(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * @param dir a temporary directory for the database, keys and log
     * @param ca the CA whose certificates the responder answers for (the issuer of the checked certificates)
     * @return a builder; the responder signs with {@code ca} unless {@link Builder#signer} says otherwise
     */
    public static Builder builder(Path dir, TestCertificate ca) {
        return new Builder(dir, ca);
    }

    /** @return the responder URL */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** @return the port */
    public int port() {
        return port;
    }

    /** @return what the responder has written so far (for assertion messages) */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @return a port that was free a moment ago
     * @throws IOException when no port can be bound
     */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * @param serial a certificate serial number
     * @return the serial as openssl writes it in index.txt: upper-case hex, even number of digits
     */
    static String indexSerial(BigInteger serial) {
        String hex = serial.toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }

    private static String indexSubject(X509Certificate c) {
        // RFC 2253 is most-specific first; openssl's index uses /O=.../CN=... order.
        List<String> parts = new ArrayList<>(List.of(c.getSubjectX500Principal().getName().split(",")));
        java.util.Collections.reverse(parts);
        return "/" + String.join("/", parts);
    }

    /** Writes the database and starts the responder. Not thread-safe. */
    public static final class Builder {
        private final Path dir;
        private final TestCertificate ca;
        private TestCertificate signer;
        private int port;
        private final List<String> lines = new ArrayList<>();
        private final List<String> extraArgs = new ArrayList<>();

        private Builder(Path dir, TestCertificate ca) {
            this.dir = Objects.requireNonNull(dir, "dir");
            this.ca = Objects.requireNonNull(ca, "ca");
            this.signer = ca;
        }

        /** @param s the responder certificate and key that sign responses @return this */
        public Builder signer(TestCertificate s) {
            this.signer = Objects.requireNonNull(s, "s");
            return this;
        }

        /** @param p the port to listen on (default 0: openssl picks a free one) @return this */
        public Builder port(int p) {
            this.port = p;
            return this;
        }

        /** @param c a certificate the responder reports as good @return this */
        public Builder good(X509Certificate c) {
            lines.add("V\t" + INDEX_TIME.format(c.getNotAfter().toInstant()) + "\t\t"
                    + indexSerial(c.getSerialNumber()) + "\tunknown\t" + indexSubject(c));
            return this;
        }

        /** @param c a certificate the responder reports as revoked @param when the revocation time @return this */
        public Builder revoked(X509Certificate c, Instant when) {
            lines.add("R\t" + INDEX_TIME.format(c.getNotAfter().toInstant()) + "\t" + INDEX_TIME.format(when)
                    + ",keyCompromise\t" + indexSerial(c.getSerialNumber()) + "\tunknown\t" + indexSubject(c));
            return this;
        }

        /** @param args extra options for {@code openssl ocsp}, e.g. {@code -nmin 1} @return this */
        public Builder args(String... args) {
            extraArgs.addAll(List.of(args));
            return this;
        }

        /**
         * @return the running responder, accepting connections
         * @throws IOException when it cannot be started within 10 s
         */
        public OpensslOcspResponder start() throws IOException {
            String openssl = Openssl.executable();
            Files.createDirectories(dir);
            Path index = dir.resolve("index.txt");
            Files.writeString(index, lines.isEmpty() ? "" : String.join("\n", lines) + "\n", StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve("index.txt.attr"), "unique_subject = no\n", StandardCharsets.US_ASCII);
            Path caPem = dir.resolve("ca.pem");
            Files.writeString(caPem, ca.pem(), StandardCharsets.US_ASCII);
            Path signerPem = dir.resolve("rsigner.pem");
            Files.writeString(signerPem, signer.pem(), StandardCharsets.US_ASCII);
            Path signerKey = dir.resolve("rkey.pem");
            Files.writeString(signerKey, signer.privateKeyPem(), StandardCharsets.US_ASCII);
            Path log = dir.resolve("responder.log");
            // Port 0: openssl picks a free port and prints it, so there is no race for the port.
            List<String> cmd = new ArrayList<>(List.of(openssl, "ocsp", "-index", index.toString(),
                    "-port", Integer.toString(port), "-CA", caPem.toString(), "-rsigner", signerPem.toString(),
                    "-rkey", signerKey.toString(), "-nrequest", "200", "-ignore_err"));
            cmd.addAll(extraArgs);
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            try {
                return new OpensslOcspResponder(p, awaitListening(p, log), log);
            } catch (IOException | RuntimeException e) {
                p.destroyForcibly();
                throw e;
            }
        }

        /** Waits for openssl's "ACCEPT [::]:PORT" line; a probe connection would block the single-threaded responder. */
        private static int awaitListening(Process p, Path log) throws IOException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline) {
                String out = Files.readString(log, StandardCharsets.UTF_8);
                java.util.regex.Matcher m = ACCEPT.matcher(out);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
                if (!p.isAlive()) {
                    throw new IOException("openssl ocsp exited " + p.exitValue() + ": " + out);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            throw new IOException("openssl ocsp did not start listening within 10 s");
        }
    }
}
