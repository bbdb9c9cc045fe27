package io.ocppsec.tls.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * Reads attribute values (CN, O) from the DER encoding of a distinguished name. A tiny, bounded DER
 * reader, so the module needs neither {@code java.naming} nor Bouncy Castle; malformed input yields
 * an empty list, never an exception.
 */
public final class SubjectNames {

    private static final byte[] OID_CN = {0x55, 0x04, 0x03};
    private static final byte[] OID_O = {0x55, 0x04, 0x0A};

    private SubjectNames() {
    }

    /**
     * @param name a distinguished name
     * @return its commonName values, in order
     */
    public static List<String> commonNames(X500Principal name) {
        return values(name.getEncoded(), OID_CN);
    }

    /**
     * @param name a distinguished name
     * @return its organizationName values, in order
     */
    public static List<String> organizations(X500Principal name) {
        return values(name.getEncoded(), OID_O);
    }

    private static List<String> values(byte[] der, byte[] oid) {
        List<String> out = new ArrayList<>();
        try {
            int[] seq = tlv(der, 0, 0x30);
            for (int p = seq[0]; p < seq[1];) {
                int[] set = tlv(der, p, 0x31);
                for (int q = set[0]; q < set[1];) {
                    int[] atv = tlv(der, q, 0x30);
                    int[] type = tlv(der, atv[0], 0x06);
                    int vStart = type[1];
                    int tag = der[vStart] & 0xff;
                    int[] val = tlv(der, vStart, tag);
                    if (Arrays.equals(Arrays.copyOfRange(der, type[0], type[1]), oid)) {
                        out.add(decode(tag, Arrays.copyOfRange(der, val[0], val[1])));
                    }
                    q = atv[1];
                }
                p = set[1];
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return List.of();
        }
        return out;
    }

    /** @return {contentStart, contentEnd} of the TLV at {@code pos}, which must carry {@code tag} */
    private static int[] tlv(byte[] der, int pos, int tag) {
        if ((der[pos] & 0xff) != tag) {
            throw new IllegalArgumentException("unexpected tag");
        }
        int len = der[pos + 1] & 0xff;
        int start = pos + 2;
        if (len > 0x80) {
            int n = len & 0x7f;
            if (n > 3) {
                throw new IllegalArgumentException("length too long");
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (der[start + i] & 0xff);
            }
            start += n;
        } else if (len == 0x80) {
            throw new IllegalArgumentException("indefinite length");
        }
        if (start + len > der.length) {
            throw new IllegalArgumentException("truncated");
        }
        return new int[] {start, start + len};
    }

    private static String decode(int tag, byte[] v) {
        Charset cs;
        switch (tag) {
            case 0x0C:
                cs = StandardCharsets.UTF_8;
                break;
            case 0x1E:
                cs = StandardCharsets.UTF_16BE;
                break;
            case 0x1C:
                cs = Charset.forName("UTF-32BE");
                break;
            default:
                cs = StandardCharsets.ISO_8859_1; // PrintableString, IA5String, T61String (approximation)
        }
        return new String(v, cs);
    }
}
