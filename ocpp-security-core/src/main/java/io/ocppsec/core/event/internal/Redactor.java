package io.ocppsec.core.event.internal;

import io.ocppsec.core.internal.text.Secrets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from free text before it reaches the security log or the CSMS (A01.FR.12).
 *
 * <p>It is a safety net, not a parser: it errs towards redacting too much. Every rule is idempotent,
 * so text that was already scrubbed passes unchanged.
 */
public final class Redactor {

    /** What replaces a secret value. */
    public static final String MARK = "<redacted>";

    /** A PEM block of any private key, up to its END line or the end of the text (it may be cut). */
    private static final Pattern PEM_PRIVATE_KEY = Pattern.compile(
            "-----BEGIN[A-Z0-9 ]*PRIVATE KEY-----.*?(-----END[A-Z0-9 ]*PRIVATE KEY-----|\\z)",
            Pattern.DOTALL);
    /** A PEM header cut before its dashes still announces key material. */
    private static final Pattern PEM_KEY_WORDS = Pattern.compile(
            "(?i)(BEGIN[A-Z0-9 ]*PRIVATE KEY|PRIVATE KEY-----)[^\\n]*");
    /** An Authorization header value: everything after the scheme up to the end of the line. */
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)(authorization[\"']?\\s*[:=]\\s*)(\"[^\"]*\"?|'[^']*'?|[^\\r\\n,;}]*)");
    /** Credentials of an HTTP authentication scheme ({@link Secrets#AUTH_SCHEMES}) anywhere in the text. */
    private static final Pattern AUTH_SCHEME = Pattern.compile(
            "(?i)\\b(" + Secrets.AUTH_SCHEMES + ")(\\s+)([A-Za-z0-9+/=._~-]{8,})");
    /**
     * The start of {@code name=value} or {@code name: value}; the value is a secret when the name is one
     * ({@link Secrets#isSecretName}). The name starts where a word starts, so a failed attempt costs one word.
     */
    private static final Pattern ASSIGNMENT = Pattern.compile("(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]+)[\"']?\\s*[:=]\\s*");
    /** The value after an assignment: quoted (the closing quote may be cut off) or up to a separator. */
    private static final Pattern VALUE = Pattern.compile("\"[^\"]*\"?|'[^']*'?|[^\\s,;}]+");

    private Redactor() {
    }

    /**
     * @param text any text
     * @return the text with private keys, Authorization values, credentials of an HTTP authentication scheme and values of
     *     secret-named assignments replaced by {@value #MARK}
     */
    public static String scrub(String text) {
        Objects.requireNonNull(text, "text");
        String s = PEM_PRIVATE_KEY.matcher(text).replaceAll(Matcher.quoteReplacement(MARK));
        s = PEM_KEY_WORDS.matcher(s).replaceAll(Matcher.quoteReplacement(MARK));
        s = replaceValue(AUTHORIZATION, s, 1, 2);
        s = redactCredentials(s);
        return redactSecretAssignments(s);
    }

    /** Basic/Bearer credentials: tokens that look encoded (a digit, {@code +/=}, or mixed case), not words. */
    private static String redactCredentials(String s) {
        Matcher m = AUTH_SCHEME.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String token = m.group(3);
            boolean encoded = token.chars().anyMatch(c -> Character.isDigit(c) || c == '+' || c == '/' || c == '=')
                    || (token.chars().anyMatch(Character::isUpperCase) && token.chars().anyMatch(Character::isLowerCase));
            m.appendReplacement(out, Matcher.quoteReplacement(encoded ? m.group(1) + m.group(2) + MARK : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String replaceValue(Pattern p, String s, int keepGroup, int valueGroup) {
        Matcher m = p.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String value = m.group(valueGroup);
            String bare = value.replaceAll("^[\"']|[\"']$", "");
            String replacement = bare.isEmpty() || bare.equals(MARK) ? m.group() : m.group(keepGroup) + MARK;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String redactSecretAssignments(String s) {
        Matcher m = ASSIGNMENT.matcher(s);
        Matcher v = VALUE.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        int copied = 0;
        int from = 0;
        while (from < s.length() && m.find(from)) {
            from = m.end();
            if (!Secrets.isSecretName(m.group(1)) || !v.region(m.end(), s.length()).lookingAt()) {
                continue; // not a secret: its value may still hold the next assignment ("note:password=x")
            }
            String bare = v.group().replaceAll("^[\"']|[\"']$", "");
            if (!bare.isEmpty() && !bare.equals(MARK)) {
                out.append(s, copied, m.end()).append(MARK);
                copied = v.end();
            }
            from = Math.max(v.end(), from);
        }
        return copied == 0 ? s : out.append(s, copied, s.length()).toString();
    }
}
