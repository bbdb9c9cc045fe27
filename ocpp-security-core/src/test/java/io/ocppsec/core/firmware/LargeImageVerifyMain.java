package io.ocppsec.core.firmware;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Verifies one image in a separate JVM (run with a small heap by {@link LargeFirmwareImageTest}).
 * Arguments: image, signature file (base64 text), signing certificate PEM file, Manufacturer root PEM
 * file, instant. Exit 0 and a {@code VERIFIED} line on success; 2 on a rejected image; 3 on an I/O error.
 */
public final class LargeImageVerifyMain {

    private LargeImageVerifyMain() {
    }

    /**
     * @param args see the class comment
     * @throws Exception on bad arguments
     */
    public static void main(String[] args) throws Exception {
        Path image = Path.of(args[0]);
        String signature = Files.readString(Path.of(args[1])).trim();
        String pem = Files.readString(Path.of(args[2]));
        X509Certificate root;
        try (InputStream in = Files.newInputStream(Path.of(args[3]))) {
            root = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        FirmwareVerifier verifier = FirmwareVerifier.forManufacturerRoots(List.of(root))
                .clock(Clock.fixed(Instant.parse(args[4]), ZoneOffset.UTC)).build();
        long start = System.nanoTime();
        FirmwareVerificationOutcome outcome;
        try {
            outcome = verifier.verify(image, signature, pem);
        } catch (FirmwareImageException e) {
            System.out.println("IO_ERROR " + e.getMessage());
            System.exit(3);
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!outcome.isVerified()) {
            System.out.println("REJECTED " + outcome.reason());
            System.exit(2);
        }
        FirmwareVerification v = ((FirmwareVerificationOutcome.Verified) outcome).verification();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("VERIFIED bytes=%d seconds=%.3f mbps=%.1f maxHeapMiB=%d sha256=%s%n", v.bytesRead(),
                seconds, v.bytesRead() / 1e6 / seconds, rt.maxMemory() >> 20, v.imageSha256Hex());
    }
}
