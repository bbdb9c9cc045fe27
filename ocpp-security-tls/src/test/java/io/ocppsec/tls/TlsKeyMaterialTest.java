package io.ocppsec.tls;

import static io.ocppsec.tls.TlsTestSupport.PKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.testpki.KeyType;
import io.ocppsec.tls.internal.ReloadableKeyManager;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Private keys never show in toString, failure details or key-manager descriptions. */
class TlsKeyMaterialTest {

    private static String b64(PrivateKey k) {
        return Base64.getEncoder().encodeToString(k.getEncoded()).substring(20, 60);
    }

    @Test
    void toStringNeverShowsTheKey() {
        for (var c : List.of(PKI.csmsEc(), PKI.csmsRsa(), PKI.station())) {
            TlsKeyMaterial m = TlsTestSupport.material(c);
            PrivateKey k = c.keyPair().getPrivate();
            String all = m + " " + ReloadableKeyManager.of(List.of(m)) + " " + CsmsTlsContextHolder.describe(m);
            assertThat(all).contains("redacted").doesNotContain(b64(k)).doesNotContain(k.toString());
            if (k instanceof java.security.interfaces.RSAPrivateKey) {
                assertThat(all).doesNotContain(((java.security.interfaces.RSAPrivateKey) k).getPrivateExponent().toString());
            } else {
                assertThat(all).doesNotContain(((java.security.interfaces.ECPrivateKey) k).getS().toString());
            }
        }
    }

    @Test
    void keyOfAnotherCertificateIsRejected() {
        var other = KeyType.EC_P256.generate(new java.security.SecureRandom());
        assertThatThrownBy(() -> TlsKeyMaterial.of(other.getPrivate(), PKI.csmsEc().chain()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> TlsKeyMaterial.of(PKI.csmsRsa().keyPair().getPrivate(), PKI.csmsEc().chain()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RSA");
        assertThatThrownBy(() -> TlsKeyMaterial.of(PKI.csmsEc().keyPair().getPrivate(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Context descriptions list key material through TlsKeyMaterial.toString only. */
    static final class CsmsTlsContextHolder {
        static String describe(TlsKeyMaterial m) {
            try {
                return CsmsTlsContext.forServer(io.ocppsec.api.SecurityProfile.TLS_BASIC_AUTH, List.of(m))
                        .failureListener(f -> { }).build().toString();
            } catch (java.security.GeneralSecurityException e) {
                throw new AssertionError(e);
            }
        }
    }
}
