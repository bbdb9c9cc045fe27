package io.ocppsec.tls;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate chain (leaf first), as a TLS endpoint presents it: the CSMS
 * server certificate (A00.FR.307/410) or the Charging Station client certificate (A00.FR.402).
 *
 * <p>Holds a private key: {@link #toString()} shows the subject and key type only, never the key.
 *
 * <pre>{@code
 * TlsKeyMaterial ec = TlsKeyMaterial.of(ecKey, List.of(csmsEcCert, subCa));
 * }</pre>
 */
public final class TlsKeyMaterial {

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    private TlsKeyMaterial(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = privateKey;
        this.chain = chain;
    }

    /**
     * @param privateKey the private key of the leaf certificate (may live in an HSM: it is only used to sign)
     * @param chain the leaf certificate first, then its intermediates (the root may be left out)
     * @return the key material
     * @throws IllegalArgumentException when the chain is empty or the key does not belong to the leaf
     */
    public static TlsKeyMaterial of(PrivateKey privateKey, List<X509Certificate> chain) {
        Objects.requireNonNull(privateKey, "privateKey");
        List<X509Certificate> copy = List.copyOf(Objects.requireNonNull(chain, "chain"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("The certificate chain is empty; the leaf certificate must come first");
        }
        String certAlg = copy.get(0).getPublicKey().getAlgorithm();
        if (!certAlg.equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("The private key is a " + privateKey.getAlgorithm()
                    + " key but the certificate " + copy.get(0).getSubjectX500Principal() + " holds a " + certAlg + " key");
        }
        checkPair(privateKey, copy.get(0));
        return new TlsKeyMaterial(privateKey, copy);
    }

    private static void checkPair(PrivateKey key, X509Certificate cert) {
        String alg = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        if (!"EC".equals(key.getAlgorithm()) && !"RSA".equals(key.getAlgorithm())) {
            return; // other key types are refused later by the crypto policy
        }
        byte[] probe = "ocpp-security key pair check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        boolean ok;
        try {
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(cert.getPublicKey());
            v.update(probe);
            ok = v.verify(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot check that the private key belongs to "
                    + cert.getSubjectX500Principal() + ": " + e.getClass().getSimpleName(), e);
        }
        if (!ok) {
            throw new IllegalArgumentException("The private key does not belong to the certificate "
                    + cert.getSubjectX500Principal());
        }
    }

    /** @return the private key (never printed) */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** @return the chain, leaf first */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** @return the leaf certificate */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** @return the key algorithm, {@code EC} or {@code RSA} */
    public String keyAlgorithm() {
        return privateKey.getAlgorithm();
    }

    @Override
    public String toString() {
        return "TlsKeyMaterial{subject=" + certificate().getSubjectX500Principal() + ", key=" + keyAlgorithm()
                + " (redacted), chainLength=" + chain.size() + "}";
    }
}
