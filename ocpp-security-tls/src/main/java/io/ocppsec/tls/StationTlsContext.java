package io.ocppsec.tls;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.cert.ChainValidator;
import io.ocppsec.core.cert.OcppChainValidator;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.core.store.KeyHandle;
import io.ocppsec.core.store.StationCertificateStore;
import io.ocppsec.tls.internal.CsmsCertificateTrustManager;
import io.ocppsec.tls.internal.Ids;
import io.ocppsec.tls.internal.PkixChainValidator;
import io.ocppsec.tls.internal.ReloadableKeyManager;
import io.ocppsec.tls.internal.TlsSessionCheck;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS client context of a Charging Station for security profiles 2 and 3.
 *
 * <ul>
 *   <li>Trusts only the installed CSMS root certificates (never the JDK trust store, unless
 *       {@link Builder#insecureAlsoTrustJdkDefaults()} is called) and checks the CSMS certificate inside the
 *       handshake with the shared OCPP policy, {@link OcppChainValidator#forCsmsCertificate(TrustAnchors, String)}:
 *       certification path (A00.FR.308/411), commonName equal to the CSMS FQDN (A00.FR.309/412) and the
 *       certificate properties (A00.FR.501–512).</li>
 *   <li>Offers only TLS 1.2/1.3 (A00.FR.313/416) and the suites of its policy (default
 *       {@link TlsPolicy#STATION_ECDSA}, or {@link TlsPolicy#STATION_RSA}: A00.FR.319/422).</li>
 *   <li>Profile 3: presents the station certificate (A00.FR.401/402), best straight from the certificate store with
 *       {@link Builder#clientCertificateFrom(StationCertificateStore)}, which follows A02/A03 renewals.</li>
 *   <li>Every failure is classified and reported as InvalidCsmsCertificate (A00.FR.310/413),
 *       InvalidTLSVersion (A00.FR.316/419) or InvalidTLSCipherSuite (A00.FR.323/426), and the connection is
 *       closed (A00.FR.311/414). {@link #connect(InetSocketAddress, Duration)} does all of this; with an
 *       {@code SSLEngine} (e.g. the JDK HttpClient) pass a failure to {@link #reportHandshakeFailure}.</li>
 * </ul>
 *
 * <pre>{@code
 * StationTlsContext tls = StationTlsContext.forClient(SecurityProfile.TLS_CLIENT_CERTIFICATE,
 *                 store.trustAnchors(RootCertificateType.CSMS_ROOT_CERTIFICATE))
 *         .expectedHost("csms.example.com")
 *         .clientCertificateFrom(store)   // the active ChargingStationCertificate, renewals included
 *         .failureListener(f -> f.toSecurityEvent().ifPresent(eventQueue::add))
 *         .build();
 * SSLSocket s = tls.connect(new InetSocketAddress("csms.example.com", 443), Duration.ofSeconds(10));
 * }</pre>
 */
public final class StationTlsContext extends TlsContextBase<CsmsCertificateTrustManager> {

    private static final System.Logger LOG = System.getLogger("io.ocppsec.tls");

    private final Optional<String> expectedHost;
    /** The store being followed; empty once {@link #updateClientKeyMaterial} replaced it. */
    private volatile Optional<StoreClientCertificate> storeCertificate;

    private StationTlsContext(Builder b, Init<CsmsCertificateTrustManager> init) {
        super(b, init, clientParameters(init.context(), b));
        this.expectedHost = b.expectedHost;
        this.storeCertificate = b.storeCertificate;
    }

    /** A store certificate that became active by time alone (no store event) must not be hidden by a resumption. */
    @Override
    void beforeHandshake() {
        Optional<StoreClientCertificate> store = storeCertificate;
        if (store.isPresent() && store.get().changedSinceLastHandshake()) {
            invalidateSessions();
        }
    }

    /** The followed store's active certificate changed (an install, a delete, a refresh). */
    private void storeChanged() {
        if (storeCertificate.isPresent()) {
            invalidateSessions();
        }
    }

    private static SSLParameters clientParameters(SSLContext ctx, Builder b) {
        SSLParameters p = new SSLParameters(Contexts.supportedSuites(ctx, b.policy), b.policy.jsseProtocols());
        p.setEndpointIdentificationAlgorithm(null); // the OCPP trust manager checks the CN itself (A00.FR.309/412)
        b.expectedHost.ifPresent(h -> p.setServerNames(List.of(new SNIHostName(h))));
        return p;
    }

    /**
     * Starts a builder.
     *
     * @param profile security profile 2 or 3 (profile 1 has no TLS and is refused)
     * @param csmsRootCertificates the installed CSMSRootCertificate(s), the only trust anchors
     * @return the builder
     */
    public static Builder forClient(SecurityProfile profile, Collection<X509Certificate> csmsRootCertificates) {
        return new Builder(profile, csmsRootCertificates);
    }

    /**
     * @param socket a socket from {@link #sslContext()}
     * @return the same socket in client mode with {@link #sslParameters()} applied
     */
    public SSLSocket configure(SSLSocket socket) {
        beforeHandshake();
        socket.setUseClientMode(true);
        socket.setSSLParameters(sslParameters());
        return socket;
    }

    /**
     * Connects, does the handshake and the session check. On any TLS failure the failure is classified,
     * reported to the listener and the socket closed (A00.FR.311/414, 316/419, 323/426).
     *
     * @param address the CSMS address; its host name is used for SNI and the name check unless an
     *     expected host was configured
     * @param timeout connect and handshake timeout
     * @return a connected socket whose handshake succeeded (read timeout reset to none)
     * @throws OcppTlsHandshakeException when the handshake or the session check failed
     * @throws IOException when the TCP connection cannot be made
     */
    public SSLSocket connect(InetSocketAddress address, Duration timeout) throws IOException {
        Objects.requireNonNull(address, "address");
        int millis = (int) Math.min(Integer.MAX_VALUE, Objects.requireNonNull(timeout, "timeout").toMillis());
        SSLSocket s = configure((SSLSocket) sslContext().getSocketFactory().createSocket());
        if (expectedHost.isEmpty() && address.getHostString() != null) {
            SSLParameters p = s.getSSLParameters();
            try {
                p.setServerNames(List.of(new SNIHostName(address.getHostString())));
                s.setSSLParameters(p);
            } catch (IllegalArgumentException ipLiteral) {
                // an IP literal cannot be an SNI name; the name check then fails (OCPP needs an FQDN)
            }
        }
        Optional<String> peer = Optional.of(address.getHostString() + ":" + address.getPort());
        try {
            s.connect(address, millis);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        try {
            s.setSoTimeout(millis);
            s.startHandshake();
            s.setSoTimeout(0);
        } catch (IOException e) {
            closeQuietly(s);
            TlsFailure f = reportHandshakeFailure(e, peer);
            throw new OcppTlsHandshakeException(f, e);
        }
        Optional<TlsFailure> refused = checkSession(s.getSession(), peer);
        if (refused.isPresent()) {
            closeQuietly(s);
            throw new OcppTlsHandshakeException(refused.get(), null);
        }
        return s;
    }

    /**
     * Same as {@link #connect(InetSocketAddress, Duration)}.
     *
     * @param host the CSMS host
     * @param port the port
     * @param timeout connect and handshake timeout
     * @return the connected socket
     * @throws IOException see {@link #connect(InetSocketAddress, Duration)}
     */
    public SSLSocket connect(String host, int port, Duration timeout) throws IOException {
        return connect(new InetSocketAddress(host, port), timeout);
    }

    /**
     * Checks an established session (A00.FR.314/417) and reports InvalidTLSVersion or
     * InvalidTLSCipherSuite when it is not compliant; the caller then closes the connection.
     *
     * @param session an established session
     * @param peer the remote address, if known
     * @return the failure, when the session is not compliant
     */
    public Optional<TlsFailure> checkSession(SSLSession session, Optional<String> peer) {
        ValidationResult r = verifySession(session);
        Optional<TlsFailure.Kind> kind = TlsSessionCheck.kindOf(r);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        TlsFailure f = new TlsFailure(kind.get(), TlsFailure.Endpoint.CHARGING_STATION, r,
                "negotiated session refused: " + r.blocking().get(0).message(), peer, clock().instant());
        notifyListener(f);
        return Optional.of(f);
    }

    /**
     * Replaces the installed CSMS root certificates (e.g. after InstallCertificate) with a new default
     * validator ({@link OcppChainValidator#forCsmsCertificate(TrustAnchors, String)} with this context's clock);
     * new handshakes use them and cached sessions are dropped.
     *
     * @param csmsRootCertificates the new trust anchors
     * @throws IllegalArgumentException when empty or a certificate is not a CA
     */
    public void updateTrustedRoots(Collection<X509Certificate> csmsRootCertificates) {
        updateChainValidator(defaultValidator(csmsAnchors(csmsRootCertificates, Ids.of(profile())), expectedHost, clock()));
    }

    /**
     * Replaces the CSMS chain validator; the CN/FQDN check stays (an {@link OcppChainValidator} is bound to
     * the host of each connection, another validator gets the same name check on top).
     *
     * @param validator the new validator
     */
    public void updateChainValidator(ChainValidator validator) {
        trustManager().update(validator);
        invalidateSessions();
    }

    /**
     * Replaces the station certificate presented in profile 3 (and stops following a certificate store given to
     * {@link Builder#clientCertificateFrom(StationCertificateStore)}); new handshakes use it and cached sessions are
     * dropped.
     *
     * @param material the new key and chain
     */
    public void updateClientKeyMaterial(TlsKeyMaterial material) {
        keyManager().update(List.of(Objects.requireNonNull(material, "material")));
        storeCertificate = Optional.empty();
        invalidateSessions();
    }

    @Override
    public String toString() {
        return "StationTlsContext{profile=" + profile().ocppValue() + ", policy=" + policy() + ", expectedHost="
                + expectedHost.orElse("(from SNI)") + "}";
    }

    private static void closeQuietly(SSLSocket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing a failed connection
        }
    }

    private static TrustAnchors csmsAnchors(Collection<X509Certificate> roots, Ids ids) {
        List<X509Certificate> copy = List.copyOf(Objects.requireNonNull(roots, "csmsRootCertificates"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("At least one CSMS root certificate must be installed to verify the CSMS ("
                    + ids.csmsPath() + ")");
        }
        return TrustAnchors.of(io.ocppsec.core.cert.CertificateRole.Hierarchy.CSO, copy);
    }

    /** The shared OCPP policy; bound to the expected host, or to each connection's SNI/peer host. */
    private static OcppChainValidator defaultValidator(TrustAnchors anchors, Optional<String> host, Clock clock) {
        OcppChainValidator v = host.map(h -> OcppChainValidator.forCsmsCertificate(anchors, h))
                .orElseGet(() -> OcppChainValidator.forCsmsCertificate(anchors));
        return v.toBuilder().clock(clock).build();
    }

    private static List<X509Certificate> jdkRoots() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager) {
                    return List.of(((X509TrustManager) tm).getAcceptedIssuers());
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the JDK default trust store", e);
        }
        throw new IllegalStateException("The JDK has no default X509TrustManager");
    }

    /** Builder of a {@link StationTlsContext}. Not thread-safe. */
    public static final class Builder extends TlsContextBase.Builder<Builder> {
        private final TrustAnchors roots;
        private Optional<String> expectedHost = Optional.empty();
        private ChainValidator validator;
        private ReloadableKeyManager keyManager = ReloadableKeyManager.of(List.of());
        private Optional<StoreClientCertificate> storeCertificate = Optional.empty();
        private boolean hasClientKeys;
        private boolean allowDnsName;
        private boolean alsoJdkDefaults;

        private Builder(SecurityProfile profile, Collection<X509Certificate> roots) {
            super(profile, TlsPolicy.STATION_ECDSA);
            this.roots = csmsAnchors(roots, ids);
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * @param fqdn the host of the CSMS URL; the CSMS commonName must equal it (A00.FR.309/412). It is
         *     also sent as SNI. Without it, the SNI name (or peer host) of each connection is used.
         * @return this builder
         */
        public Builder expectedHost(String fqdn) {
            Objects.requireNonNull(fqdn, "fqdn");
            if (fqdn.contains(":") || fqdn.matches("[0-9.]+")) {
                throw new IllegalArgumentException("The CSMS is identified by its FQDN, not an IP address "
                        + "(A00.FR.309, A00.FR.412)");
            }
            new SNIHostName(fqdn); // refuses malformed names
            this.expectedHost = Optional.of(fqdn);
            return this;
        }

        /**
         * @param validator replaces the default CSMS chain validator
         *     ({@link OcppChainValidator#forCsmsCertificate(TrustAnchors, String)} on the installed roots), e.g.
         *     with one that has a revocation source or fast expiration; an {@link OcppChainValidator} is bound
         *     to the host of each connection, any other validator gets the same CN/FQDN check on top
         * @return this builder
         */
        public Builder chainValidator(ChainValidator validator) {
            this.validator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /**
         * @param material the station certificate and key (profile 3 only)
         * @return this builder
         */
        public Builder clientKeyMaterial(TlsKeyMaterial material) {
            Objects.requireNonNull(material, "material");
            return clientKeyMaterial(() -> List.of(material));
        }

        /**
         * @param source asked at every handshake for the station certificate to present (profile 3 only),
         *     e.g. the certificate store's current certificate
         * @return this builder
         */
        public Builder clientKeyMaterial(Supplier<List<TlsKeyMaterial>> source) {
            this.keyManager = ReloadableKeyManager.from(Objects.requireNonNull(source, "source"));
            this.storeCertificate = Optional.empty();
            this.hasClientKeys = true;
            return this;
        }

        /**
         * Presents the store's active ChargingStationCertificate (profile 3, A00.FR.401/402) and follows the store:
         * every full handshake uses the certificate that is active then (valid now, the newest by notBefore:
         * A02.FR.08/09, so a certificate renewed by A02/A03 is used from its notBefore), and cached sessions are
         * dropped when the active certificate changes, so the CSMS sees the new one on the next connection. The
         * private key is the one the certificate's {@link KeyHandle} holds ({@link KeyHandle#inMemory}); for keys
         * kept in an HSM or TPM ({@link KeyHandle#external}) use
         * {@link #clientCertificateFrom(StationCertificateStore, Function)}. With no active certificate or no key,
         * no certificate is presented and the CSMS refuses the handshake (fail closed). The context listens to the
         * store ({@link StationCertificateStore#addListener}) for as long as the store lives. A certificate that
         * becomes active by time alone (its notBefore reached) is noticed by {@link #connect} and the
         * {@code configure(...)} methods; with engines or sockets made from {@link #sslContext()} directly, call
         * {@link StationCertificateStore#refresh()} at {@link StationCertificateStore#nextChangeAt} so the store
         * tells the context.
         *
         * @param store the station's certificate store
         * @return this builder
         */
        public Builder clientCertificateFrom(StationCertificateStore store) {
            return clientCertificateFrom(store, handle -> Optional.empty());
        }

        /**
         * As {@link #clientCertificateFrom(StationCertificateStore)}, with the private keys of handles that hold
         * none (e.g. {@link KeyHandle#external} aliases of keys in a PKCS#11 token) looked up by {@code externalKeys}.
         * The key it returns is only used to sign (it may be a non-extractable HSM key); it is asked once per
         * certificate, not per handshake. A resolver that throws or answers empty means no certificate is presented.
         *
         * <pre>{@code
         * KeyStore hsm = KeyStore.getInstance("PKCS11", pkcs11Provider);  // the token, logged in
         * hsm.load(null, pin);
         * StationTlsContext tls = StationTlsContext.forClient(SecurityProfile.TLS_CLIENT_CERTIFICATE,
         *                 store.trustAnchors(RootCertificateType.CSMS_ROOT_CERTIFICATE))
         *         .expectedHost("csms.example.com")
         *         .clientCertificateFrom(store, handle -> {
         *             try {
         *                 return Optional.ofNullable((PrivateKey) hsm.getKey(handle.alias(), null));
         *             } catch (GeneralSecurityException e) {
         *                 return Optional.empty();
         *             }
         *         })
         *         .build();
         * }</pre>
         *
         * @param store the station's certificate store
         * @param externalKeys gives the private key of a handle that holds none, or empty
         * @return this builder
         */
        public Builder clientCertificateFrom(StationCertificateStore store,
                                             Function<KeyHandle, Optional<PrivateKey>> externalKeys) {
            StoreClientCertificate source = new StoreClientCertificate(store, externalKeys);
            clientKeyMaterial(source);
            this.storeCertificate = Optional.of(source);
            return this;
        }

        /**
         * Accepts a dNSName subjectAltName equal to the FQDN when the CN differs (off by default; applied to the
         * OCPP validator with {@link OcppChainValidator.CsmsBuilder#allowSubjectAltNameMatch(boolean)}).
         *
         * @return this builder
         */
        public Builder allowSubjectAltNameMatch() {
            this.allowDnsName = true;
            return this;
        }

        /**
         * INSECURE: also accept CSMS certificates that chain to the JDK's default trust store (public web
         * CAs), not only to the installed CSMS roots. OCPP expects the CSO roots only; use this for a
         * migration only. Logged at WARNING. A certificate refused by the OCPP validator is then accepted if
         * it has a path to a JDK root (RFC 5280, key and signature rules of A00.FR.501–506) and the CSMS name
         * check passes; the accepted result carries an advisory A00.FR.308 violation saying so.
         *
         * @return this builder
         */
        public Builder insecureAlsoTrustJdkDefaults() {
            LOG.log(System.Logger.Level.WARNING, "insecureAlsoTrustJdkDefaults(): the Charging Station also "
                    + "trusts the JDK default CAs for the CSMS certificate, not only the installed CSMS roots");
            this.alsoJdkDefaults = true;
            return this;
        }

        /**
         * @return the context
         * @throws IllegalStateException for profile 3 without station key material, or profile 2 with it
         * @throws GeneralSecurityException when JSSE cannot create the context
         */
        public StationTlsContext build() throws GeneralSecurityException {
            if (profile.requiresClientCertificate() && !hasClientKeys) {
                throw new IllegalStateException("Security profile 3 needs the Charging Station certificate: call "
                        + "clientKeyMaterial(...) (A00.FR.401, A00.FR.402)");
            }
            if (!profile.requiresClientCertificate() && hasClientKeys) {
                throw new IllegalStateException("Security profile 2 authenticates with HTTP Basic auth "
                        + "(A00.FR.301); a client certificate is not presented");
            }
            ChainValidator v = validator != null ? validator : defaultValidator(roots, expectedHost, clock);
            Optional<ChainValidator> jdk = alsoJdkDefaults
                    ? Optional.of(new PkixChainValidator(jdkRoots(), ids.csmsPath())) : Optional.empty();
            CsmsCertificateTrustManager tm = new CsmsCertificateTrustManager(v, trustSetup(),
                    new CsmsCertificateTrustManager.NameCheck(expectedHost, allowDnsName), jdk);
            StationTlsContext ctx = new StationTlsContext(this, init(keyManager, tm,
                    TlsFailure.Endpoint.CHARGING_STATION));
            // A change made by the store (install, delete, refresh) drops the sessions made with the old certificate.
            storeCertificate.ifPresent(c -> c.store().addListener((use, active) -> {
                if (use == StoreClientCertificate.USE) {
                    ctx.storeChanged();
                }
            }));
            return ctx;
        }
    }
}
