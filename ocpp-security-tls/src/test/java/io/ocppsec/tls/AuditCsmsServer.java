package io.ocppsec.tls;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A CSMS endpoint built with the SDK on loopback, for the external audit script
 * ({@code src/test/audit/audit-tls.sh}): profile 2 and profile 3 listeners with an ECDSA and an RSA
 * certificate. Writes the CSO root, a station certificate and its key (test PKI, test only) to the
 * given directory, prints {@code PORT2 n} and {@code PORT3 n}, and serves until stdin closes.
 */
public final class AuditCsmsServer {

    private AuditCsmsServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        TestPki pki = TestPki.create();
        Files.writeString(dir.resolve("cso-root.pem"), pki.csoRoot().pem());
        TestCertificate st = pki.station();
        Files.writeString(dir.resolve("station.pem"), st.pem());
        Files.writeString(dir.resolve("station-chain.pem"), TestCertificate.toPem(st.issuers().subList(0, 1)));
        Files.writeString(dir.resolve("station-key.pem"), st.privateKeyPem());
        List<TlsKeyMaterial> keys = List.of(
                TlsKeyMaterial.of(pki.csmsEc().keyPair().getPrivate(), pki.csmsEc().chain()),
                TlsKeyMaterial.of(pki.csmsRsa().keyPair().getPrivate(), pki.csmsRsa().chain()));
        TlsFailureListener quiet = f -> { };
        CsmsTlsContext p2 = CsmsTlsContext.forServer(SecurityProfile.TLS_BASIC_AUTH, keys)
                .clock(TestPki.CLOCK).failureListener(quiet).build();
        CsmsTlsContext p3 = CsmsTlsContext.forServer(SecurityProfile.TLS_CLIENT_CERTIFICATE, keys)
                .stationCertificates(TrustAnchors.cso(pki.csoRoot().certificate()), TestPki.CSO_NAME)
                .clock(TestPki.CLOCK).failureListener(quiet).build();
        SSLServerSocket s2 = p2.createServerSocket(0, 100, InetAddress.getLoopbackAddress());
        SSLServerSocket s3 = p3.createServerSocket(0, 100, InetAddress.getLoopbackAddress());
        serve(s2);
        serve(s3);
        System.out.println("PORT2 " + s2.getLocalPort());
        System.out.println("PORT3 " + s3.getLocalPort());
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // run until the script closes stdin
        }
        s2.close();
        s3.close();
    }

    private static void serve(SSLServerSocket ss) {
        Thread t = new Thread(() -> {
            while (!ss.isClosed()) {
                try {
                    SSLSocket s = (SSLSocket) ss.accept();
                    Thread c = new Thread(() -> handle(s));
                    c.setDaemon(true);
                    c.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private static void handle(SSLSocket s) {
        try (s) {
            s.setSoTimeout(3000);
            s.startHandshake();
            s.getOutputStream().write("OK\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.getInputStream().read();
        } catch (IOException e) {
            // refused handshakes are what the audit probes
        }
    }
}
