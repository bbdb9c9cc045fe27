package io.ocppsec.tls;

import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * What a CSMS knows about a station's WebSocket upgrade when it decides whether to accept it, the input of
 * {@link CsmsAdmission#admit(ConnectionAttempt)}: the identity in the OCPP-J URL, how the connection arrived
 * (plain, or over a TLS session) and the {@code Authorization} header. {@link #toString()} never shows the
 * header value.
 *
 * <pre>{@code
 * ConnectionAttempt a = ConnectionAttempt.overTls(urlIdentity, sslEngine.getSession(),
 *         Optional.ofNullable(request.headers().get("Authorization")));
 * }</pre>
 *
 * @param urlIdentity the last path segment of the connection URL, percent-decoded, as received (it is
 *     validated by the admission, A00.FR.204)
 * @param transport how the connection arrived
 * @param authorization the {@code Authorization} header value, if sent (a secret)
 */
public record ConnectionAttempt(String urlIdentity, Transport transport, Optional<String> authorization) {

    /** Checks for nulls. */
    public ConnectionAttempt {
        Objects.requireNonNull(urlIdentity, "urlIdentity");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(authorization, "authorization");
    }

    /**
     * @param urlIdentity the identity from the URL
     * @param session the established TLS session the request arrived on
     * @param authorization the Authorization header value, if sent
     * @return the attempt
     */
    public static ConnectionAttempt overTls(String urlIdentity, SSLSession session, Optional<String> authorization) {
        return new ConnectionAttempt(urlIdentity, new TlsSession(session), authorization);
    }

    /**
     * @param urlIdentity the identity from the URL
     * @param authorization the Authorization header value, if sent
     * @return an attempt on a plain (ws://) connection: only a profile 1 endpoint accepts it
     */
    public static ConnectionAttempt withoutTls(String urlIdentity, Optional<String> authorization) {
        return new ConnectionAttempt(urlIdentity, Plain.INSTANCE, authorization);
    }

    /** @return the TLS session, when the connection is TLS */
    public Optional<SSLSession> tlsSession() {
        return transport instanceof TlsSession ? Optional.of(((TlsSession) transport).session()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "ConnectionAttempt{urlIdentity=" + printable(urlIdentity) + ", " + transport + ", authorization="
                + (authorization.isPresent() ? "<present>" : "<absent>") + "}";
    }

    static String printable(String s) {
        String shown = s.length() > 64 ? s.substring(0, 64) + "..." : s;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    /**
     * How the connection reached the CSMS. Sealed so that a later kind (a client certificate forwarded by a
     * TLS-terminating proxy) is a new permitted type, not a change of the existing ones.
     */
    public sealed interface Transport permits Plain, TlsSession {
    }

    /** A connection without TLS (ws://). */
    public static final class Plain implements Transport {
        static final Plain INSTANCE = new Plain();

        private Plain() {
        }

        @Override
        public String toString() {
            return "no TLS";
        }
    }

    /**
     * A TLS connection terminated in this process.
     *
     * @param session the established session
     */
    public record TlsSession(SSLSession session) implements Transport {
        /** Checks for null. */
        public TlsSession {
            Objects.requireNonNull(session, "session");
        }

        @Override
        public String toString() {
            return "TLS " + session.getProtocol() + " " + session.getCipherSuite();
        }
    }
}
