package io.ocppsec.core.auth;

import io.ocppsec.core.auth.BasicAuthException.Reason;
import io.ocppsec.core.password.BasicAuthPassword;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The {@code Authorization: Basic} header of a Charging Station (RFC 7617; A00.FR.202–204, A00.FR.302–303).
 *
 * <p>Station side, {@link #encode} builds {@code Basic base64(identity ":" password)} with the UTF-8
 * bytes of the password (A00.FR.205, A00.FR.304) and the identity as username. CSMS side,
 * {@link #parse(String, ChargingStationIdentity)} is strict and bounded: the header is at most
 * {@value #MAX_HEADER_LENGTH} characters (checked before decoding); the scheme is {@code Basic} in any
 * ASCII case, followed by exactly one space and one token of standard, padded base64; the bytes must be
 * valid UTF-8; the username is everything before the <em>first</em> {@code :} and must be a valid
 * {@link ChargingStationIdentity} equal to the identity from the connection URL. Any problem is a
 * {@link BasicAuthException} with a {@link Reason}; nothing of the header or password is ever put into a
 * message.
 *
 * <pre>{@code
 * // station
 * String header = BasicAuthHeader.encode(identity, password);
 * // CSMS, identity taken from the URL path
 * try (BasicAuthCredentials c = BasicAuthHeader.parse(request.getHeader("Authorization"), urlIdentity)) {
 *     // verify c.password() against the stored hash
 * } catch (BasicAuthException e) { respond401(e.reason()); }
 * }</pre>
 */
public final class BasicAuthHeader {

    /**
     * Upper bound on the header value: "Basic " plus the base64 of a 48-character identity, a colon and a
     * 64-character password of up to 4 UTF-8 bytes each, rounded up.
     */
    public static final int MAX_HEADER_LENGTH = 512;

    /** The header name. */
    public static final String HEADER_NAME = "Authorization";

    private BasicAuthHeader() {
    }

    /**
     * @param identity the station identity, sent as the username (A00.FR.204, A00.FR.303)
     * @param password the BasicAuthPassword, sent as UTF-8 (A00.FR.205, A00.FR.304)
     * @return the header value {@code Basic <base64>}; it holds the secret, so do not log it
     */
    public static String encode(ChargingStationIdentity identity, BasicAuthPassword password) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(password, "password");
        byte[] user = identity.value().getBytes(StandardCharsets.US_ASCII);
        byte[] pw = password.utf8();
        byte[] joined = new byte[user.length + 1 + pw.length];
        try {
            System.arraycopy(user, 0, joined, 0, user.length);
            joined[user.length] = ':';
            System.arraycopy(pw, 0, joined, user.length + 1, pw.length);
            return "Basic " + Base64.getEncoder().encodeToString(joined);
        } finally {
            Arrays.fill(pw, (byte) 0);
            Arrays.fill(joined, (byte) 0);
        }
    }

    /**
     * Parses and checks that the username equals the identity from the connection URL.
     *
     * @param headerValue the {@code Authorization} header value as received; may be {@code null} when absent
     * @param urlIdentity the identity taken from the connection URL path
     * @return the credentials; close them to wipe the password
     * @throws BasicAuthException when the header is absent, malformed or for another station
     */
    public static BasicAuthCredentials parse(String headerValue, ChargingStationIdentity urlIdentity)
            throws BasicAuthException {
        Objects.requireNonNull(urlIdentity, "urlIdentity");
        BasicAuthCredentials c = parse(headerValue);
        if (!c.identity().equals(urlIdentity)) {
            c.close();
            throw new BasicAuthException(Reason.USERNAME_MISMATCH,
                    "the username is not the Charging Station identity of the connection URL (A00.FR.204, A00.FR.303)");
        }
        return c;
    }

    /**
     * Parses without comparing the username to a URL identity.
     *
     * @param headerValue the {@code Authorization} header value; may be {@code null} when absent
     * @return the credentials; close them to wipe the password
     * @throws BasicAuthException when the header is absent or malformed
     */
    public static BasicAuthCredentials parse(String headerValue) throws BasicAuthException {
        if (headerValue == null || headerValue.isEmpty()) {
            throw new BasicAuthException(Reason.MISSING, "no Authorization header; a Charging Station must send "
                    + "username and password with every connection request (A00.FR.203, A00.FR.302)");
        }
        if (headerValue.length() > MAX_HEADER_LENGTH) {
            throw new BasicAuthException(Reason.TOO_LONG, "a header of " + headerValue.length()
                    + " characters; at most " + MAX_HEADER_LENGTH + " are accepted");
        }
        int space = headerValue.indexOf(' ');
        String scheme = space < 0 ? headerValue : headerValue.substring(0, space);
        if (!isBasic(scheme)) {
            throw new BasicAuthException(Reason.NOT_BASIC, "the scheme is not Basic (A00.FR.202, A00.FR.301)");
        }
        if (space < 0) {
            throw new BasicAuthException(Reason.SYNTAX, "no credentials after the scheme");
        }
        String token = headerValue.substring(space + 1);
        if (token.isBlank()) {
            throw new BasicAuthException(Reason.SYNTAX, "no credentials after the scheme");
        }
        if (!isBase64Token(token)) {
            throw new BasicAuthException(isBase64Token(token.strip()) ? Reason.SYNTAX : Reason.BAD_BASE64,
                    "expected 'Basic', one space and standard padded base64");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new BasicAuthException(Reason.BAD_BASE64, "the credentials are not valid base64");
        }
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded));
        } catch (CharacterCodingException e) {
            throw new BasicAuthException(Reason.BAD_UTF8, "the credentials are not valid UTF-8");
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
        char[] all = new char[chars.remaining()];
        chars.get(all);
        Arrays.fill(chars.array(), '\0');
        try {
            return split(all);
        } finally {
            Arrays.fill(all, '\0');
        }
    }

    private static BasicAuthCredentials split(char[] all) throws BasicAuthException {
        int colon = -1;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            throw new BasicAuthException(Reason.NO_SEPARATOR, "no ':' between username and password");
        }
        String username = new String(all, 0, colon);
        var problem = ChargingStationIdentity.problem(username);
        if (problem.isPresent()) {
            throw new BasicAuthException(Reason.BAD_USERNAME, "the username is not a valid Charging Station identity: "
                    + problem.get());
        }
        if (colon == all.length - 1) {
            throw new BasicAuthException(Reason.EMPTY_PASSWORD, "the password is empty");
        }
        char[] pw = Arrays.copyOfRange(all, colon + 1, all.length);
        try {
            return new BasicAuthCredentials(new ChargingStationIdentity(username), BasicAuthPassword.ofChars(pw));
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    /** ASCII-only case-insensitive match, so that e.g. U+017F (long s) does not pass as 's'. */
    private static boolean isBasic(String scheme) {
        if (scheme.length() != 5) {
            return false;
        }
        String lower = "basic";
        for (int i = 0; i < 5; i++) {
            char c = scheme.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Standard alphabet, length a multiple of 4, padding only at the end. */
    private static boolean isBase64Token(String t) {
        if (t.length() % 4 != 0) {
            return false;
        }
        int pad = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '=') {
                pad++;
                continue;
            }
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok || pad > 0) {
                return false;
            }
        }
        return pad <= 2;
    }
}
