package io.ocppsec.core.json;

import java.util.Objects;
import java.util.Optional;

/**
 * An OCPP-J frame or payload that could not be decoded. Carries the CALLERROR code to answer with, the
 * JSON path of the offending property (e.g. {@code $.setVariableData[0].attributeValue}) and, once it was
 * read, the messageId. The message names the path and the rule that failed, never the value (it might be
 * a secret or an attack string).
 *
 * <pre>{@code
 * try {
 *     OcppFrame f = codec.decode(text, pending::actionOf);
 * } catch (OcppJsonException e) {
 *     send(codec.encode(e.toCallError()));   // for a CALL; never answer a CALLRESULT or CALLERROR
 * }
 * }</pre>
 */
public final class OcppJsonException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The messageId a CALLERROR uses when the messageId of the failed frame could not be read. */
    public static final String UNKNOWN_MESSAGE_ID = "-1";

    private final OcppErrorCode errorCode;
    private final String path;
    private final String messageId;
    private final Integer messageTypeId;

    /**
     * @param errorCode the CALLERROR code
     * @param path JSON path of the offending property ({@code $} for the payload, empty for the frame)
     * @param detail what rule failed; must not contain the offending value
     */
    public OcppJsonException(OcppErrorCode errorCode, String path, String detail) {
        this(errorCode, path, detail, null, null, null);
    }

    private OcppJsonException(OcppErrorCode errorCode, String path, String detail, String messageId,
            Integer messageTypeId, Throwable cause) {
        super((path == null || path.isEmpty() ? "" : path + ": ") + Objects.requireNonNull(detail, "detail"),
                cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.path = path == null ? "" : path;
        this.messageId = messageId;
        this.messageTypeId = messageTypeId;
    }

    /**
     * @param errorCode the CALLERROR code
     * @param detail what failed; must not contain the offending value
     * @param cause the underlying exception (e.g. the JSON parser's)
     * @return a frame-level exception (no path, no messageId)
     */
    public static OcppJsonException frame(OcppErrorCode errorCode, String detail, Throwable cause) {
        return new OcppJsonException(errorCode, "", detail, null, null, cause);
    }

    /**
     * @param messageId the messageId of the frame this failure belongs to
     * @param messageTypeId 2 (CALL), 3 (CALLRESULT) or 4 (CALLERROR)
     * @return a copy that carries the messageId and message type
     */
    public OcppJsonException inFrame(String messageId, int messageTypeId) {
        String detail = getMessage().substring(path.isEmpty() ? 0 : path.length() + 2);
        OcppJsonException e = new OcppJsonException(errorCode, path, detail, Objects.requireNonNull(messageId),
                messageTypeId, getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** @return the CALLERROR code to answer with */
    public OcppErrorCode errorCode() {
        return errorCode;
    }

    /** @return the JSON path of the offending property, empty for frame-level failures */
    public Optional<String> propertyPath() {
        return path.isEmpty() ? Optional.empty() : Optional.of(path);
    }

    /** @return the messageId of the failed frame, if it could be read */
    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }

    /**
     * @return true if the failed frame was a CALL (or its type could not be read), i.e. the sender expects
     *         an answer; a failed CALLRESULT or CALLERROR must not be answered with a CALLERROR
     */
    public boolean isAnswerable() {
        return messageTypeId == null || messageTypeId == OcppFrame.CALL;
    }

    /**
     * @return the CALLERROR to send back: this code, the (value-free) message as description, no details;
     *         messageId {@value #UNKNOWN_MESSAGE_ID} if it could not be read
     */
    public OcppCallError toCallError() {
        String description = getMessage();
        if (description.length() > OcppCallError.MAX_DESCRIPTION_LENGTH) {
            description = description.substring(0, OcppCallError.MAX_DESCRIPTION_LENGTH);
        }
        return new OcppCallError(messageId().orElse(UNKNOWN_MESSAGE_ID), errorCode, description,
                OcppCallError.NO_DETAILS);
    }
}
