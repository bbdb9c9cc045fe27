package io.ocppsec.core.cert.internal;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Reads the authorityKeyIdentifier and subjectKeyIdentifier extensions of a certificate with a small, bounded DER
 * reader (RFC 5280 section 4.2.1.1 and 4.2.1.2). Path building asks for them on every certificate pair, so they
 * are read without building an ASN.1 object tree. Anything that is not well-formed DER is reported as
 * {@link #MALFORMED} and never as a match.
 */
public final class KeyIdentifiers {

    /** The authorityKeyIdentifier OID. */
    public static final String AKI_OID = "2.5.29.35";
    /** The subjectKeyIdentifier OID. */
    public static final String SKI_OID = "2.5.29.14";

    /** Returned by the readers when an extension is present but not well-formed. */
    public static final byte[] MALFORMED = new byte[0];

    /**
     * The parts of an authorityKeyIdentifier.
     *
     * @param present whether the certificate has the extension
     * @param malformed whether the extension is present but not well-formed DER
     * @param keyIdentifier the keyIdentifier, if present
     * @param serialNumber the authorityCertSerialNumber, if present
     */
    public record Authority(boolean present, boolean malformed, Optional<byte[]> keyIdentifier,
                            Optional<BigInteger> serialNumber) {
        static final Authority ABSENT = new Authority(false, false, Optional.empty(), Optional.empty());
        static final Authority BROKEN = new Authority(true, true, Optional.empty(), Optional.empty());
    }

    private KeyIdentifiers() {
    }

    /**
     * @param cert a certificate
     * @return the authorityKeyIdentifier (absent, malformed or its parts)
     */
    public static Authority authority(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue(AKI_OID);
        if (ext == null) {
            return Authority.ABSENT;
        }
        try {
            Der outer = new Der(ext, 0, ext.length);
            Der seq = outer.enter(0x04).enter(0x30);
            if (!outer.atEnd()) {
                return Authority.BROKEN;
            }
            byte[] keyId = null;
            BigInteger serial = null;
            while (!seq.atEnd()) {
                int tag = seq.peekTag();
                Der value = seq.enter(tag);
                if (tag == 0x80) {
                    keyId = value.rest();
                } else if (tag == 0x82) {
                    byte[] s = value.rest();
                    if (s.length == 0) {
                        return Authority.BROKEN;
                    }
                    serial = new BigInteger(s);
                } else if (tag != 0xA1) {
                    return Authority.BROKEN;
                }
            }
            return new Authority(true, false, Optional.ofNullable(keyId), Optional.ofNullable(serial));
        } catch (IllegalArgumentException e) {
            return Authority.BROKEN;
        }
    }

    /**
     * @param cert a certificate
     * @return the authorityKeyIdentifier keyIdentifier, {@code null} when absent, {@link #MALFORMED} when the
     *     extension cannot be read
     */
    public static byte[] authorityKeyId(X509Certificate cert) {
        Authority a = authority(cert);
        return a.malformed() ? MALFORMED : a.keyIdentifier().orElse(null);
    }

    /**
     * @param cert a certificate
     * @return the subjectKeyIdentifier, {@code null} when absent, {@link #MALFORMED} when it cannot be read
     */
    public static byte[] subjectKeyId(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue(SKI_OID);
        if (ext == null) {
            return null;
        }
        try {
            Der outer = new Der(ext, 0, ext.length);
            Der inner = outer.enter(0x04);
            byte[] id = inner.enter(0x04).rest();
            return outer.atEnd() && inner.atEnd() ? id : MALFORMED;
        } catch (IllegalArgumentException e) {
            return MALFORMED;
        }
    }

    /** A bounded cursor over DER bytes; every read is range-checked and throws IllegalArgumentException. */
    private static final class Der {
        private final byte[] b;
        private int pos;
        private final int end;

        Der(byte[] b, int pos, int end) {
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        boolean atEnd() {
            return pos == end;
        }

        int peekTag() {
            require(pos < end);
            return b[pos] & 0xFF;
        }

        /** Reads a TLV with the given (single-byte) tag and returns a cursor over its value. */
        Der enter(int tag) {
            require(pos < end && (b[pos] & 0xFF) == tag);
            pos++;
            require(pos < end);
            int first = b[pos++] & 0xFF;
            int len;
            if (first < 0x80) {
                len = first;
            } else {
                int n = first & 0x7F;
                require(n >= 1 && n <= 3 && end - pos >= n); // no indefinite length, at most 16 MB
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (b[pos++] & 0xFF);
                }
            }
            require(len >= 0 && len <= end - pos);
            Der d = new Der(b, pos, pos + len);
            pos += len;
            return d;
        }

        byte[] rest() {
            byte[] out = new byte[end - pos];
            System.arraycopy(b, pos, out, 0, out.length);
            pos = end;
            return out;
        }

        private static void require(boolean ok) {
            if (!ok) {
                throw new IllegalArgumentException("malformed DER");
            }
        }
    }
}
