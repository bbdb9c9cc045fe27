package io.ocppsec.core.signing;

import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.MutableClock;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.message.CertificateSignedRequest;
import io.ocppsec.api.message.CertificateSignedResponse;
import io.ocppsec.api.message.CertificateSignedResponse.CertificateSignedStatus;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.GenericStatus;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.api.message.StatusInfo;
import io.ocppsec.core.cert.SignedCertificateCheck;
import io.ocppsec.core.csr.CsrBuilder;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Invalid certificates in CertificateSigned (A02.FR.06/07/16 and the same A03 rules) and rejected CSRs
 * (A02.FR.12/A03.FR.12), for both ways a CSR starts: the CSMS's trigger (A02) and the station's renewal (A03).
 */
class CertificateSignedRejectionTest {

    /** How the CSR was started. */
    enum Start { A02_TRIGGER, A03_RENEWAL }

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

    SignCertificateRequest start(Start how) throws Exception {
        if (how == Start.A02_TRIGGER) {
            return flow.wire(flow.station.onTriggerMessage(flow.wire(CertificateUpdateAdvisor.triggerFor(
                    CertificateSigningUse.CHARGING_STATION_CERTIFICATE))).followUp().orElseThrow());
        }
        return flow.wire(flow.station.startRenewal(CertificateSigningUse.CHARGING_STATION_CERTIFICATE));
    }

