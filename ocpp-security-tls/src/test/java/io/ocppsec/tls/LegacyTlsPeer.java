package io.ocppsec.tls;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * A deliberately old/weak plain-JSSE peer, run in a forked JVM whose {@code jdk.tls.disabledAlgorithms}
 * is relaxed through {@code -Djava.security.properties=} (the test JVM keeps the JDK defaults).
 *
 * <pre>
 * client HOST PORT PROTOCOLS SUITES          -> prints HANDSHAKE_OK proto suite | HANDSHAKE_FAILED msg
 * server KEYSTORE PASSWORD PROTOCOLS SUITES  -> prints PORT n, then the handshake outcome
 * </pre>
 * PROTOCOLS and SUITES are comma-separated; "-" keeps JSSE's defaults.
 */
public final class LegacyTlsPeer {

    private LegacyTlsPeer() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("client")) {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new io.ocppsec.testing.TrustAll()}, null);
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(args[1], Integer.parseInt(args[2]))) {
                s.setSoTimeout(4000);
                apply(s, args[3], args[4]);
                s.startHandshake();
                s.getInputStream().read(); // a TLS 1.3 server's rejection arrives here
                System.out.println("HANDSHAKE_OK " + s.getSession().getProtocol() + " " + s.getSession().getCipherSuite());
            } catch (Exception e) {
                System.out.println("HANDSHAKE_FAILED " + e);
            }
        } else {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = new FileInputStream(args[1])) {
                ks.load(in, args[2].toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
            kmf.init(ks, args[2].toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            try (SSLServerSocket ss = (SSLServerSocket) ctx.getServerSocketFactory()
                    .createServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                if (!args[3].equals("-")) {
                    ss.setEnabledProtocols(args[3].split(","));
                }
                if (!args[4].equals("-")) {
                    ss.setEnabledCipherSuites(args[4].split(","));
                }
                ss.setSoTimeout(8000);
                System.out.println("PORT " + ss.getLocalPort());
                System.out.flush();
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    s.setSoTimeout(4000);
                    s.startHandshake();
                    System.out.println("HANDSHAKE_OK " + s.getSession().getProtocol());
                } catch (Exception e) {
                    System.out.println("HANDSHAKE_FAILED " + e);
                }
            }
        }
        System.out.flush();
    }

    private static void apply(SSLSocket s, String protocols, String suites) {
        if (!protocols.equals("-")) {
            s.setEnabledProtocols(protocols.split(","));
        }
        if (!suites.equals("-")) {
            s.setEnabledCipherSuites(suites.split(","));
        }
    }
}
