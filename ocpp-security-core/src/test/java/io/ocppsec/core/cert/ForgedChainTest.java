package io.ocppsec.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.core.signing.CertificateUpdateAdvisor;
import io.ocppsec.core.signing.UpdateAdvice;
import io.ocppsec.core.store.CertificateStorePersistence;
import io.ocppsec.core.store.ClientInstallResult;
import io.ocppsec.core.store.KeyHandle;
import io.ocppsec.core.store.StationCertificateStore;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.ForgedChain;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The attack of issue 20 against each consumer in the core module: {@code [X, B, B's sub-CA, D]}, X self-signed with
 * the attacker's key and the victim's name, B any genuine certificate, D issued by X. Every one of these chains was
 * accepted before the fix (validated for B while X was used).
 */
class ForgedChainTest {

    static final TestPki PKI = OcppChainValidatorTest.PKI;
    static final TestCertificate OTHER_STATION = PKI.stationBuilder("CS-0002").build();

    private static Violation firstBlocking(ChainValidationResult r) {
        assertThat(r.isCompliant()).as(r.toString()).isFalse();
        return r.result().blocking().get(0);
    }

    @Test
    @Verifies({"A00.FR.403", "A00.FR.405", "A00.FR.427"})
    void aForgedStationChainIsJudgedForTheAttackersCertificateAndRefused() {
        ForgedChain f = ForgedChain.impersonating(PKI, PkiRole.CHARGING_STATION, "CS-VICTIM", OTHER_STATION);
        for (OcppChainValidator v : List.of(OcppChainValidatorTest.STATION,
                OcppChainValidatorTest.STATION.withExpectedSerialNumber("CS-VICTIM"))) {
            ChainValidationResult r = v.validate(f.chain(), TestPki.NOW);
            assertThat(r.leaf()).contains(f.attacker().certificate());
            Violation first = firstBlocking(r);
            assertThat(first.requirement().value()).isEqualTo("A00.FR.403");
            assertThat(first.chainIndex()).hasValue(0);
            assertThat(first.found()).contains("self-signed");
        }
    }

    @Test
    @Verifies({"A00.FR.308", "A00.FR.309", "A00.FR.411", "A00.FR.412"})
    void aForgedCsmsChainIsRefused() {
        ForgedChain f = ForgedChain.impersonating(PKI, PkiRole.CSMS, TestPki.CSMS_FQDN, PKI.csmsEc());
        ChainValidationResult r = OcppChainValidatorTest.CSMS.validate(f.chain(), TestPki.NOW);
        assertThat(r.leaf()).contains(f.attacker().certificate());
        assertThat(firstBlocking(r).requirement().value()).isEqualTo("A00.FR.308");
        assertThat(firstBlocking(r).chainIndex()).hasValue(0);
    }

    @Test
    @Verifies("A00.FR.604")
    void aForgedFirmwareSigningChainIsRefused() {
        ForgedChain f = ForgedChain.impersonating(PKI, PkiRole.FIRMWARE_SIGNING, "Firmware Signing 1",
                PKI.firmwareSigning());
        ChainValidationResult r = OcppChainValidatorTest.FIRMWARE.validate(f.chain(), TestPki.NOW);
        assertThat(r.leaf()).contains(f.attacker().certificate());
        assertThat(firstBlocking(r).requirement().value()).isEqualTo("A00.FR.604");
    }

    @Test
    @Verifies({"A00.FR.403", "A00.FR.308", "A00.FR.604"})
    void aCaCertificateIsNeverTheLeafOfAnyRole() {
        List<X509Certificate> subCaFirst = List.of(PKI.csoSubCa().certificate(), PKI.csoRoot().certificate());
        assertThat(firstBlocking(OcppChainValidatorTest.STATION.validate(subCaFirst, TestPki.NOW)).found())
                .contains("a CA certificate");
        TestCertificate caWithFqdn = PKI.builder(PkiRole.CSO_SUB_CA, PKI.csoRoot())
                .organization(TestPki.CSO_NAME).commonName(TestPki.CSMS_FQDN).build();
        assertThat(OcppChainValidatorTest.CSMS.validate(caWithFqdn.chain(), TestPki.NOW).result().blocking())
                .anySatisfy(v -> assertThat(v.found()).contains("a CA certificate"));
        List<X509Certificate> mfSubCa = List.of(PKI.manufacturerSubCa().certificate());
        assertThat(OcppChainValidatorTest.FIRMWARE.validate(mfSubCa, TestPki.NOW).result().blocking())
                .anySatisfy(v -> assertThat(v.found()).contains("a CA certificate"));
    }

    @Test
    @Verifies({"A02.FR.06", "A03.FR.06"})
    void anyOrderFindsTheGenuineLeafAndCertificateSignedBindsItToThePendingKey() {
        ForgedChain f = ForgedChain.impersonating(PKI, PkiRole.CHARGING_STATION, TestPki.STATION_SERIAL,
                PKI.station());
        SignedCertificateCheck check = SignedCertificateCheck.forChargingStation(OcppChainValidatorTest.CSO,
                TestPki.CSO_NAME, TestPki.STATION_SERIAL).clock(TestPki.CLOCK).build();
        // The station's pending key is PKI.station()'s: the genuine leaf is found among the forgeries and its path alone
        // is what would be installed.
        SignedCertificateCheck.Outcome ok = check.check(f.pem(), PKI.station().keyPair().getPublic());
        assertThat(ok.accepted()).as(ok.result().describe()).isTrue();
        assertThat(ok.leaf()).contains(PKI.station().certificate());
        assertThat(ok.validation().orElseThrow().path())
                .containsExactly(PKI.station().certificate(), PKI.csoSubCa().certificate());
        // With the attacker's key pending (a station that generated X's key pair could only be the attacker itself),
        // the genuine leaf is for another key: refused.
        SignedCertificateCheck.Outcome other = check.check(f.pem(), f.attackerKeys().getPublic());
        assertThat(other.accepted()).isFalse();
        assertThat(other.result().violates("A02.FR.06")).isTrue();
    }

    @Test
    @Verifies("A02.FR.06")
    void theStoreInstallsOnlyTheValidatedPathAndRefusesAValidatorThatValidatedAnotherCertificate() throws Exception {
        StationCertificateStore store = StationCertificateStore.builder(CertificateStorePersistence.inMemory())
                .clock(TestPki.CLOCK).build();
        KeyHandle key = KeyHandle.inMemory("cs", PKI.station().keyPair().getPrivate());
        List<X509Certificate> received = new ArrayList<>(PKI.station().chainWithRoot());
        received.add(OTHER_STATION.certificate());
        OcppChainValidator any = OcppChainValidatorTest.STATION.toBuilder().chainOrder(ChainOrder.ANY).build();
        ClientInstallResult r = store.installClientCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE,
                any.validate(received, TestPki.NOW), key);
        assertThat(r.accepted()).as(r.validation().describe()).isTrue();
        assertThat(store.activeCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE).orElseThrow().chain())
                .containsExactly(PKI.station().certificate(), PKI.csoSubCa().certificate());

        // A custom validator that vouches for the second certificate: the key handle belongs to the first.
        StationCertificateStore fresh = StationCertificateStore.builder(CertificateStorePersistence.inMemory())
                .clock(TestPki.CLOCK).build();
        ClientInstallResult refused = fresh.installClientCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE,
                List.of(OTHER_STATION.certificate(), PKI.station().certificate(), PKI.csoSubCa().certificate()), key,
                (chain, at) -> ChainValidationResult.of(chain.subList(1, chain.size()), ValidationResult.compliant()));
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.validation().blocking()).singleElement()
                .satisfies(v -> assertThat(v.found()).contains("another certificate than the first"));
        assertThat(fresh.clientCertificates(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).isEmpty();
    }

    @Test
    @Verifies("A00.FR.406")
    void theUpdateAdvisorJudgesThePresentedCertificateAndItsExpiry() {
        CertificateUpdateAdvisor advisor = CertificateUpdateAdvisor.builder(OcppChainValidatorTest.CSO, TestPki.CSO_NAME)
                .clock(TestPki.CLOCK).build();
        ForgedChain f = ForgedChain.impersonating(PKI, PkiRole.CHARGING_STATION, "CS-VICTIM", OTHER_STATION);
        UpdateAdvice forged = advisor.advise("CS-VICTIM", f.chain(), false);
        assertThat(forged.reasons()).containsExactly(UpdateAdvice.Reason.NOT_ISSUED_BY_CSO);
        // A genuine station whose chain carries an unrelated short-lived certificate after it: the leaf decides.
        TestCertificate soon = PKI.stationBuilder("CS-0003").validity(TestPki.NOW.minus(java.time.Duration.ofDays(300)),
                TestPki.NOW.plus(java.time.Duration.ofDays(3))).build();
        List<X509Certificate> chain = new ArrayList<>(PKI.station().chain());
        chain.add(soon.certificate());
        assertThat(advisor.advise(TestPki.STATION_SERIAL, chain, false).reasons()).isEmpty();
        assertThat(advisor.advise("CS-0003", soon.chain(), false).reasons())
                .containsExactly(UpdateAdvice.Reason.EXPIRES_SOON);
    }
}
