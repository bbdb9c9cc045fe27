package io.ocppsec.core.signing;

import io.ocppsec.api.message.TriggerMessageRequest;
import io.ocppsec.api.requirement.ValidationResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link CertificateUpdateAdvisor#advise}: whether the CSMS should trigger a certificate
 * update for a station now, why, and the {@code TriggerMessageRequest} to send.
 *
 * @param reasons why an update is advised; empty when it is not
 * @param certificateCheck what the check of the presented certificate found (compliant when none was presented)
 * @param trigger the {@code TriggerMessageRequest} ({@code SignChargingStationCertificate}) when advised
 */
public record UpdateAdvice(List<Reason> reasons, ValidationResult certificateCheck,
                           Optional<TriggerMessageRequest> trigger) {

    /** Why a certificate update is advised. */
    public enum Reason {
        /** The station still uses the credentials it was manufactured with (A02.FR.01, A00.FR.805). */
        FACTORY_CREDENTIALS,
        /**
         * The presented certificate is not a valid certificate of this CSO for this station: other root,
         * other O, other CN, or broken properties (A00.FR.406).
         */
        NOT_ISSUED_BY_CSO,
        /** The presented certificate expires within the renewal window and the station has not renewed it. */
        EXPIRES_SOON
    }

    /** @throws IllegalArgumentException when a trigger is present exactly when there is no reason */
    public UpdateAdvice {
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        Objects.requireNonNull(certificateCheck, "certificateCheck");
        Objects.requireNonNull(trigger, "trigger");
        if (reasons.isEmpty() == trigger.isPresent()) {
            throw new IllegalArgumentException("a trigger goes with at least one reason, and only then");
        }
    }

    /** @return whether the CSMS should trigger the update now */
    public boolean updateAdvised() {
        return !reasons.isEmpty();
    }
}
