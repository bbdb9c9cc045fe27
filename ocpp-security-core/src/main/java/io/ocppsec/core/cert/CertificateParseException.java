package io.ocppsec.core.cert;

import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A certificate (chain) could not be parsed: says why ({@link #reason()}), in which PEM block and on which
 * line. The message never contains the input's content (a misplaced private key must not leak into a log).
 */
public final class CertificateParseException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    /** Machine-readable reasons. */
    public enum Reason {
        /** The input is longer than the configured limit (A02.FR.16); checked before any parsing. */
        TOO_LARGE,
        /** More certificates than the configured limit. */
        TOO_MANY_CERTIFICATES,
        /** Nothing but whitespace. */
        EMPTY,
        /** Binary (DER) data where PEM text was expected (A00.FR.507). */
        NOT_PEM,
        /** Text outside a PEM block (before or between blocks). */
        TEXT_OUTSIDE_BLOCK,
        /** Text after the last PEM block. */
        TRAILING_GARBAGE,
        /** A character inside a PEM block that is not base64 (or a PEM header line). */
        GARBAGE_IN_ARMOUR,
        /** Base64 with a wrong length or padding. */
        BAD_BASE64,
        /** A BEGIN line without its END line, or END labels that do not match. */
        UNTERMINATED_BLOCK,
        /** A PEM block that is not a CERTIFICATE (e.g. a PRIVATE KEY); its content is never echoed. */
        WRONG_BLOCK_TYPE,
        /** The decoded bytes are not a valid DER X.509 certificate. */
        NOT_A_CERTIFICATE,
        /** Bytes after the last DER certificate. */
        TRAILING_BYTES
    }

    private final Reason reason;
    private final int blockIndex;
    private final int line;

    /**
     * @param reason why parsing failed
     * @param blockIndex the 0-based index of the PEM block or DER certificate that is wrong, or -1
     * @param line the 1-based line of the input where the problem is, or -1
     * @param detail a description that contains no input content
     */
    public CertificateParseException(Reason reason, int blockIndex, int line, String detail) {
        super(format(Objects.requireNonNull(reason, "reason"), blockIndex, line, Objects.requireNonNull(detail, "detail")));
        this.reason = reason;
        this.blockIndex = Math.max(-1, blockIndex);
        this.line = Math.max(-1, line);
    }

    /**
     * As {@link #CertificateParseException(Reason, int, int, String)}, keeping the cause.
     *
     * @param reason why parsing failed
     * @param blockIndex the block index or -1
     * @param line the line or -1
     * @param detail a description that contains no input content
     * @param cause the underlying exception
     */
    public CertificateParseException(Reason reason, int blockIndex, int line, String detail, Throwable cause) {
        this(reason, blockIndex, line, detail);
        initCause(cause);
    }

    /** @return why parsing failed */
    public Reason reason() {
        return reason;
    }

    /** @return the 0-based index of the wrong PEM block or DER certificate, if known */
    public OptionalInt blockIndex() {
        return blockIndex < 0 ? OptionalInt.empty() : OptionalInt.of(blockIndex);
    }

    /** @return the 1-based line of the input where the problem is, if known */
    public OptionalInt line() {
        return line < 0 ? OptionalInt.empty() : OptionalInt.of(line);
    }

    private static String format(Reason reason, int blockIndex, int line, String detail) {
        StringBuilder sb = new StringBuilder(reason.name());
        if (blockIndex >= 0) {
            sb.append(" in block #").append(blockIndex);
        }
        if (line >= 0) {
            sb.append(" at line ").append(line);
        }
        return sb.append(": ").append(detail).toString();
    }
}
