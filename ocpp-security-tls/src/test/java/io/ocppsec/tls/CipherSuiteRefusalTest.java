package io.ocppsec.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.testing.Verifies;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Why a cipher suite is refused is part of the message; exactly the four OCPP suites are mandatory for a CSMS. */
class CipherSuiteRefusalTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256 | CBC mode / SHA-1 MAC",
        "TLS_RSA_WITH_AES_128_CBC_SHA          | CBC mode / SHA-1 MAC",
        "tls_ecdhe_ecdsa_with_aes_256_cbc_sha  | CBC mode / SHA-1 MAC",
        "TLS_RSA_WITH_RC4_128_MD5              | broken or unauthenticated primitive",
        "TLS_RSA_WITH_3DES_EDE_GCM_MD5         | broken or unauthenticated primitive",
        "TLS_RSA_WITH_DES_GCM_MD5              | broken or unauthenticated primitive",
        "TLS_ECDHE_ECDSA_WITH_NULL_GCM         | broken or unauthenticated primitive",
        "TLS_RSA_EXPORT_WITH_AES_GCM_MD5       | broken or unauthenticated primitive",
        "TLS_DH_ANON_WITH_AES_128_GCM_SHA256   | broken or unauthenticated primitive",
        "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256   | key exchange not used by OCPP",
        "TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256 | key exchange not used by OCPP",
        "TLS_AES_128_CCM_SHA256                | not an AEAD suite listed by OCPP",
    })
    @Verifies({"A00.FR.320", "A00.FR.423"})
    void aRefusedSuiteIsNamedWithTheReason(String name, String reason) {
        assertThatThrownBy(() -> CipherSuite.parse(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cipher suite '" + name + "' is not allowed (A00.FR.320, A00.FR.423: " + reason
                        + "); allowed are the AEAD suites of CipherSuite, e.g. TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
    }

    @Test
    void aLongOrHostileNameIsClippedAndMadePrintable() {
        String eighty = "X".repeat(80);
        assertThatThrownBy(() -> CipherSuite.parse(eighty)).hasMessageStartingWith("Cipher suite '" + eighty + "' is");
        assertThatThrownBy(() -> CipherSuite.parse(eighty + "Y\n")).hasMessageStartingWith("Cipher suite '" + eighty
                + "...' is");
        assertThatThrownBy(() -> CipherSuite.parse("TLS\r\nInjected")).hasMessageStartingWith("Cipher suite 'TLS??Injected'");
    }

    @Test
    @Verifies({"A00.FR.318", "A00.FR.421"})
    void exactlyTheFourOcppSuitesAreMandatoryForACsms() {
        assertThat(Arrays.stream(CipherSuite.values()).filter(CipherSuite::isRequiredForCsms))
                .containsExactlyInAnyOrder(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
                        CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384);
        assertThat(CipherSuite.parse("TLS_AES_128_GCM_SHA256").isRequiredForCsms()).isFalse();
    }
}