    void assertRejectedAndDiscarded(CertificateSignedResponse answer, String reason, boolean event) throws Exception {
        assertThat(answer.status()).isEqualTo(CertificateSignedStatus.REJECTED);
        assertThat(answer.statusInfo().map(StatusInfo::reasonCode)).contains(reason);
        assertThat(flow.store.clientCertificates(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).isEmpty();
        if (event) {
            assertThat(flow.loggedEvents()).contains(SecurityEventType.INVALID_CHARGING_STATION_CERTIFICATE);
            assertThat(flow.queuedEvents()).containsExactly(SecurityEventType.INVALID_CHARGING_STATION_CERTIFICATE);
        } else {
            assertThat(flow.loggedEvents()).doesNotContain(SecurityEventType.INVALID_CHARGING_STATION_CERTIFICATE);
            assertThat(flow.queuedEvents()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Start.class)
    @DisplayName("Update Charging Station Certificate - Invalid certificate: chain from a foreign CA")
    @Verifies({"A02.FR.06", "A02.FR.07", "A03.FR.06", "A03.FR.07"})
    void chainFromAForeignCaIsRejectedWithTheEvent(Start how) throws Exception {
        flow = new Flow(pki, dir, b -> b, Optional.of(Flow.ca(pki.foreignSubCa(), List.of(pki.foreignRoot()),
                new MutableClock(TestPki.NOW))));
        flow.installCsoRoot();
        SignCertificateOutcome o = flow.csms.onSignCertificate(Flow.SERIAL, Flow.SERIAL, start(how));
        CertificateSignedRequest signed = flow.wire(o.certificateSigned().orElseThrow().toCompletableFuture().get(10, SECONDS));
        assertRejectedAndDiscarded(flow.wire(flow.station.onCertificateSigned(signed)),
                SignedCertificateCheck.INVALID_CERTIFICATE, true);
        // The CSR is still pending: a correct certificate may still come.
        assertThat(flow.station.pendingSince(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).isPresent();
    }

    @ParameterizedTest
    @EnumSource(Start.class)
    @DisplayName("Update Charging Station Certificate - Invalid certificate: certificate for another key")
    @Verifies({"A02.FR.06", "A02.FR.07", "A03.FR.06", "A03.FR.07"})
    void certificateForAnotherKeyIsRejectedWithTheEvent(Start how) throws Exception {
        flow = new Flow(pki, dir, b -> b);
        flow.installCsoRoot();
        start(how);
        // A genuine CSO certificate with the right subject, but for a key the station never generated.
        var otherCsr = CsrBuilder.forChargingStation(Flow.ORG, Flow.SERIAL).generate();
        SignCertificateOutcome o = flow.csms.onSignCertificate(Flow.SERIAL, Flow.SERIAL,
                new SignCertificateRequest(otherCsr.request().pem(), Optional.of(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)));
        CertificateSignedRequest signed = flow.wire(o.certificateSigned().orElseThrow().toCompletableFuture().get(10, SECONDS));
        CertificateSignedResponse answer = flow.wire(flow.station.onCertificateSigned(signed));
        assertRejectedAndDiscarded(answer, SignedCertificateCheck.INVALID_CERTIFICATE, true);
        assertThat(answer.statusInfo().orElseThrow().additionalInfo().orElseThrow()).contains("A02.FR.06");
    }

    @ParameterizedTest
    @EnumSource(Start.class)
    @Verifies({"A02.FR.06", "A02.FR.07", "A03.FR.06", "A03.FR.07"})
    void certificateWithTheWrongOrganizationIsRejected(Start how) throws Exception {
        flow = new Flow(pki, dir, b -> b);
        flow.installCsoRoot();
        start(how);
        KeyPair pending = flow.generatedKeys.get(0);
        TestCertificate wrongO = pki.stationBuilder().organization("Other CSO").keyPair(pending).build();
        CertificateSignedResponse answer = flow.wire(flow.station.onCertificateSigned(flow.wire(
                new CertificateSignedRequest(wrongO.chainPem(), Optional.empty()))));
        assertRejectedAndDiscarded(answer, SignedCertificateCheck.INVALID_CERTIFICATE, true);
        assertThat(answer.statusInfo().orElseThrow().additionalInfo().orElseThrow()).contains("A00.FR.404");
    }

    @ParameterizedTest
    @EnumSource(Start.class)
    @Verifies({"A02.FR.06", "A02.FR.07", "A03.FR.06", "A03.FR.07"})
    void expiredCertificateIsRejected(Start how) throws Exception {
        flow = new Flow(pki, dir, b -> b);
        flow.installCsoRoot();
        start(how);
        TestCertificate expired = pki.stationBuilder().keyPair(flow.generatedKeys.get(0))
                .validity(TestPki.NOW.minus(Duration.ofDays(20)), TestPki.NOW.minus(Duration.ofDays(1))).build();
        assertRejectedAndDiscarded(flow.wire(flow.station.onCertificateSigned(flow.wire(
                new CertificateSignedRequest(expired.chainPem(), Optional.empty())))),
                SignedCertificateCheck.INVALID_CERTIFICATE, true);
    }

    @ParameterizedTest
    @EnumSource(Start.class)
    @DisplayName("Update Charging Station Certificate - certificate chain larger than MaxCertificateChainSize")
    @Verifies({"A02.FR.16", "A03.FR.16"})
    void chainLargerThanMaxCertificateChainSizeIsRejectedBeforeParsing(Start how) throws Exception {
        flow = new Flow(pki, dir, b -> b.maxCertificateChainSize(1000));
        flow.installCsoRoot();
        SignCertificateOutcome o = flow.csms.onSignCertificate(Flow.SERIAL, Flow.SERIAL, start(how));
        CertificateSignedRequest signed = flow.wire(o.certificateSigned().orElseThrow().toCompletableFuture().get(10, SECONDS));
        assertThat(signed.certificateChain().length()).isGreaterThan(1000);
        assertRejectedAndDiscarded(flow.wire(flow.station.onCertificateSigned(signed)),
                SignedCertificateCheck.TOO_LARGE_ELEMENT, false);
        // Garbage of the same size gets the same answer: the size is judged before any parsing.
        assertThat(flow.station.onCertificateSigned(new CertificateSignedRequest("x".repeat(1001), Optional.empty()))
                .statusInfo().map(StatusInfo::reasonCode)).contains(SignedCertificateCheck.TOO_LARGE_ELEMENT);
    }

    @Test
    void certificateSignedWithNoPendingCsrIsRejected() throws Exception {
        flow = new Flow(pki, dir, b -> b);
        flow.installCsoRoot();
        CertificateSignedResponse answer = flow.station.onCertificateSigned(
                new CertificateSignedRequest(pki.station().chainPem(), Optional.empty()));
        assertRejectedAndDiscarded(answer, SignedCertificateCheck.INVALID_CERTIFICATE, true);
    }

    @Test
    void malformedPemIsRejectedWithTheEvent() throws Exception {
        flow = new Flow(pki, dir, b -> b);
        flow.installCsoRoot();
        start(Start.A02_TRIGGER);
        assertRejectedAndDiscarded(flow.station.onCertificateSigned(new CertificateSignedRequest(
                "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n", Optional.empty())),
                SignedCertificateCheck.INVALID_CERTIFICATE, true);
    }

    @Test
    void withoutAnInstalledCsoRootNothingCanBeAccepted() throws Exception {
        flow = new Flow(pki, dir, b -> b);
        SignCertificateOutcome o = flow.csms.onSignCertificate(Flow.SERIAL, Flow.SERIAL, start(Start.A02_TRIGGER));
        CertificateSignedRequest signed = o.certificateSigned().orElseThrow().toCompletableFuture().get(10, SECONDS);
        assertRejectedAndDiscarded(flow.station.onCertificateSigned(signed), SignedCertificateCheck.INVALID_CERTIFICATE, true);
    }

    @ParameterizedTest
    @EnumSource(Start.class)
    @DisplayName("CSR rejected: the CSR names another station's serial number")
    @Verifies({"A02.FR.12", "A03.FR.12"})
    void csrForAnotherStationsSerialIsRejectedAndNotRetried(Start how) throws Exception {
        // This station believes it is CS-9999, but the CSMS has CS-0001 bound to the connection.
        flow = new Flow(pki, dir, b -> b);
        CertificateSigningClient impostor = CertificateSigningClient.builder(flow.store,
                new io.ocppsec.core.event.SecurityEventReporter(flow.log, flow.queue, () -> { }), Flow.ORG, "CS-9999")
                .clock(flow.clock).certSigning(Duration.ofSeconds(60), 3).build();
        SignCertificateRequest csr = how == Start.A02_TRIGGER
                ? impostor.onTriggerMessage(CertificateUpdateAdvisor.triggerFor(
                        CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).followUp().orElseThrow()
                : impostor.startRenewal(CertificateSigningUse.CHARGING_STATION_CERTIFICATE);
        SignCertificateOutcome o = flow.csms.onSignCertificate(Flow.SERIAL, Flow.SERIAL, flow.wire(csr));
        var response = flow.wire(o.response());
        assertThat(response.status()).isEqualTo(GenericStatus.REJECTED);
        assertThat(response.statusInfo().map(StatusInfo::reasonCode)).contains("InvalidCSR");
        assertThat(o.certificateSigned()).isEmpty();
        assertThat(impostor.onSignCertificateResponse(response)).isEmpty();
        assertThat(impostor.retryState(CertificateSigningUse.CHARGING_STATION_CERTIFICATE))
                .isEqualTo(CsrRetrySchedule.State.GAVE_UP);
        assertThat(impostor.pendingSince(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).isEmpty();
        flow.clock.advance(Duration.ofHours(1));
        assertThat(impostor.pollRetry(CertificateSigningUse.CHARGING_STATION_CERTIFICATE).action())
                .isEqualTo(CsrRetrySchedule.Action.GIVE_UP);
    }
}
