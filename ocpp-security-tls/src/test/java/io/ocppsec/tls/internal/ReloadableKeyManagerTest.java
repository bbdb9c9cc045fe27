package io.ocppsec.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.TlsKeyMaterial;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The key manager behind both contexts: one entry per key type, picked by what JSSE asks for. */
class ReloadableKeyManagerTest {

    private static final TestPki PKI = TestPki.create();

    private static TlsKeyMaterial material(TestCertificate c) {
        return TlsKeyMaterial.of(c.keyPair().getPrivate(), c.chain());
    }

    @Test
    void keyManagerPicksTheEntryByKeyType() {
        ReloadableKeyManager km = ReloadableKeyManager.of(List.of(material(PKI.csmsEc()),
                material(PKI.csmsRsa())));
        String ec = km.chooseServerAlias("EC", null, null);
        String rsa = km.chooseServerAlias("RSA", null, null);
        assertThat(km.getCertificateChain(ec)[0]).isEqualTo(PKI.csmsEc().certificate());
        assertThat(km.getPrivateKey(rsa)).isEqualTo(PKI.csmsRsa().keyPair().getPrivate());
        assertThat(km.chooseServerAlias("RSASSA-PSS", null, null)).isNull();
        assertThat(km.chooseServerAlias("DSA", null, null)).isNull();
        assertThat(km.getPrivateKey("unknown")).isNull();
        km.update(List.of());
        assertThat(km.chooseServerAlias("EC", null, null)).isNull();
    }
}
