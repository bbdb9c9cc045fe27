package io.ocppsec.core.firmware;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.core.cert.CertificateParseException;
import io.ocppsec.core.cert.CertificateParser;
import io.ocppsec.core.cert.CertificateRole;
import io.ocppsec.core.cert.ChainValidationResult;
import io.ocppsec.core.cert.ChainValidator;
import io.ocppsec.core.cert.OcppChainValidator;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.core.firmware.FirmwareVerificationOutcome.CertificateProblem;
import io.ocppsec.core.firmware.FirmwareVerificationOutcome.InvalidFirmwareSignature;
import io.ocppsec.core.firmware.FirmwareVerificationOutcome.InvalidFirmwareSigningCertificate;
import io.ocppsec.core.firmware.FirmwareVerificationOutcome.SignatureProblem;
import io.ocppsec.core.firmware.internal.DigestSignatures;
import io.ocppsec.core.firmware.internal.ImageDigester;
import io.ocppsec.core.firmware.internal.StrictBase64;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Verifies a signed firmware image as a Charging Station receives it in {@code UpdateFirmwareRequest}:
 * the PEM signing certificate, the base64 signature, and the downloaded image.
 *
 * <ol>
 *   <li>The signing certificate (at most 5500 characters, parsed by {@link CertificateParser}; optionally
 *       followed by its Manufacturer sub-CA certificates) is validated at the clock's instant by the
 *       {@link ChainValidator} for the Manufacturer hierarchy — by default the shared OCPP policy,
 *       {@link OcppChainValidator#forFirmwareSigningCertificate(TrustAnchors)}: Firmware Signing role and
 *       properties (A00.FR.501–512), validity, and a path to an installed ManufacturerRootCertificate only — a
 *       CSO-hierarchy certificate fails (A00.FR.604). Failure: {@link InvalidFirmwareSigningCertificate}; the
 *       image is not read.</li>
 *   <li>The signature (strict base64, at most 800 characters) is checked over the image, read once with
 *       a 64 KiB buffer: ECDSA (DER, as {@code openssl dgst -sha256 -sign} writes it), RSA PKCS#1 v1.5 or
 *       RSA-PSS, with SHA-256 by default (what OCPP tooling uses) or SHA-384/512 if configured.
 *       Failure: {@link InvalidFirmwareSignature}.</li>
 * </ol>
 *
 * <pre>{@code
 * FirmwareVerifier verifier = FirmwareVerifier.forManufacturerRoots(installedManufacturerRoots)
 *         .clock(clock).build();
 * FirmwareVerificationOutcome outcome = verifier.verify(downloadedImage,
 *         request.firmware().signature().orElseThrow(), request.firmware().signingCertificate().orElseThrow());
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FirmwareVerifier {

    /** {@code firmware.signature} maxLength in the UpdateFirmwareRequest schema. */
    public static final int MAX_SIGNATURE_CHARS = 800;
    /** {@code firmware.signingCertificate} maxLength in the UpdateFirmwareRequest schema. */
    public static final int MAX_CERTIFICATE_CHARS = 5500;
    /** Default upper bound on the image size: 16 GiB. */
    public static final long DEFAULT_MAX_IMAGE_BYTES = 16L << 30;
    /** Most certificates accepted in {@code firmware.signingCertificate}: the signing certificate and sub-CAs. */
    public static final int MAX_CERTIFICATES = 4;

    private static final CertificateParser PARSER = CertificateParser.builder().maxChars(MAX_CERTIFICATE_CHARS)
            .maxCertificates(MAX_CERTIFICATES).build();

    private final ChainValidator validator;
    private final Clock clock;
    private final FirmwareDigest digest;
    private final long maxImageBytes;

    private FirmwareVerifier(Builder b) {
        this.validator = b.validator;
        this.clock = b.clock;
        this.digest = b.digest;
        this.maxImageBytes = b.maxImageBytes;
    }

    /**
     * @param signingCertificateValidator validator for the Firmware Signing certificate chain in the
     *     Manufacturer hierarchy (e.g. the shared OCPP chain validator)
     * @return a builder
     */
    public static Builder builder(ChainValidator signingCertificateValidator) {
        return new Builder(Objects.requireNonNull(signingCertificateValidator, "signingCertificateValidator"));
    }

    /**
     * @param manufacturerRoots the installed ManufacturerRootCertificate(s)
     * @return a builder using {@link #manufacturerHierarchyValidator(Collection, Collection)}
     * @throws IllegalArgumentException when there is no root
     */
    public static Builder forManufacturerRoots(Collection<X509Certificate> manufacturerRoots) {
        return builder(manufacturerHierarchyValidator(manufacturerRoots, List.of()));
    }

    /**
     * The built-in validator for Firmware Signing certificates: the shared OCPP policy,
     * {@link OcppChainValidator#forFirmwareSigningCertificate(TrustAnchors)}, whose trust anchors are the given
     * ManufacturerRootCertificate(s) only (A00.FR.604); revocation is not checked (a station is often
     * offline). Known sub-CAs are appended to each received chain so that a PEM holding only the signing
     * certificate still finds its path.
     *
     * @param manufacturerRoots the installed ManufacturerRootCertificate(s), not empty
     * @param knownIntermediates Manufacturer sub-CA certificates the station already holds (may be empty);
     *     used to build the path when the PEM carries only the signing certificate
     * @return the validator
     * @throws IllegalArgumentException when there is no root, or a root is not a CA certificate
     */
    public static ChainValidator manufacturerHierarchyValidator(Collection<X509Certificate> manufacturerRoots,
            Collection<X509Certificate> knownIntermediates) {
        Objects.requireNonNull(manufacturerRoots, "manufacturerRoots");
        List<X509Certificate> known = List.copyOf(Objects.requireNonNull(knownIntermediates, "knownIntermediates"));
        if (manufacturerRoots.isEmpty()) {
            throw new IllegalArgumentException("at least one ManufacturerRootCertificate is needed");
        }
        OcppChainValidator v = OcppChainValidator.forFirmwareSigningCertificate(
                TrustAnchors.of(CertificateRole.Hierarchy.MANUFACTURER, manufacturerRoots));
        if (known.isEmpty()) {
            return v;
        }
        return (chain, at) -> {
            List<X509Certificate> all = new ArrayList<>(chain); // the received signing certificate stays first
            known.stream().filter(k -> !all.contains(k)).forEach(all::add);
            return v.validate(all, at);
        };
    }

    /**
     * Checks the certificate and the form of the signature, without the image: what a station does when
     * {@code UpdateFirmwareRequest} arrives, before downloading.
     *
     * @param signatureBase64 {@code firmware.signature}
     * @param signingCertificatePem {@code firmware.signingCertificate}
     * @return the failure outcome, or empty when the download may start
     */
    public java.util.Optional<FirmwareVerificationOutcome> checkRequest(String signatureBase64,
            String signingCertificatePem) {
        Object p = prepare(signatureBase64, signingCertificatePem, clock.instant());
        return p instanceof FirmwareVerificationOutcome
                ? java.util.Optional.of((FirmwareVerificationOutcome) p) : java.util.Optional.empty();
    }

    /**
     * @param image the downloaded image file; read once
     * @param signatureBase64 {@code firmware.signature}
     * @param signingCertificatePem {@code firmware.signingCertificate}
     * @return the outcome
     * @throws FirmwareImageException when the file cannot be read to its end or exceeds the size limit
     */
    public FirmwareVerificationOutcome verify(Path image, String signatureBase64, String signingCertificatePem)
            throws FirmwareImageException {
        Objects.requireNonNull(image, "image");
        Instant at = clock.instant();
        Object p = prepare(signatureBase64, signingCertificatePem, at);
        if (p instanceof FirmwareVerificationOutcome) {
            return (FirmwareVerificationOutcome) p;
        }
        try (InputStream in = Files.newInputStream(image)) {
            return check((Prepared) p, in, at, "file " + image);
        } catch (FirmwareImageException e) {
            throw e;
        } catch (IOException e) {
            throw new FirmwareImageException("Cannot open firmware image file " + image + ": " + e, -1, e);
        }
    }

    /**
     * @param image the image stream; read to its end, not closed
     * @param signatureBase64 {@code firmware.signature}
     * @param signingCertificatePem {@code firmware.signingCertificate}
     * @return the outcome
     * @throws FirmwareImageException when the stream fails before its end or exceeds the size limit
     */
    public FirmwareVerificationOutcome verify(InputStream image, String signatureBase64,
            String signingCertificatePem) throws FirmwareImageException {
        Objects.requireNonNull(image, "image");
        Instant at = clock.instant();
        Object p = prepare(signatureBase64, signingCertificatePem, at);
        if (p instanceof FirmwareVerificationOutcome) {
            return (FirmwareVerificationOutcome) p;
        }
        return check((Prepared) p, image, at, "stream");
    }

    /** @return the hash signatures are checked with */
    public FirmwareDigest digest() {
        return digest;
    }

    private record Prepared(X509Certificate signer, byte[] signature, ValidationResult certificateResult) {
    }

    /** @return a failure outcome, or the {@link Prepared} certificate and signature */
    private Object prepare(String signatureBase64, String pem, Instant at) {
        Objects.requireNonNull(signatureBase64, "signatureBase64");
        Objects.requireNonNull(pem, "signingCertificatePem");
        List<X509Certificate> chain;
        try {
            chain = PARSER.parsePem(pem); // the 5500-character limit is checked before any parsing
        } catch (CertificateParseException e) {
            return new InvalidFirmwareSigningCertificate(CertificateProblem.MALFORMED, e.getMessage(),
                    ValidationResult.compliant());
        }
        ChainValidationResult validated = validator.validate(chain, at);
        ValidationResult result = validated.result();
        if (!result.isCompliant()) {
            return new InvalidFirmwareSigningCertificate(CertificateProblem.NOT_VALID,
                    summary(result), result);
        }
        // The signature is checked with the key of the certificate that was validated, and only if that is the
        // first certificate of signingCertificate (the signer's own): never with another certificate of the PEM.
        X509Certificate signer = validated.leaf().orElseThrow();
        if (!signer.equals(chain.get(0))) {
            ValidationResult refused = result.and(ValidationResult.of(Violation.of("A00.FR.604", RequirementLevel.SHALL,
                    "the validator validated another certificate than the first of signingCertificate",
                    "the Firmware Signing certificate first, validated as the leaf").atChainIndex(0)));
            return new InvalidFirmwareSigningCertificate(CertificateProblem.NOT_VALID, summary(refused), refused);
        }
        StrictBase64.Decoded decoded = StrictBase64.decode(signatureBase64, MAX_SIGNATURE_CHARS);
        if (decoded.problem().isPresent()) {
            return new InvalidFirmwareSignature(SignatureProblem.MALFORMED,
                    "the base64 signature " + decoded.problem().get(), 0);
        }
        return new Prepared(signer, decoded.bytes().orElseThrow(), result);
    }

    private FirmwareVerificationOutcome check(Prepared p, InputStream in, Instant at, String source)
            throws FirmwareImageException {
        MessageDigest sha256 = FirmwareDigest.SHA256.newMessageDigest();
        List<MessageDigest> digests = new ArrayList<>(2);
        digests.add(sha256);
        MessageDigest chosen = digest == FirmwareDigest.SHA256 ? sha256 : digest.newMessageDigest();
        if (chosen != sha256) {
            digests.add(chosen);
        }
        long bytes;
        try {
            bytes = ImageDigester.digest(in, digests, maxImageBytes);
        } catch (ImageDigester.TooLargeException e) {
            throw new FirmwareImageException("Firmware image " + source + " is larger than " + maxImageBytes
                    + " bytes", maxImageBytes, e);
        } catch (IOException e) {
            throw new FirmwareImageException("Firmware image " + source + " could not be read to its end: " + e,
                    -1, e);
        }
        byte[] imageSha256 = sha256.digest();
        byte[] hash = chosen == sha256 ? imageSha256 : chosen.digest();
        DigestSignatures.Verification v;
        try {
            v = DigestSignatures.verify(p.signer().getPublicKey(), digest, hash, p.signature());
        } catch (GeneralSecurityException e) {
            return new InvalidFirmwareSigningCertificate(CertificateProblem.NOT_VALID,
                    "its key cannot verify firmware signatures: " + e.getMessage(), p.certificateResult());
        }
        String subject = p.signer().getSubjectX500Principal().getName();
        if (v.malformed().isPresent()) {
            return new InvalidFirmwareSignature(SignatureProblem.MALFORMED, v.malformed().get(), bytes);
        }
        if (v.matchedAlgorithm().isEmpty()) {
            return new InvalidFirmwareSignature(SignatureProblem.MISMATCH, "the signature does not match the "
                    + bytes + "-byte image (SHA-256 " + ImageDigester.hex(imageSha256) + ") under the key of '"
                    + subject + "' with " + digest + " (image altered, or signed by another key or hash)", bytes);
        }
        return new FirmwareVerificationOutcome.Verified(new FirmwareVerification(subject,
                p.signer().getSerialNumber().toString(16), digest, v.matchedAlgorithm().get(),
                ImageDigester.hex(imageSha256), bytes, at, p.certificateResult().advisory()));
    }

    private static String summary(ValidationResult result) {
        var blocking = result.blocking();
        String first = blocking.get(0).message();
        return blocking.size() == 1 ? first : first + " (and " + (blocking.size() - 1) + " more)";
    }

    @Override
    public String toString() {
        return "FirmwareVerifier{digest=" + digest + ", maxImageBytes=" + maxImageBytes + "}";
    }

    /** Builder of a {@link FirmwareVerifier}; the validator is given at creation. */
    public static final class Builder {
        private final ChainValidator validator;
        private Clock clock = Clock.systemUTC();
        private FirmwareDigest digest = FirmwareDigest.SHA256;
        private long maxImageBytes = DEFAULT_MAX_IMAGE_BYTES;

        private Builder(ChainValidator validator) {
            this.validator = validator;
        }

        /**
         * @param clock the clock whose instant the certificate is judged at (default: system UTC)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param digest the hash the signature covers (default SHA-256, what OCPP tooling uses)
         * @return this builder
         */
        public Builder digest(FirmwareDigest digest) {
            this.digest = Objects.requireNonNull(digest, "digest");
            return this;
        }

        /**
         * @param maxImageBytes the largest image accepted (default 16 GiB); a larger one is refused with
         *     {@link FirmwareImageException} after that many bytes
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxImageBytes(long maxImageBytes) {
            if (maxImageBytes <= 0) {
                throw new IllegalArgumentException("maxImageBytes must be positive, was " + maxImageBytes);
            }
            this.maxImageBytes = maxImageBytes;
            return this;
        }

        /** @return the verifier */
        public FirmwareVerifier build() {
            return new FirmwareVerifier(this);
        }
    }
}
