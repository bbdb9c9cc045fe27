package io.ocppsec.core.station;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.message.CertificateHashData;
import io.ocppsec.api.message.CertificateSignedRequest;
import io.ocppsec.api.message.CertificateSignedResponse.CertificateSignedStatus;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.DeleteCertificateRequest;
import io.ocppsec.api.message.DeleteCertificateResponse.DeleteCertificateStatus;
import io.ocppsec.api.message.GetCertificateIdUse;
import io.ocppsec.api.message.GetInstalledCertificateIdsRequest;
import io.ocppsec.api.message.GetInstalledCertificateIdsResponse.GetInstalledCertificateStatus;
import io.ocppsec.api.message.HashAlgorithm;
import io.ocppsec.api.message.InstallCertificateRequest;
import io.ocppsec.api.message.InstallCertificateResponse.InstallCertificateStatus;
import io.ocppsec.api.message.InstallCertificateUse;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.api.message.StatusInfo;
import io.ocppsec.api.message.TriggerMessageRequest;
import io.ocppsec.api.message.TriggerMessageRequest.MessageTrigger;
import io.ocppsec.api.message.TriggerMessageResponse.TriggerMessageStatus;
import io.ocppsec.api.spi.CertificateAuthority;
import io.ocppsec.core.csms.CertificateUpdateAdvisor;
import io.ocppsec.core.csms.SignCertificateOutcome;
import io.ocppsec.core.store.CertificateHash;
import io.ocppsec.core.store.CsrRetrySchedule;
import io.ocppsec.testpki.TestPki;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Retry schedule, the M-block store messages and secrecy of {@link StationCertificateManager}. */
class StationCertificateManagerTest {

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

    static CertificateHashData hashData(X509Certificate cert, X509Certificate issuer) {
        CertificateHash h = CertificateHash.of(cert, issuer.getPublicKey(), HashAlgorithm.SHA256);
        return new CertificateHashData(HashAlgorithm.SHA256, h.issuerNameHash(),
                h.issuerKeyHash(), h.serialNumber());
    }

    @Test
    @DisplayName("Certificate signed timeout: CertSigningWaitMinimum, CertSigningRepeatTimes, then give up")
    void certificateSignedTimeoutResendsANewCsrThenGivesUp() throws Exception {
        CertificateAuthority silent = request -> new CompletableFuture<>(); // the CA never answers
        flow = new Flow(pki, dir, b -> b.certSigning(Duration.ofSeconds(60), 2), Optional.of(silent));
        flow.installCsoRoot();
        CertificateSigningUse cs = CertificateSigningUse.CHARGING_STATION_CERTIFICATE;
        SignCertificateRequest first = flow.wire(flow.station.onTriggerMessage(
                CertificateUpdateAdvisor.triggerFor(cs)).followUp().orElseThrow());
        SignCertificateOutcome o = flow.csms.onSignCertificate(Flow.SERIAL, Flow.SERIAL, first);
        Instant t0 = flow.clock.instant();
        assertThat(flow.station.onSignCertificateResponse(flow.wire(o.response()))).contains(t0.plusSeconds(60));
        assertThat(o.certificateSigned().orElseThrow().toCompletableFuture()).isNotDone();

        flow.clock.advance(Duration.ofSeconds(30));
        RetryPoll wait = flow.station.pollRetry(cs);
        assertThat(wait.action()).isEqualTo(CsrRetrySchedule.Action.WAIT);
        assertThat(wait.nextPollAt()).contains(t0.plusSeconds(60));

        flow.clock.advance(Duration.ofSeconds(30));
        RetryPoll resend = flow.station.pollRetry(cs);
        assertThat(resend.action()).isEqualTo(CsrRetrySchedule.Action.RESEND);
        SignCertificateRequest second = flow.wire(resend.resend().orElseThrow());
        assertThat(second.csr()).isNotEqualTo(first.csr());
        assertThat(second.certificateType()).contains(cs);
        assertThat(flow.generatedKeys).hasSize(2);

        flow.clock.advance(Duration.ofSeconds(60));
        assertThat(flow.station.pollRetry(cs).action()).isEqualTo(CsrRetrySchedule.Action.RESEND);
        flow.clock.advance(Duration.ofSeconds(60));
        assertThat(flow.station.pollRetry(cs).action()).isEqualTo(CsrRetrySchedule.Action.GIVE_UP);
        assertThat(flow.station.pendingSince(cs)).isEmpty();
        assertThat(flow.generatedKeys).hasSize(3);
        // A certificate that comes after giving up finds no pending CSR.
        assertThat(flow.station.onCertificateSigned(new CertificateSignedRequest(pki.station().chainPem(),
                Optional.empty())).status()).isEqualTo(CertificateSignedStatus.REJECTED);
    }

