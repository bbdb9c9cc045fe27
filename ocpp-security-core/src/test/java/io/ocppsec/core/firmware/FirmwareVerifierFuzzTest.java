package io.ocppsec.core.firmware;

import static io.ocppsec.core.fuzz.FuzzInvariant.expect;
import static io.ocppsec.core.fuzz.FuzzInvariant.holds;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ocppsec.core.fuzz.FuzzInputs;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Fuzzes what {@code UpdateFirmwareRequest} brings to the station: {@code firmware.signature} (base64) and
 * {@code firmware.signingCertificate} (PEM), through {@link FirmwareVerifier#checkRequest} and
 * {@link FirmwareVerifier#verify(InputStream, String, String)} over a fixed image. The input is
 * {@code signature NUL certificatePem}. Nothing may be thrown but {@link FirmwareImageException}; a
 * verified outcome must also pass the request check.
 *
 * <p>The Manufacturer root is a fixed fixture (certificate only) so that the seeds, signed once, stay valid.
 */
class FirmwareVerifierFuzzTest {

    private static final String FIXTURE = "FirmwareVerifierFuzzTest-root.pem";
    static final byte[] IMAGE = "ocpp-security fuzz firmware image\n".getBytes(StandardCharsets.US_ASCII);

    @Timeout(10)
    @FuzzTest(maxDuration = "20s")
    void checkRequest(byte[] data) {
        byte[][] parts = FuzzInputs.split(data);
        String signature = FuzzInputs.utf8(parts[0]);
        String pem = FuzzInputs.utf8(parts[1]);
        holds("FirmwareVerifier.checkRequest", data, () -> Fixture.VERIFIER.checkRequest(signature, pem));
    }

    @Timeout(10)
    @FuzzTest(maxDuration = "20s")
    void verify(byte[] data) {
        byte[][] parts = FuzzInputs.split(data);
        String signature = FuzzInputs.utf8(parts[0]);
        String pem = FuzzInputs.utf8(parts[1]);
        Optional<FirmwareVerificationOutcome> outcome = holds("FirmwareVerifier.verify", data,
                () -> Fixture.VERIFIER.verify(new ByteArrayInputStream(IMAGE), signature, pem),
                FirmwareImageException.class);
        expect("FirmwareVerifier.verify", data, outcome.isPresent(), "an outcome (the image stream cannot fail)");
        if (outcome.get().isVerified()) {
            Optional<FirmwareVerificationOutcome> pre = holds("FirmwareVerifier.checkRequest", data,
                    () -> Fixture.VERIFIER.checkRequest(signature, pem)).orElseThrow();
            expect("FirmwareVerifier.verify", data, pre.isEmpty(), "a verified request to pass checkRequest, got " + pre);
        }
    }

    /** Loaded on first use, so that {@link #writeSeeds} can run before the fixture exists. */
    private static final class Fixture {
        static final FirmwareVerifier VERIFIER = FirmwareVerifier.forManufacturerRoots(List.of(root()))
                .clock(TestPki.CLOCK).build();

        private static X509Certificate root() {
            try (InputStream in = FirmwareVerifierFuzzTest.class.getResourceAsStream(FIXTURE)) {
                return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the fuzz fixture " + FIXTURE, e);
            }
        }
    }


    /** The committed seeds still verify (fixture and seeds belong together). */
    @Test
    void validSeedsVerify() throws Exception {
        for (String seed : List.of("ec-valid", "rsa-valid")) {
            byte[][] parts = FuzzInputs.split(FuzzInputs.readSeed(getClass(), "verify", seed));
            assertThat(Fixture.VERIFIER.verify(new ByteArrayInputStream(IMAGE), FuzzInputs.utf8(parts[0]),
                    FuzzInputs.utf8(parts[1])).isVerified()).as(seed).isTrue();
        }
    }

    /**
     * Regenerates the fixture and the seed files:
     * {@code -Docppsec.fuzz.writeSeeds=true -Dtest=FirmwareVerifierFuzzTest#writeSeeds}.
     */
    @Test
    @EnabledIfSystemProperty(named = FuzzInputs.WRITE_SEEDS, matches = "true")
    void writeSeeds() throws Exception {
        TestPki pki = TestPki.create();
        Files.createDirectories(FuzzInputs.seedDirectory(getClass(), "x").getParent().getParent());
        Files.writeString(FuzzInputs.seedDirectory(getClass(), "x").getParent().getParent().resolve(FIXTURE),
                pki.manufacturerRoot().pem());
        TestCertificate ec = pki.firmwareSigning();
        TestCertificate rsa = pki.firmwareSigningBuilder().keyType(KeyType.RSA_2048).build();
        String ecSig = sign(ec);
        seed("ec-valid", ecSig, ec.chainPem());
        seed("rsa-valid", sign(rsa), rsa.chainPem());
        seed("ec-leaf-only", ecSig, ec.pem());
        seed("ec-wrong-signature", sign(rsa), ec.chainPem());
        seed("ec-expired", ecSig, pki.firmwareSigning(TestPki.Defect.EXPIRED).chainPem());
        seed("other-key-crlf", ecSig, pki.firmwareSigningBuilder().build().chainPem().replace("\n", "\r\n"));
        seed("foreign-hierarchy", ecSig, TestPki.create().firmwareSigning().chainPem());
        seed("bad-base64", "not base64!", ec.chainPem());
        seed("empty", "", "");
    }

    private static String sign(TestCertificate signer) throws Exception {
        return FirmwareSigner.withPrivateKey(signer.keyPair().getPrivate()).build()
                .sign(new ByteArrayInputStream(IMAGE)).base64();
    }

    private void seed(String name, String signature, String pem) throws Exception {
        byte[] input = FuzzInputs.join(signature.getBytes(StandardCharsets.UTF_8), pem.getBytes(StandardCharsets.UTF_8));
        FuzzInputs.writeSeed(getClass(), "checkRequest", name, input);
        FuzzInputs.writeSeed(getClass(), "verify", name, input);
    }
}
