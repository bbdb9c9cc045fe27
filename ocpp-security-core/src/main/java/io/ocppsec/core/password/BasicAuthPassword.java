package io.ocppsec.core.password;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A secret: the value of the {@code SecurityCtrlr.BasicAuthPassword} variable (A01.FR.01).
 *
 * <p>It never shows its value: {@link #toString()} is redacted, it is not {@link java.io.Serializable},
 * and no exception of this SDK carries it. The characters live in a private {@code char[]} that
 * {@link #wipe()} (or {@link #close()}) overwrites with zeros; after that every read fails. Equality
 * is identity; compare two passwords with {@link #matches(BasicAuthPassword)}, which takes the same
 * time wherever they differ.
 *
 * <pre>{@code
 * try (BasicAuthPassword pw = PasswordGenerator.create().generate()) {
 *     setVariables("SecurityCtrlr", "BasicAuthPassword", pw.reveal());
 * }   // wiped here
 * }</pre>
 *
 * <p>The value is sent as a UTF-8 string (A00.FR.205, A00.FR.304); {@link #utf8()} gives those bytes.
 * Not thread-safe against a concurrent {@link #wipe()}.
 */
public final class BasicAuthPassword implements AutoCloseable {

    private final char[] chars;
    private volatile boolean wiped;

    private BasicAuthPassword(char[] chars) {
        this.chars = chars;
    }

    /**
     * Copies the characters of a value. Prefer {@link #ofChars(char[])} where the value already is a
     * {@code char[]}: a {@link String} cannot be wiped.
     *
     * @param value the password
     * @return a secret holding a copy
     */
    public static BasicAuthPassword of(CharSequence value) {
        Objects.requireNonNull(value, "value");
        char[] copy = new char[value.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = value.charAt(i);
        }
        return new BasicAuthPassword(copy);
    }

    /**
     * @param value the password; copied, so the caller may wipe its array afterwards
     * @return a secret holding a copy
     */
    public static BasicAuthPassword ofChars(char[] value) {
        Objects.requireNonNull(value, "value");
        return new BasicAuthPassword(value.clone());
    }

    /**
     * Decodes UTF-8 bytes strictly (malformed input is refused).
     *
     * @param utf8 the bytes; not modified
     * @return the password
     * @throws CharacterCodingException when the bytes are not valid UTF-8 (the message holds no content)
     */
    public static BasicAuthPassword ofUtf8(byte[] utf8) throws CharacterCodingException {
        Objects.requireNonNull(utf8, "utf8");
        CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(utf8));
        char[] out = new char[decoded.remaining()];
        decoded.get(out);
        Arrays.fill(decoded.array(), '\0');
        return new BasicAuthPassword(out);
    }

    /** @return the number of UTF-16 chars (equal to the number of characters for the Edition 3 alphabet) */
    public int length() {
        checkNotWiped();
        return chars.length;
    }

    /**
     * @return a copy of the characters; the caller should wipe it after use
     * @throws IllegalStateException after {@link #wipe()}
     */
    public char[] toCharArray() {
        checkNotWiped();
        return chars.clone();
    }

    /**
     * The value as a {@link String}, for APIs that need one (the {@code SetVariablesRequest} JSON). The
     * string cannot be wiped, so use this only at the point where the value leaves for the wire.
     *
     * @return the clear-text value
     * @throws IllegalStateException after {@link #wipe()}
     */
    public String reveal() {
        checkNotWiped();
        return new String(chars);
    }

    /**
     * @return the UTF-8 encoding; the caller should wipe it after use
     * @throws IllegalStateException after {@link #wipe()}, or when the value holds an unpaired surrogate
     *     and so has no UTF-8 form
     */
    public byte[] utf8() {
        checkNotWiped();
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer bb = encoder.encode(CharBuffer.wrap(chars));
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            if (bb.hasArray()) {
                Arrays.fill(bb.array(), (byte) 0);
            }
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("The password holds an unpaired surrogate and has no UTF-8 form");
        }
    }

    /**
     * Compares in time independent of where the values differ.
     *
     * @param other another password
     * @return whether both hold the same characters
     */
    public boolean matches(BasicAuthPassword other) {
        Objects.requireNonNull(other, "other");
        byte[] a = utf8();
        byte[] b = other.utf8();
        try {
            return MessageDigest.isEqual(a, b);
        } finally {
            Arrays.fill(a, (byte) 0);
            Arrays.fill(b, (byte) 0);
        }
    }

    /** Overwrites the characters with zeros; later reads throw {@link IllegalStateException}. Idempotent. */
    public void wipe() {
        Arrays.fill(chars, '\0');
        wiped = true;
    }

    /** @return whether {@link #wipe()} was called */
    public boolean isWiped() {
        return wiped;
    }

    /** Same as {@link #wipe()}. */
    @Override
    public void close() {
        wipe();
    }

    /** @return {@code BasicAuthPassword[redacted]}, never the value */
    @Override
    public String toString() {
        return wiped ? "BasicAuthPassword[wiped]" : "BasicAuthPassword[redacted]";
    }

    private void checkNotWiped() {
        if (wiped) {
            throw new IllegalStateException("The password was wiped");
        }
    }
}
