package io.ocppsec.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Reading PEM files for the command-line tool; every failure is a one-line {@link IOException}. */
final class PemFiles {

    /** Largest file the tool reads as PEM. */
    static final long MAX_PEM_BYTES = 1 << 20;

    private PemFiles() {
    }

    /**
     * Says which input is wrong and how: a missing file, a directory, an unreadable file.
     *
     * @param file a file the user named
     * @throws IOException naming the file, what is wrong and the fix
     */
    static void requireReadableFile(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a directory; give the path of a PEM file");
        }
        if (!Files.exists(file)) {
            throw new IOException(file + ": no such file; check the path (relative paths start at "
                    + Path.of("").toAbsolutePath() + ")");
        }
        if (!Files.isReadable(file)) {
            throw new IOException(file + ": permission denied; check the file's permissions");
        }
    }

    static String readText(Path file) throws IOException {
        requireReadableFile(file);
        long size = Files.size(file);
        if (size > MAX_PEM_BYTES) {
            throw new IOException(file + ": " + size + " bytes is more than the " + MAX_PEM_BYTES + " this tool reads");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(file + ": not a text (PEM/base64) file");
        }
    }

    static List<X509Certificate> certificates(Path file) throws IOException {
        readText(file);
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IOException(file + ": no certificate found");
            }
            return out;
        } catch (CertificateException e) {
            throw new IOException(file + ": not a readable certificate file (" + e.getMessage() + ")", e);
        }
    }

    static PrivateKey privateKey(Path file) throws IOException {
        String text = readText(file);
        try (Reader r = new java.io.StringReader(text); PEMParser p = new PEMParser(r)) {
            Object o = p.readObject();
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair) {
                return conv.getKeyPair((PEMKeyPair) o).getPrivate();
            }
            if (o instanceof PrivateKeyInfo) {
                return conv.getPrivateKey((PrivateKeyInfo) o);
            }
            throw new IOException(file + ": no unencrypted private key found (expected PKCS#8 or a traditional key PEM)");
        } catch (IOException e) {
            // Never include the file content: it is a private key.
            throw new IOException(file + ": cannot read the private key (" + e.getClass().getSimpleName() + ")");
        }
    }
}
