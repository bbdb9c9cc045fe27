package io.ocppsec.examples.cli;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.cert.OcppChainValidator;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.tls.CsmsTlsContext;
import io.ocppsec.tls.OcppTlsHandshakeException;
import io.ocppsec.tls.StationIdentity;
import io.ocppsec.tls.TlsFailure;
import io.ocppsec.tls.TlsKeyMaterial;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code serve-tls}: a CSMS TLS endpoint ({@link CsmsTlsContext}) for lab tests of a station's TLS client. It
 * completes handshakes, prints one line for each, answers a request with HTTP 501 and closes the connection; no
 * WebSocket.
 */
@Command(name = "serve-tls", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a CSMS TLS endpoint (CsmsTlsContext) for lab testing: accept connections, complete "
                + "the handshake, print one line per handshake (peer, version, suite, station identity in profile 3) "
                + "and close. Runs until killed, or until --max-connections. TLS only, no WebSocket upgrade: a "
                + "request sent after the handshake (probe-tls sends one) is answered with HTTP 501.",
            "Connections are handled one at a time."})
final class ServeTlsCommand implements Callable<Integer> {

    /** How long an accepted connection may take to send its request after the handshake. */
    private static final int UPGRADE_WAIT_MILLIS = 1000;
    private static final int MAX_REQUEST_BYTES = 8192;

    @Spec
    CommandSpec spec;
    @Option(names = "--profile", required = true, paramLabel = "2|3", description = "Security profile: 2 (TLS + Basic auth) or 3 (TLS + client certificate).")
    int profileNumber;
    @Option(names = "--cert", required = true, paramLabel = "FILE",
            description = "CSMS certificate chain (PEM, leaf first); repeat with --key for an ECDSA and an RSA certificate.")
    List<Path> certs;
    @Option(names = "--key", required = true, paramLabel = "FILE", description = "Private key (PEM) of the --cert at the same position.")
    List<Path> keys;
    @Option(names = "--trust", paramLabel = "FILE", description = "Profile 3: the CSO root certificate(s) station certificates chain to.")
    Path trust;
    @Option(names = "--org", paramLabel = "NAME", description = "Profile 3: the CSO name the station certificate's O must equal (A00.FR.404).")
    String org;
    @Option(names = "--port", paramLabel = "N", defaultValue = "8443", description = "TCP port, 0 for any free one (default ${DEFAULT-VALUE}).")
    int port;
    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind;
    @Option(names = "--max-connections", paramLabel = "N", description = "Stop after N connections (default: run until killed).")
    Integer maxConnections;
    @Option(names = "--handshake-timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Per-connection handshake timeout (default ${DEFAULT-VALUE}).")
    int handshakeTimeout;

    @Override
    public Integer call() throws Exception {
        SecurityProfile profile = profile();
        if (certs.size() != keys.size()) {
            throw usage("give one --key for each --cert (" + certs.size() + " --cert, " + keys.size() + " --key)");
        }
        if (maxConnections != null && maxConnections <= 0) {
            throw usage("--max-connections must be positive");
        }
        if (port < 0 || port > 65535 || handshakeTimeout <= 0 || handshakeTimeout > 300) {
            throw usage("--port must be 0 to 65535 and --handshake-timeout 1 to 300 seconds");
        }
        List<TlsKeyMaterial> material = new ArrayList<>();
        for (int i = 0; i < certs.size(); i++) {
            material.add(TlsKeyMaterial.of(PemFiles.privateKey(keys.get(i)), PemFiles.certificates(certs.get(i))));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CsmsTlsContext.Builder b = CsmsTlsContext.forServer(profile, material)
                .failureListener(f -> { }); // every failure is printed below, once
        if (profile.requiresClientCertificate()) {
            List<X509Certificate> roots = CertificateFiles.read(trust, CertificateFiles.TRUST_PARSER);
            b.stationCertificateValidator(OcppChainValidator.forChargingStationCertificate(
                    TrustAnchors.cso(roots.toArray(new X509Certificate[0])), org));
        }
        CsmsTlsContext tls = b.build();
        ValidationResult self = tls.selfCheck();
        if (!self.isClean()) {
            err.println("configuration: " + Results.summary(self));
            Results.printViolations(err, self);
        }
        try (SSLServerSocket server = tls.createServerSocket(port, 50, InetAddress.getByName(bind))) {
            out.println("listening on " + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort()
                    + " (profile " + profile.ocppValue() + ")");
            out.flush();
            for (int n = 0; maxConnections == null || n < maxConnections; n++) {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    String line = handshake(tls, s);
                    out.println(line);
                    out.flush();
                    if (line.startsWith("handshake ok") && !line.contains(" REFUSED: ")) {
                        answerUpgrade(s);
                    }
                }
            }
        }
        return 0;
    }

