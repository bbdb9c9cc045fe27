package io.ocppsec.core.store.internal;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.core.store.CertificateStoreException;
import io.ocppsec.core.store.CertificateStoreException.Reason;
import io.ocppsec.core.store.InstalledRoot;
import io.ocppsec.core.store.KeyHandle;
import io.ocppsec.core.store.RootCertificateType;
import io.ocppsec.core.store.StationCertificate;
import io.ocppsec.core.store.StoreSnapshot;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The text format of the file store, version 1. One record per line, tab-separated, certificates and
 * keys in base64; a trailer names the record count and the SHA-256 of everything before it, so a
 * truncated or altered file is detected before any of it is parsed.
 *
 * <pre>
 * OCPPSEC-CERTSTORE	1
 * R	CSMSRootCertificate	2026-06-01T12:00:00Z	MIIB...
 * C	ChargingStationCertificate	installedAt	confirmedAt|-	base64url(alias)	keyAlg|-	pkcs8|-	der,der,...
 * END	2
 * SHA-256	hex
 * </pre>
 *
 * <p>The checksum detects accidental damage (torn writes, bit rot), not tampering: whoever can write
 * the file can recompute it. Not part of the public API.
 */
public final class StoreFileCodec {

    /** The first line's magic word. */
    public static final String MAGIC = "OCPPSEC-CERTSTORE";
    /** The format version written. */
    public static final int VERSION = 1;

    private static final String NONE = "-";
    private static final int MAX_FIELD = 64 * 1024;

    private StoreFileCodec() {
    }

    /**
     * @param snapshot the state
     * @param includePrivateKeys whether software keys are written as plaintext PKCS#8
     * @return the file content
     */
    public static byte[] encode(StoreSnapshot snapshot, boolean includePrivateKeys) {
        StringBuilder sb = new StringBuilder(4096);
        Base64.Encoder b64 = Base64.getEncoder();
        sb.append(MAGIC).append('\t').append(VERSION).append('\n');
        int records = 0;
        try {
            for (InstalledRoot r : snapshot.roots()) {
                sb.append("R\t").append(r.type().ocppValue()).append('\t').append(r.installedAt()).append('\t')
                        .append(b64.encodeToString(r.certificate().getEncoded())).append('\n');
                records++;
            }
            for (StationCertificate c : snapshot.clientCertificates()) {
                sb.append("C\t").append(c.use().ocppValue()).append('\t').append(c.installedAt()).append('\t')
                        .append(c.confirmedWorkingAt().map(Instant::toString).orElse(NONE)).append('\t')
                        .append(Base64.getUrlEncoder().withoutPadding()
                                .encodeToString(c.key().alias().getBytes(StandardCharsets.UTF_8))).append('\t');
                Optional<PrivateKey> key = includePrivateKeys ? c.key().privateKey() : Optional.empty();
                if (key.isPresent() && "PKCS#8".equals(key.get().getFormat()) && key.get().getEncoded() != null) {
                    byte[] der = key.get().getEncoded();
                    sb.append(key.get().getAlgorithm()).append('\t').append(b64.encodeToString(der)).append('\t');
                    Arrays.fill(der, (byte) 0);
                } else {
                    sb.append(NONE).append('\t').append(NONE).append('\t');
                }
                List<String> ders = new ArrayList<>();
                for (X509Certificate x : c.chain()) {
                    ders.add(b64.encodeToString(x.getEncoded()));
                }
                sb.append(String.join(",", ders)).append('\n');
                records++;
            }
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("A stored certificate cannot be encoded", e);
        }
        sb.append("END\t").append(records).append('\n');
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] trailer = ("SHA-256\t" + HexFormat.of().formatHex(sha256(body)) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(body, body.length + trailer.length);
        System.arraycopy(trailer, 0, all, body.length, trailer.length);
        return all;
    }

