package io.ocppsec.examples.cli;

import io.ocppsec.core.firmware.FirmwareSignature;
import io.ocppsec.core.firmware.FirmwareSigner;
import io.ocppsec.core.firmware.FirmwareVerificationOutcome;
import io.ocppsec.core.firmware.FirmwareVerifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code firmware sign|verify}: signed firmware images (A00.FR.604, A00.FR.707). */
@Command(name = "firmware", mixinStandardHelpOptions = true,
        description = "Sign a firmware image, or verify one against the Manufacturer hierarchy.",
        subcommands = {FirmwareCommand.Sign.class, FirmwareCommand.Verify.class})
final class FirmwareCommand {

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = "Sign IMAGE and print the base64 signature (as UpdateFirmwareRequest.firmware.signature).")
    static final class Sign implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--key", required = true, description = "PEM private key of the firmware signing certificate.")
        Path key;
        @Option(names = "--cert", required = true, description = "PEM firmware signing certificate (must match the key).")
        Path cert;
        @Option(names = "--pss", description = "Use RSA-PSS instead of PKCS#1 v1.5 for RSA keys.")
        boolean pss;
        @Parameters(paramLabel = "IMAGE", description = "The firmware image.")
        Path image;

        @Override
        public Integer call() throws Exception {
            X509Certificate certificate = PemFiles.certificates(cert).get(0);
            java.security.PrivateKey privateKey = PemFiles.privateKey(key);
            requireMatchingKey(privateKey, certificate);
            FirmwareSigner.Builder b = FirmwareSigner.withPrivateKey(privateKey);
            if (pss) {
                b.rsaPss();
            }
            FirmwareSignature sig = b.build().sign(image);
            spec.commandLine().getOut().println(sig.base64());
            return 0;
        }
    }

    /** Refuses to sign with a key that does not belong to the certificate the station will be given. */
    static void requireMatchingKey(java.security.PrivateKey key, X509Certificate certificate)
            throws java.security.GeneralSecurityException {
        String alg = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] challenge = "ocpp-security key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.security.Signature s = java.security.Signature.getInstance(alg);
        s.initSign(key);
        s.update(challenge);
        byte[] sig = s.sign();
        s.initVerify(certificate.getPublicKey());
        s.update(challenge);
        if (!s.verify(sig)) {
            throw new IllegalArgumentException("the private key does not belong to the signing certificate");
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify IMAGE: exit 0 valid, 1 invalid (event name and reason), 2 unreadable input.")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--cert", required = true, description = "PEM signing certificate (optionally followed by intermediates).")
        Path cert;
        @Option(names = "--signature", required = true, description = "File with the base64 signature.")
        Path signature;
        @Option(names = "--trust", required = true, description = "PEM ManufacturerRootCertificate(s).")
        Path trust;
        @Option(names = "--at", description = "Instant at which validity is judged (ISO-8601, default now).")
        Instant at;
        @Parameters(paramLabel = "IMAGE", description = "The firmware image.")
        Path image;

        @Override
        public Integer call() throws Exception {
            List<X509Certificate> roots = PemFiles.certificates(trust);
            FirmwareVerifier verifier = FirmwareVerifier.forManufacturerRoots(roots)
                    .clock(at == null ? Clock.systemUTC() : Clock.fixed(at, ZoneOffset.UTC)).build();
            FirmwareVerificationOutcome outcome = verifier.verify(image,
                    PemFiles.readText(signature).trim(), PemFiles.readText(cert));
            PrintWriter out = spec.commandLine().getOut();
            if (outcome.isVerified()) {
                out.println("valid: " + outcome.reason());
                return 0;
            }
            out.println("invalid: " + outcome.securityEventType().map(Object::toString).orElse("?")
                    + ": " + outcome.reason());
            return OcppSecurityCli.EXIT_VIOLATIONS;
        }
    }
}
