package io.ocppsec.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.TriggerMessageRequest.MessageTrigger;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestPki;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificateUpdateAdvisorTest {

    static TestPki pki;
    static CertificateUpdateAdvisor advisor;

    @BeforeAll
    static void setUp() {
        pki = TestPki.create();
        advisor = CertificateUpdateAdvisor.builder(TrustAnchors.cso(pki.csoRoot().certificate()), TestPki.CSO_NAME)
                .clock(TestPki.CLOCK).build();
    }

    @Test
    void aValidCsoCertificateNeedsNoUpdate() {
        UpdateAdvice a = advisor.advise(TestPki.STATION_SERIAL, pki.station().chain(), false);
        assertThat(a.updateAdvised()).isFalse();
        assertThat(a.trigger()).isEmpty();
        assertThat(a.certificateCheck().isCompliant()).isTrue();
    }

    @Test
    @Verifies("A00.FR.406")
    void aManufacturerIssuedCertificateIsUpdated() {
        var factory = pki.builder(PkiRole.CHARGING_STATION, pki.manufacturerSubCa())
                .organization(TestPki.MANUFACTURER_NAME).commonName(TestPki.STATION_SERIAL).build();
        UpdateAdvice a = advisor.advise(TestPki.STATION_SERIAL, factory.chain(), false);
        assertThat(a.reasons()).containsExactly(UpdateAdvice.Reason.NOT_ISSUED_BY_CSO);
        assertThat(a.trigger().orElseThrow().requestedMessage()).isEqualTo(MessageTrigger.SIGN_CHARGING_STATION_CERTIFICATE);
        assertThat(a.certificateCheck().isCompliant()).isFalse();
    }

    @Test
    @Verifies("A00.FR.406")
    void certificatesFromAForeignRootOrForAnotherStationAreUpdated() {
        assertThat(advisor.advise(TestPki.STATION_SERIAL, pki.station(TestPki.Defect.FOREIGN_ROOT).chain(), false)
                .reasons()).containsExactly(UpdateAdvice.Reason.NOT_ISSUED_BY_CSO);
        assertThat(advisor.advise("CS-0002", pki.station().chain(), false).reasons())
                .containsExactly(UpdateAdvice.Reason.NOT_ISSUED_BY_CSO);
        assertThat(advisor.advise(TestPki.STATION_SERIAL, pki.station(TestPki.Defect.WRONG_ORGANIZATION).chain(), false)
                .reasons()).containsExactly(UpdateAdvice.Reason.NOT_ISSUED_BY_CSO);
    }

    @Test
    @Verifies("A02.FR.01")
    void factoryCredentialsWithoutAClientCertificateAreUpdatedAfterInstallation() {
        UpdateAdvice a = advisor.advise(TestPki.STATION_SERIAL, List.of(), true);
        assertThat(a.reasons()).containsExactly(UpdateAdvice.Reason.FACTORY_CREDENTIALS);
        assertThat(a.trigger()).isPresent();
        assertThat(advisor.advise(TestPki.STATION_SERIAL, List.of(), false).updateAdvised()).isFalse();
    }

    @Test
    void aCertificateThatExpiresWithinTheWindowIsUpdated() {
        var expiring = pki.stationBuilder()
                .validity(TestPki.NOW.minus(Duration.ofDays(300)), TestPki.NOW.plus(Duration.ofDays(5))).build();
        assertThat(advisor.advise(TestPki.STATION_SERIAL, expiring.chain(), false).reasons())
                .containsExactly(UpdateAdvice.Reason.EXPIRES_SOON);
    }

    @Test
    void triggersForBothCertificateTypes() {
        assertThat(CertificateUpdateAdvisor.triggerFor(CertificateSigningUse.CHARGING_STATION_CERTIFICATE).requestedMessage())
                .isEqualTo(MessageTrigger.SIGN_CHARGING_STATION_CERTIFICATE);
        assertThat(CertificateUpdateAdvisor.triggerFor(CertificateSigningUse.V2G_CERTIFICATE).requestedMessage())
                .isEqualTo(MessageTrigger.SIGN_V2G_CERTIFICATE);
        assertThat(CertificateUpdateAdvisor.triggerFor(CertificateSigningUse.V2G_CERTIFICATE).evse()).isEmpty();
    }

    @Test
    void badSettingsAreRefused() {
        var b = CertificateUpdateAdvisor.builder(TrustAnchors.cso(pki.csoRoot().certificate()), TestPki.CSO_NAME);
        assertThatThrownBy(() -> b.renewalWindow(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateUpdateAdvisor.builder(
                TrustAnchors.manufacturer(pki.manufacturerRoot().certificate()), TestPki.CSO_NAME).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UpdateAdvice(List.of(), io.ocppsec.api.requirement.ValidationResult.compliant(),
                java.util.Optional.of(CertificateUpdateAdvisor.triggerFor(CertificateSigningUse.V2G_CERTIFICATE))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
