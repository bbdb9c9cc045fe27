package io.ocppsec.examples.cli;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.cert.ChainValidationResult;
import io.ocppsec.core.cert.OcppChainValidator;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.tls.OcppTlsHandshakeException;
import io.ocppsec.tls.StationTlsContext;
import io.ocppsec.tls.TlsFailure;
import io.ocppsec.tls.TlsKeyMaterial;
import io.ocppsec.tls.TlsPolicy;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code probe-tls}: connects to a CSMS as a Charging Station would ({@link StationTlsContext} with the
 * {@link OcppChainValidator}) and reports the negotiated session, the CSMS certificate's compliance, or the
 * classified failure and the security event a station raises.
 */
@Command(name = "probe-tls", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Connect to a CSMS TLS endpoint as a Charging Station (TLS handshake, then a WebSocket "
                + "upgrade request to see whether the CSMS keeps the connection) and report the TLS version and suite, the CSMS certificate's compliance "
                + "(A00.FR.308/309, 313/314, 501-514), or the failure and its security event "
                + "(InvalidCsmsCertificate, InvalidTLSVersion, InvalidTLSCipherSuite).",
            "Profile 3 when --client-cert/--client-key are given, else profile 2.",
            "Exit 0 handshake succeeded and the certificate is compliant, 1 handshake refused (also: refused by the CSMS "
                + "right after the handshake, profile 3), 2 bad usage or no connection."})
final class ProbeTlsCommand implements Callable<Integer> {

    /** How long to wait for a refusal of the station certificate after a TLS 1.3 handshake. */
    static final int LATE_ALERT_WAIT_MILLIS = 700;

