package io.ocppsec.core.password;

import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * A stored password hash string that {@link PasswordHasher} cannot use: unknown algorithm, broken
 * syntax, or a cost parameter outside the accepted bounds (so a hostile or corrupted store entry
 * cannot make verification run for hours or allocate gigabytes). The message never holds the hash.
 */
public final class MalformedHashException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    /** Why the hash string was refused. */
    public enum Reason {
        /** Longer than {@link PasswordHasher#MAX_ENCODED_LENGTH}. */
        TOO_LONG,
        /** Not of the form {@code $id$params$salt$hash}. */
        SYNTAX,
        /** An algorithm identifier this SDK does not verify. */
        UNKNOWN_ALGORITHM,
        /** A missing, unknown or unparsable parameter. */
        BAD_PARAMETER,
        /** A cost parameter, salt or hash length outside the accepted bounds. */
        PARAMETER_OUT_OF_RANGE,
        /** Salt or hash not in unpadded standard base64. */
        BAD_ENCODING
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param detail a description that never holds the hash string
     */
    public MalformedHashException(Reason reason, String detail) {
        super("Malformed password hash (" + Objects.requireNonNull(reason, "reason") + "): "
                + Objects.requireNonNull(detail, "detail"));
        this.reason = reason;
    }

    /** @return why the hash string was refused */
    public Reason reason() {
        return reason;
    }
}