    @Test
    void aCertificateForTheResentCsrIsAcceptedAndEndsTheSchedule() throws Exception {
        flow = new Flow(pki, dir, b -> b.certSigning(Duration.ofSeconds(10), 1));
        flow.installCsoRoot();
        CertificateSigningUse cs = CertificateSigningUse.CHARGING_STATION_CERTIFICATE;
        flow.station.startRenewal(cs);
        flow.clock.advance(Duration.ofSeconds(10));
        SignCertificateRequest again = flow.station.pollRetry(cs).resend().orElseThrow();
        SignCertificateOutcome o = flow.csms.onSignCertificate(Flow.SERIAL, Flow.SERIAL, flow.wire(again));
        CertificateSignedRequest signed = o.certificateSigned().orElseThrow().toCompletableFuture().get(10, SECONDS);
        assertThat(flow.station.onCertificateSigned(flow.wire(signed)).status()).isEqualTo(CertificateSignedStatus.ACCEPTED);
        assertThat(flow.station.retryState(cs)).isEqualTo(CsrRetrySchedule.State.DONE);
        assertThat(flow.station.pollRetry(cs).action()).isEqualTo(CsrRetrySchedule.Action.NONE);
    }

    @Test
    void withoutRepeatTimesTheStationOnlyReportsTheGiveUpPoint() throws Exception {
        flow = new Flow(pki, dir, b -> b);
        flow.station.startRenewal(CertificateSigningUse.CHARGING_STATION_CERTIFICATE);
        flow.clock.advance(Duration.ofSeconds(30));
        assertThat(flow.station.pollRetry(CertificateSigningUse.CHARGING_STATION_CERTIFICATE).action())
                .isEqualTo(CsrRetrySchedule.Action.GIVE_UP);
        assertThat(flow.generatedKeys).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = MessageTrigger.class, names = {"SIGN_CHARGING_STATION_CERTIFICATE", "SIGN_V2G_CERTIFICATE"},
            mode = EnumSource.Mode.EXCLUDE)
    void otherTriggersAreNotHandledHere(MessageTrigger trigger) throws Exception {
        flow = new Flow(pki, dir, b -> b);
        TriggerResult r = flow.station.onTriggerMessage(flow.wire(new TriggerMessageRequest(Optional.empty(), trigger)));
        assertThat(r.response().status()).isEqualTo(TriggerMessageStatus.NOT_IMPLEMENTED);
        assertThat(r.followUp()).isEmpty();
        assertThat(flow.generatedKeys).isEmpty();
    }

    @Test
    void installGetAndDeleteRootCertificatesRoundTrip() throws Exception {
        flow = new Flow(pki, dir, b -> b);
        X509Certificate root = pki.csoRoot().certificate();
        var install = new InstallCertificateRequest(InstallCertificateUse.CSMS_ROOT_CERTIFICATE, pki.csoRoot().pem());
        assertThat(flow.wire(flow.station.onInstallCertificate(flow.wire(install))).status())
                .isEqualTo(InstallCertificateStatus.ACCEPTED);
        assertThat(flow.station.onInstallCertificate(install).status()).isEqualTo(InstallCertificateStatus.ACCEPTED);
        assertThat(flow.wire(flow.station.onInstallCertificate(flow.wire(new InstallCertificateRequest(
                InstallCertificateUse.MANUFACTURER_ROOT_CERTIFICATE, pki.manufacturerRoot().pem())))).status())
                .isEqualTo(InstallCertificateStatus.ACCEPTED);
        assertThat(flow.loggedEvents()).containsExactly(SecurityEventType.RECONFIGURATION_OF_SECURITY_PARAMETERS,
                SecurityEventType.RECONFIGURATION_OF_SECURITY_PARAMETERS); // the repeat changed nothing

        var ids = flow.wire(flow.station.onGetInstalledCertificateIds(flow.wire(
                new GetInstalledCertificateIdsRequest(List.of(GetCertificateIdUse.CSMS_ROOT_CERTIFICATE)))));
        assertThat(ids.status()).isEqualTo(GetInstalledCertificateStatus.ACCEPTED);
        assertThat(ids.certificateHashDataChain()).singleElement().satisfies(c -> {
            assertThat(c.certificateType()).isEqualTo(GetCertificateIdUse.CSMS_ROOT_CERTIFICATE);
            assertThat(c.certificateHashData()).isEqualTo(hashData(root, root));
        });
        assertThat(flow.station.onGetInstalledCertificateIds(new GetInstalledCertificateIdsRequest(List.of()))
                .certificateHashDataChain()).hasSize(2);

        var delete = flow.wire(new DeleteCertificateRequest(hashData(root, root)));
        assertThat(flow.wire(flow.station.onDeleteCertificate(delete)).status()).isEqualTo(DeleteCertificateStatus.ACCEPTED);
        assertThat(flow.station.onDeleteCertificate(delete).status()).isEqualTo(DeleteCertificateStatus.NOT_FOUND);
        assertThat(flow.station.onGetInstalledCertificateIds(new GetInstalledCertificateIdsRequest(
                List.of(GetCertificateIdUse.CSMS_ROOT_CERTIFICATE))).status()).isEqualTo(GetInstalledCertificateStatus.NOT_FOUND);
        assertThat(flow.loggedEvents()).hasSize(3);
    }

