package io.ocppsec.core.csr.internal.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/** Reads RDN values of a subject and recognises URLs and IP addresses (A00.FR.511). */
public final class SubjectNames {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7}(%\\w+)?\\]?");
    private static final Pattern URL = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://.*|(?i)(www\\.|urn:|mailto:).*");

    private SubjectNames() {
    }

    /**
     * @param name a subject
     * @param type an attribute type, e.g. {@code BCStyle.CN}
     * @return every value of that type, as strings ({@code null} entries for values that are not strings,
     *     or not decodable ones such as a UTF8String holding invalid UTF-8)
     */
    public static List<String> values(X500Name name, ASN1ObjectIdentifier type) {
        List<String> out = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (atv.getType().equals(type)) {
                    out.add(string(atv));
                }
            }
        }
        return out;
    }

    private static String string(AttributeTypeAndValue atv) {
        if (!(atv.getValue() instanceof ASN1String)) {
            return null;
        }
        try {
            return ((ASN1String) atv.getValue()).getString();
        } catch (IllegalArgumentException e) {
            return null; // Bouncy Castle decodes lazily: invalid UTF-8 throws here, not when parsing (found by fuzzing)
        }
    }

    /**
     * @param cn a common name
     * @return whether it looks like a URL
     */
    public static boolean isUrl(String cn) {
        return URL.matcher(cn).matches() || cn.contains("/");
    }

    /**
     * @param cn a common name
     * @return whether it is an IPv4 or IPv6 address literal
     */
    public static boolean isIpAddress(String cn) {
        return IPV4.matcher(cn).matches() || (cn.indexOf(':') >= 0 && IPV6.matcher(cn).matches());
    }

    /**
     * @param s a value from untrusted input
     * @return the value shortened and without control characters, safe for a report
     */
    public static String printable(String s) {
        if (s == null) {
            return "(not a string)";
        }
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(64).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return "'" + sb + (s.length() > 64 ? "...'" : "'");
    }
}
