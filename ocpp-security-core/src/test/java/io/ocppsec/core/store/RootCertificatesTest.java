package io.ocppsec.core.store;

import io.ocppsec.api.message.HashAlgorithm;
import io.ocppsec.testpki.MutableClock;
import io.ocppsec.testpki.PkiRole;
import static io.ocppsec.api.message.CertificateSigningUse.CHARGING_STATION_CERTIFICATE;
import static io.ocppsec.core.store.RootCertificateType.CSMS_ROOT_CERTIFICATE;
import static io.ocppsec.core.store.RootCertificateType.MANUFACTURER_ROOT_CERTIFICATE;
import static io.ocppsec.core.store.StoreFixtures.PKI;
import static io.ocppsec.core.store.StoreFixtures.csoChain;
import static io.ocppsec.core.store.StoreFixtures.key;
import static io.ocppsec.core.store.StoreFixtures.station;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Root installation, hash data and deletion. */
class RootCertificatesTest {

    private final MutableClock clock = new MutableClock();

    private StationCertificateStore store(int max) throws CertificateStoreException {
        return StationCertificateStore.builder(CertificateStorePersistence.inMemory()).clock(clock).maxEntries(max).build();
    }

    @Test
    void installsCaRootsPerTypeAndTreatsRepeatsAsNoChange() throws Exception {
        StationCertificateStore s = store(10);
        assertThat(s.installRoot(CSMS_ROOT_CERTIFICATE, PKI.csoRoot().certificate())).isEqualTo(RootInstallResult.ACCEPTED);
        assertThat(s.installRoot(CSMS_ROOT_CERTIFICATE, PKI.csoRoot().certificate())).isEqualTo(RootInstallResult.ACCEPTED);
        assertThat(s.installRoot(MANUFACTURER_ROOT_CERTIFICATE, PKI.manufacturerRoot().certificate()).ocppStatus())
                .isEqualTo("Accepted");
        assertThat(s.roots(CSMS_ROOT_CERTIFICATE)).hasSize(1);
        assertThat(s.trustAnchors(MANUFACTURER_ROOT_CERTIFICATE)).containsExactly(PKI.manufacturerRoot().certificate());
        assertThat(s.hasValidRoot(CSMS_ROOT_CERTIFICATE)).isTrue();
        assertThat(s.hasValidRoot(RootCertificateType.V2G_ROOT_CERTIFICATE)).isFalse();
        // an intermediate CA may be pinned: self-signed is not required
        assertThat(s.installRoot(CSMS_ROOT_CERTIFICATE, PKI.csoSubCa().certificate())).isEqualTo(RootInstallResult.ACCEPTED);
    }

    @Test
    void refusesLeafCertificatesAsRoots() throws Exception {
        StationCertificateStore s = store(10);
        assertThat(s.installRoot(CSMS_ROOT_CERTIFICATE, PKI.csmsEc().certificate())).isEqualTo(RootInstallResult.REJECTED_NOT_A_CA);
        assertThat(s.installRoot(CSMS_ROOT_CERTIFICATE, PKI.station().certificate()).ocppStatus()).isEqualTo("Rejected");
        assertThat(s.installRoot(CSMS_ROOT_CERTIFICATE, PKI.notCaSubCa().certificate())).isEqualTo(RootInstallResult.REJECTED_NOT_A_CA);
        TestCertificate noBc = PKI.builder(PkiRole.CSO_ROOT, null).organization("X").commonName("no bc")
                .withoutBasicConstraints().build();
        assertThat(s.installRoot(CSMS_ROOT_CERTIFICATE, noBc.certificate())).isEqualTo(RootInstallResult.REJECTED_NOT_A_CA);
        assertThat(s.size()).isZero();
    }

    @Test
    void refusesCaWithoutKeyCertSign() throws Exception {
        TestCertificate noSign = PKI.builder(PkiRole.CSO_ROOT, null).organization("X").commonName("no certsign")
                .keyUsage(org.bouncycastle.asn1.x509.KeyUsage.digitalSignature).build();
        TestCertificate noKu = PKI.builder(PkiRole.CSO_ROOT, null).organization("X").commonName("no ku")
                .withoutKeyUsage().build();
        StationCertificateStore s = store(10);
        assertThat(s.installRoot(CSMS_ROOT_CERTIFICATE, noSign.certificate())).isEqualTo(RootInstallResult.REJECTED_NO_KEY_CERT_SIGN);
        assertThat(s.installRoot(CSMS_ROOT_CERTIFICATE, noKu.certificate())).isEqualTo(RootInstallResult.REJECTED_NO_KEY_CERT_SIGN);
    }

