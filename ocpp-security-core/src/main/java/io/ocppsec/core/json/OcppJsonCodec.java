package io.ocppsec.core.json;

import static io.ocppsec.core.json.OcppErrorCode.FORMAT_VIOLATION;
import static io.ocppsec.core.json.OcppErrorCode.MESSAGE_TYPE_NOT_SUPPORTED;
import static io.ocppsec.core.json.OcppErrorCode.NOT_IMPLEMENTED;
import static io.ocppsec.core.json.OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION;
import static io.ocppsec.core.json.OcppErrorCode.PROTOCOL_ERROR;
import static io.ocppsec.core.json.OcppErrorCode.RPC_FRAMEWORK_ERROR;

import io.ocppsec.api.message.OcppAction;
import io.ocppsec.api.message.OcppMessage;
import io.ocppsec.api.message.OcppRequest;
import io.ocppsec.api.message.OcppResponse;
import io.ocppsec.core.json.internal.JsonTrees;
import io.ocppsec.core.json.internal.MessageSchemas;
import io.ocppsec.core.json.internal.ObjectType;
import io.ocppsec.core.json.internal.Redactor;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Encodes and decodes OCPP-J 2.0.1 frames and the message records of {@code io.ocppsec.api.message},
 * validating every decoded payload the way the official JSON schemas do (required properties, types,
 * enums, {@code maxLength}, {@code minItems}/{@code maxItems}, {@code additionalProperties: false},
 * {@code date-time}). {@code customData} is accepted where the schemas allow it, checked, and dropped.
 *
 * <p>Hostile input is bounded before and while parsing: a frame longer than {@link #maxFrameChars()}
 * is refused by its length before the parser sees it; nesting deeper than {@link #maxDepth()} and number
 * literals longer than {@link #maxNumberChars()} are refused while streaming; duplicate keys are refused.
 * Decoding throws only the checked {@link OcppJsonException}, for any input.
 *
 * <pre>{@code
 * OcppJsonCodec codec = OcppJsonCodec.create();
 * String text = codec.encode(new OcppCall("19223201", new SignCertificateRequest(csrPem, Optional.empty())));
 * OcppFrame frame = codec.decode(text, pendingCalls::actionOf);   // CALLRESULTs need the pending CALL's action
 * log.log(INFO, codec.toLogString(frame));                       // secrets masked
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class OcppJsonCodec {

    /** Default frame limit: 64 KiB of chars. */
    public static final int DEFAULT_MAX_FRAME_CHARS = 64 * 1024;
    /** Default nesting limit (the frame array counts 1; the deepest schema object is at 6). */
    public static final int DEFAULT_MAX_DEPTH = 32;
    /** Default length limit of a number literal. */
    public static final int DEFAULT_MAX_NUMBER_CHARS = 32;

    private final JsonTrees trees;

    private OcppJsonCodec(JsonTrees trees) {
        this.trees = trees;
    }

    /** @return a codec with the default limits */
    public static OcppJsonCodec create() {
        return new OcppJsonCodec(new JsonTrees(DEFAULT_MAX_FRAME_CHARS, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NUMBER_CHARS));
    }

    /**
     * @param maxFrameChars frame limit in chars, at least 64
     * @param maxDepth nesting limit, 8 to 1000 (the schemas need 6, {@code customData} may nest deeper)
     * @param maxNumberChars number literal limit, 11 to 1100
     * @return a codec with these limits
     * @throws IllegalArgumentException if a limit is out of range
     */
    public static OcppJsonCodec withLimits(int maxFrameChars, int maxDepth, int maxNumberChars) {
        if (maxFrameChars < 64) {
            throw new IllegalArgumentException("maxFrameChars must be at least 64, got " + maxFrameChars);
        }
        if (maxDepth < 8 || maxDepth > 1000) {
            throw new IllegalArgumentException("maxDepth must be 8 to 1000, got " + maxDepth);
        }
        if (maxNumberChars < 11 || maxNumberChars > 1100) {
            throw new IllegalArgumentException("maxNumberChars must be 11 to 1100, got " + maxNumberChars);
        }
        return new OcppJsonCodec(new JsonTrees(maxFrameChars, maxDepth, maxNumberChars));
    }

    /** @return the frame limit in chars */
    public int maxFrameChars() {
        return trees.maxChars();
    }

    /** @return the nesting limit */
    public int maxDepth() {
        return trees.maxDepth();
    }

    /** @return the number literal limit */
    public int maxNumberChars() {
        return trees.maxNumberChars();
    }

    // ------------------------------------------------------------------------------------------ encode

    /**
     * @param frame a frame
     * @return its compact OCPP-J text
     */
    public String encode(OcppFrame frame) {
        return frameTree(frame).toString();
    }

    /**
     * @param message a request or response record
     * @return its payload as compact JSON object text (what goes into a CALL or CALLRESULT)
     */
    public String encodePayload(OcppMessage message) {
        return MessageSchemas.of(Objects.requireNonNull(message, "message")).write(message).toString();
    }

    private static JsonArray frameTree(OcppFrame frame) {
        Objects.requireNonNull(frame, "frame");
        var b = JsonTrees.PROVIDER.createArrayBuilder().add(frame.messageTypeId()).add(frame.messageId());
        if (frame instanceof OcppCall) {
            OcppCall c = (OcppCall) frame;
            b.add(c.action().ocppValue()).add(MessageSchemas.of(c.payload()).write(c.payload()));
        } else if (frame instanceof OcppCallResult) {
            OcppCallResult r = (OcppCallResult) frame;
            b.add(MessageSchemas.of(r.payload()).write(r.payload()));
        } else {
            OcppCallError e = (OcppCallError) frame;
            b.add(e.errorCode().ocppValue()).add(e.errorDescription());
            try {
                b.add(JsonTrees.DEFAULT.parse(e.errorDetails(), FORMAT_VIOLATION));
            } catch (OcppJsonException ex) {
                throw new IllegalStateException("errorDetails was checked when the frame was built", ex);
            }
        }
        return b.build();
    }

    // ------------------------------------------------------------------------------------------ decode

    /**
     * Decodes a frame. A CALLRESULT does not name its action, so {@code pendingAction} maps its messageId
     * to the action of the CALL this side sent (empty if there is none).
     *
     * @param text the frame text as received
     * @param pendingAction messageId to the action of the pending CALL
     * @return the frame
     * @throws OcppJsonException for anything that is not a valid frame with a schema-valid payload; see
     *         {@link OcppErrorCode} for the codes
     */
    public OcppFrame decode(String text, Function<String, Optional<OcppAction>> pendingAction)
            throws OcppJsonException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(pendingAction, "pendingAction");
        JsonValue tree = trees.parse(text, RPC_FRAMEWORK_ERROR);
        if (tree.getValueType() != JsonValue.ValueType.ARRAY) {
            throw OcppJsonException.frame(RPC_FRAMEWORK_ERROR, "frame is not a JSON array", null);
        }
        JsonArray a = tree.asJsonArray();
        if (a.size() < 3) {
            throw OcppJsonException.frame(RPC_FRAMEWORK_ERROR, "frame has " + a.size() + " elements", null);
        }
        String messageId = messageId(a.get(1));
        int type = messageType(a.get(0), messageId);
        try {
            switch (type) {
                case OcppFrame.CALL:
                    return decodeCall(a, messageId);
                case OcppFrame.CALL_RESULT:
                    return decodeCallResult(a, messageId, pendingAction);
                default:
                    return decodeCallError(a, messageId);
            }
        } catch (OcppJsonException e) {
            throw e.inFrame(messageId, type);
        }
    }

    /**
     * Decodes a frame that must not be a CALLRESULT (e.g. on a side that has no CALL pending).
     *
     * @param text the frame text
     * @return the frame
     * @throws OcppJsonException as {@link #decode(String, Function)}; a CALLRESULT gives
     *         {@link OcppErrorCode#PROTOCOL_ERROR}
     */
    public OcppFrame decode(String text) throws OcppJsonException {
        return decode(text, id -> Optional.empty());
    }

    private static String messageId(JsonValue v) throws OcppJsonException {
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw OcppJsonException.frame(RPC_FRAMEWORK_ERROR, "messageId is not a string", null);
        }
        String id = ((JsonString) v).getString();
        if (id.isEmpty() || id.length() > OcppFrame.MAX_MESSAGE_ID_LENGTH) {
            throw OcppJsonException.frame(RPC_FRAMEWORK_ERROR, "messageId must be 1 to "
                    + OcppFrame.MAX_MESSAGE_ID_LENGTH + " characters, got " + id.length(), null);
        }
        return id;
    }

    private static int messageType(JsonValue v, String messageId) throws OcppJsonException {
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()) {
            throw OcppJsonException.frame(RPC_FRAMEWORK_ERROR, "message type is not an integer", null)
                    .inFrame(messageId, OcppFrame.CALL);
        }
        String t = v.toString();
        if (t.equals("2") || t.equals("3") || t.equals("4")) {
            return Integer.parseInt(t);
        }
        throw OcppJsonException.frame(MESSAGE_TYPE_NOT_SUPPORTED, "message type must be 2, 3 or 4", null)
                .inFrame(messageId, OcppFrame.CALL);
    }

    private static OcppCall decodeCall(JsonArray a, String messageId) throws OcppJsonException {
        if (a.size() != 4) {
            throw OcppJsonException.frame(RPC_FRAMEWORK_ERROR, "a CALL has 4 elements, got " + a.size(), null);
        }
        if (a.get(2).getValueType() != JsonValue.ValueType.STRING) {
            throw OcppJsonException.frame(RPC_FRAMEWORK_ERROR, "action is not a string", null);
        }
        OcppAction action;
        try {
            action = OcppAction.fromOcpp(((JsonString) a.get(2)).getString());
        } catch (IllegalArgumentException e) {
            throw OcppJsonException.frame(NOT_IMPLEMENTED, "action not known to this implementation", null);
        }
        return new OcppCall(messageId, payload(MessageSchemas.request(action), a.get(3)));
    }

    private static OcppCallResult decodeCallResult(JsonArray a, String messageId,
            Function<String, Optional<OcppAction>> pendingAction) throws OcppJsonException {
        if (a.size() != 3) {
            throw OcppJsonException.frame(RPC_FRAMEWORK_ERROR, "a CALLRESULT has 3 elements, got " + a.size(), null);
        }
        Optional<OcppAction> action = Objects.requireNonNull(pendingAction.apply(messageId), "pendingAction result");
        if (action.isEmpty()) {
            throw OcppJsonException.frame(PROTOCOL_ERROR, "no pending CALL with this messageId", null);
        }
        return new OcppCallResult(messageId, payload(MessageSchemas.response(action.get()), a.get(2)));
    }

    private static OcppCallError decodeCallError(JsonArray a, String messageId) throws OcppJsonException {
        if (a.size() != 5) {
            throw OcppJsonException.frame(RPC_FRAMEWORK_ERROR, "a CALLERROR has 5 elements, got " + a.size(), null);
        }
        if (a.get(2).getValueType() != JsonValue.ValueType.STRING
                || a.get(3).getValueType() != JsonValue.ValueType.STRING
                || a.get(4).getValueType() != JsonValue.ValueType.OBJECT) {
            throw OcppJsonException.frame(RPC_FRAMEWORK_ERROR,
                    "a CALLERROR is [4, id, code (string), description (string), details (object)]", null);
        }
        OcppErrorCode code;
        try {
            code = OcppErrorCode.fromOcpp(((JsonString) a.get(2)).getString());
        } catch (IllegalArgumentException e) {
            throw OcppJsonException.frame(RPC_FRAMEWORK_ERROR, "unknown OCPP-J 2.0.1 error code", null);
        }
        String description = ((JsonString) a.get(3)).getString();
        if (description.length() > OcppCallError.MAX_DESCRIPTION_LENGTH) {
            throw OcppJsonException.frame(PROPERTY_CONSTRAINT_VIOLATION, "errorDescription is longer than "
                    + OcppCallError.MAX_DESCRIPTION_LENGTH + " characters", null);
        }
        return new OcppCallError(messageId, code, description, a.get(4).toString());
    }

    private static <T> T payload(ObjectType<T> type, JsonValue payload) throws OcppJsonException {
        if (payload.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new OcppJsonException(FORMAT_VIOLATION, "$", "payload is not a JSON object");
        }
        return type.read(payload, "$");
    }

    /**
     * Decodes a CALL payload on its own (e.g. from a store), with the same limits and checks.
     *
     * @param action the action
     * @param payloadText the payload JSON object text
     * @return the request
     * @throws OcppJsonException if the text is not a schema-valid payload (unreadable JSON gives
     *         {@link OcppErrorCode#FORMAT_VIOLATION})
     */
    public OcppRequest decodeRequest(OcppAction action, String payloadText) throws OcppJsonException {
        Objects.requireNonNull(action, "action");
        return payload(MessageSchemas.request(action), trees.parse(payloadText, FORMAT_VIOLATION));
    }

    /**
     * Decodes a CALLRESULT payload on its own.
     *
     * @param action the action of the CALL it answers
     * @param payloadText the payload JSON object text
     * @return the response
     * @throws OcppJsonException if the text is not a schema-valid payload
     */
    public OcppResponse decodeResponse(OcppAction action, String payloadText) throws OcppJsonException {
        Objects.requireNonNull(action, "action");
        return payload(MessageSchemas.response(action), trees.parse(payloadText, FORMAT_VIOLATION));
    }

    // ------------------------------------------------------------------------------------------ logging

    /**
     * Renders a frame as OCPP-J text for a log line, with write-only secrets masked: the
     * {@code attributeValue} of {@code SecurityCtrlr.BasicAuthPassword} (A01.FR.09/A01.FR.12), VPN and APN
     * passwords, the VPN key and SIM PIN, and any value that looks like an HTTP {@code Authorization}
     * credential ({@code Basic …}, {@code Bearer …}).
     *
     * @param frame a frame
     * @return the masked text
     */
    public String toLogString(OcppFrame frame) {
        return Redactor.redact(frameTree(frame)).toString();
    }

    /**
     * Renders received text for a log line with the same masking. Text that is over the limits or not
     * JSON is not echoed at all (it could hold a secret in a form the masking cannot recognise).
     *
     * @param text frame text as received
     * @return the masked text, or a placeholder naming only the length
     */
    public String toLogString(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return Redactor.redact(trees.parse(text, RPC_FRAMEWORK_ERROR)).toString();
        } catch (OcppJsonException e) {
            return "<unparseable OCPP-J frame, " + text.length() + " chars, not shown>";
        }
    }
}
