package io.ocppsec.core.firmware;

import static io.ocppsec.core.firmware.FirmwareFixtures.PKI;
import static io.ocppsec.core.firmware.FirmwareFixtures.image;
import static io.ocppsec.core.firmware.FirmwareFixtures.sign;
import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.cert.ChainValidationResult;
import io.ocppsec.core.firmware.FirmwareVerificationOutcome.InvalidFirmwareSignature;
import io.ocppsec.core.firmware.FirmwareVerificationOutcome.InvalidFirmwareSigningCertificate;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.ForgedChain;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 against firmware: an image signed with the attacker's key, with signingCertificate = the attacker's
 * self-signed certificate + the genuine firmware signing chain + a certificate the attacker issued. Before the fix the
 * genuine certificate was validated and the attacker's key verified the signature: "Firmware signature valid".
 */
class FirmwareForgedChainTest {

    @TempDir
    static Path dir;
    static Path image;
    static ForgedChain forged;

    @BeforeAll
    static void setUp() throws Exception {
        image = image(dir, 70_000);
        forged = ForgedChain.impersonating(PKI, PkiRole.FIRMWARE_SIGNING, "Firmware Signing 1",
                PKI.firmwareSigning());
    }

    @Test
    @Verifies({"A00.FR.604", "A00.FR.707"})
    void anImageSignedByTheAttackersKeyWithTheGenuineChainAppendedIsRefused() throws Exception {
        FirmwareSignature sig = sign(forged.attacker(), image);
        FirmwareVerificationOutcome o = FirmwareFixtures.verifier().verify(image, sig.base64(), forged.pem());
        assertThat(o.isVerified()).isFalse();
        assertThat(o).isInstanceOf(InvalidFirmwareSigningCertificate.class);
        assertThat(o.securityEventType()).contains(SecurityEventType.INVALID_FIRMWARE_SIGNING_CERTIFICATE);
        ValidationResult r = ((InvalidFirmwareSigningCertificate) o).violations();
        assertThat(r.blocking()).anySatisfy(v -> {
            assertThat(v.requirement().value()).isEqualTo("A00.FR.604");
            assertThat(v.chainIndex()).hasValue(0);
        });
        // The pre-download check refuses it the same way.
        assertThat(FirmwareFixtures.verifier().checkRequest(sig.base64(), forged.pem())).get()
                .isInstanceOf(InvalidFirmwareSigningCertificate.class);
    }

    @Test
    @Verifies("A00.FR.604")
    void theGenuineChainWithTheAttackersSignatureIsASignatureMismatch() throws Exception {
        FirmwareSignature sig = sign(forged.attacker(), image);
        String genuineFirst = io.ocppsec.testpki.TestCertificate.toPem(List.of(PKI.firmwareSigning().certificate(),
                PKI.manufacturerSubCa().certificate(), forged.attacker().certificate(), forged.dangling().certificate()));
        FirmwareVerificationOutcome o = FirmwareFixtures.verifier().verify(image, sig.base64(), genuineFirst);
        assertThat(o).isInstanceOfSatisfying(InvalidFirmwareSignature.class,
                s -> assertThat(s.problem()).isEqualTo(FirmwareVerificationOutcome.SignatureProblem.MISMATCH));
        // And signed by the genuine key, the same PEM verifies: extra certificates after the signer do not matter.
        FirmwareVerificationOutcome ok = FirmwareFixtures.verifier().verify(image,
                sign(PKI.firmwareSigning(), image).base64(), genuineFirst);
        assertThat(ok.isVerified()).as(ok.toString()).isTrue();
    }

    @Test
    @Verifies("A00.FR.604")
    void aValidatorThatVouchesForAnotherCertificateThanTheFirstIsRefused() throws Exception {
        TestCertificate signer = PKI.firmwareSigning();
        FirmwareSignature sig = sign(forged.attacker(), image);
        // A permissive custom validator that validates the second certificate of the PEM.
        FirmwareVerifier lenient = FirmwareVerifier.builder((chain, at) -> ChainValidationResult.of(
                chain.subList(1, chain.size()), ValidationResult.compliant())).clock(TestPki.CLOCK).build();
        String pem = io.ocppsec.testpki.TestCertificate.toPem(List.of(forged.attacker().certificate(),
                signer.certificate(), PKI.manufacturerSubCa().certificate()));
        FirmwareVerificationOutcome o = lenient.verify(image, sig.base64(), pem);
        assertThat(o).isInstanceOfSatisfying(InvalidFirmwareSigningCertificate.class, c -> assertThat(c.violations()
                .blocking()).anySatisfy(v -> assertThat(v.found()).contains("another certificate than the first")));
    }
}