    @Test
    void refusesRootsOutsideTheirValidityAndOnAFailedPropertyCheck() throws Exception {
        TestCertificate expired = PKI.builder(PkiRole.CSO_ROOT, null).organization("X").commonName("old")
                .validity(TestPki.NOW.minus(Duration.ofDays(900)), TestPki.NOW.minus(Duration.ofDays(1))).build();
        TestCertificate future = PKI.builder(PkiRole.CSO_ROOT, null).organization("X").commonName("future")
                .validity(TestPki.NOW.plus(Duration.ofDays(1)), TestPki.NOW.plus(Duration.ofDays(900))).build();
        StationCertificateStore s = store(10);
        assertThat(s.installRoot(CSMS_ROOT_CERTIFICATE, expired.certificate())).isEqualTo(RootInstallResult.REJECTED_NOT_VALID_NOW);
        assertThat(s.installRoot(CSMS_ROOT_CERTIFICATE, future.certificate())).isEqualTo(RootInstallResult.REJECTED_NOT_VALID_NOW);
        assertThat(s.installRoot(CSMS_ROOT_CERTIFICATE, PKI.csoRoot().certificate(),
                (chain, at) -> io.ocppsec.core.cert.ChainValidationResult.of(chain, ValidationResult.builder().add("A00.FR.504", RequirementLevel.SHALL, "x", "y").build())))
                .isEqualTo(RootInstallResult.REJECTED_PROPERTY_CHECK);
        assertThat(s.installRoot(CSMS_ROOT_CERTIFICATE, PKI.csoRoot().certificate(),
                (chain, at) -> io.ocppsec.core.cert.ChainValidationResult.of(chain, ValidationResult.builder().add("A00.FR.505", RequirementLevel.SHOULD, "x", "y").build())))
                .as("advisory findings do not block").isEqualTo(RootInstallResult.ACCEPTED);
    }

    @Test
    void failsWhenTheStoreIsFull() throws Exception {
        StationCertificateStore s = store(1);
        assertThat(s.installRoot(CSMS_ROOT_CERTIFICATE, PKI.csoRoot().certificate())).isEqualTo(RootInstallResult.ACCEPTED);
        RootInstallResult r = s.installRoot(MANUFACTURER_ROOT_CERTIFICATE, PKI.manufacturerRoot().certificate());
        assertThat(r).isEqualTo(RootInstallResult.FAILED_STORE_FULL);
        assertThat(r.ocppStatus()).isEqualTo("Failed");
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void hashDataMatchesAnIndependentOcspCertIdComputation(HashAlgorithm alg) throws Exception {
        X509Certificate cert = PKI.station().certificate();
        X509Certificate issuer = PKI.csoSubCa().certificate();
        CertificateHash ours = CertificateHash.of(cert, issuer.getPublicKey(), alg);
        var oid = alg == HashAlgorithm.SHA256 ? NISTObjectIdentifiers.id_sha256
                : alg == HashAlgorithm.SHA384 ? NISTObjectIdentifiers.id_sha384 : NISTObjectIdentifiers.id_sha512;
        DigestCalculator dc = new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(oid));
        CertificateID bc = new CertificateID(dc, new JcaX509CertificateHolder(issuer), cert.getSerialNumber());
        assertThat(ours.issuerNameHash()).isEqualTo(HexFormat.of().formatHex(bc.getIssuerNameHash()));
        assertThat(ours.issuerKeyHash()).isEqualTo(HexFormat.of().formatHex(bc.getIssuerKeyHash()));
        assertThat(new BigInteger(ours.serialNumber(), 16)).isEqualTo(bc.getSerialNumber());
        assertThat(ours.issuerNameHash()).hasSize(Integer.parseInt(alg.ocppValue().substring(3)) / 4); // bits / 4 hex digits
    }

