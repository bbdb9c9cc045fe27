package io.ocppsec.core.signing;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.message.CertificateSignedRequest;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.GenericStatus;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.api.message.StatusInfo;
import io.ocppsec.api.spi.CertificateAuthority;
import io.ocppsec.core.ca.InsecureLocalCertificateAuthority;
import io.ocppsec.core.cert.CertificateParser;
import io.ocppsec.core.csr.CsrBuilder;
import io.ocppsec.core.csr.CsrInspector;
import io.ocppsec.core.csr.GeneratedCsr;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.TestPki;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateSigningServiceTest {

    static final String SERIAL = TestPki.STATION_SERIAL;
    static TestPki pki;
    static InsecureLocalCertificateAuthority ca;

    @BeforeAll
    static void setUp() {
        pki = TestPki.create();
        ca = InsecureLocalCertificateAuthority.builder(pki.csoSubCa().certificate(),
                pki.csoSubCa().keyPair().getPrivate())
                .intermediates(List.of(pki.csoRoot().certificate())).clock(TestPki.CLOCK).build();
    }

    static CertificateSigningService service(CertificateAuthority authority) {
        return CertificateSigningService.of(CsrInspector.forOrganization(TestPki.CSO_NAME), authority);
    }

    static GeneratedCsr csr(CertificateSigningUse use, String org, String serial) throws Exception {
        return CsrBuilder.forUse(use, org, serial).generate();
    }

    @ParameterizedTest
    @EnumSource(CertificateSigningUse.class)
    @Verifies({"A02.FR.11", "A02.FR.14", "A03.FR.11", "A03.FR.14"})
    void acceptedCsrIsSignedWithTheSameCertificateType(CertificateSigningUse use) throws Exception {
        GeneratedCsr csr = csr(use, TestPki.CSO_NAME, SERIAL);
        SignCertificateOutcome o = service(ca).onSignCertificate("CS-0001", SERIAL,
                new SignCertificateRequest(csr.request().pem(), Optional.of(use)));
        assertThat(o.response().status()).isEqualTo(GenericStatus.ACCEPTED);
        assertThat(o.response().statusInfo()).isEmpty();
        assertThat(o.isAccepted()).isTrue();
        CertificateSignedRequest signed = o.certificateSigned().orElseThrow().toCompletableFuture().get(10, SECONDS);
        assertThat(signed.certificateType()).contains(use);
        List<X509Certificate> chain = CertificateParser.forChain().parsePem(signed.certificateChain());
        assertThat(chain.get(0).getPublicKey()).isEqualTo(csr.keyPair().publicKey());
        assertThat(signed.certificateChain().length()).isLessThanOrEqualTo(CertificateSigningService.MAX_CHAIN_CHARS);
    }

    @Test
    void absentCertificateTypeStaysAbsent() throws Exception {
        GeneratedCsr csr = csr(CertificateSigningUse.CHARGING_STATION_CERTIFICATE, TestPki.CSO_NAME, SERIAL);
        SignCertificateOutcome o = service(ca).onSignCertificate("CS-0001", SERIAL,
                new SignCertificateRequest(csr.request().pem(), Optional.empty()));
        assertThat(o.certificateSigned().orElseThrow().toCompletableFuture().get(10, SECONDS).certificateType()).isEmpty();
    }

    @Test
    @Verifies({"A02.FR.12", "A03.FR.12"})
    void csrForAnotherStationsSerialIsRejectedAsInvalidCsr() throws Exception {
        GeneratedCsr other = csr(CertificateSigningUse.CHARGING_STATION_CERTIFICATE, TestPki.CSO_NAME, "CS-0002");
        SignCertificateOutcome o = service(ca).onSignCertificate("CS-0001", SERIAL,
                new SignCertificateRequest(other.request().pem(), Optional.of(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)));
        assertThat(o.response().status()).isEqualTo(GenericStatus.REJECTED);
        assertThat(o.response().statusInfo().map(StatusInfo::reasonCode)).contains("InvalidCSR");
        assertThat(o.response().statusInfo().flatMap(StatusInfo::additionalInfo).orElseThrow()).contains("A00.FR.511");
        assertThat(o.certificateSigned()).isEmpty();
        assertThat(o.inspection().isAccepted()).isFalse();
    }

    @Test
    @Verifies({"A02.FR.12", "A03.FR.12"})
    void csrWithAnotherOrganizationIsRejected() throws Exception {
        GeneratedCsr other = csr(CertificateSigningUse.CHARGING_STATION_CERTIFICATE, "Other CSO", SERIAL);
        assertThat(service(ca).onSignCertificate("CS-0001", SERIAL, new SignCertificateRequest(other.request().pem(),
                Optional.empty())).response().status()).isEqualTo(GenericStatus.REJECTED);
    }

    @Test
    @Verifies({"A02.FR.12", "A03.FR.12"})
    void garbageCsrIsRejectedWithoutReachingTheCa() {
        CertificateAuthority mustNotBeCalled = r -> {
            throw new AssertionError("the CA must not see a rejected CSR");
        };
        for (String bad : List.of("", "not a csr", "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----",
                pki.station().pem())) {
            SignCertificateOutcome o = service(mustNotBeCalled).onSignCertificate("CS-0001", SERIAL,
                    new SignCertificateRequest(bad, Optional.empty()));
            assertThat(o.response().status()).isEqualTo(GenericStatus.REJECTED);
            assertThat(o.certificateSigned()).isEmpty();
        }
    }

    @Test
    @Verifies("A02.FR.11")
    void aFailingCaLeavesTheResponseAcceptedAndFailsTheStage() throws Exception {
        GeneratedCsr csr = csr(CertificateSigningUse.CHARGING_STATION_CERTIFICATE, TestPki.CSO_NAME, SERIAL);
        CertificateAuthority offline = r -> CompletableFuture.failedFuture(new CertificateException("CA offline"));
        SignCertificateOutcome o = service(offline).onSignCertificate("CS-0001", SERIAL,
                new SignCertificateRequest(csr.request().pem(), Optional.empty()));
        assertThat(o.response().status()).isEqualTo(GenericStatus.ACCEPTED);
        assertThatThrownBy(() -> o.certificateSigned().orElseThrow().toCompletableFuture().get(10, SECONDS))
                .isInstanceOf(ExecutionException.class).hasRootCauseMessage("CA offline");
        CertificateAuthority throwing = r -> {
            throw new IllegalStateException("broken CA");
        };
        assertThatThrownBy(() -> service(throwing).onSignCertificate("CS-0001", SERIAL,
                new SignCertificateRequest(csr.request().pem(), Optional.empty())).certificateSigned().orElseThrow()
                .toCompletableFuture().get(10, SECONDS)).isInstanceOf(ExecutionException.class);
    }

    @Test
    void aChainForAnotherKeyEmptyOrTooLongFailsTheStage() throws Exception {
        GeneratedCsr csr = csr(CertificateSigningUse.CHARGING_STATION_CERTIFICATE, TestPki.CSO_NAME, SERIAL);
        SignCertificateRequest request = new SignCertificateRequest(csr.request().pem(), Optional.empty());
        CertificateAuthority wrongKey = r -> CompletableFuture.completedFuture(pki.station().chain());
        CertificateAuthority otherLeafAlone = r -> CompletableFuture.completedFuture(List.of(pki.station().certificate()));
        CertificateAuthority empty = r -> CompletableFuture.completedFuture(List.of());
        for (CertificateAuthority bad : List.of(wrongKey, otherLeafAlone, empty)) {
            assertThatThrownBy(() -> service(bad).onSignCertificate("CS-0001", SERIAL, request).certificateSigned()
                    .orElseThrow().toCompletableFuture().get(10, SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(CertificateException.class);
        }
        // A genuine leaf followed by so many copies of the sub-CA that the PEM passes 10000 characters.
        CertificateAuthority padded = r -> ca.sign(r).thenApply(chain -> {
            List<X509Certificate> big = new java.util.ArrayList<>(chain);
            big.addAll(Collections.nCopies(20, pki.csoSubCa().certificate()));
            return big;
        });
        assertThatThrownBy(() -> service(padded).onSignCertificate("CS-0001", SERIAL, request).certificateSigned()
                .orElseThrow().toCompletableFuture().get(10, SECONDS)).hasMessageContaining("10000");
    }

    @Test
    void blankIdentityIsRefused() throws Exception {
        GeneratedCsr csr = csr(CertificateSigningUse.CHARGING_STATION_CERTIFICATE, TestPki.CSO_NAME, SERIAL);
        SignCertificateRequest request = new SignCertificateRequest(csr.request().pem(), Optional.empty());
        assertThatThrownBy(() -> service(ca).onSignCertificate(" ", SERIAL, request))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service(ca).onSignCertificate("CS-0001", "", request))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
