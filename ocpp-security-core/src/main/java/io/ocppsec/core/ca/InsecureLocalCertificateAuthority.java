package io.ocppsec.core.ca;

import io.ocppsec.api.spi.CertificateAuthority;
import io.ocppsec.api.spi.CertificateSigningRequest;
import io.ocppsec.core.csr.CsrInspection;
import io.ocppsec.core.csr.CsrInspector;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * An in-process certificate authority for development, demos and tests. <strong>NOT a production
 * CA</strong>: it keeps its private key in memory, has no audit trail, no revocation database and no
 * approval step. OCPP asks for a dedicated CA server (A02.FR.04, A03.FR.04, A00.FR.703/704); put a real
 * one behind {@link CertificateAuthority} in production. The {@code Insecure} in the name says so at every
 * call site.
 *
 * <p>What it issues from a CSR: the subject of the CSR; a random positive 128-bit serial number; validity
 * from now for the configured duration (never past the CA's own notAfter); basicConstraints cA=false and
 * keyUsage digitalSignature plus keyAgreement (EC) or keyEncipherment (RSA), both critical; subject and
 * authority key identifiers; no extendedKeyUsage (A00.FR.514) and none of the extensions the CSR asked
 * for. It signs with ECDSA with SHA-256/384 or RSA-PSS with SHA-256 (A00.FR.505, A00.FR.506). The
 * returned chain is the new certificate, the CA certificate and the configured intermediates, without
 * the root.
 *
 * <pre>{@code
 * CertificateAuthority ca = InsecureLocalCertificateAuthority.builder(subCaCert, subCaKey)
 *         .inspector(CsrInspector.forOrganization("Example CSO"))
 *         .validity(Duration.ofDays(365))
 *         .build();
 * ca.sign(inspection.signingRequest().orElseThrow()).thenAccept(chain -> sendCertificateSigned(chain));
 * }</pre>
 *
 * <p>Thread-safe. The stage it returns is already complete.
 */
public final class InsecureLocalCertificateAuthority implements CertificateAuthority {

    private static final Provider BC = new BouncyCastleProvider();
    private static final System.Logger LOG = System.getLogger(InsecureLocalCertificateAuthority.class.getName());

    private final X509Certificate caCertificate;
    private final PrivateKey caKey;
    private final List<X509Certificate> chainAboveLeaf;
    private final Optional<CsrInspector> inspector;
    private final Duration validity;
    private final Clock clock;
    private final SecureRandom random;
    private final String signatureAlgorithm;

    private InsecureLocalCertificateAuthority(Builder b) {
        this.caCertificate = b.caCertificate;
        this.caKey = b.caKey;
        List<X509Certificate> above = new ArrayList<>();
        for (X509Certificate c : concat(b.caCertificate, b.intermediates)) {
            if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                above.add(c); // the root is not sent (the station has it installed)
            }
        }
        this.chainAboveLeaf = List.copyOf(above);
        this.inspector = b.inspector;
        this.validity = b.validity;
        this.clock = b.clock;
        this.random = b.random;
        this.signatureAlgorithm = signatureAlgorithmFor(b.caCertificate.getPublicKey());
    }

    private static List<X509Certificate> concat(X509Certificate first, List<X509Certificate> rest) {
        List<X509Certificate> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /**
     * @param caCertificate the issuing CA certificate (e.g. the CSO sub-CA)
     * @param caKey its private key
     * @return a builder
     */
    public static Builder builder(X509Certificate caCertificate, PrivateKey caKey) {
        return new Builder(Objects.requireNonNull(caCertificate, "caCertificate"), Objects.requireNonNull(caKey, "caKey"));
    }

    @Override
    public CompletionStage<List<X509Certificate>> sign(CertificateSigningRequest request) {
        Objects.requireNonNull(request, "request");
        try {
            return CompletableFuture.completedFuture(issue(request));
        } catch (CertificateException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new CertificateException("Cannot issue the certificate: "
                    + e.getClass().getSimpleName(), e));
        }
    }

    private List<X509Certificate> issue(CertificateSigningRequest request) throws CertificateException {
        PKCS10CertificationRequest csr;
        if (inspector.isPresent()) {
            CsrInspection inspection = inspector.get().inspect(request.csrPem(), request.stationIdentity(),
                    request.certificateType());
            if (!inspection.isAccepted()) {
                throw new CertificateException("CSR refused: " + inspection.result().describe());
            }
        }
        csr = parseAndVerify(request.csrPem());
        Instant now = clock.instant();
        Instant notAfter = now.plus(validity);
        Instant caNotAfter = caCertificate.getNotAfter().toInstant();
        if (notAfter.isAfter(caNotAfter)) {
            notAfter = caNotAfter;
        }
        if (!notAfter.isAfter(now)) {
            throw new CertificateException("The CA certificate has expired at " + caNotAfter);
        }
        try {
            PublicKey subjectKey = new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest(csr).setProvider(BC)
                    .getPublicKey();
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(
                    X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()), serial(),
                    Date.from(now), Date.from(notAfter), csr.getSubject(), csr.getSubjectPublicKeyInfo());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                    | (subjectKey instanceof RSAKey ? KeyUsage.keyEncipherment : KeyUsage.keyAgreement)));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(csr.getSubjectPublicKeyInfo()));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCertificate));
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm).setProvider(BC).setSecureRandom(random)
                    .build(caKey);
            X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(b.build(signer).getEncoded()));
            LOG.log(System.Logger.Level.INFO, "Issued certificate serial {0} for {1} (development CA)",
                    leaf.getSerialNumber().toString(16), leaf.getSubjectX500Principal().getName());
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(leaf);
            chain.addAll(chainAboveLeaf);
            return List.copyOf(chain);
        } catch (CertificateException e) {
            throw e;
        } catch (Exception e) { // IOException, GeneralSecurityException, OperatorCreationException
            throw new CertificateException("Cannot issue the certificate: " + e.getMessage(), e);
        }
    }

    private static PKCS10CertificationRequest parseAndVerify(String pem) throws CertificateException {
        // Proof of possession is checked again even without an inspector: never certify a key nobody holds.
        String body = pem.replaceAll("-----(BEGIN|END) (NEW )?CERTIFICATE REQUEST-----", "").replaceAll("\\s", "");
        try {
            PKCS10CertificationRequest csr = new PKCS10CertificationRequest(java.util.Base64.getDecoder().decode(body));
            if (!csr.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                    .setProvider(BC).build(csr.getSubjectPublicKeyInfo()))) {
                throw new CertificateException("The CSR signature does not verify (no proof of possession)");
            }
            return csr;
        } catch (CertificateException e) {
            throw e;
        } catch (Exception e) {
            throw new CertificateException("Malformed CSR (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private BigInteger serial() {
        // 16 random bytes, positive and non-zero (A00.FR.508; RFC 5280 4.1.2.2).
        BigInteger s;
        do {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            s = new BigInteger(1, bytes);
        } while (s.signum() == 0);
        return s;
    }

    private static String signatureAlgorithmFor(PublicKey caPublicKey) {
        if (caPublicKey instanceof RSAKey) {
            return "SHA256withRSAandMGF1"; // RSASSA-PSS, A00.FR.505
        }
        if (caPublicKey instanceof ECKey) {
            int bits = ((ECKey) caPublicKey).getParams().getOrder().bitLength();
            return bits > 384 ? "SHA512withECDSA" : bits > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
        }
        throw new IllegalArgumentException("The CA key must be RSA or EC (A00.FR.504), was "
                + caPublicKey.getAlgorithm());
    }

    @Override
    public String toString() {
        return "InsecureLocalCertificateAuthority{ca=" + caCertificate.getSubjectX500Principal().getName()
                + ", signatureAlgorithm=" + signatureAlgorithm + ", validity=" + validity + "}";
    }

    /** Configures a {@link InsecureLocalCertificateAuthority}; each setter validates at once. Not thread-safe. */
    public static final class Builder {
        private final X509Certificate caCertificate;
        private final PrivateKey caKey;
        private List<X509Certificate> intermediates = List.of();
        private Optional<CsrInspector> inspector = Optional.empty();
        private Duration validity = Duration.ofDays(365);
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();

        private Builder(X509Certificate caCertificate, PrivateKey caKey) {
            this.caCertificate = caCertificate;
            this.caKey = caKey;
        }

        /**
         * @param certificates CA certificates above the issuing one, nearest first; a self-signed root
         *     among them is left out of issued chains
         * @return this builder
         */
        public Builder intermediates(List<X509Certificate> certificates) {
            this.intermediates = List.copyOf(certificates);
            return this;
        }

        /**
         * @param csrInspector runs the full CSR inspection again on every request (subject bound to the
         *     request's station identity, CSO name, key policy); without it only the CSR signature is checked
         * @return this builder
         */
        public Builder inspector(CsrInspector csrInspector) {
            this.inspector = Optional.of(Objects.requireNonNull(csrInspector, "csrInspector"));
            return this;
        }

        /**
         * @param duration how long issued certificates are valid (default 365 days)
         * @return this builder
         * @throws IllegalArgumentException for a zero or negative duration
         */
        public Builder validity(Duration duration) {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("validity must be positive, was " + duration);
            }
            this.validity = duration;
            return this;
        }

        /**
         * @param c the clock that sets notBefore
         * @return this builder
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "c");
            return this;
        }

        /**
         * @param r the source of serial numbers and signature randomness
         * @return this builder
         */
        public Builder random(SecureRandom r) {
            this.random = Objects.requireNonNull(r, "r");
            return this;
        }

        /**
         * @return the CA
         * @throws IllegalArgumentException when the CA key is neither RSA nor EC
         */
        public InsecureLocalCertificateAuthority build() {
            return new InsecureLocalCertificateAuthority(this);
        }
    }
}
