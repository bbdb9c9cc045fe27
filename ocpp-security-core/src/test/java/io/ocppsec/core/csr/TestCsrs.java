package io.ocppsec.core.csr;

import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds PKCS#10 requests in tests with Bouncy Castle; every property can be got wrong on purpose. */
final class TestCsrs {

    static final SecureRandom RANDOM = new SecureRandom();

    private final List<String[]> rdns = new ArrayList<>();
    private KeyType keyType = KeyType.EC_P256;
    private KeyPair keyPair;
    private String signatureAlgorithm;
    private final List<Extension> extensions = new ArrayList<>();
    private boolean withoutKeyParameters;

    static TestCsrs station() {
        return new TestCsrs().rdn("O", TestPki.CSO_NAME).rdn("CN", TestPki.STATION_SERIAL);
    }

    static TestCsrs empty() {
        return new TestCsrs();
    }

    TestCsrs rdn(String type, String value) {
        rdns.add(new String[] {type, value});
        return this;
    }

    TestCsrs keyType(KeyType type) {
        this.keyType = type;
        return this;
    }

    TestCsrs keyPair(KeyPair pair) {
        this.keyPair = pair;
        return this;
    }

    TestCsrs signatureAlgorithm(String alg) {
        this.signatureAlgorithm = alg;
        return this;
    }

    TestCsrs extension(Extension e) {
        extensions.add(e);
        return this;
    }

    /** Encodes the key without AlgorithmIdentifier parameters (a DSA key "inheriting" them, RFC 3279 2.3.2). */
    TestCsrs withoutKeyParameters() {
        this.withoutKeyParameters = true;
        return this;
    }

    KeyPair keys() {
        if (keyPair == null) {
            keyPair = keyType.generate(RANDOM);
        }
        return keyPair;
    }

    PKCS10CertificationRequest build() throws Exception {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        for (String[] rdn : rdns) {
            name.addRDN(rdn[0].equals("O") ? BCStyle.O : rdn[0].equals("CN") ? BCStyle.CN : BCStyle.C, rdn[1]);
        }
        KeyPair k = keys();
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(k.getPublic().getEncoded());
        if (withoutKeyParameters) {
            spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(spki.getAlgorithm().getAlgorithm()),
                    spki.getPublicKeyData().getBytes());
        }
        PKCS10CertificationRequestBuilder b = new PKCS10CertificationRequestBuilder(name.build(), spki);
        if (!extensions.isEmpty()) {
            b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
                    new Extensions(extensions.toArray(new Extension[0])));
        }
        String alg = signatureAlgorithm != null ? signatureAlgorithm : keyType.defaultSignatureAlgorithm();
        return b.build(new JcaContentSignerBuilder(alg).setProvider(TestPki.BC).build(k.getPrivate()));
    }

    String pem() throws Exception {
        return pem(build().getEncoded(), "CERTIFICATE REQUEST");
    }

    static String pem(byte[] der, String label) {
        return "-----BEGIN " + label + "-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    static String certificatePem(TestCertificate c) {
        return c.pem();
    }
}
