package io.ocppsec.core.internal.x509;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Syntax checks that tell a host name, an IP address, a URL and a serial number apart (A00.FR.510/511): the one
 * rule used by the certificate linter, the CSR builder and the CSR inspector.
 */
public final class HostNames {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[\\w.]+)?]?");
    private static final Pattern URL = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://.*|(?i)(https?|wss?|ftps?|urn|mailto):.*");
    private static final Pattern WWW = Pattern.compile("(?i)www\\..*");
    private static final Pattern ALPHA_TLD = Pattern.compile("[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]");

    private HostNames() {
    }

    /**
     * @param s a text
     * @return whether it is a fully qualified domain name: two or more LDH labels, at most 253 characters, a
     *     top-level label that is not numeric, no wildcard, no trailing dot
     */
    public static boolean isFqdn(String s) {
        if (s.isEmpty() || s.length() > 253 || isIpAddress(s)) {
            return false;
        }
        String[] labels = s.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String l : labels) {
            if (!LABEL.matcher(l).matches()) {
                return false;
            }
        }
        return ALPHA_TLD.matcher(labels[labels.length - 1]).matches();
    }

    /**
     * @param s a text
     * @return whether it looks like an IPv4 or IPv6 address
     */
    public static boolean isIpAddress(String s) {
        return (digitsAndDots(s) && IPV4.matcher(s).matches())
                || (s.indexOf(':') >= 0 && IPV6.matcher(s).matches() && s.length() >= 2);
    }

    /**
     * @param s a text
     * @return whether it looks like a URL: a scheme followed by {@code ://}, a well-known scheme ({@code https:},
     *     {@code wss:}, {@code ftp:}, {@code urn:}, {@code mailto:}…), a {@code www.} address, or a {@code /}
     */
    public static boolean isUrl(String s) {
        // Both URL patterns need a ':'; most names have none, so the regex is skipped for them.
        return (s.indexOf(':') >= 0 && URL.matcher(s).matches()) || s.contains("/") || WWW.matcher(s).matches();
    }

    /**
     * What a Charging Station CN must not be (A00.FR.511): "This serial number SHALL NOT be in the format of a URL
     * or an IP address so that Charging Station certificates can be differentiated from CSMS certificates". A CSMS
     * certificate's CN is an FQDN (A00.FR.510), so a host name is refused too: it is what tells them apart.
     *
     * @param cn a common name
     * @return "a URL", "an IP address" or "a host name", or empty for a CN that may be a serial number
     */
    public static Optional<String> notASerialNumber(String cn) {
        return isUrl(cn) ? Optional.of("a URL") : isIpAddress(cn) ? Optional.of("an IP address")
                : isFqdn(cn) ? Optional.of("a host name") : Optional.empty();
    }

    /** Cheap pre-check: an IPv4 address has nothing but digits and dots. */
    private static boolean digitsAndDots(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * @param a a host name
     * @param b another
     * @return whether both name the same host (ASCII case-insensitive, a trailing dot ignored)
     */
    public static boolean sameHost(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
