package io.ocppsec.core.station;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.message.CertificateHashData;
import io.ocppsec.api.message.HashAlgorithm;
import io.ocppsec.api.message.CertificateSignedResponse.CertificateSignedStatus;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.DeleteCertificateRequest;
import io.ocppsec.api.message.DeleteCertificateResponse.DeleteCertificateStatus;
import io.ocppsec.api.message.GetCertificateIdUse;
import io.ocppsec.api.message.GetInstalledCertificateIdsRequest;
import io.ocppsec.api.message.GetInstalledCertificateIdsResponse.GetInstalledCertificateStatus;
import io.ocppsec.api.message.InstallCertificateRequest;
import io.ocppsec.api.message.InstallCertificateResponse.InstallCertificateStatus;
import io.ocppsec.api.message.InstallCertificateUse;
import io.ocppsec.api.message.StatusInfo;
import io.ocppsec.core.signing.Flow;
import io.ocppsec.core.store.CertificateHash;
import io.ocppsec.testpki.TestPki;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The M-block store messages of {@link CertificateStoreHandler}, and its profile-1 gate. */
class CertificateStoreHandlerTest {

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
    void installGetAndDeleteRootCertificatesRoundTrip() throws Exception {
        flow = new Flow(pki, dir, b -> b);
        X509Certificate root = pki.csoRoot().certificate();
        var install = new InstallCertificateRequest(InstallCertificateUse.CSMS_ROOT_CERTIFICATE, pki.csoRoot().pem());
        assertThat(flow.wire(flow.certificates.onInstallCertificate(flow.wire(install))).status())
                .isEqualTo(InstallCertificateStatus.ACCEPTED);
        assertThat(flow.certificates.onInstallCertificate(install).status()).isEqualTo(InstallCertificateStatus.ACCEPTED);
        assertThat(flow.wire(flow.certificates.onInstallCertificate(flow.wire(new InstallCertificateRequest(
                InstallCertificateUse.MANUFACTURER_ROOT_CERTIFICATE, pki.manufacturerRoot().pem())))).status())
                .isEqualTo(InstallCertificateStatus.ACCEPTED);
        assertThat(flow.loggedEvents()).containsExactly(SecurityEventType.RECONFIGURATION_OF_SECURITY_PARAMETERS,
                SecurityEventType.RECONFIGURATION_OF_SECURITY_PARAMETERS); // the repeat changed nothing

        var ids = flow.wire(flow.certificates.onGetInstalledCertificateIds(flow.wire(
                new GetInstalledCertificateIdsRequest(List.of(GetCertificateIdUse.CSMS_ROOT_CERTIFICATE)))));
        assertThat(ids.status()).isEqualTo(GetInstalledCertificateStatus.ACCEPTED);
        assertThat(ids.certificateHashDataChain()).singleElement().satisfies(c -> {
            assertThat(c.certificateType()).isEqualTo(GetCertificateIdUse.CSMS_ROOT_CERTIFICATE);
            assertThat(c.certificateHashData()).isEqualTo(hashData(root, root));
        });
        assertThat(flow.certificates.onGetInstalledCertificateIds(new GetInstalledCertificateIdsRequest(List.of()))
                .certificateHashDataChain()).hasSize(2);

        var delete = flow.wire(new DeleteCertificateRequest(hashData(root, root)));
        assertThat(flow.wire(flow.certificates.onDeleteCertificate(delete)).status()).isEqualTo(DeleteCertificateStatus.ACCEPTED);
        assertThat(flow.certificates.onDeleteCertificate(delete).status()).isEqualTo(DeleteCertificateStatus.NOT_FOUND);
        assertThat(flow.certificates.onGetInstalledCertificateIds(new GetInstalledCertificateIdsRequest(
                List.of(GetCertificateIdUse.CSMS_ROOT_CERTIFICATE))).status()).isEqualTo(GetInstalledCertificateStatus.NOT_FOUND);
        assertThat(flow.loggedEvents()).hasSize(3);
    }

