package io.ocppsec.core.json;

import io.ocppsec.api.message.OcppResponse;
import java.util.Objects;

/**
 * A CALLRESULT frame {@code [3, messageId, payload]}. The frame does not name its action: decoding needs
 * the action of the pending CALL with the same messageId.
 *
 * @param messageId the messageId of the CALL this answers
 * @param payload the response
 */
public record OcppCallResult(String messageId, OcppResponse payload) implements OcppFrame {

    /**
     * @throws IllegalArgumentException if the messageId is empty or longer than 36 characters
     */
    public OcppCallResult {
        OcppFrame.checkMessageId(messageId);
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public int messageTypeId() {
        return CALL_RESULT;
    }
}
