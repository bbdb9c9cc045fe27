package io.ocppsec.core.cert;

import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Charging Station's check of the certificate chain in a {@code CertificateSignedRequest}
 * (A02.FR.06/A03.FR.06, the validation part of A02.FR.07/A03.FR.07 and A02.FR.16/A03.FR.16):
 *
 * <ol>
 *   <li>the length of {@code certificateChain} against MaxCertificateChainSize, before parsing
 *       (A02.FR.16 → Rejected, reason {@code TooLargeElement});</li>
 *   <li>strict PEM parsing (A00.FR.507);</li>
 *   <li>path to the CSO roots, validity, and the Charging Station certificate properties
 *       ({@link OcppChainValidator}; path failures are reported under A02.FR.06; O = OrganizationName under
 *       A00.FR.404, CN = serial number under A00.FR.405);</li>
 *   <li>the certificate's public key is the key of the pending CSR (A02.FR.06).</li>
 * </ol>
 *
 * A certificate whose notBefore is still in the future is accepted by default, because A02.FR.08 tells the
 * station to switch to it once that time has passed; it is then judged at its notBefore.
 *
 * <pre>{@code
 * SignedCertificateCheck check = SignedCertificateCheck
 *         .forChargingStation(csoAnchors, organizationName, serialNumber)
 *         .maxCertificateChainSize(maxCertificateChainSize).clock(clock).build();
 * SignedCertificateCheck.Outcome o = check.check(request.certificateChain(), pendingKeyPair.getPublic());
 * if (!o.accepted()) {
 *     respond("Rejected", o.reasonCode().orElseThrow());
 *     o.securityEvent().ifPresent(events::trigger);     // A02.FR.07: InvalidChargingStationCertificate
 * }
 * }</pre>
 */
public final class SignedCertificateCheck {

    /** The {@code reasonCode} for a chain longer than MaxCertificateChainSize. */
    public static final String TOO_LARGE_ELEMENT = "TooLargeElement";
    /** The {@code reasonCode} for an invalid certificate. */
    public static final String INVALID_CERTIFICATE = "InvalidCertificate";

    private final OcppChainValidator validator;
    private final int maxChainSize;
    private final boolean acceptNotYetValid;
    private final Clock clock;

    private SignedCertificateCheck(Builder b) {
        this.validator = OcppChainValidator.forChargingStationCertificate(b.anchors, b.organization).toBuilder()
                .expectedSerialNumber(b.serialNumber).pathRequirement("A02.FR.06").clock(b.clock)
                // The chain of a CertificateSignedRequest may come in any order: the leaf found is bound below to the
                // key of the pending CSR, which the station holds, and only that path is installed.
                .chainOrder(ChainOrder.ANY).build();
        this.maxChainSize = b.maxChainSize;
        this.acceptNotYetValid = b.acceptNotYetValid;
        this.clock = b.clock;
    }

    /**
     * @param cso the installed CSO roots (CSMSRootCertificate)
     * @param organizationName the OrganizationName the O RDN must equal
     * @param serialNumber the station's serial number the CN must equal
     * @return a builder
     */
    public static Builder forChargingStation(TrustAnchors cso, String organizationName, String serialNumber) {
        return new Builder(cso, organizationName, serialNumber);
    }

    /**
     * Checks at the clock's current instant.
     *
     * @param certificateChain the {@code certificateChain} field, PEM
     * @param pendingPublicKey the public key of the CSR the station sent
     * @return the outcome
     */
    public Outcome check(String certificateChain, PublicKey pendingPublicKey) {
        return check(certificateChain, pendingPublicKey, clock.instant());
    }

