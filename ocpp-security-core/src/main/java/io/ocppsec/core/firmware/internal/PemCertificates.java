package io.ocppsec.core.firmware.internal;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A minimal, bounded parser for PEM certificates (RFC 7468, "strict" textual encoding plus CRLF).
 *
 * <p>The length is checked before anything is parsed; at most {@link #MAX_CERTIFICATES} blocks are
 * read; only {@code CERTIFICATE} blocks are accepted; nothing but whitespace may stand between blocks.
 * Error messages never repeat the input (a pasted private key must not end up in a log).
 */
public final class PemCertificates {

    /** Most certificates accepted in one PEM text (signing certificate plus intermediates). */
    public static final int MAX_CERTIFICATES = 4;

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    private PemCertificates() {
    }

    /** Why a PEM text was refused. The message never contains the text itself. */
    public static final class PemFormatException extends CertificateException {
        private static final long serialVersionUID = 1L;

        PemFormatException(String message) {
            super(message);
        }

        PemFormatException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param pem the PEM text
     * @param maxChars the largest accepted length (e.g. 5500 for {@code UpdateFirmwareRequest}), checked first
     * @return the certificates in the order written
     * @throws PemFormatException when the text is too long, malformed, holds something other than
     *     certificates, or a certificate does not parse
     */
    public static List<X509Certificate> parse(String pem, int maxChars) throws PemFormatException {
        if (pem.length() > maxChars) {
            throw new PemFormatException("PEM text has " + pem.length() + " characters, more than the " + maxChars
                    + " allowed");
        }
        String[] lines = pem.split("\r?\n", -1);
        List<X509Certificate> certs = new ArrayList<>();
        StringBuilder body = null;
        int blockStart = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = stripTrailing(lines[i]);
            if (body == null) {
                if (line.isBlank()) {
                    continue;
                }
                if (!line.startsWith(BEGIN) || !line.endsWith(DASHES) || line.length() < BEGIN.length() + 5) {
                    throw new PemFormatException("line " + (i + 1) + " is outside a PEM block (expected '"
                            + BEGIN + "CERTIFICATE-----')");
                }
                String label = line.substring(BEGIN.length(), line.length() - DASHES.length());
                if (!"CERTIFICATE".equals(label)) {
                    throw new PemFormatException("line " + (i + 1) + " begins a PEM block of type '"
                            + printable(label) + "'; only CERTIFICATE blocks are accepted");
                }
                if (certs.size() == MAX_CERTIFICATES) {
                    throw new PemFormatException("more than " + MAX_CERTIFICATES + " certificates");
                }
                body = new StringBuilder();
                blockStart = i + 1;
            } else if (line.startsWith(END)) {
                if (!line.equals(END + "CERTIFICATE" + DASHES)) {
                    throw new PemFormatException("line " + (i + 1) + " ends the block of line " + blockStart
                            + " with a different label");
                }
                certs.add(decode(body.toString(), certs.size()));
                body = null;
            } else {
                body.append(line.strip());
            }
        }
        if (body != null) {
            throw new PemFormatException("the PEM block of line " + blockStart + " has no END line");
        }
        if (certs.isEmpty()) {
            throw new PemFormatException("no PEM CERTIFICATE block found");
        }
        return List.copyOf(certs);
    }

    private static X509Certificate decode(String base64, int index) throws PemFormatException {
        byte[] der;
        try {
            if (base64.isEmpty() || base64.length() % 4 != 0) {
                throw new IllegalArgumentException("length");
            }
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new PemFormatException("certificate #" + index + " is not valid base64");
        }
        try {
            CertificateFactory f = CertificateFactory.getInstance("X.509");
            X509Certificate c = (X509Certificate) f.generateCertificate(new ByteArrayInputStream(der));
            if (!Arrays.equals(c.getEncoded(), der)) {
                throw new PemFormatException("certificate #" + index + " has trailing or non-canonical bytes");
            }
            return c;
        } catch (PemFormatException e) {
            throw e;
        } catch (CertificateException | RuntimeException e) {
            // The JDK parser may throw unchecked exceptions on hostile DER; keep them typed.
            throw new PemFormatException("certificate #" + index + " is not a valid X.509 certificate", e);
        }
    }

    private static String stripTrailing(String s) {
        return s.stripTrailing();
    }

    private static String printable(String s) {
        String clipped = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return clipped.codePoints().map(c -> c < 0x20 || c > 0x7e ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
