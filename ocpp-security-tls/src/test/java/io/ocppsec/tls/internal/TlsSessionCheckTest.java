package io.ocppsec.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.testing.Verifies;
import io.ocppsec.tls.TlsFailure;
import io.ocppsec.tls.TlsPolicy;
import java.security.Principal;
import java.security.cert.Certificate;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import org.junit.jupiter.api.Test;

/**
 * The post-handshake check on sessions JSSE in this JVM would never negotiate (a legacy stack or a
 * misconfigured container could), represented by a minimal SSLSession; compliant real sessions are
 * checked in CsmsStationHandshakeTest.
 */
class TlsSessionCheckTest {

    private static SSLSession session(String protocol, String suite) {
        return new SSLSession() {
            public byte[] getId() { return new byte[0]; }
            public SSLSessionContext getSessionContext() { return null; }
            public long getCreationTime() { return 0; }
            public long getLastAccessedTime() { return 0; }
            public void invalidate() { }
            public boolean isValid() { return true; }
            public void putValue(String name, Object value) { }
            public Object getValue(String name) { return null; }
            public void removeValue(String name) { }
            public String[] getValueNames() { return new String[0]; }
            public Certificate[] getPeerCertificates() { return new Certificate[0]; }
            public Certificate[] getLocalCertificates() { return null; }
            public Principal getPeerPrincipal() { return null; }
            public Principal getLocalPrincipal() { return null; }
            public String getCipherSuite() { return suite; }
            public String getProtocol() { return protocol; }
            public String getPeerHost() { return null; }
            public int getPeerPort() { return -1; }
            public int getPacketBufferSize() { return 0; }
            public int getApplicationBufferSize() { return 0; }
        };
    }

    @Test
    @Verifies({"A00.FR.313", "A00.FR.314", "A00.FR.320"})
    void oldVersionAndCbcSuiteAreBothReported() {
        var r = TlsSessionCheck.verify(session("TLSv1.1", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"));
        assertThat(r.isCompliant()).isFalse();
        assertThat(r.violates("A00.FR.313")).isTrue();
        assertThat(r.violates("A00.FR.320")).isTrue();
        assertThat(TlsSessionCheck.kindOf(r)).hasValue(TlsFailure.Kind.TLS_VERSION);
    }

    @Test
    @Verifies({"A00.FR.416", "A00.FR.417", "A00.FR.423"})
    void profile3IdsAndPolicyMismatch() {
        var r = TlsSessionCheck.verify(session("TLSv1.2", "TLS_RSA_WITH_AES_128_GCM_SHA256"),
                SecurityProfile.TLS_CLIENT_CERTIFICATE, TlsPolicy.STATION_ECDSA);
        assertThat(r.violates("A00.FR.423")).isTrue();
        assertThat(TlsSessionCheck.kindOf(r)).hasValue(TlsFailure.Kind.CIPHER_SUITE);
        var old = TlsSessionCheck.verify(session("SSLv3", "SSL_RSA_WITH_RC4_128_SHA"),
                SecurityProfile.TLS_CLIENT_CERTIFICATE, TlsPolicy.CSMS_DEFAULT);
        assertThat(old.violates("A00.FR.416")).isTrue();
        var mixed = TlsSessionCheck.verify(session("TLSv1.3", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
        assertThat(mixed.isCompliant()).isFalse();
        assertThat(TlsSessionCheck.verify(session("TLSv1.3", "TLS_AES_128_GCM_SHA256")).isClean()).isTrue();
    }
}
