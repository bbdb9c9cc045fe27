package io.ocppsec.core.revocation;

import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Station certificates with an Authority Information Access extension (the test PKI has none). */
final class AiaCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AiaCertificates() {
    }

    static X509Certificate station(TestPki pki, String serialNumber, String ocspUrl) throws Exception {
        TestCertificate ca = pki.csoSubCa();
        var keys = io.ocppsec.testpki.KeyType.EC_P256.generate(RANDOM);
        var b = new JcaX509v3CertificateBuilder(X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                new BigInteger(120, RANDOM).setBit(119), Date.from(TestPki.NOW.minus(Duration.ofDays(1))),
                Date.from(TestPki.NOW.plus(Duration.ofDays(365))),
                new X500Name("O=" + TestPki.CSO_NAME + ",CN=" + serialNumber), keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                new AccessDescription(AccessDescription.id_ad_ocsp,
                        new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl))));
        byte[] der = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.keyPair().getPrivate()))
                .getEncoded();
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }
}
