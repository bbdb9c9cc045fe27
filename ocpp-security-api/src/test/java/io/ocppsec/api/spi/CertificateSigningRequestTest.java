package io.ocppsec.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.ocppsec.api.message.CertificateSigningUse;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CertificateSigningRequestTest {

    private static final Optional<CertificateSigningUse> CS = Optional.of(CertificateSigningUse.CHARGING_STATION_CERTIFICATE);

    @Test
    void derIsWrappedAsPem() {
        byte[] der = new byte[300];
        for (int i = 0; i < der.length; i++) {
            der[i] = (byte) i;
        }
        CertificateSigningRequest r = CertificateSigningRequest.ofDer(der, CS, "CS-0001");
        assertThat(r.csrPem()).startsWith("-----BEGIN CERTIFICATE REQUEST-----\n")
                .endsWith("-----END CERTIFICATE REQUEST-----\n");
        String body = r.csrPem().replaceAll("-----[A-Z ]+-----", "");
        assertThat(body.lines().filter(l -> !l.isEmpty())).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(64));
        assertThat(Base64.getMimeDecoder().decode(body)).isEqualTo(der);
        assertThat(r.certificateType()).isEqualTo(CS);
        assertThat(r.stationIdentity()).isEqualTo("CS-0001");
    }

    @Test
    void limitsAreEnforced() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CertificateSigningRequest(" ", CS, "CS-0001"));
        assertThatIllegalArgumentException().isThrownBy(() -> new CertificateSigningRequest("x".repeat(5501), CS, "CS-0001"));
        assertThatIllegalArgumentException().isThrownBy(() -> new CertificateSigningRequest("x", CS, ""));
        assertThatIllegalArgumentException().isThrownBy(() -> new CertificateSigningRequest("x", CS, "c".repeat(49)));
        assertThatIllegalArgumentException().isThrownBy(() -> CertificateSigningRequest.ofDer(new byte[5000], CS, "CS-0001"));
        assertThatNullPointerException().isThrownBy(() -> new CertificateSigningRequest("x", null, "CS-0001"));
        assertThat(new CertificateSigningRequest("x".repeat(5500), Optional.empty(), "CS-0001").csrPem()).hasSize(5500);
    }

    @Test
    void toStringIsShort() {
        CertificateSigningRequest r = new CertificateSigningRequest("-----BEGIN CERTIFICATE REQUEST-----\nAAAA", CS, "CS-0001");
        assertThat(r.toString()).contains("CS-0001").contains("ChargingStationCertificate").doesNotContain("AAAA");
        assertThat(new CertificateSigningRequest("y", Optional.empty(), "CS-0001").toString()).contains("(absent)");
    }
}
