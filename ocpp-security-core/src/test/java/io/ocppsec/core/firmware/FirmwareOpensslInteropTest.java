package io.ocppsec.core.firmware;

import static io.ocppsec.core.firmware.FirmwareFixtures.PKI;
import static io.ocppsec.core.firmware.FirmwareFixtures.image;
import static io.ocppsec.core.firmware.FirmwareFixtures.verifier;
import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.core.firmware.FirmwareVerificationOutcome.Verified;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interoperability with the real {@code openssl} binary, the tool manufacturers sign firmware with:
 * {@code openssl dgst -sha256 -sign key.pem} output verifies with {@link FirmwareVerifier}, and
 * {@link FirmwareSigner} output verifies with {@code openssl dgst -sha256 -verify}.
 */
class FirmwareOpensslInteropTest {

    @TempDir
    static Path dir;
    static Path image;
    static TestCertificate ec;
    static TestCertificate rsa;

    @BeforeAll
    static void setUp() throws Exception {
        Openssl.binary();
        image = image(dir, 200_003);
        ec = PKI.firmwareSigningBuilder().keyType(KeyType.EC_P256).build();
        rsa = PKI.firmwareSigningBuilder().keyType(KeyType.RSA_2048).build();
    }

    enum Signer {
        EC_P256, RSA_2048, RSA_2048_PSS
    }

    private static TestCertificate cert(Signer s) {
        return s == Signer.EC_P256 ? ec : rsa;
    }

    /** Signs {@code img} with openssl and returns the base64 of sig.bin. */
    private static String opensslSign(Signer s, String digest, Path img) throws Exception {
        Path key = dir.resolve("key-" + s + ".pem");
        Files.writeString(key, cert(s).privateKeyPem());
        Path sig = dir.resolve("sig-" + s + "-" + digest + ".bin");
        if (s == Signer.RSA_2048_PSS) {
            Openssl.runOk(dir, "dgst", "-" + digest, "-sign", key.toString(), "-sigopt", "rsa_padding_mode:pss",
                    "-out", sig.toString(), img.toString());
        } else {
            Openssl.runOk(dir, "dgst", "-" + digest, "-sign", key.toString(), "-out", sig.toString(), img.toString());
        }
        return Base64.getEncoder().encodeToString(Files.readAllBytes(sig));
    }

    private static Path publicKeyPem(TestCertificate c) throws Exception {
        Path cert = dir.resolve("cert-" + c.certificate().getSerialNumber() + ".pem");
        Files.writeString(cert, c.pem());
        Path pub = dir.resolve("pub-" + c.certificate().getSerialNumber() + ".pem");
        Openssl.runOk(dir, "x509", "-in", cert.toString(), "-pubkey", "-noout", "-out", pub.toString());
        return pub;
    }

    @ParameterizedTest
    @EnumSource(Signer.class)
    @Verifies({"A00.FR.604"})
    void anOpensslSignatureVerifies(Signer s) throws Exception {
        String sig = opensslSign(s, "sha256", image);
        FirmwareVerificationOutcome o = verifier().verify(image, sig, cert(s).chainPem());
        assertThat(o.isVerified()).as(o.reason()).isTrue();
        assertThat(((Verified) o).verification().signatureAlgorithm())
                .isEqualTo(s == Signer.EC_P256 ? "SHA256withECDSA" : s == Signer.RSA_2048 ? "SHA256withRSA"
                        : "SHA256withRSA/PSS");
    }

    @Test
    void anOpensslPssSignatureWithDigestLengthSaltVerifies() throws Exception {
        Path key = dir.resolve("key-pss-digest.pem");
        Files.writeString(key, rsa.privateKeyPem());
        Path sig = dir.resolve("sig-pss-digest.bin");
        Openssl.runOk(dir, "dgst", "-sha256", "-sign", key.toString(), "-sigopt", "rsa_padding_mode:pss",
                "-sigopt", "rsa_pss_saltlen:digest", "-out", sig.toString(), image.toString());
        String b64 = Base64.getEncoder().encodeToString(Files.readAllBytes(sig));
        assertThat(verifier().verify(image, b64, rsa.chainPem()).isVerified()).isTrue();
    }

    @Test
    void anOpensslSha384SignatureVerifiesWithTheSha384Verifier() throws Exception {
        String sig = opensslSign(Signer.EC_P256, "sha384", image);
        assertThat(verifier(FirmwareDigest.SHA384).verify(image, sig, ec.chainPem()).isVerified()).isTrue();
        assertThat(verifier().verify(image, sig, ec.chainPem()).isVerified()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Signer.class)
    void anOpensslSignatureOverATamperedImageIsRejected(Signer s) throws Exception {
        String sig = opensslSign(s, "sha256", image);
        byte[] b = Files.readAllBytes(image);
        b[b.length / 3] ^= (byte) 0x80;
        Path tampered = dir.resolve("tampered-" + s + ".bin");
        Files.write(tampered, b);
        FirmwareVerificationOutcome o = verifier().verify(tampered, sig, cert(s).chainPem());
        assertThat(o.securityEventType()).contains(SecurityEventType.INVALID_FIRMWARE_SIGNATURE);
    }

    @ParameterizedTest
    @EnumSource(Signer.class)
    void ourSignatureVerifiesWithOpenssl(Signer s) throws Exception {
        FirmwareSigner.Builder b = FirmwareSigner.withPrivateKey(cert(s).keyPair().getPrivate());
        FirmwareSignature sig = (s == Signer.RSA_2048_PSS ? b.rsaPss() : b).build().sign(image);
        Path sigBin = dir.resolve("ours-" + s + ".bin");
        Files.write(sigBin, sig.bytes());
        Path pub = publicKeyPem(cert(s));
        Openssl.Run r = s == Signer.RSA_2048_PSS
                ? Openssl.run(dir, "dgst", "-sha256", "-verify", pub.toString(), "-sigopt", "rsa_padding_mode:pss",
                        "-signature", sigBin.toString(), image.toString())
                : Openssl.run(dir, "dgst", "-sha256", "-verify", pub.toString(), "-signature", sigBin.toString(),
                        image.toString());
        assertThat(r.output()).as(r.output()).contains("Verified OK");
        assertThat(r.exitCode()).isZero();

        // and openssl agrees that a tampered image does not verify
        byte[] img = Files.readAllBytes(image);
        img[7] ^= 1;
        Path tampered = dir.resolve("ours-tampered-" + s + ".bin");
        Files.write(tampered, img);
        Openssl.Run bad = Openssl.run(dir, "dgst", "-sha256", "-verify", pub.toString(), "-signature",
                sigBin.toString(), tampered.toString());
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.output()).contains("Verification failure");
    }

    @Test
    void theImageHashMatchesOpensslSha256() throws Exception {
        Openssl.Run r = Openssl.runOk(dir, "dgst", "-sha256", "-r", image.toString());
        FirmwareSignature sig = FirmwareSigner.withPrivateKey(ec.keyPair().getPrivate()).build().sign(image);
        assertThat(r.output().split(" ")[0].trim()).isEqualTo(sig.imageSha256Hex());
        assertThat(new String(Base64.getDecoder().decode(sig.base64()), StandardCharsets.ISO_8859_1)).isNotEmpty();
    }
}
