package io.ocppsec.core.json;

import io.ocppsec.core.json.internal.JsonTrees;
import java.util.Objects;

/**
 * A CALLERROR frame {@code [4, messageId, errorCode, errorDescription, errorDetails]}.
 *
 * @param messageId the messageId of the CALL this answers ({@value OcppJsonException#UNKNOWN_MESSAGE_ID}
 *        if it could not be read)
 * @param errorCode the error code
 * @param errorDescription at most {@value #MAX_DESCRIPTION_LENGTH} characters, may be empty
 * @param errorDetails a JSON object as compact text, {@value #NO_DETAILS} for none
 */
public record OcppCallError(String messageId, OcppErrorCode errorCode, String errorDescription,
        String errorDetails) implements OcppFrame {

    /** Maximum length of {@code errorDescription} (OCPP-J 2.0.1). */
    public static final int MAX_DESCRIPTION_LENGTH = 255;
    /** Empty error details. */
    public static final String NO_DETAILS = "{}";

    /**
     * @throws IllegalArgumentException if the messageId or description is too long, or the details are not
     *         a JSON object within the default codec limits
     */
    public OcppCallError {
        OcppFrame.checkMessageId(messageId);
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorDescription, "errorDescription");
        if (errorDescription.length() > MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("errorDescription is " + errorDescription.length()
                    + " characters; at most " + MAX_DESCRIPTION_LENGTH + " allowed");
        }
        errorDetails = JsonTrees.compactObjectText(Objects.requireNonNull(errorDetails, "errorDetails"));
    }

    /**
     * A CALLERROR without details.
     *
     * @param messageId the messageId of the CALL this answers
     * @param errorCode the error code
     * @param errorDescription at most 255 characters
     */
    public OcppCallError(String messageId, OcppErrorCode errorCode, String errorDescription) {
        this(messageId, errorCode, errorDescription, NO_DETAILS);
    }

    @Override
    public int messageTypeId() {
        return CALL_ERROR;
    }
}
