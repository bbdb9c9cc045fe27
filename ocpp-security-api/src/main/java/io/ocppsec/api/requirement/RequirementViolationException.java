package io.ocppsec.api.requirement;

import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * Raised by {@link ValidationResult#orThrow()} when a SHALL / SHALL NOT requirement is broken. It
 * carries the whole result, so a caller can report every violation, not just the first.
 */
public class RequirementViolationException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    private final transient ValidationResult result;

    /**
     * @param result the non-compliant result
     */
    public RequirementViolationException(ValidationResult result) {
        super(summary(Objects.requireNonNull(result, "result")));
        this.result = result;
    }

    /** @return the result with every violation */
    public ValidationResult result() {
        return result;
    }

    private static String summary(ValidationResult result) {
        var blocking = result.blocking();
        if (blocking.isEmpty()) {
            return "No mandatory requirement is broken";
        }
        String first = blocking.get(0).message();
        return blocking.size() == 1 ? first : first + " (and " + (blocking.size() - 1) + " more)";
    }
}
