package io.ocppsec.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.testpki.TestPki.Defect;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignedCertificateCheckTest {

    private static final TestPki PKI = OcppChainValidatorTest.PKI;
    private static final KeyPair PENDING = KeyType.EC_P256.generate(new SecureRandom());
    private static final SignedCertificateCheck CHECK = SignedCertificateCheck
            .forChargingStation(OcppChainValidatorTest.CSO, TestPki.CSO_NAME, TestPki.STATION_SERIAL)
            .clock(TestPki.CLOCK).build();

    private static TestCertificate signed() {
        return PKI.stationBuilder().keyPair(PENDING).build();
    }

    @Test
    @Verifies({"A02.FR.06", "A03.FR.06"})
    void acceptsTheSignedCertificateForThePendingKey() {
        TestCertificate c = signed();
        SignedCertificateCheck.Outcome o = CHECK.check(c.chainPem(), PENDING.getPublic());
        assertThat(o.result().violations()).as(o.result().describe()).isEmpty();
        assertThat(o.accepted()).isTrue();
        assertThat(o.leaf()).contains(c.certificate());
        assertThat(o.chain()).isEqualTo(c.chain());
        assertThat(o.reasonCode()).isEmpty();
        assertThat(o.securityEvent()).isEmpty();
    }

    @Test
    @Verifies({"A02.FR.06", "A03.FR.06", "A02.FR.08"})
    void acceptsACertificateThatBecomesValidLaterButNotAnExpiredOne() {
        TestCertificate future = PKI.stationBuilder().keyPair(PENDING)
                .validity(TestPki.NOW.plus(Duration.ofDays(2)), TestPki.NOW.plus(Duration.ofDays(300))).build();
        assertThat(CHECK.check(future.chainPem(), PENDING.getPublic()).accepted()).isTrue();
        SignedCertificateCheck strict = SignedCertificateCheck.forChargingStation(OcppChainValidatorTest.CSO,
                TestPki.CSO_NAME, TestPki.STATION_SERIAL).clock(TestPki.CLOCK).acceptNotYetValid(false).build();
        assertThat(strict.check(future.chainPem(), PENDING.getPublic()).result().violates("A02.FR.06")).isTrue();
        TestCertificate expired = PKI.stationBuilder().keyPair(PENDING)
                .validity(TestPki.NOW.minus(Duration.ofDays(20)), TestPki.NOW.minus(Duration.ofDays(1))).build();
        SignedCertificateCheck.Outcome o = CHECK.check(expired.chainPem(), PENDING.getPublic());
        assertThat(o.result().violates("A02.FR.06")).isTrue();
        assertThat(o.accepted()).isFalse();
    }

    @Test
    @Verifies({"A02.FR.16", "A03.FR.16"})
    void rejectsAChainLongerThanMaxCertificateChainSizeBeforeParsing() {
        String pem = signed().chainPem();
        SignedCertificateCheck small = SignedCertificateCheck.forChargingStation(OcppChainValidatorTest.CSO,
                TestPki.CSO_NAME, TestPki.STATION_SERIAL).maxCertificateChainSize(pem.length() - 1).build();
        SignedCertificateCheck.Outcome o = small.check(pem, PENDING.getPublic(), TestPki.NOW);
        assertThat(o.accepted()).isFalse();
        assertThat(o.result().violates("A02.FR.16")).isTrue();
        assertThat(o.reasonCode()).contains(SignedCertificateCheck.TOO_LARGE_ELEMENT);
        assertThat(o.securityEvent()).isEmpty();
        assertThat(o.chain()).isEmpty();
        String huge = "A".repeat(50_000_000);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            assertThat(CHECK.check(huge, PENDING.getPublic()).reasonCode())
                    .contains(SignedCertificateCheck.TOO_LARGE_ELEMENT);
            best = Math.min(best, System.nanoTime() - start);
        }
        // Rejected by length before parsing: far below the time even one pass over 50 MB would take.
        assertThat(best / 1_000_000).isLessThan(50);
        assertThatThrownBy(() -> SignedCertificateCheck.forChargingStation(OcppChainValidatorTest.CSO, "x", "y")
                .maxCertificateChainSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Verifies({"A02.FR.07", "A03.FR.07", "A00.FR.507"})
    void malformedPemIsAnInvalidCertificate() {
        SignedCertificateCheck.Outcome o = CHECK.check("-----BEGIN CERTIFICATE-----\nnot base64!\n", PENDING.getPublic());
        assertThat(o.result().violates("A00.FR.507")).isTrue();
        assertThat(o.reasonCode()).contains(SignedCertificateCheck.INVALID_CERTIFICATE);
        assertThat(o.securityEvent()).contains(SecurityEventType.INVALID_CHARGING_STATION_CERTIFICATE);
        SignedCertificateCheck.Outcome key = CHECK.check(signed().privateKeyPem(), PENDING.getPublic());
        assertThat(key.result().describe()).contains("PRIVATE KEY").doesNotContain(signed().privateKeyPem().substring(40, 70));
    }

    @Test
    @Verifies({"A02.FR.06", "A02.FR.07", "A03.FR.06", "A03.FR.07"})
    void rejectsACertificateForAnotherKey() {
        SignedCertificateCheck.Outcome o = CHECK.check(PKI.station().chainPem(), PENDING.getPublic());
        assertThat(o.result().blocking()).singleElement().satisfies(v -> {
            assertThat(v.requirement().value()).isEqualTo("A02.FR.06");
            assertThat(v.found()).contains("another public key");
        });
        assertThat(o.securityEvent()).contains(SecurityEventType.INVALID_CHARGING_STATION_CERTIFICATE);
    }

    @Test
    @Verifies({"A02.FR.06", "A03.FR.06", "A00.FR.404", "A00.FR.405"})
    void rejectsAWrongSubject() {
        TestCertificate wrongO = PKI.stationBuilder().keyPair(PENDING).organization("Other CSO").build();
        TestCertificate wrongCn = PKI.stationBuilder("CS-9999").keyPair(PENDING).build();
        assertThat(CHECK.check(wrongO.chainPem(), PENDING.getPublic()).result().violates("A00.FR.404")).isTrue();
        assertThat(CHECK.check(wrongCn.chainPem(), PENDING.getPublic()).result().violates("A00.FR.405")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Defect.class, names = {"WEAK_RSA_KEY", "WEAK_EC_KEY", "DSA_KEY", "SHA1_SIGNATURE", "EXPIRED",
        "MISSING_ORGANIZATION", "CN_IS_URL", "CN_IS_IP", "CN_IS_HOSTNAME", "ZERO_SERIAL", "FOREIGN_ROOT",
        "ISSUER_NOT_A_CA"})
    @Verifies({"A02.FR.06", "A02.FR.07", "A03.FR.06", "A03.FR.07"})
    void rejectsDefectiveCertificates(Defect defect) {
        TestCertificate c = PKI.station(defect);
        SignedCertificateCheck.Outcome o = CHECK.check(c.chainPem(), c.keyPair().getPublic());
        assertThat(o.accepted()).as(o.result().describe()).isFalse();
        assertThat(o.securityEvent()).contains(SecurityEventType.INVALID_CHARGING_STATION_CERTIFICATE);
    }

    @Test
    @Verifies({"A02.FR.06", "A03.FR.06"})
    void rejectsACertificateOfTheManufacturerHierarchy() {
        TestCertificate c = PKI.firmwareSigning();
        SignedCertificateCheck.Outcome o = CHECK.check(TestCertificate.toPem(List.of(c.certificate(),
                c.issuers().get(0))), c.keyPair().getPublic());
        assertThat(o.result().violates("A02.FR.06")).isTrue();
        assertThatThrownBy(() -> SignedCertificateCheck.forChargingStation(OcppChainValidatorTest.MANUFACTURER, "x", "y"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
