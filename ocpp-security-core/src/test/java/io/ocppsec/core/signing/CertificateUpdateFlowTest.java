package io.ocppsec.core.signing;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.message.CertificateSignedRequest;
import io.ocppsec.api.message.CertificateSignedResponse;
import io.ocppsec.api.message.CertificateSignedResponse.CertificateSignedStatus;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.GenericStatus;
import io.ocppsec.api.message.GetCertificateIdUse;
import io.ocppsec.api.message.GetInstalledCertificateIdsRequest;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.api.message.TriggerMessageRequest;
import io.ocppsec.api.message.TriggerMessageResponse.TriggerMessageStatus;
import io.ocppsec.core.cert.CertificateParser;
import io.ocppsec.core.cert.OcppChainValidator;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.core.store.KeyHandle;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A02 and A03 end to end, station and CSMS in memory, every message through the OCPP-J codec. Test names
 * follow the titles of the OCPP 2.0.1 certification test cases they mirror.
 */
class CertificateUpdateFlowTest {

    static TestPki pki;

    @TempDir
    Path dir;
    Flow flow;

    @BeforeAll
    static void pki() {
        pki = TestPki.create();
    }

    @AfterEach
    void close() throws Exception {
        if (flow != null) {
            flow.close();
        }
    }

    Flow flow(UnaryOperator<CertificateSigningClient.Builder> config) throws Exception {
        flow = new Flow(pki, dir, config);
        flow.installCsoRoot();
        return flow;
    }

    /** TriggerMessage → CSR → CSMS → CA → CertificateSigned → station, all through the codec. */
    static CertificateSignedResponse a02(Flow f, CertificateSigningUse use) throws Exception {
        TriggerMessageRequest trigger = f.wire(CertificateUpdateAdvisor.triggerFor(use));
        TriggerResult t = f.station.onTriggerMessage(trigger);
        assertThat(f.wire(t.response()).status()).isEqualTo(TriggerMessageStatus.ACCEPTED);
        return signAndDeliver(f, f.wire(t.followUp().orElseThrow()));
    }

    static CertificateSignedResponse signAndDeliver(Flow f, SignCertificateRequest csr) throws Exception {
        SignCertificateOutcome o = f.csms.onSignCertificate(Flow.SERIAL, Flow.SERIAL, csr);
        assertThat(f.station.onSignCertificateResponse(f.wire(o.response()))).isPresent();
        CertificateSignedRequest signed = f.wire(o.certificateSigned().orElseThrow().toCompletableFuture().get(10, SECONDS));
        assertThat(signed.certificateType()).isEqualTo(csr.certificateType());
        return f.wire(f.station.onCertificateSigned(signed));
    }

