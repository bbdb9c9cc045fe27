package io.ocppsec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ocppsec.testing.Verifies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityProfileTest {

    @ParameterizedTest
    @EnumSource(SecurityProfile.class)
    void roundTripsTheOcppInteger(SecurityProfile p) {
        assertThat(SecurityProfile.fromOcpp(p.ocppValue())).isSameAs(p);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 4, 5, 100, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void rejectsAnyOtherInteger(int value) {
        assertThatIllegalArgumentException().isThrownBy(() -> SecurityProfile.fromOcpp(value))
                .withMessageContaining(String.valueOf(value)).withMessageContaining("1, 2 or 3");
    }

    @Test
    void describesTransportAndAuthentication() {
        assertThat(SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH.usesTls()).isFalse();
        assertThat(SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH.usesBasicAuth()).isTrue();
        assertThat(SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH.csmsAuthenticatesWithCertificate()).isFalse();
        assertThat(SecurityProfile.TLS_BASIC_AUTH.usesTls()).isTrue();
        assertThat(SecurityProfile.TLS_BASIC_AUTH.usesBasicAuth()).isTrue();
        assertThat(SecurityProfile.TLS_BASIC_AUTH.requiresClientCertificate()).isFalse();
        assertThat(SecurityProfile.TLS_CLIENT_CERTIFICATE.usesTls()).isTrue();
        assertThat(SecurityProfile.TLS_CLIENT_CERTIFICATE.usesBasicAuth()).isFalse();
        assertThat(SecurityProfile.TLS_CLIENT_CERTIFICATE.requiresClientCertificate()).isTrue();
        assertThat(SecurityProfile.TLS_CLIENT_CERTIFICATE.stationAuthentication())
                .isEqualTo(SecurityProfile.StationAuthentication.CLIENT_CERTIFICATE);
    }

    @Test
    @Verifies("A00.FR.005")
    void knowsWhatADowngradeIs() {
        assertThat(SecurityProfile.TLS_CLIENT_CERTIFICATE.isDowngradeTo(SecurityProfile.TLS_BASIC_AUTH)).isTrue();
        assertThat(SecurityProfile.TLS_BASIC_AUTH.isDowngradeTo(SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH)).isTrue();
        assertThat(SecurityProfile.TLS_BASIC_AUTH.isDowngradeTo(SecurityProfile.TLS_CLIENT_CERTIFICATE)).isFalse();
        assertThat(SecurityProfile.TLS_BASIC_AUTH.isDowngradeTo(SecurityProfile.TLS_BASIC_AUTH)).isFalse();
    }
}
