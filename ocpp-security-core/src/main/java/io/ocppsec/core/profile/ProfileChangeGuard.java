package io.ocppsec.core.profile;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import java.util.Objects;

/**
 * Refuses any OCPP-driven change that would lower the security profile (A00.FR.005): a
 * {@code SetVariables(SecurityCtrlr.SecurityProfile)}, a {@code SetNetworkProfile} whose
 * {@code securityProfile} is lower than the one in use, or a vendor {@code DataTransfer}. Lowering is only
 * possible by local configuration ({@link ProfilePolicy#configureLocally}).
 *
 * <p>A change that is not a downgrade is reported as allowed here; other rules still apply (in OCPP
 * 2.0.1 {@code SecurityCtrlr.SecurityProfile} is ReadOnly, so a SetVariables on it is rejected anyway;
 * an upgrade goes through A05, see {@link ProfileUpgrade}).
 *
 * <pre>{@code
 * ProfileChangeGuard.Decision d = ProfileChangeGuard.check(current, request.connectionData().securityProfile(),
 *         ProfileChangeGuard.Channel.SET_NETWORK_PROFILE);
 * if (!d.allowed()) { respond("Rejected"); }
 * }</pre>
 */
public final class ProfileChangeGuard {

    /** The OCPP message that asks for the change. */
    public enum Channel {
        /** {@code SetVariablesRequest} for {@code SecurityCtrlr.SecurityProfile}. */
        SET_VARIABLES_SECURITY_PROFILE("SetVariables(SecurityCtrlr.SecurityProfile)"),
        /** {@code SetNetworkProfileRequest} with {@code connectionData.securityProfile}. */
        SET_NETWORK_PROFILE("SetNetworkProfile"),
        /** A vendor-specific {@code DataTransferRequest}. */
        DATA_TRANSFER("DataTransfer");

        private final String message;

        Channel(String message) {
            this.message = message;
        }

        /** @return the OCPP message, for messages */
        public String message() {
            return message;
        }
    }

    /**
     * @param allowed whether the change may proceed as far as the profile rules go
     * @param violations why not (A00.FR.005), empty when allowed or when the value is malformed
     * @param reason a one-line explanation
     */
    public record Decision(boolean allowed, ValidationResult violations, String reason) {
        /** Checks for nulls. */
        public Decision {
            Objects.requireNonNull(violations, "violations");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private ProfileChangeGuard() {
    }

    /**
     * @param current the profile in use
     * @param requested the integer the message carries
     * @param channel the message
     * @return allowed, or rejected with the reason
     */
    public static Decision check(SecurityProfile current, int requested, Channel channel) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(channel, "channel");
        if (requested < 1 || requested > 3) {
            return new Decision(false, ValidationResult.compliant(),
                    channel.message() + " asks for security profile " + requested + ", which does not exist (1, 2 or 3)");
        }
        SecurityProfile target = SecurityProfile.fromOcpp(requested);
        if (current.isDowngradeTo(target)) {
            ValidationResult v = ValidationResult.builder().add("A00.FR.005", RequirementLevel.SHALL_NOT,
                    channel.message() + " lowering the security profile from " + current.ocppValue() + " to " + requested,
                    "no lowering of the security profile through OCPP; only by local configuration").build();
            return new Decision(false, v, v.violations().get(0).message());
        }
        return new Decision(true, ValidationResult.compliant(), "security profile " + requested
                + " is not lower than " + current.ocppValue());
    }
}
