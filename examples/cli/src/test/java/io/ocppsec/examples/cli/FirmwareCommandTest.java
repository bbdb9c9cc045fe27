package io.ocppsec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.core.firmware.FirmwareSigner;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.ForgedChain;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
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

    // Issue 20. ForgedChain [X, B, B's sub-CA, D]: X self-signed with the attacker's key and the genuine signer's
    // name, B the genuine Firmware Signing certificate (public part only), D "issued" by X. The old validator
    // validated B while the verifier checked the signature with X's key: an image signed by the attacker was "valid".

    private static ForgedChain forgedSigner() {
        return ForgedChain.impersonating(PKI, PkiRole.FIRMWARE_SIGNING, "Firmware Signing 1",
                PKI.firmwareSigning());
    }

    private Path signature(PrivateKey signer) throws Exception {
        return Files.writeString(dir.resolve("sig-" + System.nanoTime() + ".b64"),
                FirmwareSigner.withPrivateKey(signer).build().sign(image).base64());
    }

    private int verify(Path certificate, Path sig) {
        return run("firmware", "verify", "--cert", certificate.toString(), "--signature", sig.toString(),
                "--trust", trust.toString(), "--at", TestPki.NOW.toString(), image.toString());
    }

    @Test
    @Verifies("A00.FR.604")
    void imageSignedByTheAttackerWithAForgedChainIsInvalidFirmwareSigningCertificate() throws Exception {
        ForgedChain f = forgedSigner();
        Path forged = Files.writeString(dir.resolve("forged.pem"), f.pem());
        Path attackerKey = Files.writeString(dir.resolve("attacker.key"), f.attacker().privateKeyPem());
        // The tool signs for the attacker: the key belongs to the first certificate of the forged chain.
        assertThat(run("firmware", "sign", "--key", attackerKey.toString(), "--cert", forged.toString(),
                image.toString())).as(err.toString()).isZero();
        Path sig = Files.writeString(dir.resolve("attacker-sig.b64"), out.toString().trim());

        assertThat(verify(forged, sig)).as(out.toString()).isEqualTo(1);
        assertThat(out.toString()).startsWith("invalid: InvalidFirmwareSigningCertificate: Firmware signing certificate "
                        + "not valid: A00.FR.604 SHALL [certificate #0]: found no certification path to a trusted "
                        + "MANUFACTURER root");
    }

    @Test
    @Verifies("A00.FR.604")
    void forgedChainIsRefusedBeforeTheSignatureEvenWithTheGenuineSignersSignature() throws Exception {
        // Signed with B's (genuine) key: the old code validated B, then checked with X's key and reported
        // InvalidFirmwareSignature. The certificate that would be used (X) is what is refused, before the image.
        ForgedChain f = forgedSigner();
        Path forged = Files.writeString(dir.resolve("forged.pem"), f.pem());
        assertThat(verify(forged, signature(PKI.firmwareSigning().keyPair().getPrivate()))).isEqualTo(1);
        assertThat(out.toString()).startsWith("invalid: InvalidFirmwareSigningCertificate:")
                .contains("A00.FR.604 SHALL [certificate #0]")
                .doesNotContain("InvalidFirmwareSignature");
    }

    @Test
    @Verifies("A00.FR.604")
    void genuineChainWithASignatureByTheAttackersKeyIsInvalidFirmwareSignature() throws Exception {
        // The inverse forgery: the genuine chain as signingCertificate, the attacker's signature. A guard that the
        // signature is checked with the genuine leaf's key (the old code refused this too).
        ForgedChain f = forgedSigner();
        assertThat(verify(cert, signature(f.attackerKeys().getPrivate()))).isEqualTo(1);
        assertThat(out.toString()).startsWith("invalid: InvalidFirmwareSignature: Firmware signature does not match:")
                .contains("under the key of 'CN=Firmware Signing 1,O=" + TestPki.MANUFACTURER_NAME + "'");
        // The genuine chain with the genuine signature is still valid, and names the genuine signer.
        assertThat(verify(cert, signature(PKI.firmwareSigning().keyPair().getPrivate()))).as(out.toString()).isZero();
        assertThat(out.toString()).startsWith("valid:").contains("CN=Firmware Signing 1,O=" + TestPki.MANUFACTURER_NAME)
                .doesNotContain("C=ZZ");
    }
}
