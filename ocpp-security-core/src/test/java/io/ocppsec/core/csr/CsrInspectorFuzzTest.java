package io.ocppsec.core.csr;

import static io.ocppsec.core.fuzz.FuzzInvariant.expect;
import static io.ocppsec.core.fuzz.FuzzInvariant.holds;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.core.fuzz.FuzzInputs;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Fuzzes {@link CsrInspector#inspect}: PEM text as received in {@code SignCertificateRequest.csr}, and raw
 * DER wrapped into a well-formed PEM block so that the PKCS#10 parser and every later check see the
 * fuzzed bytes. Nothing may be thrown; an accepted CSR must name exactly the connected station.
 */
class CsrInspectorFuzzTest {

    private static final CsrInspector INSPECTOR = CsrInspector.forOrganization(TestPki.CSO_NAME);

    @Timeout(10)
    @FuzzTest(maxDuration = "20s")
    void inspectPem(byte[] data) {
        inspect(data, FuzzInputs.utf8(data));
    }

    @Timeout(10)
    @FuzzTest(maxDuration = "20s")
    void inspectDer(byte[] data) {
        inspect(data, TestCsrs.pem(data, "CERTIFICATE REQUEST"));
    }

    private static void inspect(byte[] data, String pem) {
        CsrInspection i = holds("CsrInspector.inspect", data, () -> INSPECTOR.inspect(pem, TestPki.STATION_SERIAL,
                CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).orElseThrow();
        expect("CsrInspector.inspect", data, i.isAccepted() == i.signingRequest().isPresent(),
                "a signing request exactly when accepted");
        if (i.isAccepted()) {
            // A00.FR.511 / A02.FR.12: an accepted CSR names exactly the connected station, nothing else.
            X500Name subject = X500Name.getInstance(i.subject().orElseThrow().getEncoded());
            RDN[] cn = subject.getRDNs(BCStyle.CN);
            expect("CsrInspector.inspect", data, cn.length == 1 && !cn[0].isMultiValued()
                    && cn[0].getFirst().getValue().toString().equals(TestPki.STATION_SERIAL),
                    "an accepted CSR to have the single CN " + TestPki.STATION_SERIAL + ", was " + subject);
        }
    }


    /** The committed valid seeds are accepted, so regression mode runs every check. */
    @Test
    void validSeedsAreAccepted() throws Exception {
        for (String seed : java.util.List.of("ec-p256-valid", "ec-p384-valid", "rsa-2048-valid")) {
            assertThat(INSPECTOR.inspect(FuzzInputs.utf8(FuzzInputs.readSeed(getClass(), "inspectPem", seed)),
                    TestPki.STATION_SERIAL, CertificateSigningUse.CHARGING_STATION_CERTIFICATE).isAccepted())
                    .as(seed).isTrue();
        }
    }

    /** Regenerates the seed files: {@code -Docppsec.fuzz.writeSeeds=true -Dtest=CsrInspectorFuzzTest#writeSeeds}. */
    @Test
    @EnabledIfSystemProperty(named = FuzzInputs.WRITE_SEEDS, matches = "true")
    void writeSeeds() throws Exception {
        Extension dns = new Extension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, "cs-0001.example.com")).getEncoded());
        Extension eku = new Extension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth).getEncoded());
        Extension ca = new Extension(Extension.basicConstraints, true, new BasicConstraints(true).getEncoded());
        Extension ku = new Extension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature).getEncoded());
        seed("ec-p256-valid", TestCsrs.station());
        seed("ec-p384-valid", TestCsrs.station().keyType(KeyType.EC_P384));
        seed("rsa-2048-valid", TestCsrs.station().keyType(KeyType.RSA_2048));
        seed("rsa-1024-sha1", TestCsrs.station().keyType(KeyType.RSA_1024_WEAK).signatureAlgorithm("SHA1withRSA"));
        seed("ec-p192-weak", TestCsrs.station().keyType(KeyType.EC_P192_WEAK));
        seed("dsa", TestCsrs.station().keyType(KeyType.DSA_2048));
        FuzzInputs.writeSeed(getClass(), "inspectDer", CsrDsaParametersTest.SEED,
                TestCsrs.station().keyType(KeyType.DSA_2048).withoutKeyParameters().build().getEncoded());
        seed("san-dns", TestCsrs.station().extension(dns));
        seed("eku-ca-keycertsign", TestCsrs.station().extension(eku).extension(ca).extension(ku));
        seed("other-station", TestCsrs.empty().rdn("O", TestPki.CSO_NAME).rdn("CN", "CS-0002"));
        seed("cn-ip-no-o", TestCsrs.empty().rdn("CN", "192.0.2.1").rdn("C", "NL"));
        byte[] der = TestCsrs.station().build().getEncoded();
        FuzzInputs.writeSeed(getClass(), "inspectPem", "new-label-crlf",
                TestCsrs.pem(der, "NEW CERTIFICATE REQUEST").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        FuzzInputs.writeSeed(getClass(), "inspectPem", "two-blocks", (TestCsrs.pem(der, "CERTIFICATE REQUEST")
                + TestCsrs.pem(der, "CERTIFICATE")).getBytes(StandardCharsets.UTF_8));
        // CN as UTF8String with only a CN (no O): the encodings the subject check must compare correctly.
        java.security.KeyPair k = TestCsrs.station().keys();
        byte[] utf8Cn = new JcaPKCS10CertificationRequestBuilder(new X500Name(new RDN[] {
            new RDN(BCStyle.CN, new DERUTF8String(TestPki.STATION_SERIAL))}), k.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(TestPki.BC).build(k.getPrivate()))
                .getEncoded();
        FuzzInputs.writeSeed(getClass(), "inspectDer", "utf8-cn-only", utf8Cn);
        FuzzInputs.writeSeed(getClass(), "inspectDer", "base64-not-der",
                Base64.getDecoder().decode("MIIBAAAA"));
    }

    private void seed(String name, TestCsrs csr) throws Exception {
        byte[] der = csr.build().getEncoded();
        FuzzInputs.writeSeed(getClass(), "inspectPem", name,
                TestCsrs.pem(der, "CERTIFICATE REQUEST").getBytes(StandardCharsets.UTF_8));
        FuzzInputs.writeSeed(getClass(), "inspectDer", name, der);
    }
}
