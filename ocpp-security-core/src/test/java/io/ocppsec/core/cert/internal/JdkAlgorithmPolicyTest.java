package io.ocppsec.core.cert.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.testpki.KeyType;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The fast path steps aside whenever the JVM's certpath constraints touch what it would judge. */
class JdkAlgorithmPolicyTest {

    static final PublicKey EC = KeyType.EC_P256.generate(new SecureRandom()).getPublic();
    static final PublicKey RSA = KeyType.RSA_2048.generate(new SecureRandom()).getPublic();
    static final PublicKey WEAK_EC = KeyType.EC_P192_WEAK.generate(new SecureRandom()).getPublic();
    static final JdkAlgorithmPolicy.SignatureAlgorithm ECDSA_256 =
            JdkAlgorithmPolicy.signatureAlgorithm("1.2.840.10045.4.3.2", null).orElseThrow();
    static final JdkAlgorithmPolicy.SignatureAlgorithm RSA_256 =
            JdkAlgorithmPolicy.signatureAlgorithm("1.2.840.113549.1.1.11", new byte[] {5, 0}).orElseThrow();

    @Test
    void jdkDefaultsLeaveTheCommonAlgorithmsToTheFastPath() {
        JdkAlgorithmPolicy.Snapshot s = JdkAlgorithmPolicy.parse("MD2, MD5, SHA1 jdkCA & usage TLSServer, "
                + "RSA keySize < 1024, DSA keySize < 1024, EC keySize < 224, SHA1 usage SignedJAR & denyAfter 2019-01-01, "
                + "include jdk.disabled.namedCurves", "secp112r1, secp192r1");
        assertThat(s.permits(ECDSA_256)).isTrue();
        assertThat(s.permits(RSA_256)).isTrue();
        assertThat(s.keyFamily(EC)).contains("EC");
        assertThat(s.keyFamily(RSA)).contains("RSA");
        assertThat(s.keyFamily(WEAK_EC)).isEmpty(); // not a curve the fast path handles
        assertThat(s.timeDependent()).isTrue();
        assertThat(JdkAlgorithmPolicy.current().permits(ECDSA_256)).isTrue(); // this JVM's own settings
    }

    @Test
    void anyConstraintOnTheFastPathsAlgorithmsSendsChainsToPkix() {
        assertThat(JdkAlgorithmPolicy.parse("RSA keySize < 3072", null).keyFamily(RSA)).isEmpty();
        assertThat(JdkAlgorithmPolicy.parse("RSA keySize <= 2048", null).keyFamily(RSA)).isEmpty();
        assertThat(JdkAlgorithmPolicy.parse("RSA keySize < 2048", null).keyFamily(RSA)).contains("RSA");
        assertThat(JdkAlgorithmPolicy.parse("EC keySize < 384", null).keyFamily(EC)).isEmpty();
        assertThat(JdkAlgorithmPolicy.parse("SHA256", null).permits(ECDSA_256)).isFalse();
        assertThat(JdkAlgorithmPolicy.parse("sha-256 usage TLSServer", null).permits(RSA_256)).isFalse();
        assertThat(JdkAlgorithmPolicy.parse("SHA256withECDSA jdkCA", null).permits(ECDSA_256)).isFalse();
        assertThat(JdkAlgorithmPolicy.parse("ECDSA", null).keyFamily(EC)).isEmpty();
        assertThat(JdkAlgorithmPolicy.parse("include jdk.disabled.namedCurves", "secp256r1").keyFamily(EC)).isEmpty();
        assertThat(JdkAlgorithmPolicy.parse("RSA keySize == 2048", null).keyFamily(RSA)).isEmpty();
        assertThat(JdkAlgorithmPolicy.parse("MD5, SHA1", null).timeDependent()).isFalse();
        assertThat(JdkAlgorithmPolicy.parse(null, null).permits(RSA_256)).isTrue();
    }

    @Test
    void onlyPlainSignatureParametersAreHandled() {
        assertThat(JdkAlgorithmPolicy.signatureAlgorithm("1.2.840.10045.4.3.2", new byte[] {5, 0})).isEmpty();
        assertThat(JdkAlgorithmPolicy.signatureAlgorithm("1.2.840.113549.1.1.10", null)).isEmpty(); // RSASSA-PSS
        assertThat(JdkAlgorithmPolicy.signatureAlgorithm("1.2.840.10045.4.1", null)).isEmpty(); // SHA1withECDSA
        assertThat(JdkAlgorithmPolicy.signatureAlgorithm("1.2.840.113549.1.1.11", null)).isPresent();
    }
}
