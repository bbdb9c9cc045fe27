package io.ocppsec.examples.rpc;

import io.ocppsec.api.message.OcppRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An incoming CALL as a {@link CallHandler} sees it.
 *
 * @param <Q> the request record type
 */
public final class IncomingCall<Q extends OcppRequest> {

    private final String messageId;
    private final Q request;
    private final List<Runnable> afterReply = new ArrayList<>();

    IncomingCall(String messageId, Q request) {
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.request = Objects.requireNonNull(request, "request");
    }

    /** @return the messageId of the CALL */
    public String messageId() {
        return messageId;
    }

    /** @return the decoded, schema-checked request */
    public Q request() {
        return request;
    }

    /**
     * Runs an action once the CALLRESULT has been written, e.g. the {@code SignCertificateRequest} a
     * station sends after it answered a {@code TriggerMessage} with Accepted (A02.FR.02: "after sending a
     * TriggerMessageResponse"). Not run when the handler rejects the CALL.
     *
     * @param action what to run on the handler executor after the reply was sent
     */
    public synchronized void afterReply(Runnable action) {
        afterReply.add(Objects.requireNonNull(action, "action"));
    }

    synchronized List<Runnable> afterReplyActions() {
        return List.copyOf(afterReply);
    }

    @Override
    public String toString() {
        return "IncomingCall{" + request.action().ocppValue() + ", messageId=" + messageId + "}";
    }
}