    /**
     * @param data the file content (already bounded in size by the caller)
     * @param keyResolver turns a stored alias without key material into a handle
     * @return the snapshot
     * @throws CertificateStoreException {@link Reason#CORRUPT} or {@link Reason#UNSUPPORTED_VERSION}
     */
    public static StoreSnapshot decode(byte[] data, Function<String, KeyHandle> keyResolver)
            throws CertificateStoreException {
        int len = data.length;
        if (len == 0 || data[len - 1] != '\n') {
            throw corrupt("it is empty or does not end with a complete line (truncated)");
        }
        int trailerStart = lastLineStart(data, len - 1);
        String trailer = new String(data, trailerStart, len - 1 - trailerStart, StandardCharsets.US_ASCII);
        if (!trailer.startsWith("SHA-256\t") || trailer.length() != 8 + 64) {
            throw corrupt("the checksum trailer is missing or malformed (truncated or not a store file)");
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(trailer.substring(8));
        } catch (IllegalArgumentException e) {
            throw corrupt("the checksum is not hexadecimal");
        }
        byte[] body = Arrays.copyOf(data, trailerStart);
        if (!MessageDigest.isEqual(expected, sha256(body))) {
            throw corrupt("the SHA-256 checksum does not match its content");
        }
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\n", -1);
        // body ends with '\n', so the last element is empty
        if (lines.length < 3 || !lines[lines.length - 1].isEmpty()) {
            throw corrupt("too few lines");
        }
        String[] header = lines[0].split("\t", -1);
        if (header.length != 2 || !MAGIC.equals(header[0])) {
            throw corrupt("the first line is not a store header");
        }
        if (!String.valueOf(VERSION).equals(header[1])) {
            throw new CertificateStoreException(Reason.UNSUPPORTED_VERSION,
                    "Certificate store format version " + clip(header[1]) + " is not supported; expected " + VERSION);
        }
        try {
            return parseRecords(lines, keyResolver);
        } catch (IllegalArgumentException | java.security.GeneralSecurityException
                 | java.time.DateTimeException | IndexOutOfBoundsException e) {
            throw new CertificateStoreException(Reason.CORRUPT,
                    "Certificate store content cannot be decoded: " + e.getClass().getSimpleName(), e);
        }
    }

    private static StoreSnapshot parseRecords(String[] lines, Function<String, KeyHandle> keyResolver)
            throws CertificateStoreException, java.security.GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<InstalledRoot> roots = new ArrayList<>();
        List<StationCertificate> clients = new ArrayList<>();
        String end = lines[lines.length - 2];
        for (int i = 1; i < lines.length - 2; i++) {
            String[] f = lines[i].split("\t", -1);
            if (f.length == 4 && "R".equals(f[0])) {
                roots.add(new InstalledRoot(RootCertificateType.fromOcpp(f[1]), certificate(cf, f[3]),
                        parseInstant(f[2])));
            } else if (f.length == 8 && "C".equals(f[0])) {
                clients.add(client(cf, f, keyResolver));
            } else {
                throw corrupt("line " + (i + 1) + " is not a known record");
            }
        }
        int total = roots.size() + clients.size();
        if (!end.equals("END\t" + total)) {
            throw corrupt("the END line does not match the " + total + " records found");
        }
        return new StoreSnapshot(clients, roots);
    }

    private static StationCertificate client(CertificateFactory cf, String[] f, Function<String, KeyHandle> keyResolver)
            throws java.security.GeneralSecurityException {
        CertificateSigningUse use = CertificateSigningUse.fromOcpp(f[1]);
        Instant installedAt = parseInstant(f[2]);
        Optional<Instant> confirmed = NONE.equals(f[3]) ? Optional.empty() : Optional.of(parseInstant(f[3]));
        String alias = new String(Base64.getUrlDecoder().decode(bounded(f[4])), StandardCharsets.UTF_8);
        KeyHandle key;
        if (NONE.equals(f[5])) {
            key = java.util.Objects.requireNonNull(keyResolver.apply(alias), "key resolver result");
        } else {
            byte[] der = Base64.getDecoder().decode(bounded(f[6]));
            try {
                key = KeyHandle.inMemory(alias, KeyFactory.getInstance(bounded(f[5]))
                        .generatePrivate(new PKCS8EncodedKeySpec(der)));
            } finally {
                Arrays.fill(der, (byte) 0);
            }
        }
        String[] ders = f[7].split(",", -1);
        if (ders.length > StationCertificate.MAX_CHAIN_LENGTH) {
            throw new IllegalArgumentException("chain too long");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (String d : ders) {
            chain.add(certificate(cf, d));
        }
        return new StationCertificate(use, chain, key, installedAt, confirmed);
    }

    private static X509Certificate certificate(CertificateFactory cf, String b64) throws CertificateException {
        byte[] der = Base64.getDecoder().decode(bounded(b64));
        return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
    }

    private static Instant parseInstant(String s) {
        if (s.length() > 40) {
            throw new IllegalArgumentException("instant too long");
        }
        return Instant.parse(s);
    }

    private static String bounded(String s) {
        if (s.length() > MAX_FIELD) {
            throw new IllegalArgumentException("field too long");
        }
        return s;
    }

    private static int lastLineStart(byte[] data, int newlineAt) {
        for (int i = newlineAt - 1; i >= 0; i--) {
            if (data[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    private static CertificateStoreException corrupt(String what) {
        return new CertificateStoreException(Reason.CORRUPT, "Certificate store file is damaged: " + what);
    }

    private static String clip(String s) {
        String p = s.length() > 16 ? s.substring(0, 16) + "..." : s;
        return p.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
