package io.ocppsec.core.firmware.internal;

import java.util.Base64;
import java.util.Optional;

/**
 * Strict base64 (RFC 4648 section 4, with padding, no line breaks, canonical trailing bits) with a length
 * bound checked before decoding.
 */
public final class StrictBase64 {

    private StrictBase64() {
    }

    /** The outcome of decoding: the bytes, or why the text is not strict base64 (never echoes the input). */
    public static final class Decoded {
        private final byte[] bytes;
        private final String problem;

        private Decoded(byte[] bytes, String problem) {
            this.bytes = bytes;
            this.problem = problem;
        }

        /** @return the decoded bytes, if the text was valid */
        public Optional<byte[]> bytes() {
            return Optional.ofNullable(bytes).map(byte[]::clone);
        }

        /** @return why the text was rejected, if it was */
        public Optional<String> problem() {
            return Optional.ofNullable(problem);
        }
    }

    /**
     * @param text the base64 text
     * @param maxChars the largest accepted length, checked first
     * @return the bytes or the problem
     */
    public static Decoded decode(String text, int maxChars) {
        if (text.length() > maxChars) {
            return fail("has " + text.length() + " characters, more than the " + maxChars + " allowed");
        }
        if (text.isEmpty()) {
            return fail("is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || c == '=';
            if (!ok) {
                String what = Character.isWhitespace(c) ? "whitespace or a line break"
                        : Character.isISOControl(c) ? "a control character"
                        : c == '-' || c == '_' ? "a base64url character ('" + c + "')"
                        : "a character outside the base64 alphabet";
                return fail("contains " + what + " at index " + i
                        + " (expected one line of standard base64, e.g. 'openssl base64 -A')");
            }
        }
        if (text.length() % 4 != 0) {
            return fail("has a length of " + text.length() + ", not a multiple of 4 (padding missing?)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return fail("is not valid base64 (misplaced padding)");
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            return fail("is not canonical base64 (non-zero bits in the last character)");
        }
        return new Decoded(bytes, null);
    }

    private static Decoded fail(String problem) {
        return new Decoded(null, problem);
    }
}
