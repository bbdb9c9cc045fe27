package io.ocppsec.core.internal.x509;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.testpki.TestPki;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The one certificate / key fingerprint (the former {@code csr.Fingerprint} short form is a prefix of it). */
class FingerprintsTest {

    static final TestPki PKI = TestPki.create();

    @Test
    void fingerprintsAreSha256OfTheEncodings() throws Exception {
        var cert = PKI.station().certificate();
        PublicKey key = cert.getPublicKey();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        assertThat(Fingerprints.of(cert)).isEqualTo(HexFormat.of().formatHex(sha.digest(cert.getEncoded())));
        assertThat(Fingerprints.of(key)).isEqualTo(HexFormat.of().formatHex(sha.digest(key.getEncoded())));
        assertThat(Fingerprints.shortOf(key)).hasSize(16).isEqualTo(Fingerprints.of(key).substring(0, 16));
        assertThat(Fingerprints.of(PKI.csmsEc().certificate())).isNotEqualTo(Fingerprints.of(cert));
    }
}