    /**
     * Reads what the client sends after the handshake (a probe's WebSocket upgrade) for a moment and answers it with
     * an HTTP 501, so the client can tell an accepting endpoint from one that drops the connection after the
     * handshake. Not a WebSocket server.
     */
    private static void answerUpgrade(SSLSocket s) {
        try {
            s.setSoTimeout(UPGRADE_WAIT_MILLIS);
            java.io.InputStream in = s.getInputStream();
            int matched = 0;
            for (int n = 0; n < MAX_REQUEST_BYTES && matched < 4; n++) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
        } catch (IOException e) {
            // no request (or a timeout): answer anyway
        }
        try {
            s.getOutputStream().write(("HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\nConnection: close\r\n"
                    + "X-Serve-Tls: TLS only, no WebSocket\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
        } catch (IOException e) {
            // the client is gone
        }
    }

    private String handshake(CsmsTlsContext tls, SSLSocket s) {
        String peer = s.getInetAddress().getHostAddress() + ":" + s.getPort();
        try {
            s.setSoTimeout(handshakeTimeout * 1000);
            s.startHandshake();
        } catch (IOException e) {
            TlsFailure f = e instanceof OcppTlsHandshakeException ? ((OcppTlsHandshakeException) e).failure()
                    : tls.reportHandshakeFailure(e, Optional.of(peer));
            String why = f.violations().blocking().isEmpty() ? f.detail() : f.violations().blocking().get(0).message();
            return "handshake FAILED peer=" + peer + " " + f.kind() + ": "
                    + Results.printable(e instanceof SocketTimeoutException ? "timeout" : why);
        }
        SSLSession session = s.getSession();
        StringBuilder line = new StringBuilder("handshake ok peer=").append(peer).append(' ')
                .append(session.getProtocol()).append(' ').append(session.getCipherSuite());
        ValidationResult check = tls.verifySession(session); // A00.FR.314/417
        if (!check.isCompliant()) {
            return line.append(" REFUSED: ").append(check.blocking().get(0).message()).toString();
        }
        if (tls.profile().requiresClientCertificate()) {
            try {
                StationIdentity id = tls.stationIdentity(session);
                line.append(" station=").append(Results.printable(id.commonName()));
            } catch (SSLPeerUnverifiedException e) {
                line.append(" station=(unverified: ").append(Results.printable(String.valueOf(e.getMessage()))).append(')');
            }
        }
        return line.toString();
    }

    private SecurityProfile profile() {
        if (profileNumber != 2 && profileNumber != 3) {
            throw usage("--profile must be 2 or 3 (profile 1 has no TLS)");
        }
        SecurityProfile p = SecurityProfile.fromOcpp(profileNumber);
        if (p.requiresClientCertificate() && (trust == null || org == null)) {
            throw usage("--profile 3 needs --trust (CSO roots) and --org (CSO name) to verify station certificates");
        }
        if (!p.requiresClientCertificate() && (trust != null || org != null)) {
            throw usage("--trust and --org apply to --profile 3 only");
        }
        return p;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
