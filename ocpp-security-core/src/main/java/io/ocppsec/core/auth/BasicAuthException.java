package io.ocppsec.core.auth;

import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * An {@code Authorization} header that is not a well-formed Basic-auth header of a Charging Station.
 * The message names the {@link Reason} and never holds the header value or the password.
 */
public final class BasicAuthException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    /** Why the header was refused; maps to HTTP 401 in every case. */
    public enum Reason {
        /** No header, or an empty one (A00.FR.203, A00.FR.302). */
        MISSING,
        /** Longer than {@link BasicAuthHeader#MAX_HEADER_LENGTH}; refused before decoding. */
        TOO_LONG,
        /** A scheme other than {@code Basic}. */
        NOT_BASIC,
        /** Not exactly {@code Basic}, one space and a token. */
        SYNTAX,
        /** The token is not standard, padded base64. */
        BAD_BASE64,
        /** The decoded bytes are not valid UTF-8. */
        BAD_UTF8,
        /** No {@code :} between username and password. */
        NO_SEPARATOR,
        /** The username is not a valid Charging Station identity (A00.FR.204, A00.FR.303). */
        BAD_USERNAME,
        /** The username differs from the identity in the connection URL (A00.FR.204, A00.FR.303). */
        USERNAME_MISMATCH,
        /** The password part is empty. */
        EMPTY_PASSWORD
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param detail a description that never holds the header value or the password
     */
    public BasicAuthException(Reason reason, String detail) {
        super("Basic authentication header refused (" + Objects.requireNonNull(reason, "reason") + "): "
                + Objects.requireNonNull(detail, "detail"));
        this.reason = reason;
    }

    /** @return why the header was refused */
    public Reason reason() {
        return reason;
    }
}
