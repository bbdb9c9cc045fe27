package io.ocppsec.core.firmware;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.requirement.ValidationResult;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on a firmware update: {@link Verified}, {@link InvalidFirmwareSigningCertificate} or
 * {@link InvalidFirmwareSignature}. The two failures map to the security events of the same name
 * (both critical); a station answers the CSMS accordingly and does not install the image.
 *
 * <pre>{@code
 * if (outcome instanceof FirmwareVerificationOutcome.Verified) {
 *     install(((FirmwareVerificationOutcome.Verified) outcome).verification());
 * } else {
 *     outcome.toSecurityEvent(clock.instant()).ifPresent(eventQueue::add);
 * }
 * }</pre>
 */
public sealed interface FirmwareVerificationOutcome {

    /** @return whether the image may be installed */
    boolean isVerified();

    /** @return the security event to raise, empty for {@link Verified} */
    Optional<SecurityEventType> securityEventType();

    /** @return a short human-readable description (never secret, never image content) */
    String reason();

    /**
     * @param at when the event happened
     * @return the security event with the reason as techInfo (clipped to 255 characters), empty for
     *     {@link Verified}
     */
    default Optional<SecurityEvent> toSecurityEvent(Instant at) {
        Objects.requireNonNull(at, "at");
        String info = reason();
        String techInfo = info.length() > SecurityEvent.MAX_TECH_INFO_LENGTH
                ? info.substring(0, SecurityEvent.MAX_TECH_INFO_LENGTH - 3) + "..." : info;
        return securityEventType().map(t -> SecurityEvent.of(t, at, techInfo));
    }

    /**
     * The certificate is valid and the signature matches the image.
     *
     * @param verification what was verified
     */
    record Verified(FirmwareVerification verification) implements FirmwareVerificationOutcome {
        /** Checks for null. */
        public Verified {
            Objects.requireNonNull(verification, "verification");
        }

        @Override
        public boolean isVerified() {
            return true;
        }

        @Override
        public Optional<SecurityEventType> securityEventType() {
            return Optional.empty();
        }

        @Override
        public String reason() {
            return verification.logLine();
        }
    }

    /** Why a signing certificate was refused. */
    enum CertificateProblem {
        /** The PEM text is too long, malformed, or not a certificate. */
        MALFORMED,
        /** The certificate parsed but breaks the policy (hierarchy, validity, key, role). */
        NOT_VALID
    }

    /**
     * The signing certificate is malformed or not valid: event {@code InvalidFirmwareSigningCertificate}.
     * The image was not read.
     *
     * @param problem the kind of problem
     * @param detail what is wrong
     * @param violations every violation found (empty for {@link CertificateProblem#MALFORMED})
     */
    record InvalidFirmwareSigningCertificate(CertificateProblem problem, String detail, ValidationResult violations)
            implements FirmwareVerificationOutcome {
        /** Checks for null. */
        public InvalidFirmwareSigningCertificate {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(violations, "violations");
        }

        @Override
        public boolean isVerified() {
            return false;
        }

        @Override
        public Optional<SecurityEventType> securityEventType() {
            return Optional.of(SecurityEventType.INVALID_FIRMWARE_SIGNING_CERTIFICATE);
        }

        @Override
        public String reason() {
            return "Firmware signing certificate " + (problem == CertificateProblem.MALFORMED ? "malformed" : "not valid")
                    + ": " + detail;
        }
    }

    /** Why a signature was refused. */
    enum SignatureProblem {
        /** Empty, over 800 characters, not strict base64, or not a well-formed signature for the key. */
        MALFORMED,
        /** Well-formed, but it does not match the image under the certificate's key. */
        MISMATCH
    }

    /**
     * The signature is malformed or does not match the image: event {@code InvalidFirmwareSignature}.
     *
     * @param problem the kind of problem
     * @param detail what is wrong
     * @param bytesRead how many image bytes were read (0 when the signature was refused before reading)
     */
    record InvalidFirmwareSignature(SignatureProblem problem, String detail, long bytesRead)
            implements FirmwareVerificationOutcome {
        /** Checks for null. */
        public InvalidFirmwareSignature {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean isVerified() {
            return false;
        }

        @Override
        public Optional<SecurityEventType> securityEventType() {
            return Optional.of(SecurityEventType.INVALID_FIRMWARE_SIGNATURE);
        }

        @Override
        public String reason() {
            return "Firmware signature " + (problem == SignatureProblem.MALFORMED ? "malformed" : "does not match")
                    + ": " + detail;
        }
    }
}