    @Spec
    CommandSpec spec;
    @Option(names = "--url", required = true, paramLabel = "URL", description = "wss://host[:port]/IDENTITY of the CSMS.")
    String url;
    @Option(names = "--trust", required = true, paramLabel = "FILE", description = "The CSMS root certificate(s) (PEM), the only trust anchors.")
    Path trust;
    @Option(names = "--client-cert", paramLabel = "FILE", description = "Profile 3: the station certificate chain (PEM).")
    Path clientCert;
    @Option(names = "--client-key", paramLabel = "FILE", description = "Profile 3: the station private key (PEM).")
    Path clientKey;
    @Option(names = "--expected-host", paramLabel = "NAME",
            description = "The FQDN the CSMS certificate CN must equal (default: the URL host).")
    String expectedHost;
    @Option(names = "--rsa", description = "Offer the RSA station suites (TlsPolicy.STATION_RSA) instead of the ECDSA ones.")
    boolean rsa;
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Connect and handshake timeout (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;
    @Option(names = "--json", description = "Print one JSON object for machines.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        URI uri = parseUrl();
        int port = uri.getPort() < 0 ? 443 : uri.getPort();
        if ((clientCert == null) != (clientKey == null)) {
            throw usage("--client-cert and --client-key go together");
        }
        if (timeoutSeconds <= 0 || timeoutSeconds > 300) {
            throw usage("--timeout must be 1 to 300 seconds");
        }
        if (expectedHost != null && !expectedHost.matches("[A-Za-z0-9.-]+")) {
            throw usage("--expected-host must be a host name such as csms.example.com (the FQDN the CSMS "
                    + "certificate's CN must equal, A00.FR.309/412), not a URL or address: got '"
                    + Results.printable(expectedHost) + "'");
        }
        String host = expectedHost != null ? expectedHost : uri.getHost();
        List<X509Certificate> roots = CertificateFiles.read(trust, CertificateFiles.TRUST_PARSER);
        OcppChainValidator validator;
        try {
            validator = OcppChainValidator.forCsmsCertificate(TrustAnchors.cso(roots.toArray(new X509Certificate[0])), host);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        SecurityProfile profile = clientCert != null ? SecurityProfile.TLS_CLIENT_CERTIFICATE : SecurityProfile.TLS_BASIC_AUTH;
        List<TlsFailure> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        StationTlsContext.Builder b = StationTlsContext.forClient(profile, roots)
                .policy(rsa ? TlsPolicy.STATION_RSA : TlsPolicy.STATION_ECDSA)
                .chainValidator(validator)
                .failureListener(failures::add);
        try {
            b.expectedHost(host);
        } catch (IllegalArgumentException e) {
            throw usage("--expected-host: " + e.getMessage());
        }
        if (clientCert != null) {
            b.clientKeyMaterial(TlsKeyMaterial.of(PemFiles.privateKey(clientKey), PemFiles.certificates(clientCert)));
        }
        StationTlsContext tls = b.build();
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), port);
        if (address.isUnresolved()) {
            throw new IOException("cannot resolve " + uri.getHost());
        }
        SSLSocket socket;
        try {
            socket = tls.connect(address, Duration.ofSeconds(timeoutSeconds));
        } catch (OcppTlsHandshakeException e) {
            printFailure(profile, e.failure());
            return OcppSecurityCli.EXIT_VIOLATIONS;
        } catch (IOException e) {
            throw new IOException("cannot connect to " + uri.getHost() + ":" + port + ": " + e.getMessage(), e);
        }
        try (SSLSocket s = socket) {
            Optional<Late> late = refusedAfterHandshake(tls, s, uri, uri.getHost() + ":" + port, profile);
            if (late.isPresent()) {
                if (late.get().dropped()) {
                    printRefusedAfterHandshake(profile, late.get().failure());
                } else {
                    printFailure(profile, late.get().failure()); // a TLS alert: the handshake's end was refused
                }
                return OcppSecurityCli.EXIT_VIOLATIONS;
            }
            SSLSession session = s.getSession();
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : session.getPeerCertificates()) {
                chain.add((X509Certificate) c);
            }
            // The handshake passed the same validator; run it again for the advisories (SHOULD/RECOMMENDED).
            ChainValidationResult validated = validator.validate(chain, Instant.now());
            ValidationResult certificate = validated.result();
            ValidationResult sessionCheck = tls.verifySession(session);
            // What is printed is the certificate that was validated (the CSMS's own, the first it sent).
            printSuccess(profile, session, validated.leaf().orElse(chain.get(0)), certificate, sessionCheck);
            return certificate.isCompliant() && sessionCheck.isCompliant() ? 0 : OcppSecurityCli.EXIT_VIOLATIONS;
        }
    }

    /**
     * After the handshake, sends the WebSocket upgrade and waits briefly for the CSMS. In TLS 1.3 the client's
     * handshake ends before the server has checked the client certificate, so a CSMS that refuses the station
     * certificate (profile 3) says so with an alert right after; some CSMSs (e.g. a Node ocpp-rpc one) complete the
     * handshake and then just close or reset the connection. On profile 3 both are a refusal of the station by the
     * CSMS. A CSMS that answers anything, or is still waiting when the wait ends, kept the connection.
     */
    private Optional<Late> refusedAfterHandshake(StationTlsContext tls, SSLSocket s, URI uri, String peer,
                                                 SecurityProfile profile) {
        String closed;
        try {
            s.setSoTimeout(LATE_ALERT_WAIT_MILLIS);
            // First a moment for a TLS 1.3 alert (a write could turn it into a reset), then the upgrade.
            int first = readOrTimeout(s);
            if (first == TIMED_OUT) {
                OutputStream out = s.getOutputStream();
                out.write(upgradeRequest(uri).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                first = readOrTimeout(s);
            }
            if (first != -1) {
                return Optional.empty(); // an answer, or still waiting: the CSMS kept the connection
            }
            closed = "the CSMS closed the connection without answering the WebSocket upgrade";
        } catch (IOException e) {
            TlsFailure f = tls.reportHandshakeFailure(e, Optional.of(peer));
            if (f.kind() != TlsFailure.Kind.OTHER) {
                return Optional.of(new Late(f, false));
            }
            closed = "the connection was reset after the handshake (" + e.getClass().getSimpleName() + ")";
        }
        if (!profile.requiresClientCertificate()) {
            return Optional.empty(); // profile 2: the station authenticates in the upgrade, which was not sent
        }
        return Optional.of(new Late(new TlsFailure(TlsFailure.Kind.REJECTED_BY_PEER,
                TlsFailure.Endpoint.CHARGING_STATION, ValidationResult.compliant(), closed
                + "; the CSMS probably refused the station certificate (see the CSMS log)", Optional.of(peer),
                Instant.now()), true));
    }

    /**
     * What ended the connection after the handshake.
     *
     * @param failure the failure
     * @param dropped true when the CSMS closed or reset the connection without a TLS alert
     */
    private record Late(TlsFailure failure, boolean dropped) {
    }

    private static final int TIMED_OUT = -2;

    private static int readOrTimeout(SSLSocket s) throws IOException {
        try {
            return s.getInputStream().read();
        } catch (java.net.SocketTimeoutException e) {
            return TIMED_OUT;
        }
    }

    /** A WebSocket upgrade of the URL (no credentials: profile 3 authenticates with the certificate). */
    private static String upgradeRequest(URI uri) {
        byte[] key = new byte[16];
        new java.security.SecureRandom().nextBytes(key);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return "GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + java.util.Base64.getEncoder().encodeToString(key)
                + "\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ocpp2.0.1\r\n\r\n";
    }

    private URI parseUrl() {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw usage("--url is not a URL: " + e.getReason());
        }
        if (!"wss".equalsIgnoreCase(uri.getScheme())) {
            throw usage("--url must be wss://host:port/IDENTITY (profile 1 over ws:// has no TLS to probe)");
        }
        if (uri.getHost() == null) {
            throw usage("--url has no host");
        }
        return uri;
    }

    private String identity() {
        String path = URI.create(url).getPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            return "";
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private void printSuccess(SecurityProfile profile, SSLSession session, X509Certificate csmsCertificate,
                              ValidationResult certificate, ValidationResult sessionCheck) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObjectBuilder cert = Results.addResult(Json.createObjectBuilder()
                    .add("subject", csmsCertificate.getSubjectX500Principal().getName()), certificate);
            out.println(Results.toJson(Json.createObjectBuilder()
                    .add("url", url).add("identity", identity()).add("profile", profile.ocppValue())
                    .add("handshake", "ok").add("protocol", session.getProtocol())
                    .add("cipherSuite", session.getCipherSuite())
                    .add("session", Results.addResult(Json.createObjectBuilder(), sessionCheck))
                    .add("serverCertificate", cert).build()));
            return;
        }
        out.println("handshake ok: " + session.getProtocol() + " " + session.getCipherSuite() + " (profile "
                + profile.ocppValue() + ", identity " + Results.printable(identity()) + ")");
        out.println("session (A00.FR.313/314): " + Results.summary(sessionCheck));
        Results.printViolations(out, sessionCheck);
        out.println("CSMS certificate " + Results.printable(csmsCertificate.getSubjectX500Principal().getName()) + ": "
                + Results.summary(certificate));
        Results.printViolations(out, certificate);
    }

    private void printFailure(SecurityProfile profile, TlsFailure f) {
        PrintWriter out = spec.commandLine().getOut();
        String event = f.securityEventType().map(t -> t.ocppName()).orElse("(none)");
        String techInfo = f.toSecurityEvent().flatMap(SecurityEvent::techInfo).orElse("");
        if (json) {
            JsonObjectBuilder failure = Json.createObjectBuilder().add("kind", f.kind().name())
                    .add("securityEvent", event).add("techInfo", techInfo).add("detail", f.detail());
            out.println(Results.toJson(Json.createObjectBuilder()
                    .add("url", url).add("identity", identity()).add("profile", profile.ocppValue())
                    .add("handshake", "failed")
                    .add("failure", Results.addResult(failure, f.violations())).build()));
            return;
        }
        out.println("handshake FAILED: " + f.kind() + "; security event " + event + " (profile "
                + profile.ocppValue() + ")");
        out.println("  detail: " + Results.printable(f.detail()));
        Results.printViolations(out, f.violations());
    }

    /** The station's view: the CSMS ended the connection right after the handshake (profile 3). */
    private void printRefusedAfterHandshake(SecurityProfile profile, TlsFailure f) {
        PrintWriter out = spec.commandLine().getOut();
        // The CSMS did not accept the station's credentials, its certificate (A00.FR.401/402).
        String event = SecurityEventType.FAILED_TO_AUTHENTICATE_AT_CSMS.ocppName();
        if (json) {
            JsonObjectBuilder failure = Json.createObjectBuilder().add("kind", f.kind().name())
                    .add("securityEvent", event).add("detail", f.detail());
            out.println(Results.toJson(Json.createObjectBuilder()
                    .add("url", url).add("identity", identity()).add("profile", profile.ocppValue())
                    .add("handshake", "refusedAfterHandshake")
                    .add("failure", Results.addResult(failure, f.violations())).build()));
            return;
        }
        out.println("refused by the CSMS after the handshake: " + f.kind() + "; security event " + event
                + " (profile " + profile.ocppValue() + ")");
        out.println("  detail: " + Results.printable(f.detail()));
        Results.printViolations(out, f.violations());
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
