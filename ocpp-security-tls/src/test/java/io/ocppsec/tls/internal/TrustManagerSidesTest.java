package io.ocppsec.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.core.cert.CertificateRole;
import io.ocppsec.core.cert.ChainValidationResult;
import io.ocppsec.core.cert.ChainValidator;
import io.ocppsec.core.cert.OcppChainValidator;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.TlsFailure;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each trust manager verifies one side only; the other side's calls are refused (fail closed). */
class TrustManagerSidesTest {

    private static final TestPki PKI = TestPki.create();
    private static final X509Certificate[] CHAIN = PKI.station().chain().toArray(new X509Certificate[0]);
    private static final ChainValidator ACCEPT_ALL = (chain, at) -> new ChainValidationResult(
            io.ocppsec.api.requirement.ValidationResult.compliant(), chain, Optional.empty());

    private final List<TlsFailure> failures = new ArrayList<>();
    private final ReloadableTrustManager.Setup setup = new ReloadableTrustManager.Setup(TestPki.CLOCK, Ids.PROFILE_3,
            failures::add);

    @Test
    void theCsmsSideRefusesServerCertificates() {
        StationCertificateTrustManager tm = new StationCertificateTrustManager(ACCEPT_ALL, setup);
        assertThatThrownBy(() -> tm.checkServerTrusted(CHAIN, "EC")).isInstanceOf(CertificateException.class)
                .hasMessageContaining("Charging Station client certificates only");
        assertThatThrownBy(() -> tm.checkServerTrusted(CHAIN, "EC", (java.net.Socket) null))
                .isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> tm.checkServerTrusted(CHAIN, "EC", (javax.net.ssl.SSLEngine) null))
                .isInstanceOf(CertificateException.class);
        assertThat(tm.getAcceptedIssuers()).isEmpty();
    }

    @Test
    void theStationSideRefusesClientCertificates() {
        CsmsCertificateTrustManager tm = new CsmsCertificateTrustManager(ACCEPT_ALL, setup,
                new CsmsCertificateTrustManager.NameCheck(Optional.of(TestPki.CSMS_FQDN), false), Optional.empty());
        assertThatThrownBy(() -> tm.checkClientTrusted(CHAIN, "EC")).isInstanceOf(CertificateException.class)
                .hasMessageContaining("CSMS server certificates only");
        assertThatThrownBy(() -> tm.checkClientTrusted(CHAIN, "EC", (java.net.Socket) null))
                .isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> tm.checkClientTrusted(CHAIN, "EC", (javax.net.ssl.SSLEngine) null))
                .isInstanceOf(CertificateException.class);
        assertThat(failures).isEmpty();
    }

    @Test
    void theStationSideAppliesItsSubjectAltNameSettingToAnInstalledOcppValidator() {
        OcppChainValidator ocpp = OcppChainValidator.forCsmsCertificate(
                TrustAnchors.of(CertificateRole.Hierarchy.CSO, List.of(PKI.csoRoot().certificate())), TestPki.CSMS_FQDN);
        CsmsCertificateTrustManager tm = new CsmsCertificateTrustManager(ocpp, setup,
                new CsmsCertificateTrustManager.NameCheck(Optional.empty(), true), Optional.empty());
        assertThat(tm.current()).isNotSameAs(ocpp).isInstanceOf(OcppChainValidator.class);
        tm.update(ACCEPT_ALL);
        assertThat(tm.current()).isSameAs(ACCEPT_ALL);
    }

    @Test
    void aRefusedStationChainIsReportedOnceAndThrown() {
        StationCertificateTrustManager tm = new StationCertificateTrustManager(
                (chain, at) -> ChainValidationResult.refused(io.ocppsec.api.requirement.ValidationResult.of(
                        io.ocppsec.api.requirement.Violation.of("A00.FR.403",
                                io.ocppsec.api.requirement.RequirementLevel.SHALL, "refused", "accepted"))), setup);
        assertThatThrownBy(() -> tm.checkClientTrusted(CHAIN, "EC")).isInstanceOf(PeerCertificateException.class);
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.endpoint()).isEqualTo(TlsFailure.Endpoint.CSMS);
            assertThat(f.kind()).isEqualTo(TlsFailure.Kind.INVALID_PEER_CERTIFICATE);
        });
    }
}