    @Test
    void installRejectsWhatIsNotOneValidCaCertificate() throws Exception {
        flow = new Flow(pki, dir, b -> b);
        var leaf = flow.station.onInstallCertificate(new InstallCertificateRequest(
                InstallCertificateUse.CSMS_ROOT_CERTIFICATE, pki.station().pem()));
        assertThat(leaf.status()).isEqualTo(InstallCertificateStatus.REJECTED);
        assertThat(leaf.statusInfo().map(StatusInfo::reasonCode)).contains("InvalidCertificate");
        var garbage = flow.station.onInstallCertificate(new InstallCertificateRequest(
                InstallCertificateUse.CSMS_ROOT_CERTIFICATE, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"));
        assertThat(garbage.status()).isEqualTo(InstallCertificateStatus.REJECTED);
        var two = flow.station.onInstallCertificate(new InstallCertificateRequest(
                InstallCertificateUse.CSMS_ROOT_CERTIFICATE, pki.csoRoot().pem() + pki.manufacturerRoot().pem()));
        assertThat(two.status()).isEqualTo(InstallCertificateStatus.REJECTED);
        assertThat(flow.store.size()).isZero();
        assertThat(flow.loggedEvents()).isEmpty();
    }

    @Test
    void deleteWithMalformedOrUnknownHashDataIsNotFound() throws Exception {
        flow = new Flow(pki, dir, b -> b);
        flow.installCsoRoot();
        var bad = new CertificateHashData(HashAlgorithm.SHA256, "zz", "yy", "not-hex");
        assertThat(flow.station.onDeleteCertificate(new DeleteCertificateRequest(bad)).status())
                .isEqualTo(DeleteCertificateStatus.NOT_FOUND);
        X509Certificate other = pki.manufacturerRoot().certificate();
        assertThat(flow.station.onDeleteCertificate(new DeleteCertificateRequest(hashData(other, other))).status())
                .isEqualTo(DeleteCertificateStatus.NOT_FOUND);
        assertThat(flow.store.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("Delete a specific certificate - the station's own active client certificate is refused")
    void deletingTheActiveClientCertificateFails() throws Exception {
        flow = new Flow(pki, dir, b -> b);
        flow.installCsoRoot();
        assertThat(CertificateUpdateFlowTest.a02(flow, CertificateSigningUse.CHARGING_STATION_CERTIFICATE).status())
                .isEqualTo(CertificateSignedStatus.ACCEPTED);
        X509Certificate leaf = flow.store.activeCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)
                .orElseThrow().leaf();
        var answer = flow.wire(flow.station.onDeleteCertificate(flow.wire(new DeleteCertificateRequest(
                hashData(leaf, pki.csoSubCa().certificate())))));
        assertThat(answer.status()).isEqualTo(DeleteCertificateStatus.FAILED);
        assertThat(flow.store.hasValidClientCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).isTrue();
    }

    @Test
    void noPrivateKeyReachesTheSecurityLogTheQueueOrToString() throws Exception {
        flow = new Flow(pki, dir, b -> b);
        flow.installCsoRoot();
        TriggerResult t = flow.station.onTriggerMessage(
                CertificateUpdateAdvisor.triggerFor(CertificateSigningUse.CHARGING_STATION_CERTIFICATE));
        SignCertificateRequest csr = t.followUp().orElseThrow();
        SignCertificateOutcome o = flow.csms.onSignCertificate(Flow.SERIAL, Flow.SERIAL, csr);
        flow.station.onCertificateSigned(o.certificateSigned().orElseThrow().toCompletableFuture().get(10, SECONDS));
        flow.station.onCertificateSigned(new CertificateSignedRequest(pki.station().chainPem(), Optional.empty()));

        byte[] privateKey = flow.generatedKeys.get(0).getPrivate().getEncoded();
        String b64 = Base64.getEncoder().encodeToString(privateKey);
        String all = flow.allLogText();
        assertThat(flow.loggedEvents()).contains(SecurityEventType.RECONFIGURATION_OF_SECURITY_PARAMETERS,
                SecurityEventType.INVALID_CHARGING_STATION_CERTIFICATE);
        for (String text : List.of(all, flow.station.toString(), t.toString(), csr.toString(), o.toString())) {
            assertThat(text).doesNotContain("PRIVATE KEY").doesNotContain(b64.substring(0, 40))
                    .doesNotContain(b64.substring(b64.length() - 40));
        }
        assertThat(csr.csr()).doesNotContain(b64.substring(0, 40));
    }

    @Test
    void builderRefusesBadSettings() throws Exception {
        flow = new Flow(pki, dir, b -> b);
        var reporter = new io.ocppsec.core.event.SecurityEventReporter(flow.log, flow.queue, () -> { });
        assertThatThrownBy(() -> StationCertificateManager.builder(flow.store, reporter, Flow.ORG, "https://cs.example"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StationCertificateManager.builder(flow.store, reporter, "", Flow.SERIAL))
                .isInstanceOf(IllegalArgumentException.class);
        var b = StationCertificateManager.builder(flow.store, reporter, Flow.ORG, Flow.SERIAL);
        assertThatThrownBy(() -> b.maxCertificateChainSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxCertificateChainSize(10_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.certSigning(Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.certSigning(Duration.ofSeconds(1), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.build().startRenewal(CertificateSigningUse.V2G_CERTIFICATE))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void certificateOperationsAreRefusedOnSecurityProfile1() throws Exception {
        java.util.concurrent.atomic.AtomicReference<io.ocppsec.api.SecurityProfile> profile =
                new java.util.concurrent.atomic.AtomicReference<>(io.ocppsec.api.SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH);
        flow = new Flow(pki, dir, b -> b.securityProfile(profile::get));
        TriggerResult t = flow.station.onTriggerMessage(
                CertificateUpdateAdvisor.triggerFor(CertificateSigningUse.CHARGING_STATION_CERTIFICATE));
        assertThat(t.response().status()).isEqualTo(TriggerMessageStatus.REJECTED);
        assertThat(t.response().statusInfo()).map(StatusInfo::reasonCode).contains(StationCertificateManager.PROFILE_1_REASON);
        assertThat(t.followUp()).isEmpty();
        assertThat(flow.generatedKeys).isEmpty();
        assertThatThrownBy(() -> flow.station.startRenewal(CertificateSigningUse.CHARGING_STATION_CERTIFICATE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("security profile 1");
        assertThat(flow.station.renewalIfDue(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).isEmpty();
        assertThat(flow.station.onCertificateSigned(new CertificateSignedRequest(pki.station().chainPem(),
                Optional.empty())).status()).isEqualTo(CertificateSignedStatus.REJECTED);
        assertThat(flow.station.onInstallCertificate(new InstallCertificateRequest(
                InstallCertificateUse.CSMS_ROOT_CERTIFICATE, pki.foreignRoot().pem())).status())
                .isEqualTo(InstallCertificateStatus.REJECTED);
        var ids = flow.station.onGetInstalledCertificateIds(new GetInstalledCertificateIdsRequest(List.of()));
        assertThat(ids.statusInfo().map(StatusInfo::reasonCode)).as("reading is still allowed")
                .isNotEqualTo(Optional.of(StationCertificateManager.PROFILE_1_REASON));

        // After the upgrade to profile 2 the same trigger is accepted.
        profile.set(io.ocppsec.api.SecurityProfile.TLS_BASIC_AUTH);
        assertThat(flow.station.onTriggerMessage(CertificateUpdateAdvisor.triggerFor(
                CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).response().status())
                .isEqualTo(TriggerMessageStatus.ACCEPTED);
    }
}
