package io.ocppsec.testpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.interfaces.RSAPublicKey;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestPkiTest {

    private static final TestPki PKI = TestPki.create();

    private static void pkixValidate(TestCertificate leaf, TestCertificate root) throws Exception {
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root.certificate(), null)));
        params.setRevocationEnabled(false);
        params.setDate(Date.from(TestPki.NOW));
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(leaf.chain()), params);
    }

    @Test
    void goodCertificatesValidateWithPlainPkix() throws Exception {
        pkixValidate(PKI.station(), PKI.csoRoot());
        pkixValidate(PKI.csmsEc(), PKI.csoRoot());
        pkixValidate(PKI.csmsRsa(), PKI.csoRoot());
        pkixValidate(PKI.firmwareSigning(), PKI.manufacturerRoot());
        assertThat(PKI.station().chain()).hasSize(2);
        assertThat(PKI.station().chainWithRoot()).hasSize(3);
        assertThat(PKI.station().certificate().getSubjectX500Principal().getName())
                .contains("CN=" + TestPki.STATION_SERIAL).contains("O=" + TestPki.CSO_NAME);
    }

    @Test
    void hierarchiesAreSeparate() {
        assertThatThrownBy(() -> pkixValidate(PKI.firmwareSigning(), PKI.csoRoot()))
                .isInstanceOf(CertPathValidatorException.class);
        assertThatThrownBy(() -> pkixValidate(PKI.station(), PKI.manufacturerRoot()))
                .isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void foreignRootAndNonCaIssuerFailPlainPkix() {
        assertThatThrownBy(() -> pkixValidate(PKI.station(TestPki.Defect.FOREIGN_ROOT), PKI.csoRoot()))
                .isInstanceOf(CertPathValidatorException.class);
        assertThatThrownBy(() -> pkixValidate(PKI.station(TestPki.Defect.ISSUER_NOT_A_CA), PKI.csoRoot()))
                .isInstanceOf(CertPathValidatorException.class);
        assertThatThrownBy(() -> pkixValidate(PKI.station(TestPki.Defect.EXPIRED), PKI.csoRoot()))
                .isInstanceOf(CertPathValidatorException.class);
    }

    @ParameterizedTest
    @EnumSource(TestPki.Defect.class)
    void everyDefectMintsACertificate(TestPki.Defect defect) {
        TestCertificate c = PKI.station(defect);
        assertThat(c.certificate()).isNotNull();
        assertThat(c.chain()).isNotEmpty();
        assertThat(c.chainPem()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void defectsAreWhatTheySay() throws Exception {
        assertThat(((RSAPublicKey) PKI.station(TestPki.Defect.WEAK_RSA_KEY).certificate().getPublicKey())
                .getModulus().bitLength()).isEqualTo(1024);
        assertThat(PKI.station(TestPki.Defect.SHA1_SIGNATURE).certificate().getSigAlgName()).startsWith("SHA1");
        assertThat(PKI.station(TestPki.Defect.MISSING_KEY_USAGE).certificate().getKeyUsage()).isNull();
        assertThat(PKI.station(TestPki.Defect.EKU_PRESENT).certificate().getExtendedKeyUsage()).isNotEmpty();
        assertThat(PKI.station(TestPki.Defect.ZERO_SERIAL).certificate().getSerialNumber()).isZero();
        assertThat(PKI.station(TestPki.Defect.SAN_DNS_PRESENT).certificate().getSubjectAlternativeNames())
                .extracting(l -> (Object) l.get(0)).containsExactly((Object) 2);
        assertThat(PKI.csoSubCa().certificate().getBasicConstraints()).isEqualTo(0);
        assertThat(PKI.notCaSubCa().certificate().getBasicConstraints()).isEqualTo(-1);
        assertThat(PKI.station().certificate().getBasicConstraints()).isEqualTo(-1);
        assertThat(PKI.station().privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(TestCertificate.toPem(List.of(PKI.csoRoot().certificate()))).contains("BEGIN CERTIFICATE");
    }
}
