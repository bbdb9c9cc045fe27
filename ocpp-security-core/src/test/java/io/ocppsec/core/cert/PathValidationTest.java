package io.ocppsec.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a PKIX outcome may be reused at another instant (the result cache depends on it). */
class PathValidationTest {

    static final String JDK_17_DEFAULT = "MD2, MD5, SHA1 jdkCA & usage TLSServer, RSA keySize < 1024, "
            + "DSA keySize < 1024, EC keySize < 224, SHA1 usage SignedJAR & denyAfter 2019-01-01, "
            + "include jdk.disabled.namedCurves";

    @Test
    void onlyADenyAfterThatAppliesToGenericPkixMakesTheOutcomeDateDependent() {
        assertThat(PathValidation.dependsOnDate(JDK_17_DEFAULT)).isFalse(); // usage SignedJAR: not this validation
        assertThat(PathValidation.dependsOnDate("MD5, SHA1")).isFalse();
        assertThat(PathValidation.dependsOnDate(null)).isFalse();
        assertThat(PathValidation.dependsOnDate("SHA1 denyAfter 2019-01-01")).isTrue();
        assertThat(PathValidation.dependsOnDate("MD5, SHA1 jdkCA & DENYAFTER 2030-01-01")).isTrue();
        assertThat(PathValidation.dependsOnDate(JDK_17_DEFAULT + ", SHA256 denyAfter 2040-01-01")).isTrue();
    }
}
