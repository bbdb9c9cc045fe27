package io.ocppsec.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestPki;
import java.lang.reflect.Proxy;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CryptoPolicyTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "EC_P384", "EC_P521", "RSA_2048"})
    @Verifies({"A00.FR.501", "A00.FR.502", "A00.FR.503"})
    void acceptsStrongKeys(KeyType type) {
        assertThat(CryptoPolicy.checkPublicKey(type.generate(RANDOM).getPublic()).isClean()).isTrue();
    }

    @Test
    @Verifies({"A00.FR.501", "A00.FR.502"})
    void rejectsRsa1024() {
        ValidationResult r = CryptoPolicy.checkPublicKey(KeyType.RSA_1024_WEAK.generate(RANDOM).getPublic());
        assertThat(r.isCompliant()).isFalse();
        assertThat(r.violates("A00.FR.502")).isTrue();
        assertThat(r.violations().get(0).found()).contains("1024");
    }

    @Test
    @Verifies({"A00.FR.501", "A00.FR.503"})
    void rejectsP192() {
        ValidationResult r = CryptoPolicy.checkPublicKey(
                TestPki.create().station(TestPki.Defect.WEAK_EC_KEY).certificate().getPublicKey());
        assertThat(r.violates("A00.FR.503")).isTrue();
        assertThat(r.isCompliant()).isFalse();
    }

    @Test
    @Verifies("A00.FR.504")
    void rejectsDsaKeys() {
        ValidationResult r = CryptoPolicy.checkPublicKey(KeyType.DSA_2048.generate(RANDOM).getPublic());
        assertThat(r.violates("A00.FR.504")).isTrue();
        assertThat(r.isCompliant()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"1.2.840.113549.1.1.4,MD5withRSA", "1.2.840.113549.1.1.5,SHA1withRSA",
        "1.2.840.10045.4.1,SHA1withECDSA", "1.2.840.10040.4.3,SHA1withDSA", "2.16.840.1.101.3.4.3.2,SHA256withDSA",
        "1.3.101.112,unknown algorithm 1.3.101.112"})
    @Verifies("A00.FR.504")
    void rejectsUnsuitableSignatureAlgorithms(String oid, String name) {
        ValidationResult r = CryptoPolicy.checkSignatureAlgorithm(oid, false);
        assertThat(r.isCompliant()).isFalse();
        assertThat(r.violates("A00.FR.504")).isTrue();
        assertThat(r.violations().get(0).found()).contains(name);
    }

    @Test
    @Verifies("A00.FR.505")
    void caSignatureWithPkcs1RsaIsAdvisory() {
        ValidationResult r = CryptoPolicy.checkSignatureAlgorithm("1.2.840.113549.1.1.11", true);
        assertThat(r.isCompliant()).isTrue();
        assertThat(r.violates("A00.FR.505")).isTrue();
        assertThat(CryptoPolicy.checkSignatureAlgorithm("1.2.840.113549.1.1.11", false).isClean()).isTrue();
        assertThat(CryptoPolicy.checkSignatureAlgorithm("1.2.840.10045.4.3.2", true).isClean()).isTrue();
        assertThat(CryptoPolicy.checkSignatureAlgorithm("1.2.840.113549.1.1.10", true).isClean()).isTrue();
    }

    @Test
    @Verifies("A00.FR.506")
    void sha224IsAdvisory() {
        ValidationResult r = CryptoPolicy.checkSignatureAlgorithm("1.2.840.10045.4.3.1", false);
        assertThat(r.isCompliant()).isTrue();
        assertThat(r.advisory()).singleElement().satisfies(v -> assertThat(v.requirement().value()).isEqualTo("A00.FR.506"));
        assertThat(CryptoPolicy.checkSignatureAlgorithm("1.2.840.10045.4.3.3", false).isClean()).isTrue();
    }

    @Test
    void namesAndNulls() {
        assertThat(CryptoPolicy.signatureAlgorithmName("1.2.840.10045.4.3.2")).isEqualTo("SHA256withECDSA");
        assertThat(CryptoPolicy.signatureAlgorithmName("1.2.840.113549.1.1.5")).isEqualTo("SHA1withRSA");
        assertThat(CryptoPolicy.signatureAlgorithmName("9".repeat(100))).hasSizeLessThan(80);
        assertThatNullPointerException().isThrownBy(() -> CryptoPolicy.checkPublicKey(null));
        assertThatNullPointerException().isThrownBy(() -> CryptoPolicy.checkSignatureAlgorithm(null, true));
    }

    // ---- issue 22: keys that lack their parts are refused, never an exception ----

    /**
     * A public key of the given type whose parts are all null, as a provider may build it from hostile input (the
     * JDK's own DSA key has null parameters when the certificate inherits them from the issuer).
     */
    private static PublicKey hollow(Class<? extends PublicKey> type, String algorithm) {
        return (PublicKey) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getName().equals("getAlgorithm") ? algorithm : null);
    }

    @ParameterizedTest
    @CsvSource({
        "java.security.interfaces.DSAPublicKey, DSA, A00.FR.504, a DSA key with parameters inherited from the issuer",
        "java.security.interfaces.ECPublicKey, EC, A00.FR.503, EC key without curve parameters",
        "java.security.interfaces.RSAPublicKey, RSA, A00.FR.502, RSA key without a modulus",
        "java.security.PublicKey, , A00.FR.504, a key without an algorithm name"})
    @Verifies({"A00.FR.501", "A00.FR.502", "A00.FR.503", "A00.FR.504"})
    void keyWithoutItsPartsIsRefusedUnderItsRule(String type, String algorithm, String requirement, String found)
            throws ClassNotFoundException {
        PublicKey key = hollow(Class.forName(type).asSubclass(PublicKey.class), algorithm);
        ValidationResult r = CryptoPolicy.checkPublicKey(key);
        assertThat(r.violations()).singleElement().satisfies(v -> {
            assertThat(v.requirement().value()).isEqualTo(requirement);
            assertThat(v.found()).isEqualTo(found);
        });
    }
}
