package io.ocppsec.core.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.TestPki;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The edges of the CSR code: exact size and length limits, the key actually generated, and what a report names. */
class CsrEdgesTest {

    private static final CsrInspector INSPECTOR = CsrInspector.forOrganization(TestPki.CSO_NAME);
    private static final CertificateSigningUse CS = CertificateSigningUse.CHARGING_STATION_CERTIFICATE;

    private static CsrInspection inspect(String pem) {
        return INSPECTOR.inspect(pem, TestPki.STATION_SERIAL, CS);
    }

    private static String foundOf(CsrInspection i, String id) {
        return i.result().violations().stream().filter(v -> v.requirement().value().equals(id))
                .map(v -> v.found()).findFirst().orElseThrow(() -> new AssertionError(i.result().describe()));
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    @Verifies("A02.FR.02")
    void theGeneratedKeyHasTheRequestedCurveOrSize(KeyAlgorithm algorithm) throws Exception {
        PublicKey key = GeneratedKeyPair.generate(algorithm, new SecureRandom()).publicKey();
        if (algorithm.isEc()) {
            assertThat(((ECPublicKey) key).getParams().getCurve().getField().getFieldSize()).isEqualTo(algorithm.bits());
        } else {
            assertThat(((RSAPublicKey) key).getModulus().bitLength()).isEqualTo(algorithm.bits());
        }
    }

    @Test
    void aSigningRequestHoldsAtMost5500Characters() {
        assertThat(new SigningRequest("x".repeat(SigningRequest.MAX_PEM_LENGTH), CS).pem()).hasSize(5500);
        assertThatThrownBy(() -> new SigningRequest("x".repeat(SigningRequest.MAX_PEM_LENGTH + 1), CS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStationSerialOf48CharactersIsTheLongestAccepted() throws Exception {
        String serial = "S".repeat(48);
        String pem = TestCsrs.empty().rdn("O", TestPki.CSO_NAME).rdn("CN", serial).pem();
        assertThat(INSPECTOR.inspect(pem, serial, CS).isAccepted()).isTrue();
        assertThatThrownBy(() -> INSPECTOR.inspect(pem, serial + "S", CS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Verifies({"A02.FR.03", "A03.FR.03"})
    void twoPemBlocksAreCountedAndMismatchedLabelsAreNamed() throws Exception {
        String one = TestCsrs.station().pem();
        assertThat(foundOf(inspect(one + one), "A02.FR.03")).contains("2 PEM blocks");
        String mismatched = one.replace("-----BEGIN CERTIFICATE REQUEST-----", "-----BEGIN NEW CERTIFICATE REQUEST-----");
        assertThat(foundOf(inspect(mismatched), "A02.FR.03")).contains("mismatched BEGIN/END labels");
    }

    @Test
    @Verifies("A00.FR.511")
    void anIpv6LiteralStartingWithAColonIsAnIpAddress() throws Exception {
        CsrInspection i = INSPECTOR.inspect(TestCsrs.empty().rdn("O", TestPki.CSO_NAME).rdn("CN", "::1").pem(), "::1", CS);
        assertThat(i.isAccepted()).isFalse();
        assertThat(foundOf(i, "A00.FR.511")).isEqualTo("CN '::1', an IP address");
    }

    @Test
    @Verifies("A00.FR.511")
    void aMismatchedCommonNameOfTheMaximumLengthIsQuotedWhole() throws Exception {
        String cn64 = "C".repeat(64);
        assertThat(foundOf(inspect(TestCsrs.empty().rdn("O", TestPki.CSO_NAME).rdn("CN", cn64).pem()), "A00.FR.511"))
                .isEqualTo("CN '" + cn64 + "'");
    }

    @Test
    @Verifies("A00.FR.511")
    void eachForbiddenSubjectAltNameKindIsNamed() throws Exception {
        assertThat(sanFound(new GeneralName(GeneralName.dNSName, "cs.example.com"))).contains("subjectAltName dNSName");
        assertThat(sanFound(new GeneralName(GeneralName.iPAddress, "192.0.2.1"))).contains("subjectAltName iPAddress");
        assertThat(sanFound(new GeneralName(GeneralName.uniformResourceIdentifier, "https://cs.example.com/")))
                .contains("subjectAltName URI");
        CsrInspection email = inspect(TestCsrs.station().extension(san(new GeneralName(GeneralName.rfc822Name,
                "ops@example.com"))).pem());
        assertThat(email.result().violates("A00.FR.511")).as(email.result().describe()).isFalse();
    }

    private static String sanFound(GeneralName name) throws Exception {
        return foundOf(inspect(TestCsrs.station().extension(san(name)).pem()), "A00.FR.511");
    }

    private static Extension san(GeneralName name) throws Exception {
        return new Extension(Extension.subjectAlternativeName, false,
                new DEROctetString(new GeneralNames(name).getEncoded()));
    }
}
