package io.ocppsec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.ForgedChain;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import jakarta.json.Json;
import io.ocppsec.tls.CsmsTlsContext;
import io.ocppsec.tls.TlsKeyMaterial;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** probe-tls against serve-tls over loopback, both in-process, with a PKI valid now. */
class TlsCommandsTest {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    static Path dir;
    private static TestPki pki;
    private static String csoRoot;
    private static String foreignRoot;
    private final Cli probe = new Cli();
    private final List<Server> servers = new ArrayList<>();

    /** serve-tls running in a thread. */
    private static final class Server {
        final Cli cli = new Cli();
        CompletableFuture<Integer> exit;
        int port;
    }

    @BeforeAll
    static void pki() throws Exception {
        pki = TestPki.create(KeyType.EC_P256, Instant.now());
        csoRoot = Cli.write(dir, "cso-root.pem", List.of(pki.csoRoot().certificate())).toString();
        foreignRoot = Cli.write(dir, "foreign-root.pem", List.of(pki.foreignRoot().certificate())).toString();
        files("csms-ec", pki.csmsEc());
        files("csms-rsa", pki.csmsRsa());
        files("station", pki.station());
        files("station-other-org", pki.station(TestPki.Defect.WRONG_ORGANIZATION));
        files("csms-other-name", pki.csmsBuilder("other.example.com").build());
        forgedFiles("forged-csms", ForgedChain.impersonating(pki, PkiRole.CSMS, TestPki.CSMS_FQDN, pki.csmsEc()));
        forgedFiles("forged-station", ForgedChain.impersonating(pki, PkiRole.CHARGING_STATION,
                TestPki.STATION_SERIAL, pki.station()));
    }

    /** The issue-20 forgery as a TLS peer presents it: [X, B, B's sub-CA, D] with X's (the attacker's) key. */
    private static void forgedFiles(String name, ForgedChain f) throws IOException {
        Files.writeString(dir.resolve(name + ".pem"), f.pem());
        Files.writeString(dir.resolve(name + ".key"), f.attacker().privateKeyPem());
    }

    private static void files(String name, TestCertificate c) throws IOException {
        Files.writeString(dir.resolve(name + ".pem"), c.chainPem());
        Files.writeString(dir.resolve(name + ".key"), c.privateKeyPem());
    }

    private static String f(String name) {
        return dir.resolve(name).toString();
    }

