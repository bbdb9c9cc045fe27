package io.ocppsec.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.testing.Openssl;
import io.ocppsec.testing.Verifies;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS compression is never used (A00.FR.321, A00.FR.424): a real OpenSSL client that offers
 * compression ({@code -comp}) gets a session with "Compression: NONE" from the SDK's CSMS context.
 * JSSE has no compression support at all, so the SDK's station client never offers it either.
 */
class CompressionTest {

    @TempDir
    Path dir;

    private String probe(TlsTestSupport.Server server, String... extra) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("s_client", "-connect",
                "127.0.0.1:" + server.port(), "-servername", io.ocppsec.testpki.TestPki.CSMS_FQDN, "-tls1_2", "-comp"));
        args.addAll(java.util.List.of(extra));
        return Openssl.run(dir, args.toArray(new String[0]));
    }

    @Test
    @Verifies("A00.FR.321")
    void profile2ServerNeverNegotiatesCompression() throws Exception {
        CsmsTlsContext ctx = TlsTestSupport.build(
                TlsTestSupport.csms(SecurityProfile.TLS_BASIC_AUTH, new TlsTestSupport.Recorder()));
        try (TlsTestSupport.Server server = TlsTestSupport.Server.start(ctx)) {
            String out = probe(server);
            assertThat(out).contains("Compression: NONE").doesNotContain("Compression: zlib");
            assertThat(out).containsPattern("Cipher is ECDHE-(ECDSA|RSA)-AES");
        }
    }

    @Test
    @Verifies("A00.FR.424")
    void profile3ServerNeverNegotiatesCompression() throws Exception {
        Path cert = Files.writeString(dir.resolve("station.pem"), TlsTestSupport.PKI.station().pem());
        Path chain = Files.writeString(dir.resolve("subca.pem"), TlsTestSupport.PKI.csoSubCa().pem());
        Path key = Files.writeString(dir.resolve("station.key"), TlsTestSupport.PKI.station().privateKeyPem());
        CsmsTlsContext ctx = TlsTestSupport.build(
                TlsTestSupport.csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, new TlsTestSupport.Recorder()));
        try (TlsTestSupport.Server server = TlsTestSupport.Server.start(ctx)) {
            String out = probe(server, "-cert", cert.toString(), "-key", key.toString(),
                    "-cert_chain", chain.toString());
            assertThat(out).contains("Compression: NONE");
            assertThat(server.next().ok()).as("the station certificate was accepted").isTrue();
        }
    }
}