    @Test
    void installRejectsWhatIsNotOneValidCaCertificate() throws Exception {
        flow = new Flow(pki, dir, b -> b);
        var leaf = flow.certificates.onInstallCertificate(new InstallCertificateRequest(
                InstallCertificateUse.CSMS_ROOT_CERTIFICATE, pki.station().pem()));
        assertThat(leaf.status()).isEqualTo(InstallCertificateStatus.REJECTED);
        assertThat(leaf.statusInfo().map(StatusInfo::reasonCode)).contains("InvalidCertificate");
        var garbage = flow.certificates.onInstallCertificate(new InstallCertificateRequest(
                InstallCertificateUse.CSMS_ROOT_CERTIFICATE, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"));
        assertThat(garbage.status()).isEqualTo(InstallCertificateStatus.REJECTED);
        var two = flow.certificates.onInstallCertificate(new InstallCertificateRequest(
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
        assertThat(flow.certificates.onDeleteCertificate(new DeleteCertificateRequest(bad)).status())
                .isEqualTo(DeleteCertificateStatus.NOT_FOUND);
        X509Certificate other = pki.manufacturerRoot().certificate();
        assertThat(flow.certificates.onDeleteCertificate(new DeleteCertificateRequest(hashData(other, other))).status())
                .isEqualTo(DeleteCertificateStatus.NOT_FOUND);
        assertThat(flow.store.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("Delete a specific certificate - the station's own active client certificate is refused")
    void deletingTheActiveClientCertificateFails() throws Exception {
        flow = new Flow(pki, dir, b -> b);
        flow.installCsoRoot();
        assertThat(flow.a02(CertificateSigningUse.CHARGING_STATION_CERTIFICATE).status())
                .isEqualTo(CertificateSignedStatus.ACCEPTED);
        X509Certificate leaf = flow.store.activeCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)
                .orElseThrow().leaf();
        var answer = flow.wire(flow.certificates.onDeleteCertificate(flow.wire(new DeleteCertificateRequest(
                hashData(leaf, pki.csoSubCa().certificate())))));
        assertThat(answer.status()).isEqualTo(DeleteCertificateStatus.FAILED);
        assertThat(flow.store.hasValidClientCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE)).isTrue();
    }

    @Test
    void certificateOperationsAreRefusedOnSecurityProfile1() throws Exception {
        AtomicReference<SecurityProfile> profile = new AtomicReference<>(SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH);
        flow = new Flow(pki, dir, b -> b.securityProfile(profile::get), b -> b.securityProfile(profile::get));
        assertThat(flow.certificates.onInstallCertificate(new InstallCertificateRequest(
                InstallCertificateUse.CSMS_ROOT_CERTIFICATE, pki.foreignRoot().pem())).status())
                .isEqualTo(InstallCertificateStatus.REJECTED);
        var ids = flow.certificates.onGetInstalledCertificateIds(new GetInstalledCertificateIdsRequest(List.of()));
        assertThat(ids.statusInfo().map(StatusInfo::reasonCode)).as("reading is still allowed")
                .isNotEqualTo(Optional.of(CertificateStoreHandler.PROFILE_1_REASON));
        X509Certificate root = pki.csoRoot().certificate();
        var delete = flow.certificates.onDeleteCertificate(new DeleteCertificateRequest(hashData(root, root)));
        assertThat(delete.status()).isEqualTo(DeleteCertificateStatus.FAILED);
        assertThat(delete.statusInfo().map(StatusInfo::reasonCode)).contains(CertificateStoreHandler.PROFILE_1_REASON);
        assertThat(flow.store.size()).isZero();

        // After the upgrade to profile 2 the same root is accepted.
        profile.set(SecurityProfile.TLS_BASIC_AUTH);
        assertThat(flow.certificates.onInstallCertificate(new InstallCertificateRequest(
                InstallCertificateUse.CSMS_ROOT_CERTIFICATE, pki.csoRoot().pem())).status())
                .isEqualTo(InstallCertificateStatus.ACCEPTED);
    }
}
