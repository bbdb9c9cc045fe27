package io.ocppsec.tls;

import io.ocppsec.testpki.TestCertificate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link LegacyTlsPeer} in a child JVM with TLS 1.0/1.1 re-enabled (a java.security override
 * file), so the test JVM keeps the JDK's safe defaults.
 */
final class ForkedPeer implements AutoCloseable {

    static final String PASSWORD = "test-only";
    private final Process process;
    private final BufferedReader out;

    private ForkedPeer(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ForkedPeer start(Path dir, String... args) throws IOException {
        Path props = dir.resolve("legacy.security");
        Files.writeString(props, "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, NULL, anon\n"
                + "jdk.certpath.disabledAlgorithms=MD2, MD5\n");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Djava.security.properties=" + props);
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(LegacyTlsPeer.class.getName());
        cmd.addAll(List.of(args));
        return new ForkedPeer(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    static Path keyStore(Path dir, TestCertificate cert) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("csms", cert.keyPair().getPrivate(), PASSWORD.toCharArray(),
                cert.chain().toArray(new Certificate[0]));
        Path p = dir.resolve("peer.p12");
        try (OutputStream o = Files.newOutputStream(p)) {
            ks.store(o, PASSWORD.toCharArray());
        }
        return p;
    }

    /** @return the next line that starts with the prefix (other output is skipped) */
    String line(String prefix) throws IOException {
        String l;
        while ((l = out.readLine()) != null) {
            if (l.startsWith(prefix)) {
                return l;
            }
        }
        throw new IOException("peer ended without a '" + prefix + "' line");
    }

    @Override
    public void close() {
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