    void installOldCertificate(TestCertificate old) throws Exception {
        flow.store.installClientCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE, old.chain(),
                KeyHandle.inMemory("factory", old.keyPair().getPrivate()), (c, at) ->
                        io.ocppsec.core.cert.ChainValidationResult.of(c, io.ocppsec.api.requirement.ValidationResult.compliant()));
    }

    @Test
    @DisplayName("Update Charging Station Certificate by request of CSMS - Success (TC_A_11_CSMS scenario, both sides)")
    @Verifies({"A02.FR.02", "A02.FR.03", "A02.FR.06", "A02.FR.08", "A02.FR.11", "A02.FR.13", "A02.FR.14"})
    void updateByRequestOfCsmsSuccessSwitchesAtNotBefore() throws Exception {
        flow(b -> b);
        installOldCertificate(pki.station());
        X509Certificate old = pki.station().certificate();
        flow.caClock.advance(Duration.ofHours(1)); // the CA issues a certificate valid from one hour on

        TriggerResult t = flow.station.onTriggerMessage(flow.wire(
                CertificateUpdateAdvisor.triggerFor(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)));
        SignCertificateRequest csr = flow.wire(t.followUp().orElseThrow());
        assertThat(csr.certificateType()).contains(CertificateSigningUse.CHARGING_STATION_CERTIFICATE);
        assertThat(csr.csr()).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        SignCertificateOutcome o = flow.csms.onSignCertificate(Flow.SERIAL, Flow.SERIAL, csr);
        assertThat(flow.wire(o.response()).status()).isEqualTo(GenericStatus.ACCEPTED);
        CertificateSignedRequest signed = flow.wire(o.certificateSigned().orElseThrow().toCompletableFuture().get(10, SECONDS));
        assertThat(signed.certificateType()).contains(CertificateSigningUse.CHARGING_STATION_CERTIFICATE);
        List<X509Certificate> chain = CertificateParser.forChain().parsePem(signed.certificateChain());
        assertThat(chain).hasSize(2);
        assertThat(chain.get(1)).isEqualTo(pki.csoSubCa().certificate()); // leaf first, no root
        assertThat(chain.get(0).getPublicKey()).isEqualTo(flow.generatedKeys.get(0).getPublic());

        CertificateSignedResponse answer = flow.wire(flow.station.onCertificateSigned(signed));

        assertThat(answer.status()).isEqualTo(CertificateSignedStatus.ACCEPTED);
        assertThat(flow.station.pendingSince(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).isEmpty();
        var active = flow.store.activeCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE).orElseThrow();
        assertThat(active.leaf()).isEqualTo(old); // A02.FR.08: not before its notBefore
        flow.clock.advance(Duration.ofHours(1).plusSeconds(1));
        active = flow.store.activeCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE).orElseThrow();
        assertThat(active.leaf()).isEqualTo(chain.get(0));
        assertThat(active.key().privateKey()).contains(flow.generatedKeys.get(0).getPrivate());
        assertThat(active.leaf().getSubjectX500Principal().getName()).isEqualTo("CN=CS-0001,O=Example CSO");
        assertThat(flow.loggedEvents()).contains(SecurityEventType.RECONFIGURATION_OF_SECURITY_PARAMETERS)
                .doesNotContain(SecurityEventType.INVALID_CHARGING_STATION_CERTIFICATE);
        assertThat(flow.queuedEvents()).isEmpty();
    }

    @Test
    @Verifies("A02.FR.02")
    void theNewKeyPairIsMadeOnlyAfterTheTriggerResponseAndAfreshForEachTrigger() throws Exception {
        flow(b -> b);
        TriggerResult t = flow.station.onTriggerMessage(
                CertificateUpdateAdvisor.triggerFor(CertificateSigningUse.CHARGING_STATION_CERTIFICATE));
        assertThat(t.response().status()).isEqualTo(TriggerMessageStatus.ACCEPTED);
        assertThat(flow.generatedKeys).isEmpty();
        SignCertificateRequest first = t.followUp().orElseThrow();
        assertThat(t.followUp()).contains(first);
        assertThat(flow.generatedKeys).hasSize(1);
        SignCertificateRequest second = flow.station.onTriggerMessage(
                CertificateUpdateAdvisor.triggerFor(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).followUp().orElseThrow();
        assertThat(flow.generatedKeys).hasSize(2);
        assertThat(flow.generatedKeys.get(1).getPublic()).isNotEqualTo(flow.generatedKeys.get(0).getPublic());
        assertThat(second.csr()).isNotEqualTo(first.csr());
    }

    @Test
    @DisplayName("Update Charging Station Certificate by request of CSMS - Success - V2G Certificate (TC_A_12_CSMS scenario)")
    @Verifies({"A02.FR.13", "A02.FR.14", "A02.FR.15"})
    void v2gCertificateUpdateKeepsTheTypeBothWaysAndUsesTheNewest() throws Exception {
        OcppChainValidator v2g = OcppChainValidator.forChargingStationCertificate(
                TrustAnchors.cso(pki.csoRoot().certificate()), Flow.ORG);
        flow(b -> b.v2gCertificates(v2g));
        assertThat(a02(flow, CertificateSigningUse.V2G_CERTIFICATE).status()).isEqualTo(CertificateSignedStatus.ACCEPTED);
        flow.caClock.advance(Duration.ofMinutes(5));
        flow.clock.advance(Duration.ofMinutes(5));
        assertThat(a02(flow, CertificateSigningUse.V2G_CERTIFICATE).status()).isEqualTo(CertificateSignedStatus.ACCEPTED);

        assertThat(flow.store.clientCertificates(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).isEmpty();
        var perRoot = flow.store.activeCertificatesPerRoot(CertificateSigningUse.V2G_CERTIFICATE);
        assertThat(perRoot).hasSize(1);
        assertThat(perRoot.get(0).leaf().getPublicKey()).isEqualTo(flow.generatedKeys.get(1).getPublic());
        var ids = flow.wire(flow.certificates.onGetInstalledCertificateIds(flow.wire(
                new GetInstalledCertificateIdsRequest(List.of(GetCertificateIdUse.V2G_CERTIFICATE_CHAIN)))));
        assertThat(ids.certificateHashDataChain()).hasSize(2)
                .allSatisfy(c -> assertThat(c.childCertificateHashData()).hasSize(1));
    }

    @Test
    void v2gTriggerWithoutV2gSupportIsNotImplemented() throws Exception {
        flow(b -> b);
        TriggerResult t = flow.station.onTriggerMessage(flow.wire(
                CertificateUpdateAdvisor.triggerFor(CertificateSigningUse.V2G_CERTIFICATE)));
        assertThat(t.response().status()).isEqualTo(TriggerMessageStatus.NOT_IMPLEMENTED);
        assertThat(t.followUp()).isEmpty();
        assertThat(flow.generatedKeys).isEmpty();
    }

    @Test
    @DisplayName("Update Charging Station Certificate initiated by the Charging Station - Success (renewal window)")
    @Verifies({"A03.FR.02", "A03.FR.03", "A03.FR.06", "A03.FR.08", "A03.FR.11", "A03.FR.13", "A03.FR.14"})
    void stationInitiatedRenewalWithinTheRenewalWindow() throws Exception {
        flow(b -> b);
        TestCertificate expiring = pki.stationBuilder()
                .validity(TestPki.NOW.minus(Duration.ofDays(300)), TestPki.NOW.plus(Duration.ofDays(10))).build();
        installOldCertificate(expiring);

        SignCertificateRequest csr = flow.wire(flow.station.renewalIfDue(
                CertificateSigningUse.CHARGING_STATION_CERTIFICATE).orElseThrow());
        assertThat(csr.certificateType()).contains(CertificateSigningUse.CHARGING_STATION_CERTIFICATE);
        assertThat(flow.station.renewalIfDue(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).isEmpty(); // pending

        assertThat(signAndDeliver(flow, csr).status()).isEqualTo(CertificateSignedStatus.ACCEPTED);
        var active = flow.store.activeCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE).orElseThrow();
        assertThat(active.leaf().getPublicKey()).isEqualTo(flow.generatedKeys.get(0).getPublic());
        assertThat(flow.store.fallbackCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)
                .map(c -> c.leaf())).contains(expiring.certificate());
        assertThat(flow.station.renewalIfDue(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).isEmpty();
        assertThat(flow.generatedKeys).hasSize(1);
    }

    @Test
    @Verifies("A03.FR.02")
    void noRenewalOutsideTheRenewalWindow() throws Exception {
        flow(b -> b);
        installOldCertificate(pki.stationBuilder()
                .validity(TestPki.NOW.minus(Duration.ofDays(300)), TestPki.NOW.plus(Duration.ofDays(31))).build());
        assertThat(flow.station.renewalIfDue(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).isEmpty();
        flow.clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(flow.station.renewalIfDue(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).isPresent();
        assertThat(flow.generatedKeys).hasSize(1);
    }

    @Test
    @Verifies({"A02.FR.01", "A00.FR.406"})
    void factoryCertificateFromTheManufacturerIsReplacedAfterInstallation() throws Exception {
        flow(b -> b);
        TestCertificate factory = pki.builder(PkiRole.CHARGING_STATION, pki.manufacturerSubCa())
                .organization(TestPki.MANUFACTURER_NAME).commonName(Flow.SERIAL).build();
        installOldCertificate(factory);
        CertificateUpdateAdvisor advisor = CertificateUpdateAdvisor
                .builder(TrustAnchors.cso(pki.csoRoot().certificate()), Flow.ORG).clock(flow.clock).build();

        UpdateAdvice advice = advisor.advise(Flow.SERIAL, factory.chain(), true);
        assertThat(advice.reasons()).containsExactly(UpdateAdvice.Reason.FACTORY_CREDENTIALS,
                UpdateAdvice.Reason.NOT_ISSUED_BY_CSO);
        TriggerResult t = flow.station.onTriggerMessage(flow.wire(advice.trigger().orElseThrow()));
        assertThat(signAndDeliver(flow, flow.wire(t.followUp().orElseThrow())).status())
                .isEqualTo(CertificateSignedStatus.ACCEPTED);

        var active = flow.store.activeCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE).orElseThrow();
        assertThat(active.leaf()).isNotEqualTo(factory.certificate());
        assertThat(active.leaf().getPublicKey()).isNotEqualTo(factory.certificate().getPublicKey());
        assertThat(advisor.advise(Flow.SERIAL, active.chain(), false).updateAdvised()).isFalse();
    }

    @Test
    @Verifies("A03.FR.01")
    void stationReplacesTheManufacturerProvisionedKeyOnItsOwn() throws Exception {
        flow(b -> b);
        TestCertificate factory = pki.builder(PkiRole.CHARGING_STATION, pki.manufacturerSubCa())
                .organization(TestPki.MANUFACTURER_NAME).commonName(Flow.SERIAL).build();
        installOldCertificate(factory);

        // No trigger from the CSMS: the station starts the A03 flow itself after installation.
        SignCertificateRequest csr = flow.wire(
                flow.station.startRenewal(CertificateSigningUse.CHARGING_STATION_CERTIFICATE));
        assertThat(signAndDeliver(flow, csr).status()).isEqualTo(CertificateSignedStatus.ACCEPTED);

        var active = flow.store.activeCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE).orElseThrow();
        assertThat(active.leaf().getPublicKey()).isNotEqualTo(factory.certificate().getPublicKey());
        assertThat(active.leaf().getIssuerX500Principal()).isEqualTo(pki.csoSubCa().certificate().getSubjectX500Principal());
    }

    @Test
    void certificateSignedWithoutTypeMeansChargingStationCertificate() throws Exception {
        flow(b -> b);
        TriggerResult t = flow.station.onTriggerMessage(
                CertificateUpdateAdvisor.triggerFor(CertificateSigningUse.CHARGING_STATION_CERTIFICATE));
        SignCertificateRequest csr = t.followUp().orElseThrow();
        SignCertificateOutcome o = flow.csms.onSignCertificate(Flow.SERIAL, Flow.SERIAL,
                new SignCertificateRequest(csr.csr(), Optional.empty()));
        CertificateSignedRequest signed = o.certificateSigned().orElseThrow().toCompletableFuture().get(10, SECONDS);
        assertThat(signed.certificateType()).isEmpty();
        assertThat(flow.wire(flow.station.onCertificateSigned(flow.wire(signed))).status())
                .isEqualTo(CertificateSignedStatus.ACCEPTED);
        assertThat(flow.store.hasValidClientCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).isTrue();
    }
}
