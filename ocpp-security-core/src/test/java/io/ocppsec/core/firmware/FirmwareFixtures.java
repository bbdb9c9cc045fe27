package io.ocppsec.core.firmware;

import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/** Shared test material: a PKI, images, a verifier at the PKI's fixed clock. */
final class FirmwareFixtures {

    /** One PKI for all firmware tests (EC P-256 CAs). */
    static final TestPki PKI = TestPki.create();

    private FirmwareFixtures() {
    }

    static FirmwareVerifier verifier() {
        return verifier(FirmwareDigest.SHA256);
    }

    static FirmwareVerifier verifier(FirmwareDigest digest) {
        return FirmwareVerifier.forManufacturerRoots(List.of(PKI.manufacturerRoot().certificate()))
                .clock(TestPki.CLOCK).digest(digest).build();
    }

    /** An image of {@code size} random bytes (not a multiple of the 64 KiB buffer). */
    static Path image(Path dir, int size) throws IOException {
        byte[] b = new byte[size];
        new SecureRandom().nextBytes(b);
        Path p = dir.resolve("image-" + size + ".bin");
        Files.write(p, b);
        return p;
    }

    static FirmwareSignature sign(TestCertificate signer, Path image) throws Exception {
        return FirmwareSigner.withPrivateKey(signer.keyPair().getPrivate()).build().sign(image);
    }

    /** A stream that fails the test's expectations if anybody reads it. */
    static InputStream unreadable() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw new AssertionError("the image must not be read");
            }
        };
    }
}
