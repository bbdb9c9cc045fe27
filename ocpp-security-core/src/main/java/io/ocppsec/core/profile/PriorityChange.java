package io.ocppsec.core.profile;

import io.ocppsec.api.requirement.ValidationResult;
import java.util.List;
import java.util.Objects;

/**
 * The answer to {@code SetVariables(OCPPCommCtrlr.NetworkConfigurationPriority)}.
 *
 * @param accepted whether the new priority list was taken (A05.FR.04)
 * @param priority the priority list in force afterwards (unchanged when rejected)
 * @param violations why it was rejected (A05.FR.02, A05.FR.03, A00.FR.005); empty when accepted or when
 *     the value itself was malformed
 * @param reason a one-line explanation
 */
public record PriorityChange(boolean accepted, List<Integer> priority, ValidationResult violations, String reason) {

    /** Copies the list. */
    public PriorityChange {
        priority = List.copyOf(priority);
        Objects.requireNonNull(violations, "violations");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return {@code Accepted} or {@code Rejected}, the {@code SetVariableStatusEnumType} value */
    public String ocppStatus() {
        return accepted ? "Accepted" : "Rejected";
    }
}
