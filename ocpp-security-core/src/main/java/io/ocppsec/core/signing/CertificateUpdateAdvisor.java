package io.ocppsec.core.signing;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.TriggerMessageRequest;
import io.ocppsec.api.message.TriggerMessageRequest.MessageTrigger;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.cert.ChainValidationResult;
import io.ocppsec.core.cert.OcppChainValidator;
import io.ocppsec.core.cert.TrustAnchors;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides when the CSMS should start A02 for a station and builds the {@code TriggerMessageRequest}:
 *
 * <ul>
 *   <li>after installation, while the station still has its factory credentials (A02.FR.01: a key update
 *       SHOULD follow installation, replacing the manufacturer's key);</li>
 *   <li>while the station presents a client certificate that is not a valid certificate of this CSO for this
 *       station — another root (e.g. the manufacturer's), another O or CN, broken properties — since a
 *       certificate not owned by the CSO should be updated before communication goes on (A00.FR.406);</li>
 *   <li>as a safety net, when the presented certificate expires within the renewal window (the station
 *       should have started A03 itself).</li>
 * </ul>
 *
 * <pre>{@code
 * CertificateUpdateAdvisor advisor = CertificateUpdateAdvisor.builder(TrustAnchors.cso(root), "Example CSO").build();
 * UpdateAdvice advice = advisor.advise(serial, tlsPeerChain, credentialState.factoryCredentials());
 * advice.trigger().ifPresent(trigger -> call(identity, trigger));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CertificateUpdateAdvisor {

    /** Default renewal window: one month, as A03.FR.02 gives the station. */
    public static final Duration DEFAULT_RENEWAL_WINDOW = Duration.ofDays(30);

    private final OcppChainValidator.StationCertificates validator;
    private final Duration renewalWindow;
    private final Clock clock;

    private CertificateUpdateAdvisor(Builder b) {
        this.validator = OcppChainValidator.forChargingStationCertificate(b.cso, b.csoOrganizationName).toBuilder()
                .clock(b.clock).build();
        this.renewalWindow = b.renewalWindow;
        this.clock = b.clock;
    }

    /**
     * @param cso the CSO roots that issue station certificates
     * @param csoOrganizationName the CSO name the O of a station certificate carries
     * @return a builder
     */
    public static Builder builder(TrustAnchors cso, String csoOrganizationName) {
        return new Builder(cso, csoOrganizationName);
    }

    /**
     * @param use the certificate to update
     * @return {@code TriggerMessageRequest} with {@code SignChargingStationCertificate} or {@code SignV2GCertificate}
     */
    public static TriggerMessageRequest triggerFor(CertificateSigningUse use) {
        Objects.requireNonNull(use, "use");
        return new TriggerMessageRequest(Optional.empty(), use == CertificateSigningUse.V2G_CERTIFICATE
                ? MessageTrigger.SIGN_V2G_CERTIFICATE : MessageTrigger.SIGN_CHARGING_STATION_CERTIFICATE);
    }

    /**
     * @param stationSerial the serial number bound to the station's identity (the CN its certificate must carry)
     * @param presentedChain the client certificate chain the station presented in TLS, leaf first; empty for a
     *     profile 1/2 connection
     * @param factoryCredentials whether the CSMS's records say the station still has its factory credentials
     * @return the advice, with the trigger to send when an update is advised
     */
    public UpdateAdvice advise(String stationSerial, List<X509Certificate> presentedChain, boolean factoryCredentials) {
        Objects.requireNonNull(stationSerial, "stationSerial");
        List<X509Certificate> chain = List.copyOf(Objects.requireNonNull(presentedChain, "presentedChain"));
        List<UpdateAdvice.Reason> reasons = new ArrayList<>();
        if (factoryCredentials) {
            reasons.add(UpdateAdvice.Reason.FACTORY_CREDENTIALS); // A02.FR.01
        }
        ValidationResult check = ValidationResult.compliant();
        if (!chain.isEmpty()) {
            Instant now = clock.instant();
            ChainValidationResult validated = validator.withExpectedSerialNumber(stationSerial).validate(chain, now);
            check = validated.result();
            if (!check.isCompliant()) {
                reasons.add(UpdateAdvice.Reason.NOT_ISSUED_BY_CSO); // A00.FR.406
            } else if (!validated.leaf().orElseThrow().getNotAfter().toInstant().isAfter(now.plus(renewalWindow))) {
                reasons.add(UpdateAdvice.Reason.EXPIRES_SOON); // the expiry of the certificate that was validated
            }
        }
        return new UpdateAdvice(reasons, check, reasons.isEmpty() ? Optional.empty()
                : Optional.of(triggerFor(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)));
    }

    @Override
    public String toString() {
        return "CertificateUpdateAdvisor{" + validator.trustAnchors() + ", renewalWindow=" + renewalWindow + "}";
    }

    /** Configures a {@link CertificateUpdateAdvisor}. Not thread-safe. */
    public static final class Builder {
        private final TrustAnchors cso;
        private final String csoOrganizationName;
        private Duration renewalWindow = DEFAULT_RENEWAL_WINDOW;
        private Clock clock = Clock.systemUTC();

        private Builder(TrustAnchors cso, String csoOrganizationName) {
            this.cso = Objects.requireNonNull(cso, "cso");
            this.csoOrganizationName = Objects.requireNonNull(csoOrganizationName, "csoOrganizationName");
        }

        /**
         * @param window advise an update when the certificate expires within this window (positive)
         * @return this builder
         */
        public Builder renewalWindow(Duration window) {
            if (Objects.requireNonNull(window, "window").isNegative() || window.isZero()) {
                throw new IllegalArgumentException("renewalWindow must be positive");
            }
            this.renewalWindow = window;
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

        /**
         * @return the advisor
         * @throws IllegalArgumentException when the anchors are not of the CSO hierarchy or the name is blank
         */
        public CertificateUpdateAdvisor build() {
            return new CertificateUpdateAdvisor(this);
        }
    }
}
