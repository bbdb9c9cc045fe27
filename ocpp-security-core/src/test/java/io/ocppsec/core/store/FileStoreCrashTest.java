package io.ocppsec.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a separate JVM that keeps rewriting the file store ({@code destroyForcibly()}, i.e. SIGKILL on
 * Unix) at random moments; after each kill the store must load, and hold either the last generation
 * the child reported as saved or the one it was writing, never a damaged or mixed file.
 *
 * <p>This proves atomicity against process crashes. Power loss (page cache not yet on the medium) is
 * covered by the fsync ordering in {@link FileCertificateStorePersistence} but cannot be simulated here.
 */
class FileStoreCrashTest {

    @TempDir
    Path dir;

    @Test
    void survivesTenRandomKills() throws Exception {
        run(10);
    }

    @Test
    @Tag("long")
    void survivesTwoHundredRandomKills() throws Exception {
        run(200);
    }

    private void run(int cycles) throws Exception {
        TestPki pki = TestPki.create();
        List<X509Certificate> certs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            certs.add(pki.builder(PkiRole.CSO_ROOT, null).organization("Crash Test").commonName("Root " + i)
                    .build().certificate());
        }
        Path certFile = dir.resolve("certs.b64");
        List<String> lines = new ArrayList<>();
        for (X509Certificate c : certs) {
            lines.add(Base64.getEncoder().encodeToString(c.getEncoded()));
        }
        Files.write(certFile, lines);
        Path store = dir.resolve("crash.store");
        FileCertificateStorePersistence p = FileCertificateStorePersistence.builder(store).build();
        p.save(FileStoreCrashWriter.snapshot(certs, 0));

        SecureRandom random = new SecureRandom();
        int sawOld = 0;
        int sawNew = 0;
        long totalSaves = 0;
        long tempsLeft = 0;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int cycle = 1; cycle <= cycles; cycle++) {
            long before = FileStoreCrashWriter.generation(p.load().orElseThrow());
            // The child's stdout goes straight to a file: a flushed line is in the page cache before the
            // kill, so the parent's reading cannot lose it (a pipe drained by the JDK on exit can).
            Path out = dir.resolve("child-" + cycle + ".out");
            Process child = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), FileStoreCrashWriter.class.getName(),
                    store.toString(), certFile.toString())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(out, StandardCharsets.US_ASCII).contains("ready ")
                    && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);   // waiting for another process to start, not clock logic
            }
            assertThat(child.isAlive()).as("child started").isTrue();
            int delayMs = random.nextInt(300);
            Thread.sleep(delayMs);   // a random kill moment
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long ready = -1;
            long lastSaved = before;
            String printed = Files.readString(out, StandardCharsets.US_ASCII);
            // only complete lines count: a kill may cut the last one
            for (String line : printed.substring(0, printed.lastIndexOf('\n') + 1).split("\n")) {
                if (line.startsWith("ready ")) {
                    ready = Long.parseLong(line.substring(6));
                } else if (line.matches("saved [0-9]+")) {
                    lastSaved = Long.parseLong(line.substring(6));
                }
            }
            Files.delete(out);
            assertThat(ready).as("child loaded generation %d", before).isEqualTo(before + 1);

            long reported = lastSaved;
            try (var files = Files.list(dir)) {
                tempsLeft += files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count();
            }
            StoreSnapshot after = p.load().orElseThrow();   // must not throw: never corrupt
            long gen = FileStoreCrashWriter.generation(after);
            assertThat(after.roots()).hasSize((int) (gen % certs.size()) + 1);
            assertThat(gen).as("cycle %d: loaded generation vs last reported %d", cycle, reported)
                    .isBetween(reported, reported + 1);
            if (gen == reported) {
                sawOld++;
            } else {
                sawNew++;
            }
            totalSaves += gen - before;
            System.out.printf("crash cycle %d: killed after %d ms, child reported generation %d, file holds %d (%s)%n",
                    cycle, delayMs, reported, gen, gen == reported ? "last reported" : "written, not yet reported");
        }
        System.out.printf("crash summary: %d kills, %d saves, file = last reported %d times, = in-flight write %d times, "
                + "%d half-written temp files left by kills (removed by the next load)%n",
                cycles, totalSaves, sawOld, sawNew, tempsLeft);
        assertThat(sawOld + sawNew).isEqualTo(cycles);
    }
}
