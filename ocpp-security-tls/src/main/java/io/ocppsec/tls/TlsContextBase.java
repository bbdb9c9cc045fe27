package io.ocppsec.tls;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.tls.internal.Ids;
import io.ocppsec.tls.internal.ReloadableKeyManager;
import io.ocppsec.tls.internal.ReloadableTrustManager;
import io.ocppsec.tls.internal.TlsSessionCheck;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;

/**
 * What {@link CsmsTlsContext} and {@link StationTlsContext} share: the JSSE context with its key and trust manager,
 * the parameters to apply, the post-handshake session check and the failure report. Package-private: its public
 * methods show on the two context types only.
 *
 * @param <T> the trust manager of the side
 */
abstract class TlsContextBase<T extends ReloadableTrustManager> {

    private final SecurityProfile profile;
    private final TlsPolicy policy;
    private final SSLContext sslContext;
    private final SSLParameters parameters;
    private final ReloadableKeyManager keyManager;
    private final T trustManager;
    private final Clock clock;
    private final TlsFailureListener listener;
    private final TlsFailure.Endpoint endpoint;

    TlsContextBase(Builder<?> b, Init<T> init, SSLParameters parameters) {
        this.profile = b.profile;
        this.policy = b.policy;
        this.clock = b.clock;
        this.listener = b.listener;
        // The context handed out applies the policy to every engine and socket it makes (PolicySslContext).
        this.sslContext = new PolicySslContext(init.context(), () -> Contexts.copy(parameters),
                init.endpoint() == TlsFailure.Endpoint.CHARGING_STATION, this::beforeHandshake);
        this.keyManager = init.keyManager();
        this.trustManager = init.trustManager();
        this.endpoint = init.endpoint();
        this.parameters = parameters;
    }

    /**
     * @return the SSLContext; every engine, socket and server socket it creates already has {@link #sslParameters()}
     *     (versions, suites, client authentication, SNI), and its default and supported parameters are the policy,
     *     so it can be handed alone to Jetty, Netty, the JDK HttpClient or a socket factory user. A handshake that
     *     negotiates a version or suite outside the policy anyway (an engine whose suites a container changed) is
     *     refused by the trust manager (A00.FR.314/417). It cannot be re-initialised.
     */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** @return a fresh copy of the parameters to apply to every socket, server socket or engine */
    public SSLParameters sslParameters() {
        return Contexts.copy(parameters);
    }

    /** @return the security profile */
    public SecurityProfile profile() {
        return profile;
    }

    /** @return the TLS policy */
    public TlsPolicy policy() {
        return policy;
    }

    /**
     * @param engine an engine from {@link #sslContext()} (on a Charging Station, created with the CSMS host and port)
     * @return the same engine, in this side's mode (server for the CSMS, client for a Charging Station) with
     *     {@link #sslParameters()} applied
     */
    public SSLEngine configure(SSLEngine engine) {
        beforeHandshake();
        engine.setUseClientMode(endpoint == TlsFailure.Endpoint.CHARGING_STATION);
        engine.setSSLParameters(sslParameters());
        return engine;
    }

    /**
     * The version/suite check both endpoints SHALL make after the handshake (A00.FR.314/417): the version and suite
     * must be ones OCPP allows (A00.FR.313/416, A00.FR.320/423) and this context's policy offers.
     *
     * @param session an established session
     * @return every violation
     */
    public ValidationResult verifySession(SSLSession session) {
        return TlsSessionCheck.verify(session, profile, policy);
    }

    /**
     * Classifies a handshake failure (e.g. from a Jetty/Netty handshake listener or the JDK HttpClient) and reports
     * it to the listener, unless this context's trust manager already did. The caller closes the connection.
     *
     * @param failure what the handshake threw
     * @param peer the remote address, if known
     * @return the classified failure; {@link TlsFailure#toSecurityEvent()} gives the OCPP event
     */
    public TlsFailure reportHandshakeFailure(Throwable failure, Optional<String> peer) {
        return Contexts.report(Objects.requireNonNull(failure, "failure"), endpoint,
                Objects.requireNonNull(peer, "peer"), clock, listener);
    }

    /** Called when a socket or engine is configured for a new connection. */
    void beforeHandshake() {
        // nothing by default
    }

    /** Tells the listener (a listener that throws is logged). */
    final void notifyListener(TlsFailure failure) {
        ReloadableTrustManager.notify(listener, failure);
    }

    /** Drops the cached sessions, so that the next connection makes a full handshake with the new material. */
    final void invalidateSessions() {
        SSLSessionContext sc = endpoint == TlsFailure.Endpoint.CSMS ? sslContext.getServerSessionContext()
                : sslContext.getClientSessionContext();
        Contexts.invalidateSessions(sc);
    }

    final Clock clock() {
        return clock;
    }

    /** The key manager (tests and this package only: users replace key material through the context). */
    final ReloadableKeyManager keyManager() {
        return keyManager;
    }

    /** The trust manager (tests and this package only: users replace validators through the context). */
    final T trustManager() {
        return trustManager;
    }

    /**
     * What a builder's {@code build()} hands to the context.
     *
     * @param <T> the trust manager of the side
     */
    record Init<T extends ReloadableTrustManager>(SSLContext context, ReloadableKeyManager keyManager,
                                                  T trustManager, TlsFailure.Endpoint endpoint) {
    }

    /**
     * The settings both builders have.
     *
     * @param <B> the builder type
     */
    abstract static class Builder<B extends Builder<B>> {
        final SecurityProfile profile;
        final Ids ids;
        TlsPolicy policy;
        Clock clock = Clock.systemUTC();
        TlsFailureListener listener = TlsFailureListener.logging();
        private SecureRandom random;

        Builder(SecurityProfile profile, TlsPolicy defaultPolicy) {
            this.ids = Ids.of(Objects.requireNonNull(profile, "profile")); // refuses profile 1
            this.profile = profile;
            this.policy = defaultPolicy;
        }

        abstract B self();

        /**
         * @param policy the versions and suites to offer (default {@link TlsPolicy#CSMS_DEFAULT} for the CSMS,
         *     {@link TlsPolicy#STATION_ECDSA} for a Charging Station)
         * @return this builder
         */
        public B policy(TlsPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return self();
        }

        /**
         * @param clock the clock certificate validity is judged with
         * @return this builder
         */
        public B clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return self();
        }

        /**
         * @param listener receives every classified failure (default: a WARNING log line); forward
         *     {@link TlsFailure#toSecurityEvent()} to the security log and event queue
         * @return this builder
         */
        public B failureListener(TlsFailureListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return self();
        }

        /**
         * @param random the randomness for the handshakes (default: the JDK's)
         * @return this builder
         */
        public B secureRandom(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return self();
        }

        /** @return the trust manager settings of this builder */
        final ReloadableTrustManager.Setup trustSetup() {
            return new ReloadableTrustManager.Setup(clock, ids, listener, Optional.of(policy));
        }

        /** Creates the JSSE context over the two managers. */
        final <T extends ReloadableTrustManager> Init<T> init(ReloadableKeyManager km, T tm,
                                                              TlsFailure.Endpoint endpoint)
                throws GeneralSecurityException {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(new KeyManager[] {km}, new TrustManager[] {tm}, random);
            return new Init<>(ctx, km, tm, endpoint);
        }
    }
}
