package io.ocppsec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.requirement.Verifies;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirmwareCommandTest {

    private static final TestPki PKI = TestPki.create();

    @TempDir
    Path dir;
    private Path image;
    private Path key;
    private Path cert;
    private Path trust;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void files() throws Exception {
        byte[] bytes = new byte[300_000];
        new Random(7).nextBytes(bytes);
        image = Files.write(dir.resolve("image.bin"), bytes);
        TestCertificate fw = PKI.firmwareSigning();
        key = Files.writeString(dir.resolve("key.pem"), fw.privateKeyPem());
        cert = Files.writeString(dir.resolve("cert.pem"), fw.chainPem());
        trust = Files.writeString(dir.resolve("root.pem"), TestCertificate.toPem(List.of(PKI.manufacturerRoot().certificate())));
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        return OcppSecurityCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path sign() throws Exception {
        assertThat(run("firmware", "sign", "--key", key.toString(), "--cert", cert.toString(), image.toString())).isZero();
        return Files.writeString(dir.resolve("sig.b64"), out.toString().trim());
    }

    @Test
    @Verifies("A00.FR.604")
    void signThenVerify() throws Exception {
        Path sig = sign();
        assertThat(run("firmware", "verify", "--cert", cert.toString(), "--signature", sig.toString(),
                "--trust", trust.toString(), "--at", TestPki.NOW.toString(), image.toString())).isZero();
        assertThat(out.toString()).startsWith("valid:");
    }

    @Test
    @Verifies("A00.FR.604")
    void tamperedImageIsInvalidWithTheEventName() throws Exception {
        Path sig = sign();
        byte[] bytes = Files.readAllBytes(image);
        bytes[1234] ^= 1;
        Files.write(image, bytes);
        assertThat(run("firmware", "verify", "--cert", cert.toString(), "--signature", sig.toString(),
                "--trust", trust.toString(), "--at", TestPki.NOW.toString(), image.toString())).isEqualTo(1);
        assertThat(out.toString()).startsWith("invalid: InvalidFirmwareSignature");
    }

    @Test
    @Verifies("A00.FR.604")
    void csoRootIsNotAFirmwareTrustAnchor() throws Exception {
        Path sig = sign();
        Path cso = Files.writeString(dir.resolve("cso.pem"), TestCertificate.toPem(List.of(PKI.csoRoot().certificate())));
        assertThat(run("firmware", "verify", "--cert", cert.toString(), "--signature", sig.toString(),
                "--trust", cso.toString(), "--at", TestPki.NOW.toString(), image.toString())).isEqualTo(1);
        assertThat(out.toString()).startsWith("invalid: InvalidFirmwareSigningCertificate");
    }

    @Test
    void keyOfAnotherCertificateIsRefused() throws Exception {
        Path other = Files.writeString(dir.resolve("other.pem"), PKI.station().pem());
        assertThat(run("firmware", "sign", "--key", key.toString(), "--cert", other.toString(), image.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("does not belong");
    }

    @Test
    void unreadableInputIsExitTwoWithOneLine() throws Exception {
        assertThat(run("firmware", "verify", "--cert", cert.toString(), "--signature", image.toString(),
                "--trust", trust.toString(), image.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not a text");
        assertThat(run("firmware", "verify", "--cert", dir.resolve("missing.pem").toString(), "--signature",
                cert.toString(), "--trust", trust.toString(), image.toString())).isEqualTo(2);
        assertThat(run("firmware", "sign", "--key", cert.toString(), "--cert", cert.toString(), image.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("cannot read the private key").doesNotContain("BEGIN");
        assertThat(new String(Files.readAllBytes(key), StandardCharsets.US_ASCII)).contains("PRIVATE KEY");
    }
}
