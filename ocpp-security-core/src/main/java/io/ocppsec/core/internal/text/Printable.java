package io.ocppsec.core.internal.text;

/**
 * Makes untrusted text (a certificate name, a CSR value, a peer's input) safe for a report, an exception message or
 * a log line: control characters (C0, DEL and C1) become {@code ?}, and the text is cut to a number of code points
 * (never inside a surrogate pair) with {@code ...} appended when it was longer.
 */
public final class Printable {

    /** How many code points {@link #of(String)} keeps. */
    public static final int DEFAULT_MAX = 100;

    private Printable() {
    }

    /**
     * @param s a text
     * @return the text cut to {@value #DEFAULT_MAX} code points, control characters replaced
     */
    public static String of(String s) {
        return of(s, DEFAULT_MAX);
    }

    /**
     * @param s a text
     * @param max the most code points kept
     * @return the text cut to {@code max} code points ({@code ...} appended when cut), control characters replaced
     */
    public static String of(String s, int max) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max + 3));
        int kept = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (kept == max) {
                return sb.append("...").toString();
            }
            sb.appendCodePoint(Character.isISOControl(c) ? '?' : c);
            kept++;
            i += Character.charCount(c);
        }
        return sb.toString();
    }

    /**
     * @param s a text
     * @param max the most code points kept
     * @return {@link #of(String, int)} in single quotes, e.g. {@code 'CS-0001'} or {@code 'CCCC...'}
     */
    public static String quoted(String s, int max) {
        return "'" + of(s, max) + "'";
    }
}
