package io.ocppsec.core.firmware;

import static io.ocppsec.core.firmware.FirmwareFixtures.PKI;
import static io.ocppsec.core.firmware.FirmwareFixtures.image;
import static io.ocppsec.core.firmware.FirmwareFixtures.sign;
import static io.ocppsec.core.firmware.FirmwareFixtures.unreadable;
import static io.ocppsec.core.firmware.FirmwareFixtures.verifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.core.firmware.FirmwareVerificationOutcome.CertificateProblem;
import io.ocppsec.core.firmware.FirmwareVerificationOutcome.InvalidFirmwareSignature;
import io.ocppsec.core.firmware.FirmwareVerificationOutcome.InvalidFirmwareSigningCertificate;
import io.ocppsec.core.firmware.FirmwareVerificationOutcome.SignatureProblem;
import io.ocppsec.core.firmware.FirmwareVerificationOutcome.Verified;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FirmwareVerifierTest {

    /** Crosses the 64 KiB buffer boundary several times and ends mid-buffer. */
    private static final int SIZE = 300_001;

    @TempDir
    static Path dir;
    static Path image;
    static TestCertificate signer;
    static FirmwareSignature signature;

    @BeforeAll
    static void setUp() throws Exception {
        image = image(dir, SIZE);
        signer = PKI.firmwareSigning();
        signature = sign(signer, image);
    }

    private static FirmwareVerificationOutcome verify(TestCertificate cert, String pem) throws Exception {
        Path img = image;
        FirmwareSignature sig = FirmwareSigner.withPrivateKey(cert.keyPair().getPrivate()).build().sign(img);
        return verifier().verify(img, sig.base64(), pem);
    }

    private static InvalidFirmwareSigningCertificate assertCertificateRejected(FirmwareVerificationOutcome o) {
        assertThat(o).isInstanceOf(InvalidFirmwareSigningCertificate.class);
        assertThat(o.isVerified()).isFalse();
        assertThat(o.securityEventType()).contains(SecurityEventType.INVALID_FIRMWARE_SIGNING_CERTIFICATE);
        return (InvalidFirmwareSigningCertificate) o;
    }

    private static InvalidFirmwareSignature assertSignatureRejected(FirmwareVerificationOutcome o,
            SignatureProblem problem) {
        assertThat(o).isInstanceOf(InvalidFirmwareSignature.class);
        assertThat(o.isVerified()).isFalse();
        assertThat(o.securityEventType()).contains(SecurityEventType.INVALID_FIRMWARE_SIGNATURE);
        InvalidFirmwareSignature s = (InvalidFirmwareSignature) o;
        assertThat(s.problem()).as(s.detail()).isEqualTo(problem);
        return s;
    }

    @Test
    @Verifies({"A00.FR.604"})
    void verifiesAnEcdsaSignedImageAndReportsWhatToLog() throws Exception {
        FirmwareVerificationOutcome o = verifier().verify(image, signature.base64(), signer.chainPem());

        assertThat(o).as(o.reason()).isInstanceOf(Verified.class);
        assertThat(o.securityEventType()).isEmpty();
        assertThat(o.toSecurityEvent(TestPki.NOW)).isEmpty();
        FirmwareVerification v = ((Verified) o).verification();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(image)));
        assertThat(v.imageSha256Hex()).isEqualTo(sha).isEqualTo(signature.imageSha256Hex());
        assertThat(v.bytesRead()).isEqualTo(SIZE);
        assertThat(v.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
        assertThat(v.digest()).isEqualTo(FirmwareDigest.SHA256);
        assertThat(v.signerSubject()).contains("CN=Firmware Signing 1").contains("O=Example Manufacturer");
        assertThat(v.signerSerialHex()).isEqualTo(signer.certificate().getSerialNumber().toString(16));
        assertThat(v.verifiedAt()).isEqualTo(TestPki.NOW);
        assertThat(v.logLine()).contains(sha).contains("300001 bytes");
    }

    @Test
    void streamAndFileGiveTheSameResult() throws Exception {
        FirmwareVerificationOutcome o = verifier().verify(new ByteArrayInputStream(Files.readAllBytes(image)),
                signature.base64(), signer.chainPem());
        assertThat(o.isVerified()).as(o.reason()).isTrue();
        assertThat(((Verified) o).verification().imageSha256Hex()).isEqualTo(signature.imageSha256Hex());
    }

    @ParameterizedTest
    @EnumSource(FirmwareDigest.class)
    void verifiesEcAndRsaWithEachDigest(FirmwareDigest digest) throws Exception {
        for (KeyType kt : List.of(KeyType.EC_P256, KeyType.EC_P384, KeyType.RSA_2048)) {
            TestCertificate c = PKI.firmwareSigningBuilder().keyType(kt).build();
            for (boolean pss : kt.algorithm().equals("RSA") ? new boolean[] {false, true} : new boolean[] {false}) {
                FirmwareSigner.Builder b = FirmwareSigner.withPrivateKey(c.keyPair().getPrivate()).digest(digest);
                FirmwareSignature sig = (pss ? b.rsaPss() : b).build().sign(image);
                FirmwareVerificationOutcome o = verifier(digest).verify(image, sig.base64(), c.chainPem());
                assertThat(o.isVerified()).as(kt + " " + digest + " pss=" + pss + ": " + o.reason()).isTrue();
                assertThat(((Verified) o).verification().signatureAlgorithm())
                        .isEqualTo(digest.shortName() + (kt.algorithm().equals("RSA") ? "withRSA" : "withECDSA")
                                + (pss ? "/PSS" : ""));
            }
        }
    }

    @Test
    void aSignatureOverAnotherDigestDoesNotMatch() throws Exception {
        FirmwareSignature sha384 = FirmwareSigner.withPrivateKey(signer.keyPair().getPrivate())
                .digest(FirmwareDigest.SHA384).build().sign(image);
        assertSignatureRejected(verifier().verify(image, sha384.base64(), signer.chainPem()), SignatureProblem.MISMATCH);
    }

    @Test
    void aSigningCertificateWithoutItsSubCaVerifiesWhenTheStationKnowsTheSubCa() throws Exception {
        FirmwareVerifier v = FirmwareVerifier.builder(FirmwareVerifier.manufacturerHierarchyValidator(
                        List.of(PKI.manufacturerRoot().certificate()), List.of(PKI.manufacturerSubCa().certificate())))
                .clock(TestPki.CLOCK).build();
        assertThat(v.verify(image, signature.base64(), signer.pem()).isVerified()).isTrue();
        assertCertificateRejected(verifier().verify(image, signature.base64(), signer.pem()));
    }

    @Test
    void reportsAdvisoryFindingsOfAnAcceptedCertificate() throws Exception {
        TestPki rsaCas = TestPki.create(KeyType.RSA_2048);
        TestCertificate c = rsaCas.firmwareSigning();
        FirmwareVerificationOutcome o = FirmwareVerifier.forManufacturerRoots(List.of(rsaCas.manufacturerRoot()
                .certificate())).clock(TestPki.CLOCK).build().verify(image, sign(c, image).base64(), c.chainPem());
        assertThat(o.isVerified()).as(o.reason()).isTrue();
        assertThat(((Verified) o).verification().advisories()).extracting(a -> a.requirement().value())
                .contains("A00.FR.505");
    }

    // ---- signature over the image ----

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65_535, 65_536, SIZE / 2, SIZE - 1})
    void aFlippedByteAnywhereIsRejected(int offset) throws Exception {
        byte[] b = Files.readAllBytes(image);
        b[offset] ^= 0x01;
        InvalidFirmwareSignature s = assertSignatureRejected(
                verifier().verify(new ByteArrayInputStream(b), signature.base64(), signer.chainPem()),
                SignatureProblem.MISMATCH);
        assertThat(s.bytesRead()).isEqualTo(SIZE);
        assertThat(s.detail()).contains("does not match").contains("CN=Firmware Signing 1");
    }

    @Test
    void aTruncatedOrExtendedImageIsRejected() throws Exception {
        byte[] b = Files.readAllBytes(image);
        assertSignatureRejected(verifier().verify(new ByteArrayInputStream(b, 0, b.length - 1), signature.base64(),
                signer.chainPem()), SignatureProblem.MISMATCH);
        byte[] longer = java.util.Arrays.copyOf(b, b.length + 1);
        assertSignatureRejected(verifier().verify(new ByteArrayInputStream(longer), signature.base64(),
                signer.chainPem()), SignatureProblem.MISMATCH);
    }

    @Test
    void aSignatureByAnotherKeyIsRejected() throws Exception {
        TestCertificate other = PKI.firmwareSigningBuilder().build();
        FirmwareSignature byOther = sign(other, image);
        FirmwareVerificationOutcome o = verifier().verify(image, byOther.base64(), signer.chainPem());
        assertSignatureRejected(o, SignatureProblem.MISMATCH);
        SecurityEvent e = o.toSecurityEvent(TestPki.NOW).orElseThrow();
        assertThat(e.type()).isEqualTo(SecurityEventType.INVALID_FIRMWARE_SIGNATURE);
        assertThat(e.type().isCritical()).isTrue();
        assertThat(e.techInfo().orElseThrow()).hasSizeLessThanOrEqualTo(SecurityEvent.MAX_TECH_INFO_LENGTH)
                .startsWith("Firmware signature does not match");
    }

    @Test
    void anRsaSignatureOfTheWrongLengthIsMalformed() throws Exception {
        TestCertificate rsa = PKI.firmwareSigningBuilder().keyType(KeyType.RSA_2048).build();
        String sig = Base64.getEncoder().encodeToString(new byte[255]);
        assertThat(assertSignatureRejected(verifier().verify(image, sig, rsa.chainPem()), SignatureProblem.MALFORMED)
                .detail()).contains("255 bytes").contains("exactly 256");
    }

    @Test
    void aRawEcdsaSignatureIsMalformedWithAHint() throws Exception {
        String raw = Base64.getEncoder().encodeToString(new byte[64]);
        assertThat(assertSignatureRejected(verifier().verify(image, raw, signer.chainPem()), SignatureProblem.MALFORMED)
                .detail()).contains("r||s").contains("DER");
    }

    @Test
    void aBrokenDerEcdsaSignatureIsMalformed() throws Exception {
        byte[] der = Base64.getDecoder().decode(signature.base64());
        der[1] = (byte) (der[1] + 5); // SEQUENCE length now wrong
        assertSignatureRejected(verifier().verify(image, Base64.getEncoder().encodeToString(der), signer.chainPem()),
                SignatureProblem.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "@@@@", "AAAA\nAAAA", "AAAA AAAA", "AAA", "AA-_", "AB==", "=AAA", "AA=A", "AAAA\u0000"})
    void badBase64IsRejectedBeforeTheImageIsRead(String bad) throws Exception {
        InvalidFirmwareSignature s = assertSignatureRejected(verifier().verify(unreadable(), bad, signer.chainPem()),
                SignatureProblem.MALFORMED);
        assertThat(s.bytesRead()).isZero();
        assertThat(s.detail()).startsWith("the base64 signature");
    }

    @Test
    void anOversizedSignatureIsRejectedBeforeDecoding() throws Exception {
        String big = "A".repeat(FirmwareVerifier.MAX_SIGNATURE_CHARS + 4);
        assertThat(assertSignatureRejected(verifier().verify(unreadable(), big, signer.chainPem()),
                SignatureProblem.MALFORMED).detail()).contains("804 characters").contains("800");
    }

    @Test
    void aLineWrappedSignatureIsRefusedWithAHowTo() throws Exception {
        String wrapped = signature.base64().substring(0, 20) + "\n" + signature.base64().substring(20);
        assertThat(assertSignatureRejected(verifier().verify(unreadable(), wrapped, signer.chainPem()),
                SignatureProblem.MALFORMED).detail()).contains("line break").contains("openssl base64 -A");
    }

    // ---- signing certificate ----

    @Test
    @Verifies({"A00.FR.604"})
    void aCertificateOfTheCsoHierarchyIsRejectedWithoutReadingTheImage() throws Exception {
        for (TestCertificate cso : List.of(PKI.station(), PKI.csmsEc())) {
            FirmwareSignature sig = sign(cso, image);
            InvalidFirmwareSigningCertificate c = assertCertificateRejected(
                    verifier().verify(unreadable(), sig.base64(), cso.chainPem()));
            assertThat(c.problem()).isEqualTo(CertificateProblem.NOT_VALID);
            assertThat(c.violations().violates("A00.FR.604")).as(c.violations().describe()).isTrue();
            assertThat(c.detail()).contains("no certification path to a trusted MANUFACTURER root");
        }
    }

    @Test
    @Verifies({"A00.FR.604"})
    void aCsoCertificateIsRejectedEvenWithItsRootInThePem() throws Exception {
        TestCertificate cso = PKI.station();
        String pem = TestCertificate.toPem(cso.chainWithRoot());
        assertCertificateRejected(verifier().verify(unreadable(), sign(cso, image).base64(), pem));
    }

    @Test
    @Verifies({"A00.FR.604"})
    void aCertificateUnderAForgedRootWithTheSameNameIsRejected() throws Exception {
        TestCertificate forged = PKI.builder(io.ocppsec.testpki.PkiRole.MANUFACTURER_ROOT, null)
                .organization(TestPki.MANUFACTURER_NAME).commonName("Example Manufacturer Root CA").build();
        TestCertificate fake = PKI.builder(io.ocppsec.testpki.PkiRole.FIRMWARE_SIGNING, forged)
                .organization(TestPki.MANUFACTURER_NAME).commonName("Firmware Signing 1").build();
        InvalidFirmwareSigningCertificate c = assertCertificateRejected(
                verifier().verify(unreadable(), sign(fake, image).base64(), fake.pem()));
        assertThat(c.violations().violates("A00.FR.604")).isTrue();
        assertThat(c.detail()).contains("no certification path to a trusted MANUFACTURER root");
    }

    @Test
    @Verifies({"A00.FR.604"})
    void anExpiredOrNotYetValidSigningCertificateIsRejected() throws Exception {
        for (TestPki.Defect d : List.of(TestPki.Defect.EXPIRED, TestPki.Defect.NOT_YET_VALID)) {
            TestCertificate c = PKI.firmwareSigning(d);
            InvalidFirmwareSigningCertificate r = assertCertificateRejected(verify(c, c.chainPem()));
            assertThat(r.violations().blocking()).as(r.violations().describe()).hasSize(1);
            assertThat(r.detail()).contains(d == TestPki.Defect.EXPIRED ? "expired" : "not valid before")
                    .contains("[certificate #0]").contains(TestPki.NOW.toString());
        }
    }

    @Test
    void theCertificateIsJudgedAtTheClocksInstant() throws Exception {
        java.time.Instant later = signer.certificate().getNotAfter().toInstant().plusSeconds(1);
        FirmwareVerifier v = FirmwareVerifier.forManufacturerRoots(List.of(PKI.manufacturerRoot().certificate()))
                .clock(java.time.Clock.fixed(later, java.time.ZoneOffset.UTC)).build();
        assertCertificateRejected(v.verify(unreadable(), signature.base64(), signer.chainPem()));
    }

    @Test
    @Verifies({"A00.FR.502", "A00.FR.503", "A00.FR.504"})
    void aWeakOrUnsuitableSigningKeyIsRejected() throws Exception {
        TestCertificate rsa1024 = PKI.firmwareSigning(TestPki.Defect.WEAK_RSA_KEY);
        // The RSA-1024 certificate is refused before its (otherwise valid) signature is looked at.
        InvalidFirmwareSigningCertificate r = assertCertificateRejected(
                verifier().verify(unreadable(), sign1024(rsa1024), rsa1024.chainPem()));
        assertThat(r.violations().violates("A00.FR.502")).isTrue();
        assertThat(r.detail()).contains("A00.FR.502").contains("1024 bits");
        TestCertificate p192 = PKI.firmwareSigning(TestPki.Defect.WEAK_EC_KEY);
        assertThat(assertCertificateRejected(verifier().verify(unreadable(), signature.base64(), p192.chainPem()))
                .violations().violates("A00.FR.503")).isTrue();
        TestCertificate dsa = PKI.firmwareSigning(TestPki.Defect.DSA_KEY);
        assertThat(assertCertificateRejected(verifier().verify(unreadable(), signature.base64(), dsa.chainPem()))
                .violations().violates("A00.FR.504")).isTrue();
        TestCertificate sha1 = PKI.firmwareSigning(TestPki.Defect.SHA1_SIGNATURE);
        assertThat(assertCertificateRejected(verifier().verify(unreadable(), signature.base64(), sha1.chainPem()))
                .violations().violates("A00.FR.504")).isTrue();
    }

    private static String sign1024(TestCertificate c) throws Exception {
        // FirmwareSigner refuses a weak software key, so sign through the digest-signer interface.
        java.security.Signature s = java.security.Signature.getInstance("SHA256withRSA");
        s.initSign(c.keyPair().getPrivate());
        s.update(Files.readAllBytes(image));
        return Base64.getEncoder().encodeToString(s.sign());
    }

    @Test
    @Verifies({"A00.FR.512", "A00.FR.604"})
    void aSigningCertificateWhoseKeyUsageForbidsSigningIsRejected() throws Exception {
        // A missing keyUsage is the SHOULD of A00.FR.512 in the shared policy: accepted, reported as advisory.
        TestCertificate none = PKI.firmwareSigning(TestPki.Defect.MISSING_KEY_USAGE);
        FirmwareVerificationOutcome o = verify(none, none.chainPem());
        assertThat(o.isVerified()).as(o.reason()).isTrue();
        assertThat(((Verified) o).verification().advisories()).extracting(a -> a.requirement().value())
                .contains("A00.FR.512");
        // A keyUsage that does not allow signatures is refused outright.
        TestCertificate wrong = PKI.firmwareSigningBuilder().keyUsage(KeyUsage.keyAgreement).build();
        InvalidFirmwareSigningCertificate r = assertCertificateRejected(verify(wrong, wrong.chainPem()));
        assertThat(r.detail()).contains("keyUsage without digitalSignature");
        assertThat(r.violations().violates("A00.FR.604")).isTrue();
    }

    @Test
    @Verifies({"A00.FR.604"})
    void aCaCertificateCannotSignFirmware() throws Exception {
        TestCertificate subCa = PKI.manufacturerSubCa();
        InvalidFirmwareSigningCertificate r = assertCertificateRejected(verify(subCa, subCa.chainPem()));
        assertThat(r.violations().describe()).contains("a CA certificate");
        TestCertificate root = PKI.manufacturerRoot();
        InvalidFirmwareSigningCertificate byRoot = assertCertificateRejected(verify(root, root.pem()));
        assertThat(byRoot.violations().violates("A00.FR.604")).isTrue();
        assertThat(byRoot.violations().describe()).contains("a CA certificate");
    }

    @Test
    void anOversizedCertificateIsRejectedBeforeParsing() throws Exception {
        String pem = signer.chainPem();
        String big = pem + " ".repeat(FirmwareVerifier.MAX_CERTIFICATE_CHARS + 1 - pem.length());
        InvalidFirmwareSigningCertificate r = assertCertificateRejected(
                verifier().verify(unreadable(), signature.base64(), big));
        assertThat(r.problem()).isEqualTo(CertificateProblem.MALFORMED);
        assertThat(r.detail()).contains("5501 characters");
        assertThat(r.violations().isClean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n",
        "-----BEGIN CERTIFICATE-----\nMIIB\n", "-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n"})
    void malformedPemIsATypedOutcome(String pem) throws Exception {
        assertThat(assertCertificateRejected(verifier().verify(unreadable(), signature.base64(), pem)).problem())
                .isEqualTo(CertificateProblem.MALFORMED);
    }

    @Test
    void aPrivateKeyPastedAsCertificateIsRefusedWithoutEchoingIt() throws Exception {
        String keyPem = signer.privateKeyPem();
        FirmwareVerificationOutcome o = verifier().verify(unreadable(), signature.base64(), keyPem);
        assertCertificateRejected(o);
        String body = keyPem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertThat(o.reason()).doesNotContain(body.substring(0, 16)).contains("PRIVATE KEY");
        assertThat(o.toString()).doesNotContain(body.substring(0, 16));
    }

    // ---- image I/O ----

    @Test
    void aStreamThatBreaksOffIsATypedCheckedException() {
        InputStream breaking = new FilterInputStream(new ByteArrayInputStream(new byte[200_000])) {
            private int served;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (served > 100_000) {
                    throw new java.io.EOFException("connection reset while downloading");
                }
                int n = super.read(b, off, len);
                served += Math.max(n, 0);
                return n;
            }
        };
        assertThatThrownBy(() -> verifier().verify(breaking, signature.base64(), signer.chainPem()))
                .isInstanceOf(FirmwareImageException.class)
                .hasMessageContaining("could not be read to its end")
                .hasCauseInstanceOf(java.io.EOFException.class);
    }

    @Test
    void aMissingFileIsATypedCheckedException() {
        assertThatThrownBy(() -> verifier().verify(dir.resolve("absent.bin"), signature.base64(), signer.chainPem()))
                .isInstanceOf(FirmwareImageException.class).hasMessageContaining("absent.bin")
                .hasCauseInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void anImageOverTheLimitIsRefused() {
        FirmwareVerifier small = FirmwareVerifier.forManufacturerRoots(List.of(PKI.manufacturerRoot().certificate()))
                .clock(TestPki.CLOCK).maxImageBytes(100_000).build();
        assertThatThrownBy(() -> small.verify(image, signature.base64(), signer.chainPem()))
                .isInstanceOf(FirmwareImageException.class).hasMessageContaining("larger than 100000 bytes");
        assertThatThrownBy(() -> FirmwareVerifier.forManufacturerRoots(List.of(PKI.manufacturerRoot().certificate()))
                .maxImageBytes(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkRequestJudgesCertificateAndSignatureFormBeforeDownload() {
        assertThat(verifier().checkRequest(signature.base64(), signer.chainPem())).isEmpty();
        assertThat(verifier().checkRequest(signature.base64(), PKI.station().chainPem()).orElseThrow()
                .securityEventType()).contains(SecurityEventType.INVALID_FIRMWARE_SIGNING_CERTIFICATE);
        assertThat(verifier().checkRequest("%%%%", signer.chainPem()).orElseThrow().securityEventType())
                .contains(SecurityEventType.INVALID_FIRMWARE_SIGNATURE);
    }

    @Test
    void noRootIsAnArgumentError() {
        assertThatThrownBy(() -> FirmwareVerifier.forManufacturerRoots(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ManufacturerRootCertificate");
    }
}
