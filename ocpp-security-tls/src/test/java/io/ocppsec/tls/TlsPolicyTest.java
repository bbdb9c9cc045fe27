package io.ocppsec.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.testing.Verifies;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TlsPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
            "TLS_RSA_WITH_AES_128_CBC_SHA", "SSL_RSA_WITH_RC4_128_SHA", "SSL_RSA_WITH_3DES_EDE_CBC_SHA",
            "TLS_ECDH_anon_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_NULL_SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV", "", "garbage\n"})
    @Verifies({"A00.FR.320", "A00.FR.423"})
    void disallowedSuitesCannotBeConfigured(String suite) {
        assertThatThrownBy(() -> TlsPolicy.builder().cipherSuites(suite))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A00.FR.320").hasMessageContaining("A00.FR.423")
                .hasMessageNotContaining("\n");
        assertThat(CipherSuite.fromJsseName(suite)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSLv3", "TLSv1", "TLSv1.1", "SSLv2Hello", "DTLSv1.2", "tlsv1.2"})
    @Verifies({"A00.FR.313", "A00.FR.416"})
    void versionsBelowTls12CannotBeConfigured(String version) {
        assertThatThrownBy(() -> TlsPolicy.builder().versions(version))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A00.FR.313");
    }

    @Test
    @Verifies({"A00.FR.318", "A00.FR.421"})
    void csmsPresetHoldsTheFourRequiredSuitesAsTheSpecificationNamesThem() {
        assertThat(TlsPolicy.CSMS_DEFAULT.missingCsmsSuites()).isEmpty();
        assertThat(TlsPolicy.CSMS_DEFAULT.jsseCipherSuites()).contains("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_RSA_WITH_AES_256_GCM_SHA384");
        // forward-secret suites come before static RSA in the server's order
        List<CipherSuite> order = TlsPolicy.CSMS_DEFAULT.cipherSuites();
        assertThat(order.indexOf(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256))
                .isLessThan(order.indexOf(CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384));
        assertThat(TlsPolicy.STATION_ECDSA.missingCsmsSuites()).isNotEmpty();
    }

    @Test
    @Verifies({"A00.FR.319", "A00.FR.422"})
    void stationPresetsHoldOneOfTheTwoPairs() {
        assertThat(TlsPolicy.STATION_ECDSA.cipherSuites()).contains(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384);
        assertThat(TlsPolicy.STATION_RSA.cipherSuites()).contains(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384);
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void everyAllowedSuiteIsAeadAndSupportedByTheJdk(CipherSuite s) throws Exception {
        assertThat(s.jsseName()).containsAnyOf("_GCM_", "CHACHA20_POLY1305");
        assertThat(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites()).contains(s.jsseName());
        assertThat(CipherSuite.parse(s.jsseName())).isSameAs(s);
        assertThat(s.isForwardSecret()).isEqualTo(s.keyExchange() != CipherSuite.KeyExchange.RSA);
    }

    @Test
    void builderRefusesIncompletePoliciesAndOrdersVersions() {
        assertThatThrownBy(() -> TlsPolicy.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TlsPolicy.builder().versions(TlsVersion.TLS_1_3)
                .cipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TLS_AES_128_GCM_SHA256");
        TlsPolicy p = TlsPolicy.builder().versions("TLSv1.2", "TLSv1.3").cipherSuites(CipherSuite.values()).build();
        assertThat(p.versions()).containsExactly(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2);
        TlsPolicy only12 = p.toBuilder().versions(TlsVersion.TLS_1_2).build();
        assertThat(only12.cipherSuites()).allSatisfy(s -> assertThat(s.version()).isEqualTo(TlsVersion.TLS_1_2));
        assertThat(p).isEqualTo(p.toBuilder().build()).hasSameHashCodeAs(p.toBuilder().build());
        assertThatThrownBy(() -> p.cipherSuites().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
