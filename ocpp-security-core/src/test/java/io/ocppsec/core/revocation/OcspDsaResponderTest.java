package io.ocppsec.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.spi.RevocationStatus;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.net.URI;
import java.security.KeyPair;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 22: an OCSP response that names a delegated responder certificate with a DSA key (with or without its
 * parameters, which getParams() then returns as null) is refused: the responder key check of A00.FR.504 gives a
 * reason, it does not throw (before the fix the source's last-resort catch turned a NullPointerException into
 * "OCSP check failed").
 */
class OcspDsaResponderTest {

    private static final TestPki PKI = TestPki.create();
    private static final URI RESPONDER = URI.create("http://ocsp.invalid/");

    @ParameterizedTest(name = "inherited parameters: {0}")
    @ValueSource(booleans = {true, false})
    @Verifies({"A00.FR.504", "A00.FR.705"})
    void delegatedResponderWithADsaKeyIsUnknownWithTheReason(boolean inheritParameters) throws Exception {
        TestCertificate issuer = PKI.csoSubCa();
        TestCertificate station = PKI.station();
        var b = PKI.builder(PkiRole.CSMS, issuer).organization(TestPki.CSO_NAME).commonName("OCSP Responder")
                .keyUsage(KeyUsage.digitalSignature).extendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning)
                .keyType(KeyType.DSA_2048);
        TestCertificate dsaResponder = (inheritParameters ? b.withoutKeyParameters() : b).build();
        // Signed with an algorithm A00.FR.504 allows, so that the responder certificate is what is checked.
        KeyPair ec = KeyType.EC_P256.generate(new java.security.SecureRandom());
        TestCertificate signer = new TestCertificate(dsaResponder.certificate(), ec, dsaResponder.issuers());
        byte[] answer = OcspResponseFuzzTest.response(signer, List.of(dsaResponder.certificate()),
                OcspResponseFuzzTest.certId(issuer.certificate(), station.certificate().getSerialNumber()),
                CertificateStatus.GOOD, TestPki.NOW, null);
        OcspRevocationSource source = OcspRevocationSource.builder().responderUrl(RESPONDER)
                .transport((uri, request, max) -> answer).sendNonce(false).build();

        RevocationStatus s = source.check(station.certificate(), issuer.certificate(), TestPki.NOW);

        assertThat(s.state()).isEqualTo(RevocationStatus.State.UNKNOWN);
        assertThat(s.detail()).doesNotStartWith("OCSP check failed:").contains("A00.FR.501-504");
    }
}
