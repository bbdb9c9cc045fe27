package io.ocppsec.testpki;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * A certificate minted by the test PKI with its key pair and its issuers.
 *
 * @param certificate the certificate
 * @param keyPair its key pair
 * @param issuers the issuing CA certificates, nearest first, ending with the root (empty for a root)
 */
public record TestCertificate(X509Certificate certificate, KeyPair keyPair, List<X509Certificate> issuers) {

    /** Copies the issuers. */
    public TestCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(keyPair, "keyPair");
        issuers = List.copyOf(issuers);
    }

    /** @return this certificate followed by its issuers up to and including the root */
    public List<X509Certificate> chainWithRoot() {
        List<X509Certificate> all = new ArrayList<>();
        all.add(certificate);
        all.addAll(issuers);
        return List.copyOf(all);
    }

    /** @return this certificate and its intermediates, without the root (as a TLS peer sends it) */
    public List<X509Certificate> chain() {
        List<X509Certificate> all = chainWithRoot();
        return issuers.isEmpty() ? all : all.subList(0, all.size() - 1);
    }

    /** @return the root certificate of this certificate's hierarchy (itself for a root) */
    public X509Certificate root() {
        return issuers.isEmpty() ? certificate : issuers.get(issuers.size() - 1);
    }

    /** @return the certificate in PEM */
    public String pem() {
        return toPem(List.of(certificate));
    }

    /** @return the chain without the root in PEM, leaf first, as CertificateSignedRequest carries it */
    public String chainPem() {
        return toPem(chain());
    }

    /** @return the private key in PKCS#8 PEM (tests only) */
    public String privateKeyPem() {
        return toPem(List.of(keyPair.getPrivate()));
    }

    /**
     * @param objects certificates or keys
     * @return their PEM encoding, concatenated
     */
    public static String toPem(List<?> objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (Object o : objects) {
                if (o instanceof java.security.PrivateKey) {
                    w.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(
                            (java.security.PrivateKey) o, null));
                } else {
                    w.writeObject(o);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "TestCertificate{" + certificate.getSubjectX500Principal() + "}";
    }
}
