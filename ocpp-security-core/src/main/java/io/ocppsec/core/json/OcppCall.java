package io.ocppsec.core.json;

import io.ocppsec.api.message.OcppAction;
import io.ocppsec.api.message.OcppRequest;
import java.util.Objects;

/**
 * A CALL frame {@code [2, messageId, action, payload]}; the action comes from the payload record.
 *
 * @param messageId 1 to 36 characters, unique per sender and connection
 * @param payload the request
 */
public record OcppCall(String messageId, OcppRequest payload) implements OcppFrame {

    /**
     * @throws IllegalArgumentException if the messageId is empty or longer than 36 characters
     */
    public OcppCall {
        OcppFrame.checkMessageId(messageId);
        Objects.requireNonNull(payload, "payload");
    }

    /** @return the action of the payload */
    public OcppAction action() {
        return payload.action();
    }

    @Override
    public int messageTypeId() {
        return CALL;
    }
}
