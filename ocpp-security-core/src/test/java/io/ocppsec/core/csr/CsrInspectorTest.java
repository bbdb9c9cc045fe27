package io.ocppsec.core.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestPki;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsrInspectorTest {

    private static final CsrInspector INSPECTOR = CsrInspector.forOrganization(TestPki.CSO_NAME);
    private static final TestPki LINT_PKI = TestPki.create();
    private static final String SERIAL = TestPki.STATION_SERIAL;
    private static final CertificateSigningUse CS = CertificateSigningUse.CHARGING_STATION_CERTIFICATE;

    private static CsrInspection inspect(String pem) {
        return INSPECTOR.inspect(pem, SERIAL, CS);
    }

    private static void assertRejected(CsrInspection i, String id) {
        assertThat(i.isAccepted()).as(i.toString()).isFalse();
        assertThat(i.decision()).isEqualTo(CsrInspection.Decision.REJECTED);
        assertThat(i.decision().ocppValue()).isEqualTo("Rejected");
        assertThat(i.reasonCode()).contains("InvalidCSR");
        assertThat(i.signingRequest()).isEmpty();
        assertThat(i.result().violates(id)).as(i.result().describe()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "EC_P384", "RSA_2048"})
    @Verifies({"A02.FR.11", "A03.FR.11"})
    void wellFormedRequestOfTheStationIsAccepted(KeyType type) throws Exception {
        TestCsrs csr = TestCsrs.station().keyType(type);
        String pem = csr.pem();
        CsrInspection i = inspect(pem);
        assertThat(i.result().isClean()).as(i.result().describe()).isTrue();
        assertThat(i.isAccepted()).isTrue();
        assertThat(i.decision().ocppValue()).isEqualTo("Accepted");
        assertThat(i.reasonCode()).isEmpty();
        assertThat(i.subject().orElseThrow().getName()).isEqualTo("CN=CS-0001,O=Example CSO");
        assertThat(i.publicKey().orElseThrow().getEncoded()).isEqualTo(csr.keys().getPublic().getEncoded());
        assertThat(i.certificateType()).contains(CS);
        var forCa = i.signingRequest().orElseThrow();
        assertThat(forCa.stationIdentity()).isEqualTo(SERIAL);
        assertThat(forCa.certificateType()).contains(CS);
        assertThat(inspect(forCa.csrPem()).isAccepted()).isTrue();
    }

    @Test
    @Verifies({"A02.FR.11", "A03.FR.11"})
    void v2gAndAbsentTypeFollowTheSameRules() throws Exception {
        String pem = TestCsrs.station().pem();
        assertThat(INSPECTOR.inspect(pem, SERIAL, CertificateSigningUse.V2G_CERTIFICATE).isAccepted()).isTrue();
        CsrInspection absent = INSPECTOR.inspect(pem, SERIAL, Optional.empty());
        assertThat(absent.isAccepted()).isTrue();
        assertThat(absent.signingRequest().orElseThrow().certificateType()).isEmpty();
        assertRejected(INSPECTOR.inspect(pem, "CS-0002", CertificateSigningUse.V2G_CERTIFICATE), "A00.FR.511");
    }

    @Test
    @Verifies({"A00.FR.511", "A02.FR.12", "A03.FR.12"})
    void requestForAnotherStationIsRejected() throws Exception {
        CsrInspection i = inspect(TestCsrs.empty().rdn("O", TestPki.CSO_NAME).rdn("CN", "CS-0002").pem());
        assertRejected(i, "A00.FR.511");
        Violation v = i.result().blocking().get(0);
        assertThat(v.found()).contains("CS-0002");
        assertThat(v.expected()).contains("CS-0001");
        // The request is still read, so the CSMS can log what was asked for.
        assertThat(i.subject()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://cs-0001.example.com/ocpp", "192.0.2.10", "2001:db8::1", "cs-0001/ocpp"})
    @Verifies({"A00.FR.511", "A02.FR.12"})
    void commonNameThatIsAUrlOrAnIpAddressIsRejected(String cn) throws Exception {
        CsrInspection i = INSPECTOR.inspect(TestCsrs.empty().rdn("O", TestPki.CSO_NAME).rdn("CN", cn).pem(), cn, CS);
        assertRejected(i, "A00.FR.511");
        assertThat(i.result().blocking()).anySatisfy(v -> assertThat(v.level()).isEqualTo(RequirementLevel.SHALL_NOT));
    }

    /** One A00.FR.511 rule: a CN the certificate linter refuses is refused in the CSR too, and the other way round. */
    @ParameterizedTest
    @ValueSource(strings = {"www.example.com", "cs-0001.example.com", "station.local.de", "urn:ocpp:cs:1",
        "wss://cs/1", "10.0.0.1", "::1", "CS-0001", "SN.1234", "ABC_001", "CS:01"})
    @Verifies({"A00.FR.511", "A02.FR.12"})
    void theCsrAndTheCertificateFollowTheSameCommonNameRule(String cn) throws Exception {
        CsrInspection i = INSPECTOR.inspect(TestCsrs.empty().rdn("O", TestPki.CSO_NAME).rdn("CN", cn).pem(), cn, CS);
        boolean csrRefuses = i.result().blocking().stream()
                .anyMatch(v -> v.requirement().value().equals("A00.FR.511") && v.level() == RequirementLevel.SHALL_NOT);
        var lint = io.ocppsec.core.cert.CertificateLinter.lint(LINT_PKI.stationBuilder(cn).build().certificate(),
                io.ocppsec.core.cert.CertificateRole.CHARGING_STATION);
        assertThat(csrRefuses).as(cn + "\n" + i.result().describe()).isEqualTo(lint.violates("A00.FR.511"));
        assertThat(i.isAccepted()).as(cn).isEqualTo(!csrRefuses);
    }

    @Test
    @Verifies("A00.FR.511")
    void missingOrDoubledCommonNameIsRejected() throws Exception {
        assertRejected(inspect(TestCsrs.empty().rdn("O", TestPki.CSO_NAME).pem()), "A00.FR.511");
        assertRejected(inspect(TestCsrs.station().rdn("CN", "CS-0002").pem()), "A00.FR.511");
        assertRejected(inspect(TestCsrs.station().rdn("CN", SERIAL).pem()), "A00.FR.511");
    }

    @Test
    @Verifies({"A00.FR.404", "A02.FR.12"})
    void wrongOrganizationIsRejected() throws Exception {
        CsrInspection i = inspect(TestCsrs.empty().rdn("O", "Other CSO").rdn("CN", SERIAL).pem());
        assertRejected(i, "A00.FR.404");
        assertThat(i.result().blocking().get(0).found()).contains("Other CSO");
    }

    @Test
    @Verifies("A00.FR.509")
    void missingOrganizationIsRejected() throws Exception {
        assertRejected(inspect(TestCsrs.empty().rdn("CN", SERIAL).pem()), "A00.FR.509");
        assertRejected(inspect(TestCsrs.station().rdn("O", "Second").pem()), "A00.FR.509");
    }

    @Test
    @Verifies({"A00.FR.501", "A00.FR.502"})
    void rsa1024IsRejected() throws Exception {
        assertRejected(inspect(TestCsrs.station().keyType(KeyType.RSA_1024_WEAK).pem()), "A00.FR.502");
    }

    @Test
    @Verifies({"A00.FR.501", "A00.FR.503"})
    void p192IsRejected() throws Exception {
        CsrInspection i = inspect(TestCsrs.station().keyType(KeyType.EC_P192_WEAK).pem());
        assertRejected(i, "A00.FR.503");
        assertThat(i.publicKey()).isPresent();
    }

    @Test
    @Verifies("A00.FR.504")
    void dsaAndSha1AreRejected() throws Exception {
        assertRejected(inspect(TestCsrs.station().keyType(KeyType.DSA_2048).pem()), "A00.FR.504");
        assertRejected(inspect(TestCsrs.station().keyType(KeyType.RSA_2048).signatureAlgorithm("SHA1withRSA").pem()),
                "A00.FR.504");
        assertRejected(inspect(TestCsrs.station().signatureAlgorithm("SHA1withECDSA").pem()), "A00.FR.504");
    }

    @Test
    @Verifies("A00.FR.506")
    void sha224IsAdvisory() throws Exception {
        CsrInspection i = inspect(TestCsrs.station().signatureAlgorithm("SHA224withECDSA").pem());
        assertThat(i.isAccepted()).isTrue();
        assertThat(i.result().violates("A00.FR.506")).isTrue();
    }

    @Test
    @Verifies({"A02.FR.03", "A03.FR.03", "A02.FR.12"})
    void signatureThatDoesNotVerifyIsRejected() throws Exception {
        PKCS10CertificationRequest good = TestCsrs.station().build();
        PKCS10CertificationRequest other = TestCsrs.station().build();
        // The request info of one key pair with the signature made by another: no proof of possession.
        var forged = new org.bouncycastle.asn1.pkcs.CertificationRequest(good.toASN1Structure().getCertificationRequestInfo(),
                other.getSignatureAlgorithm(), other.getSignature() == null ? null
                : new org.bouncycastle.asn1.DERBitString(other.getSignature()));
        assertRejected(inspect(TestCsrs.pem(forged.getEncoded(), "CERTIFICATE REQUEST")), "A02.FR.03");
        byte[] der = good.getEncoded();
        der[der.length - 3] ^= 0x55;
        assertRejected(inspect(TestCsrs.pem(der, "CERTIFICATE REQUEST")), "A02.FR.03");
    }

    @Test
    @Verifies({"A00.FR.511", "A02.FR.12"})
    void requestedDnsOrIpSubjectAltNameIsRejected() throws Exception {
        Extension dns = new Extension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, "cs-0001.example.com")).getEncoded());
        assertRejected(inspect(TestCsrs.station().extension(dns).pem()), "A00.FR.511");
        Extension ip = new Extension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, "192.0.2.1")).getEncoded());
        assertRejected(inspect(TestCsrs.station().extension(ip).pem()), "A00.FR.511");
    }

    @Test
    @Verifies("A00.FR.514")
    void requestedExtendedKeyUsageIsAdvisory() throws Exception {
        Extension eku = new Extension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth).getEncoded());
        CsrInspection i = inspect(TestCsrs.station().extension(eku).pem());
        assertThat(i.isAccepted()).isTrue();
        assertThat(i.result().advisory()).singleElement()
                .satisfies(v -> assertThat(v.requirement().value()).isEqualTo("A00.FR.514"));
    }

    @Test
    @Verifies("A00.FR.512")
    void requestedCaPowersAreReportedAndKeyUsageIsWelcome() throws Exception {
        Extension ca = new Extension(Extension.basicConstraints, true, new BasicConstraints(true).getEncoded());
        Extension certSign = new Extension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature).getEncoded());
        CsrInspection i = inspect(TestCsrs.station().extension(ca).extension(certSign).pem());
        assertThat(i.result().advisory()).hasSize(2)
                .allSatisfy(v -> assertThat(v.requirement().value()).isEqualTo("A00.FR.512"));
        Extension ku = new Extension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement).getEncoded());
        Extension endEntity = new Extension(Extension.basicConstraints, true, new BasicConstraints(false).getEncoded());
        assertThat(inspect(TestCsrs.station().extension(ku).extension(endEntity).pem()).result().isClean()).isTrue();
    }

    @Test
    @Verifies({"A00.FR.404", "A00.FR.502", "A00.FR.511", "A02.FR.12"})
    void everyViolationIsListed() throws Exception {
        CsrInspection i = inspect(TestCsrs.empty().rdn("O", "Other").rdn("CN", "192.0.2.1")
                .keyType(KeyType.RSA_1024_WEAK).signatureAlgorithm("SHA1withRSA").pem());
        assertThat(i.result().blocking()).extracting(v -> v.requirement().value())
                .contains("A00.FR.404", "A00.FR.502", "A00.FR.504", "A00.FR.511");
        assertThat(i.result().blocking().size()).isGreaterThanOrEqualTo(5);
    }

    @Test
    @Verifies({"A02.FR.03", "A03.FR.03", "A02.FR.12", "A03.FR.12"})
    void oversizedPemIsRejectedBeforeParsing() throws Exception {
        String valid = TestCsrs.station().pem();
        String padded = valid + " ".repeat(5501 - valid.length());
        CsrInspection i = inspect(padded);
        assertRejected(i, "A02.FR.03");
        assertThat(i.subject()).isEmpty();
        assertThat(i.result().violations().get(0).found()).contains("5501 characters");
        long start = System.nanoTime();
        assertRejected(inspect("A".repeat(50_000_000)), "A02.FR.03");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
        assertThat(inspect(valid + " ".repeat(5500 - valid.length())).isAccepted()).isTrue();
    }

    @Test
    @Verifies("A02.FR.03")
    void newCertificateRequestLabelIsAccepted() throws Exception {
        String pem = TestCsrs.pem(TestCsrs.station().build().getEncoded(), "NEW CERTIFICATE REQUEST");
        assertThat(inspect(pem).isAccepted()).isTrue();
        assertThat(inspect(pem.replace("\n", "\r\n")).isAccepted()).isTrue();
    }

    /** Found by CsrInspectorFuzzTest#inspectDer: Bouncy Castle decodes a UTF8String lazily and threw. */
    @Test
    @Verifies({"A00.FR.404", "A02.FR.12"})
    void organizationWithInvalidUtf8IsRejectedNotThrown() throws Exception {
        var badUtf8 = org.bouncycastle.asn1.ASN1Primitive.fromByteArray(new byte[] {0x0c, 3, 'E', (byte) 0xe6, ' '});
        var subject = new org.bouncycastle.asn1.x500.X500Name(new org.bouncycastle.asn1.x500.RDN[] {
            new org.bouncycastle.asn1.x500.RDN(org.bouncycastle.asn1.x500.style.BCStyle.O, badUtf8),
            new org.bouncycastle.asn1.x500.RDN(org.bouncycastle.asn1.x500.style.BCStyle.CN,
                    new org.bouncycastle.asn1.DERUTF8String(TestPki.STATION_SERIAL))});
        var keys = KeyType.EC_P256.generate(TestCsrs.RANDOM);
        byte[] der = new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                        .setProvider(TestPki.BC).build(keys.getPrivate())).getEncoded();
        CsrInspection i = inspect(TestCsrs.pem(der, "CERTIFICATE REQUEST"));
        assertRejected(i, "A00.FR.404");
        assertThat(i.result().blocking()).extracting(Violation::found).contains("O (not a string)");
    }

    /** Found by CsrInspectorFuzzTest: an RDN whose AttributeTypeAndValue is a tagged object, not a SEQUENCE. */
    @Test
    @Verifies({"A02.FR.03", "A02.FR.12"})
    void malformedSubjectRdnIsRejectedNotThrown() throws Exception {
        byte[] der = TestCsrs.station().build().getEncoded();
        // The subject's first RDN is SET { SEQUENCE { OID 2.5.4.10, ... } }; make the SEQUENCE a [0] tag.
        int at = indexOf(der, new byte[] {0x31, 0x14, 0x30, 0x12, 0x06, 0x03, 0x55, 0x04, 0x0a});
        assertThat(at).isPositive();
        der[at + 2] = (byte) 0xa0;
        CsrInspection i = inspect(TestCsrs.pem(der, "CERTIFICATE REQUEST"));
        assertRejected(i, "A02.FR.03");
        assertThat(i.result().blocking().get(0).found()).contains("not a PKCS#10 request");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    @Verifies({"A02.FR.03", "A02.FR.12", "A03.FR.12"})
    void malformedPemIsRejectedNeverThrown() throws Exception {
        String valid = TestCsrs.station().pem();
        byte[] der = TestCsrs.station().build().getEncoded();
        String[] bad = {
            "", "   ", "not a pem at all", valid + valid,
            valid.replace("CERTIFICATE REQUEST", "CERTIFICATE"),
            valid.replace("END CERTIFICATE REQUEST", "END NEW CERTIFICATE REQUEST"),
            valid.replace("-----END CERTIFICATE REQUEST-----", ""),
            TestCsrs.pem(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}, "CERTIFICATE REQUEST"),
            TestCsrs.pem(Arrays.copyOf(der, der.length - 10), "CERTIFICATE REQUEST"),
            TestCsrs.pem(TestPki.create().station().certificate().getEncoded(), "CERTIFICATE REQUEST"),
            "-----BEGIN CERTIFICATE REQUEST-----\n!!!!\n-----END CERTIFICATE REQUEST-----\n",
            "-----BEGIN CERTIFICATE REQUEST-----\nQUJD=ZA==\n-----END CERTIFICATE REQUEST-----\n",
            "-----BEGIN CERTIFICATE REQUEST-----\n-----END CERTIFICATE REQUEST-----\n",
            "garbage before\n" + valid,
            TestPki.create().station().pem(),
        };
        for (String pem : bad) {
            CsrInspection i = inspect(pem);
            assertRejected(i, "A02.FR.03");
            assertThat(i.result().violations().get(0).message()).doesNotContain(valid.substring(40, 60));
        }
    }

    @Test
    void argumentsAreChecked() throws Exception {
        String pem = TestCsrs.station().pem();
        assertThatNullPointerException().isThrownBy(() -> INSPECTOR.inspect(null, SERIAL, CS));
        assertThatNullPointerException().isThrownBy(() -> INSPECTOR.inspect(pem, null, CS));
        assertThatNullPointerException().isThrownBy(() -> INSPECTOR.inspect(pem, SERIAL, (CertificateSigningUse) null));
        assertThatIllegalArgumentException().isThrownBy(() -> INSPECTOR.inspect(pem, " ", CS));
        assertThatIllegalArgumentException().isThrownBy(() -> CsrInspector.forOrganization(""));
        assertThat(INSPECTOR.toString()).contains(TestPki.CSO_NAME);
    }
}
