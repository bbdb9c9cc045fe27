package io.ocppsec.core.signing;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.message.CertificateSignedRequest;
import io.ocppsec.api.message.CertificateSignedResponse;
import io.ocppsec.api.message.CertificateSignedResponse.CertificateSignedStatus;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.core.cert.CertificateParser;
import io.ocppsec.core.cert.CertificateRole;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.ForgedChain;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain of a CertificateSignedRequest may come in any order (the station finds the leaf and binds it to the
 * pending key, A02.FR.06), but what is stored and later presented in TLS with that key is exactly the validated
 * path, leaf first: never a certificate of the received chain that was not validated (issue 20).
 */
class CertificateSignedChainOrderTest {

    static final TestPki PKI = TestPki.create();

    @TempDir
    Path dir;
    Flow flow;

    @AfterEach
    void close() throws Exception {
        if (flow != null) {
            flow.close();
        }
    }

    private List<X509Certificate> signedChain() throws Exception {
        flow = new Flow(PKI, dir, b -> b);
        flow.installCsoRoot();
        var request = flow.wire(flow.station.onTriggerMessage(flow.wire(CertificateUpdateAdvisor.triggerFor(
                CertificateSigningUse.CHARGING_STATION_CERTIFICATE))).followUp().orElseThrow());
        CertificateSignedRequest signed = flow.csms.onSignCertificate(Flow.SERIAL, Flow.SERIAL, request)
                .certificateSigned().orElseThrow().toCompletableFuture().get(10, SECONDS);
        return CertificateParser.forChain().parsePem(signed.certificateChain());
    }

    private CertificateSignedResponse send(List<X509Certificate> chain) {
        return flow.wire(flow.station.onCertificateSigned(flow.wire(new CertificateSignedRequest(
                TestCertificate.toPem(chain), Optional.of(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)))));
    }

    @Test
    @Verifies({"A02.FR.06", "A02.FR.08"})
    void aShuffledChainWithForgeriesIsAcceptedAndOnlyTheValidatedPathIsStored() throws Exception {
        List<X509Certificate> genuine = signedChain();
        X509Certificate leaf = genuine.get(0);
        ForgedChain f = ForgedChain.impersonating(PKI, PkiRole.CHARGING_STATION, Flow.SERIAL, PKI.station());
        List<X509Certificate> received = new ArrayList<>();
        received.add(PKI.csoRoot().certificate());
        received.add(f.attacker().certificate());
        received.addAll(genuine.subList(1, genuine.size()));
        received.add(leaf);
        received.add(f.dangling().certificate());
        received.add(PKI.station().certificate());

        CertificateSignedResponse answer = send(received);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(CertificateSignedStatus.ACCEPTED);
        assertThat(flow.store.clientCertificates(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).singleElement()
                .satisfies(c -> assertThat(c.chain()).containsExactly(leaf, PKI.csoSubCa().certificate()));
    }

    @Test
    @Verifies({"A02.FR.06", "A02.FR.07"})
    void aForgedCertificateWithTheStationsNameButNotItsPendingKeyIsRejected() throws Exception {
        signedChain(); // a CSR is pending; the CSMS's answer is replaced by the attacker's
        ForgedChain f = ForgedChain.impersonating(PKI, PkiRole.CHARGING_STATION, Flow.SERIAL, PKI.station());
        CertificateSignedResponse answer = send(f.chain());
        assertThat(answer.status()).isEqualTo(CertificateSignedStatus.REJECTED);
        assertThat(answer.statusInfo().orElseThrow().additionalInfo().orElseThrow()).contains("A02.FR.06");
        assertThat(flow.store.clientCertificates(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).isEmpty();
        assertThat(flow.queuedEvents()).containsExactly(SecurityEventType.INVALID_CHARGING_STATION_CERTIFICATE);
    }
}
