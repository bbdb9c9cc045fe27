package io.ocppsec.core.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.testing.Verifies;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsrBuilderTest {

    private static final String ORG = "ACME Charging B.V.";
    private static final String SERIAL = "SN-000123";

    @TempDir
    Path tmp;

    static PKCS10CertificationRequest parse(String pem) throws Exception {
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            return (PKCS10CertificationRequest) p.readObject();
        }
    }

    static KeyUsage keyUsage(PKCS10CertificationRequest csr) {
        Attribute[] attrs = csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest);
        assertThat(attrs).hasSize(1);
        Extensions ext = Extensions.getInstance(attrs[0].getAttrValues().getObjectAt(0));
        assertThat(ext.getExtension(Extension.keyUsage).isCritical()).isTrue();
        assertThat(ext.getExtension(Extension.subjectAlternativeName)).isNull();
        assertThat(ext.getExtension(Extension.extendedKeyUsage)).isNull();
        return KeyUsage.fromExtensions(ext);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    @Verifies({"A02.FR.02", "A02.FR.03", "A03.FR.03"})
    void csrIsValidPkcs10InPemForEveryKeyType(KeyAlgorithm alg) throws Exception {
        GeneratedCsr g = CsrBuilder.forChargingStation(ORG, SERIAL).keyAlgorithm(alg).country("NL")
                .random(new SecureRandom()).generate();
        String pem = g.request().pem();
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE REQUEST-----").hasSizeLessThanOrEqualTo(5500);
        assertThat(g.request().certificateType()).isEqualTo("ChargingStationCertificate");
        PKCS10CertificationRequest csr = parse(pem);
        assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(g.keyPair().publicKey()))).isTrue();
        assertThat(csr.getSubject().getRDNs(BCStyle.O)[0].getFirst().getValue().toString()).isEqualTo(ORG);
        assertThat(csr.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue().toString()).isEqualTo(SERIAL);
        assertThat(csr.getSubject().getRDNs(BCStyle.C)[0].getFirst().getValue().toString()).isEqualTo("NL");
        assertThat(csr.getSubjectPublicKeyInfo().getEncoded()).isEqualTo(g.keyPair().publicKey().getEncoded());
        KeyUsage ku = keyUsage(csr);
        assertThat(ku.hasUsages(KeyUsage.digitalSignature)).isTrue();
        assertThat(ku.hasUsages(KeyUsage.keyEncipherment)).isEqualTo(!alg.isEc());
        assertThat(ku.hasUsages(KeyUsage.keyAgreement)).isFalse();
        assertThat(g.keyPair().algorithm()).isEqualTo(alg);
        opensslVerifies(pem);
    }

    @Test
    @Verifies({"A02.FR.03", "A03.FR.03"})
    void v2gCsrRequestsKeyAgreement() throws Exception {
        GeneratedCsr g = CsrBuilder.forUse(CertificateSigningUse.V2G_CERTIFICATE, ORG, SERIAL).generate();
        assertThat(g.request().certificateType()).isEqualTo("V2GCertificate");
        KeyUsage ku = keyUsage(parse(g.request().pem()));
        assertThat(ku.hasUsages(KeyUsage.digitalSignature | KeyUsage.keyAgreement)).isTrue();
        opensslVerifies(g.request().pem());
    }

    @Test
    void subjectWithoutCountryHasOnlyOAndCn() throws Exception {
        PKCS10CertificationRequest csr = parse(CsrBuilder.forChargingStation(ORG, SERIAL).generate().request().pem());
        assertThat(csr.getSubject().getRDNs()).hasSize(2);
        assertThat(csr.getSubject().getRDNs(BCStyle.C)).isEmpty();
    }

    @Test
    @Verifies("A02.FR.02")
    void everyCsrHasANewKeyPair() throws Exception {
        CsrBuilder b = CsrBuilder.forChargingStation(ORG, SERIAL);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            keys.add(Base64.getEncoder().encodeToString(b.generate().keyPair().publicKey().getEncoded()));
        }
        assertThat(keys).hasSize(5);
    }

    @Test
    @Verifies({"A02.FR.05", "A03.FR.05"})
    void privateKeyNeverLeavesTheKeyPairObject() throws Exception {
        GeneratedCsr g = CsrBuilder.forChargingStation(ORG, SERIAL).generate();
        byte[] priv = g.keyPair().privateKeyForLocalUse().getEncoded();
        String privB64 = Base64.getEncoder().encodeToString(priv);
        assertThat(g.keyPair().toString()).contains("redacted").doesNotContain(privB64.substring(40, 70));
        assertThat(g.toString()).doesNotContain(privB64.substring(40, 70));
        assertThat(Serializable.class.isAssignableFrom(GeneratedKeyPair.class)).isFalse();
        assertThat(Serializable.class.isAssignableFrom(GeneratedCsr.class)).isFalse();
        assertThatThrownBy(() -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(g.keyPair()))
                .isInstanceOf(java.io.NotSerializableException.class);
        // the PEM carries the public key only
        String pem = g.request().pem();
        assertThat(pem).doesNotContain("PRIVATE");
        byte[] der = parse(pem).getEncoded();
        assertThat(indexOf(der, java.util.Arrays.copyOfRange(priv, priv.length - 32, priv.length))).isEqualTo(-1);
    }

    @Test
    @Verifies({"A02.FR.05", "A03.FR.05"})
    void externalSignerKeepsTheKeyItself() throws Exception {
        // Stands in for an HSM: the key object is only reachable inside the lambda-like signer.
        var kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(256);
        var hidden = kpg.generateKeyPair();
        CsrSigner hsm = new CsrSigner() {
            @Override
            public PublicKey publicKey() {
                return hidden.getPublic();
            }

            @Override
            public String signatureAlgorithm() {
                return "SHA256withECDSA";
            }

            @Override
            public byte[] sign(byte[] data) throws GeneralSecurityException {
                Signature s = Signature.getInstance("SHA256withECDSA");
                s.initSign(hidden.getPrivate());
                s.update(data);
                return s.sign();
            }
        };
        SigningRequest r = CsrBuilder.forChargingStation(ORG, SERIAL).sign(hsm);
        assertThat(parse(r.pem()).isSignatureValid(new JcaContentVerifierProviderBuilder().build(hidden.getPublic())))
                .isTrue();
        opensslVerifies(r.pem());
    }

    @Test
    void faultySignerIsCaught() throws Exception {
        GeneratedKeyPair real = GeneratedKeyPair.generate(KeyAlgorithm.EC_P256, new SecureRandom());
        GeneratedKeyPair other = GeneratedKeyPair.generate(KeyAlgorithm.EC_P256, new SecureRandom());
        CsrSigner mismatched = new DelegatingSigner(real.publicKey(), other);
        assertThatThrownBy(() -> CsrBuilder.forChargingStation(ORG, SERIAL).sign(mismatched))
                .isInstanceOf(CsrException.class).hasMessageContaining("does not verify");
        CsrSigner failing = new DelegatingSigner(real.publicKey(), null);
        assertThatThrownBy(() -> CsrBuilder.forChargingStation(ORG, SERIAL).sign(failing))
                .isInstanceOf(CsrException.class).hasCauseInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void weakOrWrongKeysAreRefused() throws Exception {
        var rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        var weak = rsa.generateKeyPair();
        CsrSigner weakSigner = new DelegatingSigner(weak.getPublic(), null);
        assertThatThrownBy(() -> CsrBuilder.forChargingStation(ORG, SERIAL).sign(weakSigner))
                .isInstanceOf(CsrException.class).hasMessageContaining("A00.FR.502");
        assertThatThrownBy(() -> CsrBuilder.forUse(CertificateSigningUse.V2G_CERTIFICATE, ORG, SERIAL)
                .keyAlgorithm(KeyAlgorithm.RSA_2048).generate())
                .isInstanceOf(CsrException.class).hasMessageContaining("V2G");
        var ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        CsrSigner badAlg = new CsrSigner() {
            @Override
            public PublicKey publicKey() {
                return ec.generateKeyPair().getPublic();
            }

            @Override
            public String signatureAlgorithm() {
                return "NoSuchAlgorithm";
            }

            @Override
            public byte[] sign(byte[] data) {
                return new byte[0];
            }
        };
        assertThatThrownBy(() -> CsrBuilder.forChargingStation(ORG, SERIAL).sign(badAlg)).isInstanceOf(CsrException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "https://cs.example.com", "192.168.1.10", "fe80::1", "a\nb", "www.example.com",
        "cs-0001.example.com", "urn:cs:1", "cs/1"})
    void invalidSerialNumbersAreRefused(String serial) {
        assertThatThrownBy(() -> CsrBuilder.forChargingStation(ORG, serial)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidOrganizationAndCountryAreRefused() {
        assertThatThrownBy(() -> CsrBuilder.forChargingStation("", SERIAL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsrBuilder.forChargingStation("O".repeat(65), SERIAL))
                .isInstanceOf(IllegalArgumentException.class);
        for (String c : new String[] {"nl", "NLD", "N", "1A"}) {
            assertThatThrownBy(() -> CsrBuilder.forChargingStation(ORG, SERIAL).country(c))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new SigningRequest("x".repeat(5501), CertificateSigningUse.V2G_CERTIFICATE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void largestCsrFitsTheSchemaLimit() throws Exception {
        GeneratedCsr g = CsrBuilder.forChargingStation("O".repeat(64), "C".repeat(64)).country("NL")
                .keyAlgorithm(KeyAlgorithm.RSA_3072).generate();
        assertThat(g.request().pem().length()).isLessThan(SigningRequest.MAX_PEM_LENGTH);
    }

    private void opensslVerifies(String pem) throws Exception {
        Path openssl = Path.of("/usr/bin/openssl");
        Assumptions.assumeTrue(Files.isExecutable(openssl), "openssl is not installed");
        Path file = Files.createTempFile(tmp, "csr", ".pem");
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        Process p = new ProcessBuilder(openssl.toString(), "req", "-in", file.toString(), "-verify", "-noout")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).containsIgnoringCase("verify OK");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Claims one public key and signs with another key pair (or fails when none). */
    private static final class DelegatingSigner implements CsrSigner {
        private final PublicKey claimed;
        private final GeneratedKeyPair actual;

        DelegatingSigner(PublicKey claimed, GeneratedKeyPair actual) {
            this.claimed = claimed;
            this.actual = actual;
        }

        @Override
        public PublicKey publicKey() {
            return claimed;
        }

        @Override
        public String signatureAlgorithm() {
            return claimed instanceof java.security.interfaces.RSAPublicKey ? "SHA256withRSA" : "SHA256withECDSA";
        }

        @Override
        public byte[] sign(byte[] data) throws GeneralSecurityException {
            if (actual == null) {
                throw new GeneralSecurityException("token unavailable");
            }
            return actual.sign(data);
        }
    }
}
