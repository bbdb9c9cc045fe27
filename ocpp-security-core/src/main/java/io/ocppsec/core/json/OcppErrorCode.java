package io.ocppsec.core.json;

import java.util.Objects;

/**
 * The OCPP-J 2.0.1 CALLERROR error codes (OCPP 2.0.1 Part 4). OCPP 1.6's {@code FormationViolation} is
 * called {@link #FORMAT_VIOLATION} in 2.0.1.
 *
 * <p>How {@link OcppJsonCodec} maps what it finds when decoding:
 * <ul>
 *   <li>frame not readable (not JSON, over the size/depth/number limits, duplicate keys, not an array, wrong
 *       element count, messageId not a string of 1..36 characters) → {@link #RPC_FRAMEWORK_ERROR}</li>
 *   <li>message type number other than 2, 3, 4 → {@link #MESSAGE_TYPE_NOT_SUPPORTED}</li>
 *   <li>action without a message record in this SDK → {@link #NOT_IMPLEMENTED}</li>
 *   <li>CALLRESULT with no pending CALL → {@link #PROTOCOL_ERROR}</li>
 *   <li>payload not a JSON object → {@link #FORMAT_VIOLATION}</li>
 *   <li>missing required property, property the schema does not allow ({@code additionalProperties: false}),
 *       array with too few or too many items → {@link #OCCURRENCE_CONSTRAINT_VIOLATION}</li>
 *   <li>wrong JSON type (a number for a string, a fraction for an integer, {@code null}) →
 *       {@link #TYPE_CONSTRAINT_VIOLATION}</li>
 *   <li>value outside the schema: unknown enum value, over {@code maxLength}, not a {@code date-time},
 *       integer outside the 32-bit range → {@link #PROPERTY_CONSTRAINT_VIOLATION}</li>
 * </ul>
 */
public enum OcppErrorCode {
    /** Payload for the action is syntactically incorrect. */
    FORMAT_VIOLATION("FormatViolation"),
    /** Any other error not covered by the more specific codes. */
    GENERIC_ERROR("GenericError"),
    /** An internal error occurred and the receiver was not able to process the action. */
    INTERNAL_ERROR("InternalError"),
    /** A message with a message type number this implementation does not support. */
    MESSAGE_TYPE_NOT_SUPPORTED("MessageTypeNotSupported"),
    /** The requested action is not known by the receiver. */
    NOT_IMPLEMENTED("NotImplemented"),
    /** The requested action is recognized but not supported by the receiver. */
    NOT_SUPPORTED("NotSupported"),
    /** A property occurs too often, too rarely, or where the schema does not allow it. */
    OCCURRENCE_CONSTRAINT_VIOLATION("OccurrenceConstraintViolation"),
    /** A property has a value the schema does not allow. */
    PROPERTY_CONSTRAINT_VIOLATION("PropertyConstraintViolation"),
    /** The payload does not conform to the PDU structure. */
    PROTOCOL_ERROR("ProtocolError"),
    /** The content is not a valid RPC request, e.g. the messageId could not be read. */
    RPC_FRAMEWORK_ERROR("RpcFrameworkError"),
    /** During the processing of the action a security issue occurred. */
    SECURITY_ERROR("SecurityError"),
    /** A property has the wrong JSON type. */
    TYPE_CONSTRAINT_VIOLATION("TypeConstraintViolation");

    private final String ocppValue;

    OcppErrorCode(String ocppValue) {
        this.ocppValue = ocppValue;
    }

    /** @return the code as written in a CALLERROR frame */
    public String ocppValue() {
        return ocppValue;
    }

    /**
     * @param value the code as written in a CALLERROR frame, e.g. {@code FormatViolation}
     * @return the enum constant
     * @throws IllegalArgumentException for an unknown code (the value is not echoed)
     */
    public static OcppErrorCode fromOcpp(String value) {
        Objects.requireNonNull(value, "value");
        for (OcppErrorCode c : values()) {
            if (c.ocppValue.equals(value)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Unknown OCPP-J 2.0.1 error code");
    }
}
