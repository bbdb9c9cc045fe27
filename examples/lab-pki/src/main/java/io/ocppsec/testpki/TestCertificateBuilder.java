package io.ocppsec.testpki;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Mints one certificate. Starts from the defaults of a role (key usage, basic constraints, validity
 * around {@link TestPki#NOW}); every setter changes one property, so a deliberately wrong certificate
 * is one call away.
 *
 * <pre>{@code
 * TestCertificate weak = pki.stationBuilder().keyType(KeyType.RSA_1024_WEAK).build();
 * }</pre>
 */
public final class TestCertificateBuilder {

    private static final AtomicLong SERIALS = new AtomicLong(0x1000);

    private final PkiRole role;
    private final TestCertificate issuer; // null: self-signed
    private final SecureRandom random;
    private String organization;
    private String commonName;
    private String country;
    private KeyType keyType = KeyType.EC_P256;
    private KeyPair keyPair;
    private String signatureAlgorithm;
    private Instant notBefore = TestPki.NOW.minus(Duration.ofDays(1));
    private Instant notAfter = TestPki.NOW.plus(Duration.ofDays(365));
    private BigInteger serial;
    private boolean keyUsage = true;
    private Integer keyUsageBits;
    private boolean basicConstraints = true;
    private boolean ca;
    private Integer pathLength;
    private final List<KeyPurposeId> extendedKeyUsages = new ArrayList<>();
    private final List<GeneralName> subjectAltNames = new ArrayList<>();
    private final List<String> nameConstraintsPermittedOrgs = new ArrayList<>();
    private final List<String> criticalExtensions = new ArrayList<>();
    private String ocspUrl;
    private javax.security.auth.x500.X500Principal subjectName;
    private boolean withoutKeyParameters;

    TestCertificateBuilder(PkiRole role, TestCertificate issuer, SecureRandom random) {
        this.role = Objects.requireNonNull(role, "role");
        this.issuer = issuer;
        this.random = random;
        this.ca = role.isCa();
    }

    /** @param o the O RDN, or null for none @return this */
    public TestCertificateBuilder organization(String o) {
        this.organization = o;
        return this;
    }

    /** @param cn the CN RDN, or null for none @return this */
    public TestCertificateBuilder commonName(String cn) {
        this.commonName = cn;
        return this;
    }

    /** @param c the C RDN @return this */
    public TestCertificateBuilder country(String c) {
        this.country = c;
        return this;
    }

    /** @param type key type of the subject @return this */
    public TestCertificateBuilder keyType(KeyType type) {
        this.keyType = Objects.requireNonNull(type, "type");
        this.keyPair = null;
        return this;
    }

    /** @param pair an existing key pair for the subject (e.g. the one of a CSR) @return this */
    public TestCertificateBuilder keyPair(KeyPair pair) {
        this.keyPair = Objects.requireNonNull(pair, "pair");
        return this;
    }

    /** @param algorithm JCA signature algorithm the issuer signs with, e.g. SHA1withRSA @return this */
    public TestCertificateBuilder signatureAlgorithm(String algorithm) {
        this.signatureAlgorithm = algorithm;
        return this;
    }

    /** @param from notBefore @param to notAfter @return this */
    public TestCertificateBuilder validity(Instant from, Instant to) {
        this.notBefore = from;
        this.notAfter = to;
        return this;
    }

    /** @param s serial number (may be zero or negative for negative tests) @return this */
    public TestCertificateBuilder serial(BigInteger s) {
        this.serial = s;
        return this;
    }

    /** Leaves out the keyUsage extension. @return this */
    public TestCertificateBuilder withoutKeyUsage() {
        this.keyUsage = false;
        return this;
    }

    /** @param bits BC KeyUsage bits, e.g. {@code KeyUsage.digitalSignature} @return this */
    public TestCertificateBuilder keyUsage(int bits) {
        this.keyUsage = true;
        this.keyUsageBits = bits;
        return this;
    }

    /** @param purposes extended key usages to add @return this */
    public TestCertificateBuilder extendedKeyUsage(KeyPurposeId... purposes) {
        extendedKeyUsages.addAll(List.of(purposes));
        return this;
    }

    /** @param names dNSName SAN entries @return this */
    public TestCertificateBuilder sanDns(String... names) {
        for (String n : names) {
            subjectAltNames.add(new GeneralName(GeneralName.dNSName, n));
        }
        return this;
    }

    /** @param addresses iPAddress SAN entries @return this */
    public TestCertificateBuilder sanIp(String... addresses) {
        for (String a : addresses) {
            subjectAltNames.add(new GeneralName(GeneralName.iPAddress, a));
        }
        return this;
    }

    /** @param isCa basicConstraints cA flag @return this */
    public TestCertificateBuilder ca(boolean isCa) {
        this.ca = isCa;
        return this;
    }

    /** Leaves out basicConstraints. @return this */
    public TestCertificateBuilder withoutBasicConstraints() {
        this.basicConstraints = false;
        return this;
    }

    /** @param len pathLenConstraint of a CA @return this */
    public TestCertificateBuilder pathLength(int len) {
        this.pathLength = len;
        return this;
    }

    /**
     * Adds a critical nameConstraints extension whose permitted subtrees are the directory names {@code O=org}.
     *
     * @param organizations permitted O values
     * @return this
     */
    public TestCertificateBuilder nameConstraintsPermittedOrganization(String... organizations) {
        nameConstraintsPermittedOrgs.addAll(List.of(organizations));
        return this;
    }

    /**
     * Adds a critical extension with the given OID and a DER NULL value, which no validator understands.
     *
     * @param oid the extension OID, e.g. {@code 1.3.6.1.4.1.99999.1}
     * @return this
     */
    public TestCertificateBuilder unknownCriticalExtension(String oid) {
        criticalExtensions.add(oid);
        return this;
    }

    /**
     * Adds an Authority Information Access extension naming an OCSP responder (of the issuer of this certificate).
     *
     * @param url the responder URL, e.g. {@code http://127.0.0.1:8888/}
     * @return this
     */
    public TestCertificateBuilder ocspUrl(String url) {
        this.ocspUrl = Objects.requireNonNull(url, "url");
        return this;
    }

    /**
     * Sets the exact subject name, overriding {@link #organization}, {@link #commonName} and {@link #country}: with
     * the issuer's subject it mints a self-issued certificate (subject = issuer) signed by the issuer's key, the
     * shape of a CA key rollover ("new with old": the new key, signed by the old one, under the same name).
     *
     * @param name the subject, e.g. {@code issuer.certificate().getSubjectX500Principal()}
     * @return this
     */
    public TestCertificateBuilder subject(javax.security.auth.x500.X500Principal name) {
        this.subjectName = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Encodes the subject's key without the AlgorithmIdentifier parameters: a DSA key whose p, q, g are inherited
     * from the issuer (RFC 3279 2.3.2), for which the JDK's {@code DSAKey.getParams()} is null. Unless a key pair is
     * set, a DSA subject key under a DSA issuer is generated with the issuer's parameters.
     *
     * @return this
     */
    public TestCertificateBuilder withoutKeyParameters() {
        this.withoutKeyParameters = true;
        return this;
    }

    /** @return the certificate */
    public TestCertificate build() {
        try {
            KeyPair subjectKeys = keyPair != null ? keyPair : withoutKeyParameters ? inheritingKeys()
                    : keyType.generate(random);
            KeyPair signingKeys = issuer == null ? subjectKeys : issuer.keyPair();
            X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
            if (country != null) {
                name.addRDN(BCStyle.C, country);
            }
            if (organization != null) {
                name.addRDN(BCStyle.O, organization);
            }
            if (commonName != null) {
                name.addRDN(BCStyle.CN, commonName);
            }
            org.bouncycastle.asn1.x500.X500Name subject = subjectName != null
                    ? org.bouncycastle.asn1.x500.X500Name.getInstance(subjectName.getEncoded()) : name.build();
            org.bouncycastle.asn1.x500.X500Name issuerName = issuer == null ? subject
                    : org.bouncycastle.asn1.x500.X500Name.getInstance(
                            issuer.certificate().getSubjectX500Principal().getEncoded());
            BigInteger sn = serial != null ? serial : BigInteger.valueOf(SERIALS.incrementAndGet())
                    .shiftLeft(64).or(new BigInteger(63, random));
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(subjectKeys.getPublic().getEncoded());
            if (withoutKeyParameters) {
                spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(spki.getAlgorithm().getAlgorithm()),
                        spki.getPublicKeyData().getBytes());
            }
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuerName, sn,
                    Date.from(notBefore), Date.from(notAfter), subject, spki);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(spki));
            if (issuer != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false,
                        ext.createAuthorityKeyIdentifier(issuer.certificate()));
            }
            if (basicConstraints) {
                BasicConstraints bc = ca
                        ? (pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength))
                        : new BasicConstraints(false);
                b.addExtension(Extension.basicConstraints, true, bc);
            }
            if (keyUsage) {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(
                        keyUsageBits != null ? keyUsageBits : defaultKeyUsage(subjectKeys)));
            }
            if (!extendedKeyUsages.isEmpty()) {
                b.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(extendedKeyUsages.toArray(new KeyPurposeId[0])));
            }
            if (!subjectAltNames.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(subjectAltNames.toArray(new GeneralName[0])));
            }
            if (!nameConstraintsPermittedOrgs.isEmpty()) {
                org.bouncycastle.asn1.x509.GeneralSubtree[] permitted = nameConstraintsPermittedOrgs.stream()
                        .map(o -> new org.bouncycastle.asn1.x509.GeneralSubtree(new GeneralName(
                                new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, o).build())))
                        .toArray(org.bouncycastle.asn1.x509.GeneralSubtree[]::new);
                b.addExtension(Extension.nameConstraints, true,
                        new org.bouncycastle.asn1.x509.NameConstraints(permitted, null));
            }
            if (ocspUrl != null) {
                b.addExtension(Extension.authorityInfoAccess, false,
                        new org.bouncycastle.asn1.x509.AuthorityInformationAccess(
                                new org.bouncycastle.asn1.x509.AccessDescription(
                                        org.bouncycastle.asn1.x509.AccessDescription.id_ad_ocsp,
                                        new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl))));
            }
            for (String oid : criticalExtensions) {
                b.addExtension(new org.bouncycastle.asn1.ASN1ObjectIdentifier(oid), true,
                        org.bouncycastle.asn1.DERNull.INSTANCE);
            }
            String alg = signatureAlgorithm != null ? signatureAlgorithm
                    : issuerKeyType(signingKeys).defaultSignatureAlgorithm();
            ContentSigner signer = new JcaContentSignerBuilder(alg).setProvider(TestPki.BC)
                    .build(signingKeys.getPrivate());
            byte[] der = b.build(signer).getEncoded();
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            List<X509Certificate> issuers = new ArrayList<>();
            if (issuer != null) {
                issuers.add(issuer.certificate());
                issuers.addAll(issuer.issuers());
            }
            return new TestCertificate(cert, subjectKeys, issuers);
        } catch (GeneralSecurityException | java.io.IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("Cannot mint test certificate for " + role, e);
        }
    }

    /** A key of the configured type; a DSA key under a DSA issuer shares the issuer's p, q, g (it inherits them). */
    private KeyPair inheritingKeys() throws GeneralSecurityException {
        if (keyType == KeyType.DSA_2048 && issuer != null
                && issuer.keyPair().getPublic() instanceof java.security.interfaces.DSAPublicKey) {
            java.security.interfaces.DSAParams p =
                    ((java.security.interfaces.DSAPublicKey) issuer.keyPair().getPublic()).getParams();
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("DSA");
            g.initialize(new java.security.spec.DSAParameterSpec(p.getP(), p.getQ(), p.getG()), random);
            return g.generateKeyPair();
        }
        return keyType.generate(random);
    }

    private int defaultKeyUsage(KeyPair keys) {
        if (ca) {
            return KeyUsage.keyCertSign | KeyUsage.cRLSign;
        }
        boolean rsa = "RSA".equals(keys.getPublic().getAlgorithm());
        switch (role) {
            case FIRMWARE_SIGNING:
                return KeyUsage.digitalSignature;
            case CSMS:
            case CHARGING_STATION:
            default:
                return rsa ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                        : KeyUsage.digitalSignature | KeyUsage.keyAgreement;
        }
    }

    private static KeyType issuerKeyType(KeyPair keys) {
        String alg = keys.getPublic().getAlgorithm();
        if ("RSA".equals(alg)) {
            return KeyType.RSA_2048;
        }
        if ("DSA".equals(alg)) {
            return KeyType.DSA_2048;
        }
        if (keys.getPublic() instanceof java.security.interfaces.ECPublicKey) {
            int bits = ((java.security.interfaces.ECPublicKey) keys.getPublic()).getParams().getOrder().bitLength();
            return bits > 384 ? KeyType.EC_P521 : bits > 256 ? KeyType.EC_P384 : KeyType.EC_P256;
        }
        return KeyType.EC_P256;
    }
}