    /**
     * @param certificateChain the {@code certificateChain} field, PEM
     * @param pendingPublicKey the public key of the CSR the station sent
     * @param at the instant of the check
     * @return the outcome: accepted, or rejected with every violation, a reason code and a security event
     */
    public Outcome check(String certificateChain, PublicKey pendingPublicKey, Instant at) {
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(pendingPublicKey, "pendingPublicKey");
        Objects.requireNonNull(at, "at");
        if (certificateChain.length() > maxChainSize) { // A02.FR.16 / A03.FR.16, before any parsing
            return new Outcome(ValidationResult.of(Violation.of("A02.FR.16", RequirementLevel.SHALL,
                    "a certificateChain of " + certificateChain.length() + " characters",
                    "at most MaxCertificateChainSize = " + maxChainSize + " characters")),
                    List.of(), Optional.empty(), Optional.of(TOO_LARGE_ELEMENT));
        }
        List<X509Certificate> chain;
        try {
            chain = CertificateParser.builder().maxChars(maxChainSize).build().parsePem(certificateChain);
        } catch (CertificateParseException e) {
            return new Outcome(ValidationResult.of(Violation.of("A00.FR.507", RequirementLevel.SHALL,
                    "a certificateChain that is not well-formed PEM: " + e.getMessage(),
                    "X.509 certificates in PEM, leaf first")), List.of(), Optional.empty(),
                    Optional.of(INVALID_CERTIFICATE));
        }
        ChainValidationResult v = validator.validate(chain, at);
        X509Certificate leaf = v.leaf().orElseThrow(); // the chain is parsed, so not empty
        Instant notBefore = leaf.getNotBefore().toInstant();
        if (acceptNotYetValid && notBefore.isAfter(at)) {
            v = validator.validate(chain, notBefore); // A02.FR.08: installed now, used once notBefore has passed
        }
        if (!Arrays.equals(leaf.getPublicKey().getEncoded(), pendingPublicKey.getEncoded())) {
            v = v.and(ValidationResult.of(Violation.of("A02.FR.06", RequirementLevel.SHALL,
                    "a certificate for another public key than the pending CSR's",
                    "the public key of the Certificate Signing Request this station sent").atChainIndex(chain.indexOf(leaf))));
        }
        return new Outcome(v.result(), chain, Optional.of(v),
                v.isCompliant() ? Optional.empty() : Optional.of(INVALID_CERTIFICATE));
    }

    /**
     * The outcome of a check.
     *
     * @param result every violation; {@link ValidationResult#isCompliant()} decides
     * @param chain the parsed certificates in the order received (empty when the input was not parsed)
     * @param validation the chain validation, with the path to install (leaf first), if the chain was parsed
     * @param reasonCode the CertificateSignedResponse {@code statusInfo.reasonCode} when rejected
     */
    public record Outcome(ValidationResult result, List<X509Certificate> chain,
                          Optional<ChainValidationResult> validation, Optional<String> reasonCode) {

        /** Copies the chain. */
        public Outcome {
            Objects.requireNonNull(result, "result");
            chain = List.copyOf(chain);
            Objects.requireNonNull(validation, "validation");
            Objects.requireNonNull(reasonCode, "reasonCode");
        }

        /** @return the Charging Station certificate that was validated (the leaf of the path), if the chain was parsed */
        public Optional<X509Certificate> leaf() {
            return validation.flatMap(ChainValidationResult::leaf);
        }

        /** @return whether to answer Accepted and install the certificate */
        public boolean accepted() {
            return result.isCompliant();
        }

        /**
         * @return {@code InvalidChargingStationCertificate} when the certificate was received but is not valid
         *     (A02.FR.07, A03.FR.07); none when accepted or when refused for size alone (A02.FR.16 only asks for
         *     Rejected)
         */
        public Optional<SecurityEventType> securityEvent() {
            return accepted() || reasonCode.equals(Optional.of(TOO_LARGE_ELEMENT)) ? Optional.empty()
                    : Optional.of(SecurityEventType.INVALID_CHARGING_STATION_CERTIFICATE);
        }
    }

    /** Builder of {@link SignedCertificateCheck}. */
    public static final class Builder {
        private final TrustAnchors anchors;
        private final String organization;
        private final String serialNumber;
        private int maxChainSize = CertificateParser.DEFAULT_MAX_CHAIN_CHARS;
        private boolean acceptNotYetValid = true;
        private Clock clock = Clock.systemUTC();

        private Builder(TrustAnchors anchors, String organization, String serialNumber) {
            this.anchors = Objects.requireNonNull(anchors, "anchors");
            this.organization = Objects.requireNonNull(organization, "organizationName");
            this.serialNumber = Objects.requireNonNull(serialNumber, "serialNumber");
            if (anchors.hierarchy() != CertificateRole.Hierarchy.CSO) {
                throw new IllegalArgumentException("a Charging Station certificate is checked against the CSO roots");
            }
        }

        /**
         * @param size the MaxCertificateChainSize variable (characters); the schema allows at most 10000
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxCertificateChainSize(int size) {
            if (size <= 0) {
                throw new IllegalArgumentException("MaxCertificateChainSize must be > 0, was " + size);
            }
            this.maxChainSize = size;
            return this;
        }

        /**
         * @param accept whether a certificate whose notBefore is in the future is accepted (A02.FR.08; default true)
         * @return this builder
         */
        public Builder acceptNotYetValid(boolean accept) {
            this.acceptNotYetValid = accept;
            return this;
        }

        /**
         * @param c the clock
         * @return this builder
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** @return the check */
        public SignedCertificateCheck build() {
            return new SignedCertificateCheck(this);
        }
    }
}
