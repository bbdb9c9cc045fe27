package io.ocppsec.tls.internal;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.core.cert.ChainValidationResult;
import io.ocppsec.core.cert.ChainValidator;
import io.ocppsec.tls.TlsFailure;
import io.ocppsec.tls.TlsFailureListener;
import io.ocppsec.tls.TlsPolicy;
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
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * What the two OCPP trust managers share: a {@link ChainValidator} that can be replaced at runtime (new handshakes
 * use the new one), the fail-closed call of it, the check that the validated leaf is the peer's own certificate, and
 * the end of a refused handshake with a {@link PeerCertificateException} reported to the listener. The sides are
 * {@link StationCertificateTrustManager} (the CSMS checks client certificates) and
 * {@link CsmsCertificateTrustManager} (a station checks the server certificate); each refuses the other side's
 * calls.
 *
 * <p>In both directions the certificate validated is the peer's first one, whose key JSSE checks the handshake
 * signature with: a validator result whose leaf is another certificate is refused, whatever the validator
 * (docs/certificate-paths.md). What the session records for later use ({@link VerifiedPeer}) is the validated path.
 */
public abstract sealed class ReloadableTrustManager extends X509ExtendedTrustManager
        permits StationCertificateTrustManager, CsmsCertificateTrustManager {

    /**
     * What a trust manager needs besides its validator.
     *
     * @param clock the clock certificate validity is judged with
     * @param ids the requirement IDs of the security profile
     * @param listener receives every refusal
     * @param policy the versions and suites a handshake may negotiate (checked in the handshake session, before the
     *     certificate, A00.FR.314/417); empty: only what OCPP allows at all is checked
     */
    public record Setup(Clock clock, Ids ids, TlsFailureListener listener, Optional<TlsPolicy> policy) {
        /** Null checks. */
        public Setup {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(ids, "ids");
            Objects.requireNonNull(listener, "listener");
            Objects.requireNonNull(policy, "policy");
        }

        /**
         * Without a policy: the handshake session is checked against what OCPP allows.
         *
         * @param clock the clock
         * @param ids the requirement IDs
         * @param listener the listener
         */
        public Setup(Clock clock, Ids ids, TlsFailureListener listener) {
            this(clock, ids, listener, Optional.empty());
        }
    }

    private final AtomicReference<ChainValidator> validator = new AtomicReference<>();
    final Setup setup;

    /** Each side installs its first validator with {@link #update} once its own fields are set. */
    ReloadableTrustManager(Setup setup) {
        this.setup = Objects.requireNonNull(setup, "setup");
    }

    /**
     * Replaces the validator; handshakes that start afterwards use it. The contexts call this and then drop cached
     * sessions.
     *
     * @param newValidator the new validator
     */
    public final void update(ChainValidator newValidator) {
        validator.set(normalize(Objects.requireNonNull(newValidator, "newValidator")));
    }

    /** @return the validator the next handshake uses */
    public final ChainValidator current() {
        return validator.get();
    }

    /**
     * @param v a validator being installed
     * @return the validator to install (a side may adapt it to its settings)
     */
    ChainValidator normalize(ChainValidator v) {
        return v;
    }

    @Override
    public final X509Certificate[] getAcceptedIssuers() {
        // The validator decides; no CA list is advertised (a station has one certificate to present).
        return new X509Certificate[0];
    }

    /** @return what this trust manager verifies, for the refusal of the other side's calls */
    abstract String verifies();

    /** Refuses a call JSSE makes only on the other side of the connection. */
    private CertificateException wrongSide() {
        return new CertificateException("This trust manager verifies " + verifies() + " certificates only");
    }

    // Each side overrides the three calls of its side; the other side's calls are refused.

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw wrongSide();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw wrongSide();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw wrongSide();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw wrongSide();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw wrongSide();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw wrongSide();
    }

    static List<X509Certificate> list(X509Certificate[] chain) {
        return chain == null ? List.of() : Arrays.asList(chain);
    }

    Instant now() {
        return setup.clock().instant();
    }

    /** A custom validator that throws or answers null refuses the chain (fail closed), with the reason reported. */
    static ChainValidationResult validateSafely(ChainValidator v, List<X509Certificate> list, Instant now,
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
    static ValidationResult leafIsPeer(ChainValidationResult v, List<X509Certificate> list, String requirement) {
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

    /**
     * Refuses a handshake whose negotiated version or suite is outside the policy (A00.FR.314/417, A00.FR.313/416,
     * A00.FR.320/423), before the certificate is looked at: an engine or socket whose suites or versions were changed
     * by a container still fails closed, reported as InvalidTLSVersion / InvalidTLSCipherSuite
     * (A00.FR.316/419, A00.FR.323/426).
     *
     * @param hs the handshake session (null when JSSE gives none: nothing to check)
     * @param endpoint the endpoint this trust manager runs on
     */
    final void checkNegotiated(SSLSession hs, Optional<String> peer, Instant now, TlsFailure.Endpoint endpoint)
            throws CertificateException {
        if (hs == null || hs.getProtocol() == null || hs.getCipherSuite() == null
                || "NONE".equals(hs.getProtocol())) {
            return;
        }
        ValidationResult r = TlsSessionCheck.verify(hs, setup.ids(), setup.policy());
        Optional<TlsFailure.Kind> kind = TlsSessionCheck.kindOf(r);
        if (kind.isPresent()) {
            PeerCertificateException e = new PeerCertificateException("negotiated session refused: "
                    + r.blocking().get(0).message(), r, kind.get());
            e.markReported();
            notify(setup.listener(), new TlsFailure(kind.get(), endpoint, r, e.getMessage(), peer, now));
            throw e;
        }
    }

    /**
     * Ends a refused handshake (reported once, here) or leaves the marker of an accepted one in the session.
     *
     * @param endpoint the endpoint this trust manager runs on
     */
    final void finish(ChainValidationResult validation, ChainValidator judge, SSLSession hs, Optional<String> peer,
                      Instant now, TlsFailure.Endpoint endpoint, String what) throws CertificateException {
        ValidationResult result = validation.result();
        if (!result.isCompliant()) {
            PeerCertificateException e = new PeerCertificateException(what + ": " + result.blocking().get(0).message(),
                    result);
            e.markReported();
            notify(setup.listener(), new TlsFailure(TlsFailure.Kind.INVALID_PEER_CERTIFICATE, endpoint, result,
                    e.getMessage(), peer, now));
            throw e;
        }
        if (hs != null) {
            hs.putValue(VerifiedPeer.KEY, new VerifiedPeer(validation.path(), result, now, judge));
        }
    }

    /**
     * Tells the listener; a listener that throws is logged, never lets the failure through.
     *
     * @param listener the listener
     * @param failure the failure
     */
    public static void notify(TlsFailureListener listener, TlsFailure failure) {
        try {
            listener.onFailure(failure);
        } catch (RuntimeException ex) {
            System.getLogger("io.ocppsec.tls").log(System.Logger.Level.ERROR,
                    "TlsFailureListener threw " + ex.getClass().getName(), ex);
        }
    }

    static SSLSession handshakeSession(Socket socket) {
        return socket instanceof SSLSocket ? ((SSLSocket) socket).getHandshakeSession() : null;
    }

    static SSLSession handshakeSession(SSLEngine engine) {
        return engine == null ? null : engine.getHandshakeSession();
    }

    static Optional<String> peer(Socket socket) {
        if (socket == null || socket.getInetAddress() == null) {
            return Optional.empty();
        }
        return Optional.of(socket.getInetAddress().getHostAddress() + ":" + socket.getPort());
    }

    static Optional<String> peer(SSLEngine engine) {
        if (engine == null || engine.getPeerHost() == null) {
            return Optional.empty();
        }
        return Optional.of(engine.getPeerHost() + ":" + engine.getPeerPort());
    }
}
