package io.ocppsec.core.cert;

import io.ocppsec.core.cert.CertificateParseException.Reason;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Parses certificates as OCPP transmits them (A00.FR.507): PEM text holding one certificate or a chain
 * (several {@code CERTIFICATE} blocks in one string), or DER bytes. Strict and bounded:
 *
 * <ul>
 *   <li>the size is checked before anything else is done (A02.FR.16; the default of 10000 characters is
 *       the schema's {@code maxLength} of {@code certificateChain}), so a 50 MB input is refused at once;</li>
 *   <li>at most {@link Builder#maxCertificates(int)} certificates;</li>
 *   <li>every anomaly is a {@link CertificateParseException} with a {@link CertificateParseException.Reason},
 *       the block index and the line: binary data, text outside or after the blocks, non-base64 characters
 *       or PEM headers inside a block, bad padding, a missing END line, a non-certificate block such as a
 *       {@code PRIVATE KEY} (whose content is never echoed), undecodable DER, trailing bytes;</li>
 *   <li>no unchecked exception escapes for any input.</li>
 * </ul>
 *
 * <pre>{@code
 * List<X509Certificate> chain = CertificateParser.forChain().parsePem(request.certificateChain());
 * X509Certificate root = CertificateParser.forSingleCertificate().parseSinglePem(installRequest.certificate());
 * CertificateParser custom = CertificateParser.builder().maxChars(maxCertificateChainSize).build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CertificateParser {

    /** Schema {@code maxLength} of {@code CertificateSignedRequest.certificateChain}. */
    public static final int DEFAULT_MAX_CHAIN_CHARS = 10_000;
    /** Schema {@code maxLength} of a single certificate (e.g. {@code InstallCertificateRequest.certificate}). */
    public static final int DEFAULT_MAX_SINGLE_CHARS = 5_500;
    /** Default maximum number of certificates in a chain. */
    public static final int DEFAULT_MAX_CERTIFICATES = 10;

    private static final CertificateParser CHAIN = builder().build();
    private static final CertificateParser SINGLE =
            builder().maxChars(DEFAULT_MAX_SINGLE_CHARS).maxCertificates(1).build();

    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";
    private static final String END_CERTIFICATE = "-----END CERTIFICATE-----";
    private static final Pattern PRINTABLE_LABEL = Pattern.compile("[A-Z0-9 ]{1,40}");

    private final int maxChars;
    private final int maxCertificates;

    private CertificateParser(Builder b) {
        this.maxChars = b.maxChars;
        this.maxCertificates = b.maxCertificates;
    }

    /** @return a parser for certificate chains: at most 10000 characters and 10 certificates */
    public static CertificateParser forChain() {
        return CHAIN;
    }

    /** @return a parser for one certificate: at most 5500 characters and 1 certificate */
    public static CertificateParser forSingleCertificate() {
        return SINGLE;
    }

    /** @return a builder starting from the chain defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the maximum input length in characters (PEM) or bytes (DER) */
    public int maxChars() {
        return maxChars;
    }

    /** @return the maximum number of certificates */
    public int maxCertificates() {
        return maxCertificates;
    }

    /**
     * Parses PEM text: one or more {@code CERTIFICATE} blocks, separated by whitespace only.
     *
     * @param pem the text, e.g. the {@code certificateChain} field of a CertificateSignedRequest
     * @return the certificates in the order received (never empty)
     * @throws CertificateParseException for anything else than well-formed PEM certificates within the limits
     */
    public List<X509Certificate> parsePem(String pem) throws CertificateParseException {
        Objects.requireNonNull(pem, "pem");
        if (pem.length() > maxChars) { // A02.FR.16: before any parsing
            throw new CertificateParseException(Reason.TOO_LARGE, -1, -1,
                    "input of " + pem.length() + " characters exceeds the limit of " + maxChars);
        }
        List<X509Certificate> certs = new ArrayList<>();
        CertificateFactory factory = factory();
        int pos = 0;
        int len = pem.length();
        while (true) {
            pos = skipWhitespace(pem, pos);
            if (pos >= len) {
                break;
            }
            int block = certs.size();
            if (!pem.startsWith(BEGIN, pos)) {
                throw outsideBlock(pem, pos, block);
            }
            int labelEnd = pem.indexOf(DASHES, pos + BEGIN.length());
            int eol = indexOfLineEnd(pem, pos);
            if (labelEnd < 0 || labelEnd > eol) {
                throw new CertificateParseException(Reason.UNTERMINATED_BLOCK, block, lineOf(pem, pos),
                        "malformed BEGIN line");
            }
            String label = pem.substring(pos + BEGIN.length(), labelEnd);
            if (!label.equals("CERTIFICATE")) {
                throw new CertificateParseException(Reason.WRONG_BLOCK_TYPE, block, lineOf(pem, pos),
                        "a PEM block of type " + describeLabel(label) + "; only CERTIFICATE blocks are accepted"
                                + " (the block's content is not shown)");
            }
            if (block >= maxCertificates) {
                throw new CertificateParseException(Reason.TOO_MANY_CERTIFICATES, block, lineOf(pem, pos),
                        "more than " + maxCertificates + " certificates");
            }
            int bodyStart = labelEnd + DASHES.length();
            int bodyEnd = pem.indexOf(DASHES, bodyStart);
            if (bodyEnd < 0 || !pem.startsWith(END_CERTIFICATE, bodyEnd)) {
                throw new CertificateParseException(Reason.UNTERMINATED_BLOCK, block, lineOf(pem, pos),
                        bodyEnd < 0 ? "BEGIN CERTIFICATE without END CERTIFICATE"
                                : pem.startsWith("-----END ", bodyEnd) ? "END label does not match BEGIN CERTIFICATE"
                                : "BEGIN CERTIFICATE without END CERTIFICATE before the next block");
            }
            byte[] der = decodeBody(pem, bodyStart, bodyEnd, block);
            certs.add(decodeOne(factory, der, block, lineOf(pem, pos)));
            pos = bodyEnd + END_CERTIFICATE.length();
        }
        if (certs.isEmpty()) {
            throw new CertificateParseException(Reason.EMPTY, -1, -1, "no certificate in the input");
        }
        return List.copyOf(certs);
    }

    /**
     * Parses PEM text that must hold exactly one certificate.
     *
     * @param pem the text
     * @return the certificate
     * @throws CertificateParseException when the text is not exactly one well-formed certificate
     */
    public X509Certificate parseSinglePem(String pem) throws CertificateParseException {
        List<X509Certificate> certs = parsePem(pem);
        if (certs.size() != 1) {
            throw new CertificateParseException(Reason.TOO_MANY_CERTIFICATES, 1, -1,
                    certs.size() + " certificates where exactly one was expected");
        }
        return certs.get(0);
    }

    /**
     * Parses DER: one certificate, or several concatenated.
     *
     * @param der the bytes
     * @return the certificates in order (never empty)
     * @throws CertificateParseException for anything else than DER certificates within the limits
     */
    public List<X509Certificate> parseDer(byte[] der) throws CertificateParseException {
        Objects.requireNonNull(der, "der");
        if (der.length > maxChars) {
            throw new CertificateParseException(Reason.TOO_LARGE, -1, -1,
                    "input of " + der.length + " bytes exceeds the limit of " + maxChars);
        }
        if (der.length == 0) {
            throw new CertificateParseException(Reason.EMPTY, -1, -1, "no certificate in the input");
        }
        CertificateFactory factory = factory();
        List<X509Certificate> certs = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(der);
        while (in.available() > 0) {
            int block = certs.size();
            if (block >= maxCertificates) {
                throw new CertificateParseException(Reason.TOO_MANY_CERTIFICATES, block, -1,
                        "more than " + maxCertificates + " certificates");
            }
            int offset = der.length - in.available();
            if (der[offset] != 0x30) {
                throw new CertificateParseException(block == 0 ? Reason.NOT_A_CERTIFICATE : Reason.TRAILING_BYTES,
                        block, -1, "byte " + offset + " does not start a DER SEQUENCE");
            }
            certs.add(readOne(factory, in, block, -1));
        }
        return List.copyOf(certs);
    }

    /**
     * Encodes certificates as concatenated PEM blocks (the inverse of {@link #parsePem(String)}).
     *
     * @param certificates certificates, e.g. a chain leaf first
     * @return PEM text with 64-character lines and {@code \n} line ends
     * @throws CertificateEncodingException when a certificate cannot be encoded
     */
    public static String toPem(List<X509Certificate> certificates) throws CertificateEncodingException {
        Objects.requireNonNull(certificates, "certificates");
        Base64.Encoder enc = Base64.getMimeEncoder(64, new byte[] {'\n'});
        StringBuilder sb = new StringBuilder();
        for (X509Certificate c : certificates) {
            sb.append("-----BEGIN CERTIFICATE-----\n")
                    .append(enc.encodeToString(Objects.requireNonNull(c, "certificate").getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return sb.toString();
    }

    private byte[] decodeBody(String pem, int from, int to, int block) throws CertificateParseException {
        StringBuilder b64 = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = pem.charAt(i);
            if (isWhitespace(c)) {
                continue;
            }
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                    || c == '=') {
                b64.append(c);
            } else {
                throw new CertificateParseException(Reason.GARBAGE_IN_ARMOUR, block, lineOf(pem, i),
                        c == ':' ? "a PEM header inside a CERTIFICATE block" : "a character that is not base64");
            }
        }
        if (b64.length() == 0) {
            throw new CertificateParseException(Reason.NOT_A_CERTIFICATE, block, lineOf(pem, from), "empty block");
        }
        if (b64.length() % 4 != 0) { // java.util.Base64 accepts a missing final padding; PEM (RFC 7468) does not
            throw new CertificateParseException(Reason.BAD_BASE64, block, lineOf(pem, from),
                    "base64 of " + b64.length() + " characters with a wrong length or padding");
        }
        try {
            return Base64.getDecoder().decode(b64.toString());
        } catch (IllegalArgumentException e) {
            throw new CertificateParseException(Reason.BAD_BASE64, block, lineOf(pem, from),
                    "base64 of " + b64.length() + " characters with a wrong length or padding");
        }
    }

    private static X509Certificate decodeOne(CertificateFactory factory, byte[] der, int block, int line)
            throws CertificateParseException {
        if (der.length == 0 || der[0] != 0x30) {
            throw new CertificateParseException(Reason.NOT_A_CERTIFICATE, block, line,
                    "decoded bytes do not start a DER SEQUENCE");
        }
        ByteArrayInputStream in = new ByteArrayInputStream(der);
        X509Certificate cert = readOne(factory, in, block, line);
        if (in.available() > 0) {
            throw new CertificateParseException(Reason.TRAILING_BYTES, block, line,
                    in.available() + " bytes after the certificate inside the block");
        }
        return cert;
    }

    private static X509Certificate readOne(CertificateFactory factory, ByteArrayInputStream in, int block, int line)
            throws CertificateParseException {
        try {
            java.security.cert.Certificate c = factory.generateCertificate(in);
            if (!(c instanceof X509Certificate)) {
                throw new CertificateParseException(Reason.NOT_A_CERTIFICATE, block, line, "not an X.509 certificate");
            }
            return (X509Certificate) c;
        } catch (CertificateException | RuntimeException e) {
            // RuntimeException: defence in depth, the JDK decoder must not crash the caller on hostile input.
            throw new CertificateParseException(Reason.NOT_A_CERTIFICATE, block, line,
                    "not a valid DER X.509 certificate (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static CertificateFactory factory() throws CertificateParseException {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new CertificateParseException(Reason.NOT_A_CERTIFICATE, -1, -1, "no X.509 certificate factory", e);
        }
    }

    private static CertificateParseException outsideBlock(String pem, int pos, int block) {
        int line = lineOf(pem, pos);
        if (block == 0 && containsBinary(pem, pos, Math.min(pem.length(), pos + 16))) {
            return new CertificateParseException(Reason.NOT_PEM, -1, line,
                    "binary data (DER?) where PEM text was expected (A00.FR.507)");
        }
        if (block > 0 && pem.indexOf(BEGIN, pos) < 0) {
            return new CertificateParseException(Reason.TRAILING_GARBAGE, block, line,
                    "text after the last PEM block");
        }
        return new CertificateParseException(Reason.TEXT_OUTSIDE_BLOCK, block, line,
                "text outside a PEM block (expected -----BEGIN CERTIFICATE-----)");
    }

    private static boolean containsBinary(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && !isWhitespace(c)) || c > 0x7e) {
                return true;
            }
        }
        return false;
    }

    private static String describeLabel(String label) {
        return PRINTABLE_LABEL.matcher(label).matches() ? "'" + label + "'" : "(unprintable label)";
    }

    private static int skipWhitespace(String s, int pos) {
        while (pos < s.length() && isWhitespace(s.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private static int indexOfLineEnd(String s, int from) {
        int n = s.indexOf('\n', from);
        return n < 0 ? s.length() : n;
    }

    private static int lineOf(String s, int index) {
        int line = 1;
        for (int i = 0; i < index && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    @Override
    public String toString() {
        return "CertificateParser{maxChars=" + maxChars + ", maxCertificates=" + maxCertificates + "}";
    }

    /** Builder; each setter validates at once. */
    public static final class Builder {
        private int maxChars = DEFAULT_MAX_CHAIN_CHARS;
        private int maxCertificates = DEFAULT_MAX_CERTIFICATES;

        private Builder() {
        }

        /**
         * @param max maximum input length in characters (PEM) or bytes (DER), e.g. MaxCertificateChainSize
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxChars(int max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxChars must be > 0, was " + max);
            }
            this.maxChars = max;
            return this;
        }

        /**
         * @param max maximum number of certificates
         * @return this builder
         * @throws IllegalArgumentException when not in 1..100
         */
        public Builder maxCertificates(int max) {
            if (max <= 0 || max > 100) {
                throw new IllegalArgumentException("maxCertificates must be in 1..100, was " + max);
            }
            this.maxCertificates = max;
            return this;
        }

        /** @return the parser */
        public CertificateParser build() {
            return new CertificateParser(this);
        }
    }
}
