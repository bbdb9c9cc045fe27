package io.ocppsec.core.firmware;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.RequirementViolationException;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.cert.CryptoPolicy;
import io.ocppsec.core.firmware.internal.DigestSignatures;
import io.ocppsec.core.firmware.internal.ImageDigester;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Signs firmware images on the manufacturer side. The image is read once with a 64 KiB buffer; the
 * base64 output verifies with {@code openssl dgst -sha256 -verify pub.pem -signature sig.bin image}
 * (after {@code base64 -d}) and with {@link FirmwareVerifier}.
 *
 * <pre>{@code
 * FirmwareSignature sig = FirmwareSigner.withPrivateKey(signingKey).build().sign(imagePath);
 * Firmware firmware = new Firmware(location, retrieveAt, Optional.empty(), Optional.of(signingCertPem),
 *         Optional.of(sig.base64()));   // the UpdateFirmwareRequest's firmware
 * // HSM: FirmwareSigner.with((digest, hash) -> hsm.sign(hash)).build()
 * }</pre>
 *
 * <p>A software key is checked against A00.FR.502/503 (RSA at least 2048 bits, EC at least 224 bits).
 * The key never appears in {@link #toString()} or in an exception message.
 */
public final class FirmwareSigner {

    private final FirmwareDigestSigner signer;
    private final FirmwareDigest digest;
    private final String description;

    private FirmwareSigner(FirmwareDigestSigner signer, FirmwareDigest digest, String description) {
        this.signer = signer;
        this.digest = digest;
        this.description = description;
    }

    /**
     * @param key the Firmware Signing private key (EC or RSA)
     * @return a builder; RSA keys sign with PKCS#1 v1.5 unless {@link Builder#rsaPss()} is chosen
     * @throws RequirementViolationException when the key is too weak (A00.FR.502/503) or not EC/RSA (A00.FR.504)
     */
    public static Builder withPrivateKey(PrivateKey key) throws RequirementViolationException {
        Objects.requireNonNull(key, "key");
        checkStrength(key).orThrow();
        return new Builder(key, null);
    }

    /**
     * @param digestSigner a signer of digests, e.g. over an HSM
     * @return a builder
     */
    public static Builder with(FirmwareDigestSigner digestSigner) {
        return new Builder(null, Objects.requireNonNull(digestSigner, "digestSigner"));
    }

    /**
     * @param image the image file
     * @return the signature
     * @throws FirmwareImageException when the file cannot be read
     * @throws GeneralSecurityException when signing fails or the signature would not fit the 800
     *     characters of {@code UpdateFirmwareRequest}
     */
    public FirmwareSignature sign(Path image) throws FirmwareImageException, GeneralSecurityException {
        Objects.requireNonNull(image, "image");
        try (InputStream in = Files.newInputStream(image)) {
            return sign(in, "file " + image);
        } catch (FirmwareImageException e) {
            throw e;
        } catch (IOException e) {
            throw new FirmwareImageException("Cannot open firmware image file " + image + ": " + e, -1, e);
        }
    }

    /**
     * @param image the image; read to its end, not closed
     * @return the signature
     * @throws FirmwareImageException when the stream fails
     * @throws GeneralSecurityException when signing fails or the signature would not fit 800 characters
     */
    public FirmwareSignature sign(InputStream image) throws FirmwareImageException, GeneralSecurityException {
        return sign(Objects.requireNonNull(image, "image"), "stream");
    }

    private FirmwareSignature sign(InputStream in, String source) throws FirmwareImageException,
            GeneralSecurityException {
        MessageDigest sha256 = FirmwareDigest.SHA256.newMessageDigest();
        List<MessageDigest> digests = new ArrayList<>(2);
        digests.add(sha256);
        MessageDigest chosen = digest == FirmwareDigest.SHA256 ? sha256 : digest.newMessageDigest();
        if (chosen != sha256) {
            digests.add(chosen);
        }
        long bytes;
        try {
            bytes = ImageDigester.digest(in, digests, Long.MAX_VALUE);
        } catch (IOException e) {
            throw new FirmwareImageException("Firmware image " + source + " could not be read to its end: " + e,
                    -1, e);
        }
        byte[] imageSha256 = sha256.digest();
        byte[] hash = chosen == sha256 ? imageSha256 : chosen.digest();
        byte[] signature = signer.signDigest(digest, hash.clone());
        if (signature == null || signature.length == 0) {
            throw new SignatureException("the digest signer returned no signature");
        }
        String base64 = Base64.getEncoder().encodeToString(signature);
        if (base64.length() > FirmwareVerifier.MAX_SIGNATURE_CHARS) {
            throw new SignatureException("a signature of " + signature.length + " bytes encodes to "
                    + base64.length() + " base64 characters, more than the " + FirmwareVerifier.MAX_SIGNATURE_CHARS
                    + " UpdateFirmwareRequest allows; use an EC key or RSA of at most 4096 bits");
        }
        return new FirmwareSignature(base64, digest, ImageDigester.hex(imageSha256), bytes);
    }

    /** @return the hash images are signed with */
    public FirmwareDigest digest() {
        return digest;
    }

    @Override
    public String toString() {
        return "FirmwareSigner{" + description + ", digest=" + digest + "}";
    }

    private static ValidationResult checkStrength(PrivateKey key) {
        ValidationResult.Builder r = ValidationResult.builder();
        if (key instanceof RSAKey) {
            int bits = ((RSAKey) key).getModulus().bitLength();
            if (bits < CryptoPolicy.MIN_RSA_BITS) {
                r.add("A00.FR.502", RequirementLevel.SHALL, "RSA signing key of " + bits + " bits",
                        "an RSA key of at least " + CryptoPolicy.MIN_RSA_BITS + " bits");
            }
        } else if (key instanceof ECKey) {
            int bits = ((ECKey) key).getParams().getCurve().getField().getFieldSize();
            if (bits < CryptoPolicy.MIN_EC_BITS) {
                r.add("A00.FR.503", RequirementLevel.SHALL, "EC signing key of " + bits + " bits",
                        "an EC key of at least " + CryptoPolicy.MIN_EC_BITS + " bits");
            }
        } else {
            r.add("A00.FR.504", RequirementLevel.SHALL, "a " + key.getAlgorithm() + " signing key",
                    "an RSA or ECDSA key (BSI TR-02102-1)");
        }
        return r.build();
    }

    /** Builder of a {@link FirmwareSigner}. */
    public static final class Builder {
        private final PrivateKey key;
        private final FirmwareDigestSigner custom;
        private FirmwareDigest digest = FirmwareDigest.SHA256;
        private boolean rsaPss;
        private SecureRandom random = new SecureRandom();

        private Builder(PrivateKey key, FirmwareDigestSigner custom) {
            this.key = key;
            this.custom = custom;
        }

        /**
         * @param digest the hash to sign (default SHA-256, what {@code openssl dgst -sha256} and OCPP tooling use)
         * @return this builder
         */
        public Builder digest(FirmwareDigest digest) {
            this.digest = Objects.requireNonNull(digest, "digest");
            return this;
        }

        /**
         * Signs with RSA-PSS (MGF1 with the same hash, salt = hash length) instead of PKCS#1 v1.5; only for
         * a software RSA key. Verify with {@code openssl dgst -sigopt rsa_padding_mode:pss}.
         *
         * @return this builder
         */
        public Builder rsaPss() {
            this.rsaPss = true;
            return this;
        }

        /**
         * @param random randomness for ECDSA and PSS (default a new {@link SecureRandom})
         * @return this builder
         */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * @return the signer
         * @throws IllegalStateException when {@link #rsaPss()} was chosen for a non-RSA software key or an
         *     external signer
         */
        public FirmwareSigner build() {
            if (custom != null) {
                if (rsaPss) {
                    throw new IllegalStateException("rsaPss() applies to a software RSA key; an external "
                            + "FirmwareDigestSigner chooses its own padding");
                }
                return new FirmwareSigner(custom, digest, "external digest signer");
            }
            if (rsaPss && !(key instanceof RSAKey)) {
                throw new IllegalStateException("rsaPss() needs an RSA key, not " + key.getAlgorithm());
            }
            PrivateKey k = key;
            boolean pss = rsaPss;
            SecureRandom rnd = random;
            String desc = k.getAlgorithm() + " private key (redacted)" + (pss ? ", RSA-PSS" : "");
            return new FirmwareSigner((d, hash) -> DigestSignatures.sign(k, d, hash, pss, rnd), digest, desc);
        }
    }
}