    @Test
    void hashDataRejectsMalformedValues() {
        String h64 = "a".repeat(64);
        assertThatThrownBy(() -> new CertificateHash(HashAlgorithm.SHA256, "a".repeat(63), h64, "01"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CertificateHash(HashAlgorithm.SHA384, h64, h64, "01"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CertificateHash(HashAlgorithm.SHA256, "g".repeat(64), h64, "01"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CertificateHash(HashAlgorithm.SHA256, h64, h64, "1".repeat(41)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CertificateHash(HashAlgorithm.SHA256, h64, h64, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CertificateHash(HashAlgorithm.SHA256, h64, h64, "-1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HashAlgorithm.fromOcpp("MD5")).isInstanceOf(IllegalArgumentException.class);
        CertificateHash upper = new CertificateHash(HashAlgorithm.SHA256, h64.toUpperCase(Locale.ROOT), h64, "00FF");
        assertThat(upper.issuerNameHash()).isEqualTo(h64);
        assertThat(upper.serialNumber()).isEqualTo("ff");
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void deletesARootByItsHashData(HashAlgorithm alg) throws Exception {
        StationCertificateStore s = store(10);
        X509Certificate root = PKI.csoRoot().certificate();
        s.installRoot(CSMS_ROOT_CERTIFICATE, root);
        s.installRoot(MANUFACTURER_ROOT_CERTIFICATE, PKI.manufacturerRoot().certificate());
        CertificateHash h = CertificateHash.of(root, root.getPublicKey(), alg);
        assertThat(s.rootHashes(CSMS_ROOT_CERTIFICATE, alg)).containsExactly(h);
        CertificateHash shouting = new CertificateHash(alg, h.issuerNameHash().toUpperCase(Locale.ROOT),
                h.issuerKeyHash().toUpperCase(Locale.ROOT), "000" + h.serialNumber().toUpperCase(Locale.ROOT));
        assertThat(s.deleteCertificate(shouting)).isEqualTo(DeleteResult.ACCEPTED);
        assertThat(s.roots(CSMS_ROOT_CERTIFICATE)).isEmpty();
        assertThat(s.roots(MANUFACTURER_ROOT_CERTIFICATE)).hasSize(1);
        assertThat(s.deleteCertificate(h)).isEqualTo(DeleteResult.NOT_FOUND);
    }

    @Test
    void doesNotDeleteWhenOnlyPartOfTheHashDataMatches() throws Exception {
        StationCertificateStore s = store(10);
        X509Certificate root = PKI.csoRoot().certificate();
        s.installRoot(CSMS_ROOT_CERTIFICATE, root);
        CertificateHash h = CertificateHash.of(root, root.getPublicKey(), HashAlgorithm.SHA256);
        CertificateHash otherKey = CertificateHash.of(root, PKI.foreignRoot().certificate().getPublicKey(), HashAlgorithm.SHA256);
        CertificateHash otherSerial = new CertificateHash(HashAlgorithm.SHA256, h.issuerNameHash(), h.issuerKeyHash(),
                root.getSerialNumber().add(BigInteger.ONE).toString(16));
        CertificateHash otherName = new CertificateHash(HashAlgorithm.SHA256, "0".repeat(64), h.issuerKeyHash(), h.serialNumber());
        // The foreign root has the same name; its own hash data must not delete ours.
        X509Certificate foreign = PKI.foreignRoot().certificate();
        CertificateHash foreignHash = CertificateHash.of(foreign, foreign.getPublicKey(), HashAlgorithm.SHA256);
        for (CertificateHash wrong : java.util.List.of(otherKey, otherSerial, otherName, foreignHash)) {
            assertThat(s.deleteCertificate(wrong)).isEqualTo(DeleteResult.NOT_FOUND);
        }
        assertThat(s.roots(CSMS_ROOT_CERTIFICATE)).hasSize(1);
    }

    @Test
    void theActiveClientCertificateCannotBeDeletedButAFallbackCan() throws Exception {
        StationCertificateStore s = store(10);
        TestCertificate old = station(TestPki.NOW.minus(Duration.ofDays(100)), 400);
        TestCertificate active = station(TestPki.NOW.minus(Duration.ofDays(1)), 400);
        s.installClientCertificate(CHARGING_STATION_CERTIFICATE, old.chain(), key(old), csoChain());
        s.installClientCertificate(CHARGING_STATION_CERTIFICATE, active.chain(), key(active), csoChain());
        X509Certificate subCa = PKI.csoSubCa().certificate();
        CertificateHash activeHash = CertificateHash.of(active.certificate(), subCa.getPublicKey(), HashAlgorithm.SHA256);
        DeleteResult refused = s.deleteCertificate(activeHash);
        assertThat(refused).isEqualTo(DeleteResult.FAILED_ACTIVE_CLIENT_CERTIFICATE);
        assertThat(refused.ocppStatus()).isEqualTo("Failed");
        assertThat(s.deleteCertificate(CertificateHash.of(old.certificate(), subCa.getPublicKey(), HashAlgorithm.SHA512)))
                .isEqualTo(DeleteResult.ACCEPTED);
        assertThat(s.clientCertificates(CHARGING_STATION_CERTIFICATE)).extracting(StationCertificate::leaf)
                .containsExactly(active.certificate());
        assertThat(RootCertificateType.fromOcpp("MORootCertificate")).isEqualTo(RootCertificateType.MO_ROOT_CERTIFICATE);
        assertThatThrownBy(() -> RootCertificateType.fromOcpp("csmsrootcertificate")).isInstanceOf(IllegalArgumentException.class);
    }
}
