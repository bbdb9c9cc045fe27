package io.ocppsec.examples.demo;

import io.ocppsec.testpki.TestPki;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The demo's stand-in CSR code: the station makes a fresh P-256 key pair and a PKCS#10 CSR in PEM with
 * O = CSO name and CN = serial number (A02.FR.02/03); the CSMS parses it, checks its signature and that the
 * CN is the connected station. LEAD: the SDK's CSR builder (station) and CSR inspector (CSMS) replace both
 * halves.
 */
final class DemoCsr {

    private DemoCsr() {
    }

    /**
     * @param serialNumber the CN
     * @param random randomness for the key pair
     * @return the CSR in PEM; the private key stays in this method's caller only (here: discarded, the demo
     *         does not install the signed certificate)
     */
    static String create(String serialNumber, SecureRandom random) throws GeneralSecurityException, IOException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair keys = g.generateKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, TestPki.CSO_NAME)
                .addRDN(BCStyle.CN, serialNumber).build();
        try {
            PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            StringWriter out = new StringWriter();
            try (JcaPEMWriter w = new JcaPEMWriter(out)) {
                w.writeObject(csr);
            }
            return out.toString();
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the CSR", e);
        }
    }

    /**
     * @param pem a CSR in PEM
     * @param expectedCn the connected station's identity
     * @return the CSR's subject
     * @throws GeneralSecurityException if it is not a CSR, its signature is wrong, or the CN is not the station
     */
    static String inspect(String pem, String expectedCn) throws GeneralSecurityException {
        Object o;
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            o = p.readObject();
        } catch (IOException e) {
            throw new GeneralSecurityException("not a PEM CSR", e);
        }
        if (!(o instanceof PKCS10CertificationRequest)) {
            throw new GeneralSecurityException("not a PKCS#10 CSR");
        }
        PKCS10CertificationRequest csr = (PKCS10CertificationRequest) o;
        try {
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(TestPki.BC)
                    .build(csr.getSubjectPublicKeyInfo()))) {
                throw new GeneralSecurityException("CSR signature does not verify (no proof of possession)");
            }
        } catch (OperatorCreationException | PKCSException e) {
            throw new GeneralSecurityException("CSR signature cannot be checked", e);
        }
        var cn = csr.getSubject().getRDNs(BCStyle.CN);
        if (cn.length != 1 || !expectedCn.equals(IETFUtils.valueToString(cn[0].getFirst().getValue()))) {
            throw new GeneralSecurityException("CSR CN is not the connected station");
        }
        return csr.getSubject().toString();
    }
}
