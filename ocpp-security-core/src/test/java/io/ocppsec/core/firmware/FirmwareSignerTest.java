package io.ocppsec.core.firmware;

import static io.ocppsec.core.firmware.FirmwareFixtures.PKI;
import static io.ocppsec.core.firmware.FirmwareFixtures.image;
import static io.ocppsec.core.firmware.FirmwareFixtures.verifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.requirement.RequirementViolationException;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestCertificate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirmwareSignerTest {

    @TempDir
    Path dir;

    @Test
    void anExternalDigestSignerProducesAVerifiableSignature() throws Exception {
        TestCertificate c = PKI.firmwareSigning();
        Path img = image(dir, 70_000);
        // An "HSM" that only sees the digest.
        FirmwareDigestSigner hsm = (digest, hash) -> {
            assertThat(hash).hasSize(digest.length());
            Signature s = Signature.getInstance("NONEwithECDSA");
            s.initSign(c.keyPair().getPrivate());
            s.update(hash);
            return s.sign();
        };
        FirmwareSignature sig = FirmwareSigner.with(hsm).build().sign(img);
        assertThat(verifier().verify(img, sig.base64(), c.chainPem()).isVerified()).isTrue();
        assertThat(sig.bytesRead()).isEqualTo(70_000);
    }

    @Test
    void anRsaHsmSigningTheDigestInfoProducesPkcs1Signatures() throws Exception {
        TestCertificate c = PKI.firmwareSigningBuilder().keyType(KeyType.RSA_2048).build();
        Path img = image(dir, 1000);
        FirmwareDigestSigner hsm = (digest, hash) -> {
            Signature s = Signature.getInstance("NONEwithRSA");
            s.initSign(c.keyPair().getPrivate());
            s.update(digest.digestInfo(hash));
            return s.sign();
        };
        FirmwareSignature sig = FirmwareSigner.with(hsm).build().sign(img);
        // identical to the JDK's streaming SHA256withRSA (PKCS#1 v1.5 is deterministic)
        Signature jdk = Signature.getInstance("SHA256withRSA");
        jdk.initSign(c.keyPair().getPrivate());
        jdk.update(Files.readAllBytes(img));
        assertThat(sig.bytes()).isEqualTo(jdk.sign());
    }

    @Test
    void streamingSignatureMatchesTheJdkStreamingVerifier() throws Exception {
        TestCertificate c = PKI.firmwareSigning();
        byte[] data = new byte[200_000];
        new SecureRandom().nextBytes(data);
        FirmwareSignature sig = FirmwareSigner.withPrivateKey(c.keyPair().getPrivate()).build()
                .sign(new ByteArrayInputStream(data));
        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(c.certificate());
        jdk.update(data);
        assertThat(jdk.verify(sig.bytes())).isTrue();
    }

    @Test
    @Verifies({"A00.FR.502", "A00.FR.503", "A00.FR.504"})
    void refusesWeakOrUnsuitableSoftwareKeys() {
        for (KeyType weak : new KeyType[] {KeyType.RSA_1024_WEAK, KeyType.EC_P192_WEAK, KeyType.DSA_2048}) {
            assertThatThrownBy(() -> FirmwareSigner.withPrivateKey(weak.generate(new SecureRandom()).getPrivate()))
                    .as(weak.toString()).isInstanceOf(RequirementViolationException.class)
                    .hasMessageContaining(weak == KeyType.RSA_1024_WEAK ? "A00.FR.502"
                            : weak == KeyType.EC_P192_WEAK ? "A00.FR.503" : "A00.FR.504");
        }
    }

    @Test
    void refusesASignatureThatWouldNotFitTheRequest() throws Exception {
        FirmwareSigner huge = FirmwareSigner.with((d, h) -> new byte[601]).build();
        assertThatThrownBy(() -> huge.sign(new ByteArrayInputStream(new byte[10])))
                .isInstanceOf(SignatureException.class).hasMessageContaining("more than the 800");
        FirmwareSigner empty = FirmwareSigner.with((d, h) -> new byte[0]).build();
        assertThatThrownBy(() -> empty.sign(new ByteArrayInputStream(new byte[10])))
                .isInstanceOf(SignatureException.class);
    }

    @Test
    void rsaPssNeedsASoftwareRsaKey() throws Exception {
        assertThatThrownBy(() -> FirmwareSigner.withPrivateKey(PKI.firmwareSigning().keyPair().getPrivate())
                .rsaPss().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FirmwareSigner.with((d, h) -> h).rsaPss().build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void neverShowsThePrivateKey() throws Exception {
        TestCertificate c = PKI.firmwareSigningBuilder().keyType(KeyType.RSA_2048).build();
        FirmwareSigner s = FirmwareSigner.withPrivateKey(c.keyPair().getPrivate()).build();
        String keyBody = Base64.getEncoder().encodeToString(c.keyPair().getPrivate().getEncoded());
        String privateExponent = ((java.security.interfaces.RSAPrivateKey) c.keyPair().getPrivate())
                .getPrivateExponent().toString(16);
        assertThat(s.toString()).contains("redacted").doesNotContain(keyBody.substring(40, 80))
                .doesNotContain(privateExponent.substring(0, 16));
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk error");
            }
        };
        assertThatThrownBy(() -> s.sign(broken)).isInstanceOf(FirmwareImageException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(privateExponent.substring(0, 16)));
    }

    @Test
    void aMissingImageFileIsATypedException() {
        assertThatThrownBy(() -> FirmwareSigner.withPrivateKey(PKI.firmwareSigning().keyPair().getPrivate()).build()
                .sign(dir.resolve("nope.bin"))).isInstanceOf(FirmwareImageException.class);
    }

    @Test
    void digestInfoRejectsAWrongLength() {
        assertThatThrownBy(() -> FirmwareDigest.SHA256.digestInfo(new byte[20]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FirmwareDigest.SHA512.digestInfo(new byte[64])).hasSize(83);
    }
}
