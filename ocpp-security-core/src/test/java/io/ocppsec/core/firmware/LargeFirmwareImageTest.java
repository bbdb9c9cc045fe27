package io.ocppsec.core.firmware;

import static io.ocppsec.core.firmware.FirmwareFixtures.PKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large image is verified in a forked JVM with {@code -Xmx64m}: memory does not grow with the image.
 * Prints the throughput of our verifier and of {@code openssl dgst -sha256 -verify} on the same file.
 */
class LargeFirmwareImageTest {

    private static final Pattern VERIFIED = Pattern.compile("VERIFIED bytes=(\\d+) seconds=([0-9.]+) mbps=([0-9.]+)");

    @TempDir
    Path dir;

    /**
     * About 11 s on the 2-core build machine (sign in-process, verify forked, openssl verify), under the
     * ~20 s bound for a default-suite test, so it is not tagged {@code long}.
     */
    @Test
    void verifiesMoreThanOneGigabyteWithA64MegabyteHeap() throws Exception {
        run((1L << 30) + 98_765);
    }

    private void run(long size) throws Exception {
        Path image = dir.resolve("large.bin");
        SecureRandom random = new SecureRandom();
        byte[] block = new byte[64 * 1024];
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
            f.setLength(size); // sparse: the zero pages cost no disk
            for (long offset : new long[] {0, size / 3 + 17, size / 2 - 5, size - 1000}) {
                random.nextBytes(block);
                f.seek(offset);
                f.write(block, 0, (int) Math.min(block.length, size - offset));
            }
        }
        TestCertificate signer = PKI.firmwareSigning();
        long t0 = System.nanoTime();
        FirmwareSignature sig = FirmwareSigner.withPrivateKey(signer.keyPair().getPrivate()).build().sign(image);
        double signSeconds = (System.nanoTime() - t0) / 1e9;
        Path sigText = Files.writeString(dir.resolve("sig.b64"), sig.base64());
        Path sigBin = Files.write(dir.resolve("sig.bin"), sig.bytes());
        Path cert = Files.writeString(dir.resolve("cert.pem"), signer.chainPem());
        Path root = Files.writeString(dir.resolve("root.pem"), PKI.manufacturerRoot().pem());

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                LargeImageVerifyMain.class.getName(), image.toString(), sigText.toString(), cert.toString(),
                root.toString(), TestPki.NOW.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("forked verifier did not finish");
        }
        assertThat(p.exitValue()).as(out).isZero();
        Matcher m = VERIFIED.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(size);
        assertThat(out).contains("sha256=" + sig.imageSha256Hex());
        double ourMbps = Double.parseDouble(m.group(3));
        // Sanity bound only: a 2-core CI box hashes far faster than this.
        assertThat(ourMbps).as("verifier throughput MB/s").isGreaterThan(5.0);

        String opensslLine;
        try {
            Path pub = dir.resolve("pub.pem");
            Openssl.runOk(dir, "x509", "-in", cert.toString(), "-pubkey", "-noout", "-out", pub.toString());
            Openssl.Run r = Openssl.runOk(dir, "dgst", "-sha256", "-verify", pub.toString(), "-signature",
                    sigBin.toString(), image.toString());
            assertThat(r.output()).contains("Verified OK");
            double s = r.nanos() / 1e9;
            opensslLine = String.format("openssl dgst -sha256 -verify: %.3f s, %.1f MB/s (process wall time)", s,
                    size / 1e6 / s);
        } catch (org.opentest4j.TestAbortedException e) {
            opensslLine = "openssl: skipped (" + e.getMessage() + ")";
        }
        System.out.printf("[firmware throughput] image %d bytes (%.1f MB)%n", size, size / 1e6);
        System.out.printf("[firmware throughput] FirmwareSigner (in test JVM): %.3f s, %.1f MB/s%n", signSeconds,
                size / 1e6 / signSeconds);
        System.out.printf("[firmware throughput] FirmwareVerifier (forked JVM, -Xmx64m): %s s, %s MB/s%n",
                m.group(2), m.group(3));
        System.out.println("[firmware throughput] " + opensslLine);
    }
}
