package io.ocppsec.core.json;

/**
 * An OCPP-J RPC frame: {@link OcppCall} {@code [2, id, action, payload]}, {@link OcppCallResult}
 * {@code [3, id, payload]} or {@link OcppCallError} {@code [4, id, code, description, details]}.
 */
public sealed interface OcppFrame permits OcppCall, OcppCallResult, OcppCallError {

    /** Message type number of a CALL. */
    int CALL = 2;
    /** Message type number of a CALLRESULT. */
    int CALL_RESULT = 3;
    /** Message type number of a CALLERROR. */
    int CALL_ERROR = 4;
    /** Maximum length of a messageId (OCPP-J: a string of at most 36 characters). */
    int MAX_MESSAGE_ID_LENGTH = 36;

    /** @return the messageId that pairs a CALL with its CALLRESULT or CALLERROR */
    String messageId();

    /** @return 2, 3 or 4 */
    int messageTypeId();

    /**
     * @param messageId a candidate messageId
     * @return the messageId
     * @throws IllegalArgumentException if it is empty or longer than {@value #MAX_MESSAGE_ID_LENGTH} characters
     */
    static String checkMessageId(String messageId) {
        java.util.Objects.requireNonNull(messageId, "messageId");
        if (messageId.isEmpty() || messageId.length() > MAX_MESSAGE_ID_LENGTH) {
            throw new IllegalArgumentException("messageId must be 1 to " + MAX_MESSAGE_ID_LENGTH
                    + " characters, got " + messageId.length());
        }
        return messageId;
    }
}