    private Server serve(String... args) throws Exception {
        Server s = new Server();
        List<String> all = new ArrayList<>(List.of("serve-tls", "--port", "0", "--max-connections", "1",
                "--handshake-timeout", "5"));
        all.addAll(List.of(args));
        s.exit = CompletableFuture.supplyAsync(() -> s.cli.run(all.toArray(new String[0])));
        servers.add(s);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(s.cli.out());
            if (m.find()) {
                s.port = Integer.parseInt(m.group(1));
                return s;
            }
            if (s.exit.isDone()) {
                throw new AssertionError("serve-tls ended: " + s.cli.err());
            }
            Thread.sleep(10);
        }
        throw new AssertionError("serve-tls did not start: " + s.cli.err());
    }

    private static String serverLine(Server s) throws Exception {
        assertThat(s.exit.get(10, TimeUnit.SECONDS)).as(s.cli.err()).isZero();
        List<String> lines = s.cli.out().lines().toList();
        return lines.get(lines.size() - 1);
    }

    @AfterEach
    void stopServers() throws Exception {
        for (Server s : servers) {
            if (!s.exit.isDone()) {
                try (Socket unblock = new Socket("127.0.0.1", s.port)) {
                    unblock.getOutputStream().write(0);
                } catch (IOException ignored) {
                    // already gone
                }
                s.exit.get(10, TimeUnit.SECONDS);
            }
        }
    }

    private int probe(int port, String... args) {
        List<String> all = new ArrayList<>(List.of("probe-tls", "--url", "wss://127.0.0.1:" + port + "/CS-0001",
                "--timeout", "5"));
        all.addAll(List.of(args));
        return probe.run(all.toArray(new String[0]));
    }

    /**
     * What the station sees when the CSMS refuses its certificate (TLS 1.3: after the station's last flight). Mostly
     * the alert (REJECTED_BY_PEER); in about a third of the runs the server has closed while the station is still
     * writing CertificateVerify/Finished, and the station only sees a broken pipe or a reset (OTHER). Either way
     * the handshake failed; the server's line says why.
     */
    private static void assertRefusedByTheCsms(String probeOut) {
        assertThat(probeOut).doesNotContain("handshake ok");
        assertThat(probeOut.lines().findFirst().orElse("")).matches("handshake FAILED: (REJECTED_BY_PEER|OTHER); "
                + "security event \\(none\\) \\(profile 3\\)|refused by the CSMS after the handshake: REJECTED_BY_PEER; "
                + "security event FailedToAuthenticateAtCsms \\(profile 3\\)");
    }

    private Server profile2() throws Exception {
        return serve("--profile", "2", "--cert", f("csms-ec.pem"), "--key", f("csms-ec.key"), "--cert",
                f("csms-rsa.pem"), "--key", f("csms-rsa.key"));
    }

    private Server profile3() throws Exception {
        return serve("--profile", "3", "--cert", f("csms-ec.pem"), "--key", f("csms-ec.key"), "--cert",
                f("csms-rsa.pem"), "--key", f("csms-rsa.key"), "--trust", csoRoot, "--org", TestPki.CSO_NAME);
    }

    @Test
    @Verifies({"A00.FR.306", "A00.FR.307", "A00.FR.308", "A00.FR.309", "A00.FR.313", "A00.FR.314"})
    void profile2ProbeReportsVersionSuiteAndACompliantCsmsCertificate() throws Exception {
        Server s = profile2();
        assertThat(probe(s.port, "--trust", csoRoot, "--expected-host", TestPki.CSMS_FQDN)).as(probe.out() + probe.err())
                .isZero();
        assertThat(probe.out()).startsWith("handshake ok: TLSv1.3 TLS_AES_")
                .contains("(profile 2, identity CS-0001)")
                .contains("session (A00.FR.313/314): compliant")
                .contains("CSMS certificate CN=csms.example.com,O=Example CSO: compliant");
        assertThat(serverLine(s)).matches("handshake ok peer=127\\.0\\.0\\.1:\\d+ TLSv1\\.3 TLS_AES_\\S+");
    }

    @Test
    @Verifies({"A00.FR.318", "A00.FR.319"})
    void rsaStationPolicyNegotiatesWithTheRsaCertificate() throws Exception {
        Server s = profile2();
        assertThat(probe(s.port, "--trust", csoRoot, "--expected-host", TestPki.CSMS_FQDN, "--rsa", "--json")).isZero();
        JsonObject o = Json.createReader(new StringReader(probe.out())).readObject();
        assertThat(o.getString("handshake")).isEqualTo("ok");
        assertThat(o.getInt("profile")).isEqualTo(2);
        assertThat(o.getString("protocol")).isEqualTo("TLSv1.3");
        assertThat(o.getJsonObject("serverCertificate").getBoolean("compliant")).isTrue();
        assertThat(o.getJsonObject("session").getBoolean("compliant")).isTrue();
        serverLine(s);
    }

    @Test
    @Verifies({"A00.FR.401", "A00.FR.402", "A00.FR.403", "A00.FR.404", "A00.FR.405", "A00.FR.410", "A00.FR.411",
        "A00.FR.412"})
    void profile3ServerPrintsTheVerifiedStationIdentity() throws Exception {
        Server s = profile3();
        assertThat(probe(s.port, "--trust", csoRoot, "--expected-host", TestPki.CSMS_FQDN, "--client-cert",
                f("station.pem"), "--client-key", f("station.key"))).as(probe.out() + probe.err()).isZero();
        assertThat(probe.out()).contains("(profile 3, identity CS-0001)");
        assertThat(serverLine(s)).contains("handshake ok").endsWith(" station=CS-0001");
    }

    @Test
    @Verifies({"A00.FR.309", "A00.FR.310", "A00.FR.311"})
    void wrongCsmsNameIsInvalidCsmsCertificate() throws Exception {
        Server s = serve("--profile", "2", "--cert", f("csms-other-name.pem"), "--key", f("csms-other-name.key"));
        assertThat(probe(s.port, "--trust", csoRoot, "--expected-host", TestPki.CSMS_FQDN)).isEqualTo(1);
        assertThat(probe.out()).startsWith("handshake FAILED: INVALID_PEER_CERTIFICATE; security event InvalidCsmsCertificate")
                .contains("violation: A00.FR.309 SHALL [certificate #0]: found CN=other.example.com");
        assertThat(serverLine(s)).startsWith("handshake FAILED peer=127.0.0.1:");
    }

    @Test
    @Verifies({"A00.FR.308", "A00.FR.310"})
    void csmsCertificateFromAnotherRootIsInvalidCsmsCertificateAsJson() throws Exception {
        Server s = profile2();
        assertThat(probe(s.port, "--trust", foreignRoot, "--expected-host", TestPki.CSMS_FQDN, "--json")).isEqualTo(1);
        JsonObject o = Json.createReader(new StringReader(probe.out())).readObject();
        assertThat(o.getString("handshake")).isEqualTo("failed");
        JsonObject failure = o.getJsonObject("failure");
        assertThat(failure.getString("kind")).isEqualTo("INVALID_PEER_CERTIFICATE");
        assertThat(failure.getString("securityEvent")).isEqualTo("InvalidCsmsCertificate");
        assertThat(failure.getString("techInfo")).startsWith("A00.FR.308");
        assertThat(failure.getJsonArray("violations").getJsonObject(0).getString("requirement")).isEqualTo("A00.FR.308");
        serverLine(s);
    }

    @Test
    @Verifies({"A00.FR.404", "A00.FR.407"})
    void profile3ServerRefusesAStationOfAnotherOrganization() throws Exception {
        Server s = profile3();
        assertThat(probe(s.port, "--trust", csoRoot, "--expected-host", TestPki.CSMS_FQDN, "--client-cert",
                f("station-other-org.pem"), "--client-key", f("station-other-org.key"))).isEqualTo(1);
        assertRefusedByTheCsms(probe.out());
        assertThat(serverLine(s)).startsWith("handshake FAILED").contains("INVALID_PEER_CERTIFICATE")
                .contains("A00.FR.404 SHALL");
    }

    @Test
    @Verifies("A00.FR.401")
    void profile3ServerRefusesAStationWithoutCertificate() throws Exception {
        Server s = profile3();
        assertThat(probe(s.port, "--trust", csoRoot, "--expected-host", TestPki.CSMS_FQDN)).isEqualTo(1);
        assertThat(probe.out()).startsWith("handshake FAILED");
        assertThat(serverLine(s)).startsWith("handshake FAILED");
    }

    /** A CSMS (e.g. Node ocpp-rpc) that refuses the station by completing the handshake and dropping the connection. */
    @Test
    void profile3CsmsThatDropsTheStationAfterTheHandshakeIsARefusalNotASuccess() throws Exception {
        CsmsTlsContext csms = CsmsTlsContext.forServer(SecurityProfile.TLS_CLIENT_CERTIFICATE,
                        List.of(TlsKeyMaterial.of(pki.csmsEc().keyPair().getPrivate(), pki.csmsEc().chain())))
                .stationCertificates(TrustAnchors.cso(pki.csoRoot().certificate()), TestPki.CSO_NAME).build();
        for (boolean json : new boolean[] {false, true}) {
            try (SSLServerSocket ss = csms.createServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                CompletableFuture<Void> drop = CompletableFuture.runAsync(() -> {
                    try (SSLSocket s = (SSLSocket) ss.accept()) {
                        s.startHandshake(); // then close without a word
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                List<String> args = new ArrayList<>(List.of("--trust", csoRoot, "--expected-host", TestPki.CSMS_FQDN,
                        "--client-cert", f("station.pem"), "--client-key", f("station.key")));
                if (json) {
                    args.add("--json");
                }
                int exit = probe(ss.getLocalPort(), args.toArray(new String[0]));
                drop.get(10, TimeUnit.SECONDS);
                assertThat(exit).as(probe.out() + probe.err()).isEqualTo(1);
                assertThat(probe.out()).doesNotContain("handshake ok").doesNotContain("\"ok\"");
                if (json) {
                    JsonObject o = Json.createReader(new StringReader(probe.out())).readObject();
                    assertThat(o.getString("handshake")).isEqualTo("refusedAfterHandshake");
                    assertThat(o.getJsonObject("failure").getString("securityEvent"))
                            .isEqualTo("FailedToAuthenticateAtCsms");
                } else {
                    assertThat(probe.out()).startsWith("refused by the CSMS after the handshake: REJECTED_BY_PEER; "
                            + "security event FailedToAuthenticateAtCsms (profile 3)");
                }
            }
        }
    }

    @Test
    void probeUsageErrors() throws Exception {
        assertThat(probe.run("probe-tls", "--url", "ws://127.0.0.1:1/CS", "--trust", csoRoot)).isEqualTo(2);
        assertThat(probe.err()).contains("wss://");
        assertThat(probe.run("probe-tls", "--url", "wss://127.0.0.1:1/CS", "--trust", csoRoot)).isEqualTo(2);
        assertThat(probe.err()).contains("FQDN");
        assertThat(probe.run("probe-tls", "--url", "wss://127.0.0.1:1/CS", "--trust", csoRoot, "--expected-host",
                TestPki.CSMS_FQDN, "--client-cert", f("station.pem"))).isEqualTo(2);
        assertThat(probe.err()).contains("go together");
        assertThat(probe.run("probe-tls", "--url", "wss://127.0.0.1:1/CS", "--trust", f("station.key"),
                "--expected-host", TestPki.CSMS_FQDN)).isEqualTo(2);
        assertThat(probe.err()).contains("WRONG_BLOCK_TYPE");
        assertThat(probe.run("probe-tls", "--url", "wss://127.0.0.1:1/CS", "--trust", csoRoot, "--expected-host",
                TestPki.CSMS_FQDN, "--client-cert", f("station.pem"), "--client-key", f("csms-ec.key"))).isEqualTo(2);
        assertThat(probe.err()).contains("does not belong");
    }

    @Test
    void probeOfAClosedPortIsExitTwo() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertThat(probe(port, "--trust", csoRoot, "--expected-host", TestPki.CSMS_FQDN)).isEqualTo(2);
        assertThat(probe.err()).startsWith("error: cannot connect to 127.0.0.1:" + port);
    }

    @Test
    void serveUsageErrors() {
        Cli c = new Cli();
        assertThat(c.run("serve-tls", "--profile", "1", "--cert", f("csms-ec.pem"), "--key", f("csms-ec.key"))).isEqualTo(2);
        assertThat(c.err()).contains("profile 1 has no TLS");
        assertThat(c.run("serve-tls", "--profile", "3", "--cert", f("csms-ec.pem"), "--key", f("csms-ec.key"))).isEqualTo(2);
        assertThat(c.err()).contains("--trust");
        assertThat(c.run("serve-tls", "--profile", "2", "--cert", f("csms-ec.pem"), "--key", f("csms-ec.key"),
                "--org", "X")).isEqualTo(2);
        assertThat(c.run("serve-tls", "--profile", "2", "--cert", f("csms-ec.pem"), "--cert", f("csms-rsa.pem"),
                "--key", f("csms-ec.key"))).isEqualTo(2);
        assertThat(c.err()).contains("one --key for each --cert");
        assertThat(c.run("serve-tls", "--profile", "2", "--cert", f("csms-ec.pem"), "--key", f("csms-rsa.key")))
                .isEqualTo(2);
        assertThat(c.err()).doesNotContain("PRIVATE KEY");
        assertThat(c.run("serve-tls", "--profile", "2", "--cert", f("csms-ec.pem"), "--key", f("csms-ec.key"),
                "--max-connections", "0")).isEqualTo(2);
    }

    @Test
    void serveWarnsAboutAMissingRsaCertificate() throws Exception {
        Server s = serve("--profile", "2", "--cert", f("csms-ec.pem"), "--key", f("csms-ec.key"));
        assertThat(s.cli.err()).contains("advisory:").contains("no RSA CSMS certificate");
        assertThat(probe(s.port, "--trust", csoRoot, "--expected-host", TestPki.CSMS_FQDN)).isZero();
        serverLine(s);
    }

    @Test
    @Verifies({"A00.FR.308", "A00.FR.310"})
    void csmsPresentingAForgedChainWithTheAttackersKeyIsInvalidCsmsCertificate() throws Exception {
        // Issue 20: the server proves X's key; the old validator validated the genuine CSMS certificate that
        // follows X (by names) and the probe reported "handshake ok" and a compliant CSMS certificate.
        Server s = serve("--profile", "2", "--cert", f("forged-csms.pem"), "--key", f("forged-csms.key"));
        assertThat(probe(s.port, "--trust", csoRoot, "--expected-host", TestPki.CSMS_FQDN)).as(probe.out() + probe.err())
                .isEqualTo(1);
        assertThat(probe.out()).startsWith("handshake FAILED: INVALID_PEER_CERTIFICATE; security event InvalidCsmsCertificate")
                .contains("violation: A00.FR.308 SHALL [certificate #0]: found no certification path to a trusted CSO root")
                .doesNotContain("handshake ok");
        assertThat(serverLine(s)).startsWith("handshake FAILED peer=127.0.0.1:");
    }

    @Test
    @Verifies({"A00.FR.403", "A00.FR.407"})
    void profile3ServerRefusesAStationPresentingAForgedChainWithTheAttackersKey() throws Exception {
        // Issue 20 on the CSMS side: X claims the serial of the station whose certificate the attacker borrowed;
        // the old server accepted the forgery and printed station=CS-0001 for the attacker's key.
        Server s = profile3();
        assertThat(probe(s.port, "--trust", csoRoot, "--expected-host", TestPki.CSMS_FQDN, "--client-cert",
                f("forged-station.pem"), "--client-key", f("forged-station.key"))).as(probe.out() + probe.err())
                .isEqualTo(1);
        assertRefusedByTheCsms(probe.out());
        assertThat(serverLine(s)).startsWith("handshake FAILED").contains("INVALID_PEER_CERTIFICATE")
                .contains("A00.FR.403 SHALL [certificate #0]").doesNotContain("station=");
    }
}
