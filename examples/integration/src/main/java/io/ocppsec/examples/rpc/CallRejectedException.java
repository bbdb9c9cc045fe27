package io.ocppsec.examples.rpc;

import io.ocppsec.core.json.OcppCallError;
import io.ocppsec.core.json.OcppErrorCode;
import java.util.Objects;

/**
 * Thrown by a {@link CallHandler} to answer a CALL with a CALLERROR instead of a CALLRESULT. The
 * description goes on the wire: it must not contain secrets.
 */
public final class CallRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final OcppErrorCode errorCode;

    /**
     * @param errorCode the CALLERROR code
     * @param description at most {@value OcppCallError#MAX_DESCRIPTION_LENGTH} characters, no secrets
     */
    public CallRejectedException(OcppErrorCode errorCode, String description) {
        super(Objects.requireNonNull(description, "description"));
        if (description.length() > OcppCallError.MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("description is longer than "
                    + OcppCallError.MAX_DESCRIPTION_LENGTH + " characters");
        }
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    /** @return the CALLERROR code */
    public OcppErrorCode errorCode() {
        return errorCode;
    }
}
