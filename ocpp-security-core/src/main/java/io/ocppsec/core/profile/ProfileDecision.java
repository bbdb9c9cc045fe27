package io.ocppsec.core.profile;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Whether a connection may proceed under the security profile in force, and if not, every reason with
 * the requirement it breaks.
 *
 * @param profile the profile in force that the connection was judged against
 * @param violations empty when the connection matches; otherwise why it must be terminated
 */
public record ProfileDecision(SecurityProfile profile, ValidationResult violations) {

    /** Checks for nulls. */
    public ProfileDecision {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(violations, "violations");
    }

    /** @return whether the connection matches the profile and may carry OCPP traffic */
    public boolean accepted() {
        return violations.isCompliant();
    }

    /** @return whether the connection must be terminated (A00.FR.002 / A00.FR.003) */
    public boolean terminate() {
        return !accepted();
    }

    /** @return a one-line reason, e.g. for a log line or a WebSocket close reason */
    public String reason() {
        if (accepted()) {
            return "connection matches security profile " + profile.ocppValue();
        }
        return violations.blocking().stream().map(Violation::message).collect(Collectors.joining("; "));
    }
}
