package io.ocppsec.core.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.spi.CertificateAuthority;
import io.ocppsec.api.spi.CertificateSigningRequest;
import io.ocppsec.core.cert.CryptoPolicy;
import io.ocppsec.core.csr.CsrInspection;
import io.ocppsec.core.csr.CsrInspector;
import io.ocppsec.testing.Openssl;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InsecureLocalCertificateAuthorityTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TestPki EC_PKI = TestPki.create();
    private static final CsrInspector INSPECTOR = CsrInspector.forOrganization(TestPki.CSO_NAME);

    private static String csr(KeyPair keys, String subject, Extension... requested) throws Exception {
        var b = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic());
        if (requested.length > 0) {
            b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, new Extensions(requested));
        }
        String alg = keys.getPublic().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        byte[] der = b.build(new JcaContentSignerBuilder(alg).build(keys.getPrivate())).getEncoded();
        return CertificateSigningRequest.ofDer(der, Optional.empty(), "x").csrPem();
    }

    private static InsecureLocalCertificateAuthority.Builder caOf(TestPki pki) {
        return InsecureLocalCertificateAuthority.builder(pki.csoSubCa().certificate(),
                pki.csoSubCa().keyPair().getPrivate())
                .clock(TestPki.CLOCK).intermediates(List.of(pki.csoRoot().certificate()));
    }

    private static List<X509Certificate> issue(CertificateAuthority ca, CertificateSigningRequest r) throws Exception {
        return ca.sign(r).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void pkix(List<X509Certificate> chain, TestCertificate root) throws Exception {
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root.certificate(), null)));
        params.setRevocationEnabled(false);
        params.setDate(Date.from(TestPki.NOW));
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(chain),
                params);
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048"})
    @Verifies({"A00.FR.505", "A00.FR.506", "A00.FR.508", "A00.FR.512", "A00.FR.514", "A02.FR.11", "A03.FR.11"})
    void inspectedCsrBecomesAChainThatValidatesAgainstTheCsoRoot(KeyType caKeyType) throws Exception {
        TestPki pki = caKeyType == KeyType.EC_P256 ? EC_PKI : TestPki.create(caKeyType);
        KeyPair stationKeys = caKeyType.generate(RANDOM);
        String pem = csr(stationKeys, "O=" + TestPki.CSO_NAME + ",CN=" + TestPki.STATION_SERIAL);
        CsrInspection inspection = INSPECTOR.inspect(pem, TestPki.STATION_SERIAL,
                CertificateSigningUse.CHARGING_STATION_CERTIFICATE);
        assertThat(inspection.isAccepted()).as(inspection.toString()).isTrue();

        InsecureLocalCertificateAuthority ca = caOf(pki).inspector(INSPECTOR).validity(Duration.ofDays(30)).build();
        List<X509Certificate> chain = issue(ca, inspection.signingRequest().orElseThrow());

        assertThat(chain).hasSize(2);
        assertThat(chain.get(1)).isEqualTo(pki.csoSubCa().certificate()); // leaf → sub-CA, root left out
        pkix(chain, pki.csoRoot());
        X509Certificate leaf = chain.get(0);
        assertThat(leaf.getSubjectX500Principal()).isEqualTo(inspection.subject().orElseThrow());
        assertThat(leaf.getPublicKey().getEncoded()).isEqualTo(stationKeys.getPublic().getEncoded());
        assertThat(leaf.getNotBefore().toInstant()).isEqualTo(TestPki.NOW);
        assertThat(leaf.getNotAfter().toInstant()).isEqualTo(TestPki.NOW.plus(Duration.ofDays(30)));
        assertThat(leaf.getSerialNumber().signum()).isPositive();
        assertThat(leaf.getSerialNumber().bitLength()).isBetween(64, 128);
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        boolean[] ku = leaf.getKeyUsage();
        assertThat(ku[0]).as("digitalSignature").isTrue();
        assertThat(ku[5] || ku[6]).as("no CA powers").isFalse();
        assertThat(caKeyType == KeyType.RSA_2048 ? ku[2] : ku[4]).as("keyEncipherment / keyAgreement").isTrue();
        assertThat(leaf.getExtendedKeyUsage()).isNull();
        assertThat(leaf.getSubjectAlternativeNames()).isNull();
        assertThat(leaf.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
        assertThat(leaf.getExtensionValue(Extension.authorityKeyIdentifier.getId())).isNotNull();
        assertThat(CryptoPolicy.checkPublicKey(leaf.getPublicKey()).isClean()).isTrue();
        assertThat(CryptoPolicy.checkSignatureAlgorithm(leaf.getSigAlgOID(), true).isClean())
                .as(leaf.getSigAlgName()).isTrue();
        if (caKeyType == KeyType.RSA_2048) {
            assertThat(leaf.getSigAlgOID()).isEqualTo("1.2.840.113549.1.1.10"); // RSASSA-PSS
        }
    }

    @Test
    @Verifies({"A00.FR.508"})
    void serialNumbersAreRandomAndDistinct() throws Exception {
        InsecureLocalCertificateAuthority ca = caOf(EC_PKI).build();
        String pem = csr(KeyType.EC_P256.generate(RANDOM), "O=" + TestPki.CSO_NAME + ",CN=CS-0001");
        var r = new CertificateSigningRequest(pem, Optional.empty(), "CS-0001");
        assertThat(issue(ca, r).get(0).getSerialNumber()).isNotEqualTo(issue(ca, r).get(0).getSerialNumber());
    }

    @Test
    @Verifies({"A00.FR.511", "A00.FR.514"})
    void requestedExtensionsAreNotCopied() throws Exception {
        Extension eku = new Extension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth).getEncoded());
        Extension san = new Extension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, "csms.example.com")).getEncoded());
        String pem = csr(KeyType.EC_P256.generate(RANDOM), "O=" + TestPki.CSO_NAME + ",CN=CS-0001", eku, san);
        X509Certificate leaf = issue(caOf(EC_PKI).build(), new CertificateSigningRequest(pem, Optional.empty(), "CS-0001"))
                .get(0);
        assertThat(leaf.getExtendedKeyUsage()).isNull();
        assertThat(leaf.getSubjectAlternativeNames()).isNull();
    }

    @Test
    void validityNeverOutlivesTheCa() throws Exception {
        String pem = csr(KeyType.EC_P256.generate(RANDOM), "O=" + TestPki.CSO_NAME + ",CN=CS-0001");
        X509Certificate leaf = issue(caOf(EC_PKI).validity(Duration.ofDays(100_000)).build(),
                new CertificateSigningRequest(pem, Optional.empty(), "CS-0001")).get(0);
        assertThat(leaf.getNotAfter()).isEqualTo(EC_PKI.csoSubCa().certificate().getNotAfter());
    }

    @Test
    @Verifies({"A00.FR.511", "A02.FR.12"})
    void inspectorRefusesARequestForAnotherStation() {
        String pem;
        try {
            pem = csr(KeyType.EC_P256.generate(RANDOM), "O=" + TestPki.CSO_NAME + ",CN=CS-0002");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        var stage = caOf(EC_PKI).inspector(INSPECTOR).build()
                .sign(new CertificateSigningRequest(pem, Optional.empty(), "CS-0001")).toCompletableFuture();
        assertThat(stage).isCompletedExceptionally();
        assertThat(stage).failsWithin(Duration.ZERO).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOf(CertificateException.class).withMessageContaining("A00.FR.511");
    }

    @Test
    @Verifies("A02.FR.03")
    void forgedOrMalformedCsrIsRefusedEvenWithoutInspector() throws Exception {
        InsecureLocalCertificateAuthority ca = caOf(EC_PKI).build();
        String good = csr(KeyType.EC_P256.generate(RANDOM), "O=" + TestPki.CSO_NAME + ",CN=CS-0001");
        String[] bad = {"-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n",
            "garbage", good.substring(0, good.length() / 2)};
        for (String pem : bad) {
            var f = ca.sign(new CertificateSigningRequest(pem, Optional.empty(), "CS-0001")).toCompletableFuture();
            assertThat(f).isCompletedExceptionally();
        }
        // Same subject and key, but the signature of another request: no proof of possession.
        var a = new org.bouncycastle.pkcs.PKCS10CertificationRequest(java.util.Base64.getMimeDecoder().decode(
                good.replaceAll("-----[A-Z ]+-----", "")));
        String other = csr(KeyType.EC_P256.generate(RANDOM), "O=" + TestPki.CSO_NAME + ",CN=CS-0001");
        var b = new org.bouncycastle.pkcs.PKCS10CertificationRequest(java.util.Base64.getMimeDecoder().decode(
                other.replaceAll("-----[A-Z ]+-----", "")));
        var forged = new org.bouncycastle.asn1.pkcs.CertificationRequest(a.toASN1Structure().getCertificationRequestInfo(),
                b.getSignatureAlgorithm(), new org.bouncycastle.asn1.DERBitString(b.getSignature()));
        var f = ca.sign(CertificateSigningRequest.ofDer(forged.getEncoded(), Optional.empty(), "CS-0001"))
                .toCompletableFuture();
        assertThat(f).failsWithin(Duration.ZERO).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().withMessageContaining("proof of possession");
    }

    @Test
    void dsaCaKeyIsRefused() {
        TestCertificate dsaCa = EC_PKI.builder(io.ocppsec.testpki.PkiRole.CSO_SUB_CA, EC_PKI.csoRoot())
                .organization(TestPki.CSO_NAME).commonName("DSA CA").keyType(KeyType.DSA_2048).build();
        assertThatIllegalArgumentException().isThrownBy(() -> InsecureLocalCertificateAuthority
                .builder(dsaCa.certificate(), dsaCa.keyPair().getPrivate()).build()).withMessageContaining("A00.FR.504");
        assertThatIllegalArgumentException().isThrownBy(() -> caOf(EC_PKI).validity(Duration.ZERO));
    }

    @Test
    void stageCompletionExceptionIsUnwrappable() {
        var f = caOf(EC_PKI).build().sign(new CertificateSigningRequest("x", Optional.empty(), "CS-0001"))
                .toCompletableFuture();
        assertThat(f).isCompletedExceptionally();
        org.assertj.core.api.Assertions.assertThatThrownBy(f::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(CertificateException.class);
        assertThat(caOf(EC_PKI).build().toString()).contains("SHA256withECDSA").doesNotContain("PRIVATE");
    }

    @Test
    @Verifies({"A02.FR.11", "A03.FR.11", "A00.FR.505"})
    void opensslCsrToLocalCaVerifiesWithOpenssl(@TempDir Path dir) throws Exception {
        Openssl.run(dir, "req", "-new", "-nodes", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-keyout", "key.pem", "-out", "csr.pem", "-subj", "/O=Example CSO/CN=CS-0001");
        String pem = Files.readString(dir.resolve("csr.pem"), StandardCharsets.US_ASCII);
        CsrInspection inspection = INSPECTOR.inspect(pem, "CS-0001", Optional.empty());
        assertThat(inspection.isAccepted()).isTrue();
        // real clock: openssl verifies at the real time
        InsecureLocalCertificateAuthority ca = InsecureLocalCertificateAuthority.builder(
                EC_PKI.csoSubCa().certificate(), EC_PKI.csoSubCa().keyPair().getPrivate()).build();
        List<X509Certificate> chain = issue(ca, inspection.signingRequest().orElseThrow());
        Files.writeString(dir.resolve("leaf.pem"), TestCertificate.toPem(List.of(chain.get(0))));
        Files.writeString(dir.resolve("sub.pem"), TestCertificate.toPem(List.of(chain.get(1))));
        Files.writeString(dir.resolve("root.pem"), EC_PKI.csoRoot().pem());
        String out = Openssl.run(dir, "verify", "-CAfile", "root.pem", "-untrusted", "sub.pem", "leaf.pem");
        assertThat(out).contains("leaf.pem: OK");
    }
}
