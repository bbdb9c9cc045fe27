package io.ocppsec.tls;

import io.ocppsec.tls.internal.HandshakeFailureClassifier;
import io.ocppsec.tls.internal.PeerCertificateException;
import io.ocppsec.tls.internal.ReloadableTrustManager;
import java.time.Clock;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/** Helpers shared by the two context types. */
final class Contexts {

    private static final System.Logger LOG = System.getLogger("io.ocppsec.tls");

    private Contexts() {
    }

    static SSLParameters copy(SSLParameters p) {
        SSLParameters c = new SSLParameters(p.getCipherSuites(), p.getProtocols());
        c.setUseCipherSuitesOrder(p.getUseCipherSuitesOrder());
        if (p.getNeedClientAuth()) {
            c.setNeedClientAuth(true);
        } else {
            c.setWantClientAuth(p.getWantClientAuth());
        }
        c.setEndpointIdentificationAlgorithm(p.getEndpointIdentificationAlgorithm());
        if (p.getServerNames() != null) {
            c.setServerNames(p.getServerNames());
        }
        c.setApplicationProtocols(p.getApplicationProtocols());
        return c;
    }

    /** The policy's suites that this JDK supports, in the policy's order. */
    static String[] supportedSuites(SSLContext ctx, TlsPolicy policy) {
        Set<String> supported = Set.of(ctx.getSupportedSSLParameters().getCipherSuites());
        List<String> out = new java.util.ArrayList<>();
        for (String s : policy.jsseCipherSuites()) {
            if (supported.contains(s)) {
                out.add(s);
            } else {
                LOG.log(System.Logger.Level.WARNING, "Cipher suite {0} is not supported by this JDK; left out", s);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("None of the policy's cipher suites is supported by this JDK: " + policy);
        }
        return out.toArray(new String[0]);
    }

    static void invalidateSessions(SSLSessionContext sc) {
        for (Enumeration<byte[]> ids = sc.getIds(); ids.hasMoreElements();) {
            SSLSession s = sc.getSession(ids.nextElement());
            if (s != null) {
                s.invalidate();
            }
        }
    }

    /** Classifies and reports a failure once (a trust-manager failure was reported when it happened). */
    static TlsFailure report(Throwable failure, TlsFailure.Endpoint endpoint, Optional<String> peer, Clock clock,
                             TlsFailureListener listener) {
        TlsFailure.Kind kind = HandshakeFailureClassifier.classify(failure);
        Optional<PeerCertificateException> pce = HandshakeFailureClassifier.peerCertificateException(failure);
        String detail = pce.map(Throwable::getMessage).orElse(String.valueOf(failure.getMessage()));
        TlsFailure f = new TlsFailure(kind, endpoint, HandshakeFailureClassifier.violations(failure),
                failure.getClass().getSimpleName() + ": " + detail, peer, clock.instant());
        boolean alreadyReported = pce.isPresent() && !pce.get().markReported();
        if (!alreadyReported) {
            notify(listener, f);
        }
        return f;
    }

    static void notify(TlsFailureListener listener, TlsFailure f) {
        ReloadableTrustManager.notify(listener, f);
    }
}
