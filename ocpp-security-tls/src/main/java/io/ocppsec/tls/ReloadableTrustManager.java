package io.ocppsec.tls;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.core.cert.CertificateRole;
import io.ocppsec.core.cert.ChainValidationResult;
import io.ocppsec.core.cert.ChainValidator;
import io.ocppsec.core.cert.OcppChainValidator;
import io.ocppsec.core.internal.x509.X509Names;
import io.ocppsec.tls.internal.Ids;
import io.ocppsec.tls.internal.PeerCertificateException;
import io.ocppsec.tls.internal.VerifiedPeer;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The OCPP trust manager: it validates the peer's chain inside the handshake with a
 * {@link ChainValidator} that can be replaced at runtime (new handshakes use the new one), and ends the
 * handshake with a {@link CertificateException} when a SHALL is broken.
 *
 * <ul>
 *   <li>On a Charging Station it checks the CSMS certificate: the validator (path to the installed CSMS
 *       roots, A00.FR.308/411) and the commonName against the CSMS FQDN of this connection
 *       (A00.FR.309/412). The name check is made once, by {@link OcppChainValidator}: an OCPP validator is
 *       bound to the host of each connection with {@link OcppChainValidator#withExpectedFqdn(String)}; any
 *       other {@link ChainValidator} gets {@link OcppChainValidator#checkCsmsName} on top. A failure is
 *       reported as InvalidCsmsCertificate (A00.FR.310/413) and the connection ends (A00.FR.311/414).</li>
 *   <li>On a CSMS (profile 3) it checks the station certificate: the validator (path to a CSO root,
 *       O = CSO name, revocation: A00.FR.403/404) and that a CN is present (A00.FR.405, matched to the
 *       URL identity later with {@link StationIdentity#checkIdentity(String)}); a failure ends the
 *       handshake (A00.FR.407) and is reported to the listener (A00.FR.408).</li>
 * </ul>
 *
 * <p>In both directions the certificate validated is the peer's first one, whose key JSSE checks the handshake
 * signature with: a validator result whose leaf is another certificate is refused, whatever the validator
 * (docs/certificate-paths.md). What the session records for later use ({@link CsmsTlsContext#stationIdentity}) is the
 * validated path.
 *
 * <p>Instances are created by {@link CsmsTlsContext} and {@link StationTlsContext}.
 */
public final class ReloadableTrustManager extends X509ExtendedTrustManager {

    enum Mode { VERIFY_CSMS, VERIFY_STATION }

    private final Mode mode;
    private final AtomicReference<ChainValidator> validator;
    private final Clock clock;
    private final Optional<String> expectedHost;
    private final boolean allowDnsName;
    private final Optional<ChainValidator> insecureFallback;
    private final Ids ids;
    private final TlsFailureListener listener;

    ReloadableTrustManager(Mode mode, ChainValidator validator, Clock clock, Optional<String> expectedHost,
                           boolean allowDnsName, Optional<ChainValidator> insecureFallback, Ids ids,
                           TlsFailureListener listener) {
        this.mode = mode;
        this.clock = clock;
        this.expectedHost = expectedHost;
        this.allowDnsName = allowDnsName;
        this.insecureFallback = insecureFallback;
        this.ids = ids;
        this.listener = listener;
        this.validator = new AtomicReference<>(normalize(Objects.requireNonNull(validator, "validator")));
    }

    /**
     * Replaces the validator; handshakes that start afterwards use it.
     *
     * @param newValidator the new validator
     */
    public void update(ChainValidator newValidator) {
        validator.set(normalize(Objects.requireNonNull(newValidator, "newValidator")));
    }

    /** A CSMS-certificate OCPP validator takes over the station's subjectAltName setting. */
    private ChainValidator normalize(ChainValidator v) {
        if (mode == Mode.VERIFY_CSMS && allowDnsName && isCsmsValidator(v)) {
            return ((OcppChainValidator) v).toBuilder().allowSubjectAltNameMatch(true).build();
        }
        return v;
    }

    private static boolean isCsmsValidator(ChainValidator v) {
        return v instanceof OcppChainValidator && ((OcppChainValidator) v).role() == CertificateRole.CSMS;
    }

    /** @return the validator the next handshake uses */
    public ChainValidator current() {
        return validator.get();
    }

    // ---- CSMS side: client certificates of Charging Stations ----

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkStation(chain, handshakeSession(socket), peer(socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkStation(chain, engine == null ? null : engine.getHandshakeSession(), peer(engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkStation(chain, null, Optional.empty());
    }

    // ---- Charging Station side: the CSMS server certificate ----

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        SSLParameters p = socket instanceof SSLSocket ? ((SSLSocket) socket).getSSLParameters() : null;
        SSLSession hs = handshakeSession(socket);
        checkCsms(chain, hs, host(p, hs), peer(socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        SSLParameters p = engine == null ? null : engine.getSSLParameters();
        SSLSession hs = engine == null ? null : engine.getHandshakeSession();
        checkCsms(chain, hs, host(p, hs), peer(engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkCsms(chain, null, expectedHost, Optional.empty());
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        // The validator decides; no CA list is advertised (a station has one certificate to present).
        return new X509Certificate[0];
    }

    private void checkCsms(X509Certificate[] chain, SSLSession hs, Optional<String> host, Optional<String> peer)
            throws CertificateException {
        requireMode(Mode.VERIFY_CSMS);
        List<X509Certificate> list = chain == null ? List.of() : Arrays.asList(chain);
        Instant now = clock.instant();
        ChainValidator installed = validator.get();
        ChainValidationResult v;
        if (list.isEmpty()) {
            v = ChainValidationResult.refused(ValidationResult.of(Violation.of(ids.csmsPath(), RequirementLevel.SHALL,
                    "no CSMS certificate", "the CSMS certificate chain")));
        } else {
            v = validateCsms(installed, list, host, now);
            if (!v.isCompliant() && insecureFallback.isPresent() && host.isPresent()) {
                ChainValidationResult jdk = validateCsms(insecureFallback.get(), list, host, now);
                if (jdk.isCompliant()) {
                    v = jdk.and(ValidationResult.of(Violation.of(ids.csmsPath(), RequirementLevel.SHOULD,
                            "a CSMS certificate accepted through the JDK default trust store "
                                    + "(insecureAlsoTrustJdkDefaults)", "a path to an installed CSMS root")));
                }
            }
        }
        finish(v, installed, hs, peer, now, "CSMS certificate refused");
    }

    /**
     * The chain and the name check of A00.FR.309/412, made once (by the OCPP validator or on top of another), on
     * the certificate the server proves the key of: the first one (RFC 8446 4.4.2).
     */
    private ChainValidationResult validateCsms(ChainValidator v, List<X509Certificate> list, Optional<String> host,
                                               Instant now) {
        ChainValidationResult r;
        if (isCsmsValidator(v)) {
            OcppChainValidator ocpp = (OcppChainValidator) v;
            boolean bound = host.isEmpty() || ocpp.expectedFqdn().filter(host.get()::equals).isPresent();
            r = (bound ? ocpp : ocpp.withExpectedFqdn(host.get())).validate(list, now);
        } else {
            r = validateSafely(v, list, now, ids.csmsPath());
            if (host.isPresent()) {
                r = r.and(ValidationResult.of(OcppChainValidator.checkCsmsName(list.get(0), host.get(), allowDnsName)
                        .violations().stream().map(x -> x.atChainIndex(0)).toList()));
            } else {
                r = r.and(ValidationResult.of(Violation.of(ids.csmsName(), RequirementLevel.SHALL,
                        "no CSMS host name known to the trust manager",
                        "the FQDN of the CSMS URL (set it with expectedHost(...) or SNI)")));
            }
        }
        return r.and(leafIsPeer(r, list, ids.csmsPath()));
    }

    private void checkStation(X509Certificate[] chain, SSLSession hs, Optional<String> peer)
            throws CertificateException {
        requireMode(Mode.VERIFY_STATION);
        List<X509Certificate> list = chain == null ? List.of() : Arrays.asList(chain);
        Instant now = clock.instant();
        ChainValidator installed = validator.get();
        finish(validateStation(installed, list, now), installed, hs, peer, now, "Charging Station certificate refused");
    }

    /**
     * The checks of a Charging Station chain, in the handshake and again for a resumed session
     * ({@link CsmsTlsContext#stationIdentity}): the validator, the validated leaf being the certificate the station
     * proves the key of (the first one), and exactly one CN in it (A00.FR.405).
     *
     * @param v the validator (the installed one, read once by the caller)
     * @param list the chain as the station sent it
     * @param now the instant
     * @return the validation, whose leaf is the station certificate
     */
    ChainValidationResult validateStation(ChainValidator v, List<X509Certificate> list, Instant now) {
        if (list.isEmpty()) {
            return ChainValidationResult.refused(ValidationResult.of(Violation.of("A00.FR.403", RequirementLevel.SHALL,
                    "no Charging Station certificate", "a client certificate chain (security profile 3, A00.FR.401)")));
        }
        ChainValidationResult r = validateSafely(v, list, now, "A00.FR.403");
        r = r.and(leafIsPeer(r, list, "A00.FR.403"));
        List<String> cn = X509Names.commonNames(list.get(0).getSubjectX500Principal());
        if (cn.size() != 1 || cn.get(0).isBlank()) {
            r = r.and(ValidationResult.of(Violation.of("A00.FR.405", RequirementLevel.SHALL,
                    cn.size() + " commonName values", "exactly one commonName holding the station serial number")
                    .atChainIndex(0)));
        }
        return r;
    }

    /** A custom validator that throws or answers null refuses the chain (fail closed), with the reason reported. */
    private static ChainValidationResult validateSafely(ChainValidator v, List<X509Certificate> list, Instant now,
                                                        String requirement) {
        ChainValidationResult r;
        try {
            r = v.validate(list, now);
        } catch (RuntimeException e) {
            return ChainValidationResult.refused(ValidationResult.of(Violation.of(requirement, RequirementLevel.SHALL,
                    "the chain validator failed (" + e.getClass().getSimpleName() + ")", "a validation result")));
        }
        return r != null ? r : ChainValidationResult.refused(ValidationResult.of(Violation.of(requirement,
                RequirementLevel.SHALL, "the chain validator returned no result", "a validation result")));
    }

    /**
     * JSSE checks the peer's CertificateVerify (or ServerKeyExchange) signature with the key of the first certificate;
     * a validator that validated another certificate of the chain has not vouched for that key.
     */
    private static ValidationResult leafIsPeer(ChainValidationResult v, List<X509Certificate> list, String requirement) {
        if (v.leaf().isEmpty() || v.leaf().get().equals(list.get(0))) {
            return ValidationResult.compliant();
        }
        int validated = list.indexOf(v.leaf().get());
        return ValidationResult.of(Violation.of(requirement, RequirementLevel.SHALL,
                "the chain validated for " + (validated < 0 ? "a certificate not in it" : "certificate #" + validated)
                        + " instead of the peer's own, the first one",
                "the peer's certificate (the first of its chain, whose key it proves) validated as the leaf")
                .atChainIndex(0));
    }

    private void finish(ChainValidationResult validation, ChainValidator judge, SSLSession hs,
                        Optional<String> peer, Instant now, String what) throws CertificateException {
        ValidationResult result = validation.result();
        if (!result.isCompliant()) {
            PeerCertificateException e = new PeerCertificateException(what + ": " + result.blocking().get(0).message(),
                    result);
            e.markReported();
            report(new TlsFailure(TlsFailure.Kind.INVALID_PEER_CERTIFICATE,
                    mode == Mode.VERIFY_CSMS ? TlsFailure.Endpoint.CHARGING_STATION : TlsFailure.Endpoint.CSMS,
                    result, e.getMessage(), peer, now));
            throw e;
        }
        if (hs != null) {
            hs.putValue(VerifiedPeer.KEY, new VerifiedPeer(validation.path(), result, now, judge));
        }
    }

    void report(TlsFailure failure) {
        try {
            listener.onFailure(failure);
        } catch (RuntimeException ex) {
            System.getLogger("io.ocppsec.tls").log(System.Logger.Level.ERROR,
                    "TlsFailureListener threw " + ex.getClass().getName(), ex);
        }
    }

    private void requireMode(Mode m) throws CertificateException {
        if (mode != m) {
            throw new CertificateException("This trust manager verifies "
                    + (mode == Mode.VERIFY_CSMS ? "CSMS server" : "Charging Station client") + " certificates only");
        }
    }

    private Optional<String> host(SSLParameters p, SSLSession hs) {
        if (expectedHost.isPresent()) {
            return expectedHost;
        }
        if (p != null && p.getServerNames() != null) {
            for (SNIServerName n : p.getServerNames()) {
                if (n instanceof SNIHostName) {
                    return Optional.of(((SNIHostName) n).getAsciiName());
                }
            }
        }
        if (hs != null && hs.getPeerHost() != null && !hs.getPeerHost().isEmpty()) {
            return Optional.of(hs.getPeerHost());
        }
        return Optional.empty();
    }

    private static SSLSession handshakeSession(Socket socket) {
        return socket instanceof SSLSocket ? ((SSLSocket) socket).getHandshakeSession() : null;
    }

    private static Optional<String> peer(Socket socket) {
        if (socket == null || socket.getInetAddress() == null) {
            return Optional.empty();
        }
        return Optional.of(socket.getInetAddress().getHostAddress() + ":" + socket.getPort());
    }

    private static Optional<String> peer(SSLEngine engine) {
        if (engine == null || engine.getPeerHost() == null) {
            return Optional.empty();
        }
        return Optional.of(engine.getPeerHost() + ":" + engine.getPeerPort());
    }
}
