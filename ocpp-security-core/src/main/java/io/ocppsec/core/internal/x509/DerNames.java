package io.ocppsec.core.internal.x509;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * Reads the attribute values of one type from a DER-encoded X.501 Name without building an ASN.1 tree: the
 * linter asks for O and CN of every certificate of every chain. It handles the string types certificates use
 * (UTF8String, PrintableString, IA5String, VisibleString, NumericString, BMPString) in strict DER; for anything
 * else (another string type, malformed UTF-8, a length it does not expect) it returns {@code null} and the caller
 * uses the Bouncy Castle reader, so the answer is the same either way.
 */
final class DerNames {

    private static final int SEQUENCE = 0x30;
    private static final int SET = 0x31;
    private static final int OID = 0x06;

    private DerNames() {
    }

    /**
     * @param name the DER encoding of a Name
     * @param type the attribute type
     * @return the values in order, or {@code null} when this reader does not handle the encoding
     */
    static List<String> values(byte[] name, ASN1ObjectIdentifier type) {
        byte[] oid;
        try {
            oid = type.getEncoded();
        } catch (java.io.IOException e) {
            return null;
        }
        try {
            List<String> out = new ArrayList<>();
            int[] seq = tlv(name, 0, name.length, SEQUENCE);
            if (seq[2] != name.length) {
                return null;
            }
            int p = seq[0];
            while (p < seq[1]) {
                int[] set = tlv(name, p, seq[1], SET);
                int q = set[0];
                while (q < set[1]) {
                    int[] atv = tlv(name, q, set[1], SEQUENCE);
                    int[] t = tlv(name, atv[0], atv[1], OID);
                    int vStart = t[2];
                    if (vStart >= atv[1]) {
                        return null;
                    }
                    int tag = name[vStart] & 0xFF;
                    int[] v = tlv(name, vStart, atv[1], tag);
                    if (v[2] != atv[1]) {
                        return null;
                    }
                    String s = decode(tag, name, v[0], v[1]); // every value, so that odd names go to BC whole
                    if (s == null || !wellFormedOid(name, t[0], t[1])) {
                        return null;
                    }
                    if (Arrays.equals(name, atv[0], t[2], oid, 0, oid.length)) {
                        out.add(s);
                    }
                    q = atv[2];
                }
                p = set[2];
            }
            return out;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean ascii(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Subidentifiers in minimal base-128: no 0x80 lead byte, the last byte ends one. */
    private static boolean wellFormedOid(byte[] b, int from, int to) {
        if (to <= from || to - from > 64 || (b[to - 1] & 0x80) != 0) {
            return false;
        }
        boolean start = true;
        for (int i = from; i < to; i++) {
            if (start && (b[i] & 0xFF) == 0x80) {
                return false;
            }
            start = (b[i] & 0x80) == 0;
        }
        return true;
    }

    private static String decode(int tag, byte[] b, int from, int to) {
        switch (tag) {
            case 0x0C: // UTF8String
                if (ascii(b, from, to)) {
                    return new String(b, from, to - from, StandardCharsets.US_ASCII); // the same as UTF-8 here
                }
                try {
                    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(b, from, to - from)).toString();
                } catch (CharacterCodingException e) {
                    return null;
                }
            case 0x13: // PrintableString
            case 0x16: // IA5String
            case 0x1A: // VisibleString
            case 0x12: // NumericString
                if (!ascii(b, from, to)) {
                    return null; // not 7-bit: let the general reader decide
                }
                return new String(b, from, to - from, StandardCharsets.US_ASCII);
            case 0x1E: // BMPString
                if ((to - from) % 2 != 0) {
                    return null;
                }
                char[] cs = new char[(to - from) / 2];
                for (int i = 0; i < cs.length; i++) {
                    cs[i] = (char) (((b[from + 2 * i] & 0xFF) << 8) | (b[from + 2 * i + 1] & 0xFF)); // as BC: no decoding
                }
                return new String(cs);
            default:
                return null;
        }
    }

    /**
     * @return {value start, value end, next element start} of a TLV with a one-byte tag at {@code p}
     * @throws IllegalArgumentException when it is not there or not well-formed DER
     */
    private static int[] tlv(byte[] b, int p, int limit, int tag) {
        if (p + 2 > limit || (b[p] & 0xFF) != tag) {
            throw new IllegalArgumentException();
        }
        int first = b[p + 1] & 0xFF;
        int start = p + 2;
        int len;
        if (first < 0x80) {
            len = first;
        } else {
            int n = first & 0x7F;
            if (n < 1 || n > 3 || start + n > limit) {
                throw new IllegalArgumentException();
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (b[start + i] & 0xFF);
            }
            start += n;
        }
        if (len < 0 || len > limit - start) {
            throw new IllegalArgumentException();
        }
        return new int[] {start, start + len, start + len};
    }
}
