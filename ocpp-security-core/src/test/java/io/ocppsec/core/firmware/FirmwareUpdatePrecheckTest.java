package io.ocppsec.core.firmware;

import static io.ocppsec.core.firmware.FirmwareFixtures.PKI;
import static io.ocppsec.core.firmware.FirmwareFixtures.image;
import static io.ocppsec.core.firmware.FirmwareFixtures.sign;
import static io.ocppsec.core.firmware.FirmwareFixtures.verifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A00.FR.707: the CSMS validates certificate and signed image before sending UpdateFirmwareRequest. */
class FirmwareUpdatePrecheckTest {

    private static final String LOCATION = "https://firmware.example.com/cs/4.2.0.bin";
    private static final Instant RETRIEVE = TestPki.NOW.plusSeconds(3600);

    @TempDir
    static Path dir;
    static Path image;
    static TestCertificate signer;
    static String signature;
    static FirmwareUpdatePrecheck precheck;

    @BeforeAll
    static void setUp() throws Exception {
        image = image(dir, 123_457);
        signer = PKI.firmwareSigning();
        signature = sign(signer, image).base64();
        precheck = FirmwareUpdatePrecheck.using(verifier());
    }

    private static FirmwareUpdatePrecheck.Fields fields(String cert, String sig) {
        return new FirmwareUpdatePrecheck.Fields(LOCATION, RETRIEVE, cert, sig);
    }

    @Test
    @Verifies({"A00.FR.707"})
    void aValidCertificateAndSignedImageMayBeSent() throws Exception {
        FirmwareUpdatePrecheck.Result r = precheck.check(fields(signer.chainPem(), signature), image);
        assertThat(r.maySend()).as(r.problems().toString()).isTrue();
        assertThat(r.problems()).isEmpty();
        assertThat(r.outcome().orElseThrow().isVerified()).isTrue();
        assertThat(precheck.check(fields(signer.chainPem(), signature),
                new ByteArrayInputStream(Files.readAllBytes(image))).maySend()).isTrue();
    }

    @Test
    @Verifies({"A00.FR.707"})
    void aTamperedImageMayNotBeSent() throws Exception {
        byte[] b = Files.readAllBytes(image);
        b[1000] ^= 4;
        FirmwareUpdatePrecheck.Result r = precheck.check(fields(signer.chainPem(), signature),
                new ByteArrayInputStream(b));
        assertThat(r.maySend()).isFalse();
        assertThat(r.problems()).singleElement().asString().startsWith("A00.FR.707").contains("does not match");
        assertThat(r.outcome().orElseThrow().securityEventType()).contains(SecurityEventType.INVALID_FIRMWARE_SIGNATURE);
    }

    @Test
    @Verifies({"A00.FR.707", "A00.FR.604"})
    void aCertificateOfTheWrongHierarchyOrExpiredMayNotBeSent() throws Exception {
        for (TestCertificate bad : new TestCertificate[] {PKI.station(), PKI.firmwareSigning(TestPki.Defect.EXPIRED)}) {
            FirmwareUpdatePrecheck.Result r = precheck.check(fields(bad.chainPem(), sign(bad, image).base64()), image);
            assertThat(r.maySend()).isFalse();
            assertThat(r.outcome().orElseThrow().securityEventType())
                    .contains(SecurityEventType.INVALID_FIRMWARE_SIGNING_CERTIFICATE);
        }
    }

    @Test
    @Verifies({"A00.FR.707"})
    void fieldsOutsideTheSchemaMayNotBeSent() throws Exception {
        String longCert = "x".repeat(5501);
        String longSig = "A".repeat(804);
        FirmwareUpdatePrecheck.Result r = precheck.check(fields(longCert, longSig), FirmwareFixtures.unreadable());
        assertThat(r.maySend()).isFalse();
        assertThat(r.outcome()).isEmpty();
        assertThat(r.problems()).hasSize(2).anySatisfy(p -> assertThat(p).contains("5501"))
                .anySatisfy(p -> assertThat(p).contains("804"));

        assertThat(precheck.check(fields("", ""), FirmwareFixtures.unreadable()).problems()).hasSize(2);
        for (String loc : new String[] {"", " ", "relative/path.bin", "https://" + "a".repeat(510), "http://bad host/"}) {
            FirmwareUpdatePrecheck.Result lr = precheck.check(new FirmwareUpdatePrecheck.Fields(loc, RETRIEVE,
                    signer.chainPem(), signature), FirmwareFixtures.unreadable());
            assertThat(lr.maySend()).as(loc).isFalse();
            assertThat(lr.problems()).singleElement().asString().contains("firmware.location");
        }
    }

    @Test
    void nullsAreRefused() {
        assertThatThrownBy(() -> new FirmwareUpdatePrecheck.Fields(null, RETRIEVE, "", ""))
                .isInstanceOf(NullPointerException.class).hasMessage("location");
        assertThatThrownBy(() -> FirmwareUpdatePrecheck.using(null)).isInstanceOf(NullPointerException.class);
    }
}
