package io.ocppsec.tls;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.api.spi.RevocationSource;
import io.ocppsec.core.cert.CertificateBindingRegistry;
import io.ocppsec.core.cert.ChainValidationResult;
import io.ocppsec.core.cert.ChainValidator;
import io.ocppsec.core.cert.CryptoPolicy;
import io.ocppsec.core.cert.OcppChainValidator;
import io.ocppsec.core.cert.RevocationFailurePolicy;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.core.internal.x509.X509Names;
import io.ocppsec.tls.internal.Ids;
import io.ocppsec.tls.internal.ReloadableKeyManager;
import io.ocppsec.tls.internal.StationCertificateTrustManager;
import io.ocppsec.tls.internal.VerifiedPeer;
import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;

/**
 * The TLS server context of a CSMS for security profiles 2 and 3: an {@link SSLContext} plus the
 * {@link SSLParameters} to apply, for Jetty, Netty or plain sockets.
 *
 * <ul>
 *   <li>The CSMS is the TLS server and authenticates with its certificate (A00.FR.306/307, 409/410);
 *       an ECDSA and an RSA certificate can be served side by side, picked by the key type the
 *       handshake needs (A00.FR.318/421 note).</li>
 *   <li>Only TLS 1.2 and 1.3 (A00.FR.313/416) and the suites of the {@link TlsPolicy} (default
 *       {@link TlsPolicy#CSMS_DEFAULT}, with the four suites of A00.FR.318/421), the server's order
 *       winning. A station that only offers older versions or other suites fails the handshake, which
 *       ends the connection (A00.FR.315/418, A00.FR.322/425). JSSE never compresses (A00.FR.321/424).</li>
 *   <li>Profile 3: a client certificate is required and validated inside the handshake (A00.FR.401–404,
 *       407) by the shared OCPP policy, {@link OcppChainValidator#forChargingStationCertificate(TrustAnchors,
 *       String)} set up with {@link Builder#stationCertificates(TrustAnchors, String)} (optionally with online
 *       revocation, A00.FR.702/705), or by any {@link ChainValidator}; failures go to the
 *       {@link TlsFailureListener} (A00.FR.408). After the handshake, {@link #stationIdentity(SSLSession)}
 *       gives the verified CN to match against the URL identity (A00.FR.405) and, with a
 *       {@link CertificateBindingRegistry}, refuses a key already certified for another station
 *       (A00.FR.427).</li>
 * </ul>
 *
 * <p>Renegotiation: JSSE only does secure renegotiation (RFC 5746; {@code
 * sun.security.ssl.allowUnsafeRenegotiation} is false by default) and TLS 1.3 has none. To refuse
 * client-initiated TLS 1.2 renegotiation entirely, start the JVM with
 * {@code -Djdk.tls.rejectClientInitiatedRenegotiation=true} (a JVM-wide system property, which a
 * library should not set on its own).
 *
 * <pre>{@code
 * CsmsTlsContext tls = CsmsTlsContext.forServer(SecurityProfile.TLS_CLIENT_CERTIFICATE,
 *                 List.of(ecKeyMaterial, rsaKeyMaterial))
 *         .stationCertificates(TrustAnchors.cso(csoRoot), "Example CSO")
 *         .revocationSource(CachingRevocationSource.builder(OcspRevocationSource.builder().build()).build())
 *         .certificateBindings(new CertificateBindingRegistry())
 *         .failureListener(refusedHandshakes::add)   // A00.FR.408: every refused station certificate
 *         .build();
 * SSLServerSocket server = tls.createServerSocket(8443, 128, InetAddress.getLoopbackAddress());
 * // Jetty: sslContextFactory.setSslContext(tls.sslContext()); ... or tls.configure(sslEngine)
 * // after the handshake: tls.stationIdentity(session).checkIdentity(urlIdentity)   (A00.FR.405)
 * }</pre>
 */
public final class CsmsTlsContext extends TlsContextBase<StationCertificateTrustManager> {

    /** How long after the handshake validation the trust manager's verdict is reused by {@link #stationIdentity}. */
    static final java.time.Duration MARKER_FRESHNESS = java.time.Duration.ofMinutes(5);

    private final Optional<CertificateBindingRegistry> bindings;

    private CsmsTlsContext(Builder b, Init<StationCertificateTrustManager> init) {
        super(b, init, serverParameters(init.context(), b));
        this.bindings = b.bindings;
    }

    private static SSLParameters serverParameters(SSLContext ctx, Builder b) {
        SSLParameters p = new SSLParameters(Contexts.supportedSuites(ctx, b.policy), b.policy.jsseProtocols());
        p.setUseCipherSuitesOrder(true);
        if (b.profile.requiresClientCertificate()) {
            p.setNeedClientAuth(true); // A00.FR.401/402
        }
        p.setEndpointIdentificationAlgorithm(null);
        return p;
    }

    /**
     * Starts a builder.
     *
     * @param profile security profile 2 or 3 (profile 1 has no TLS and is refused)
     * @param serverKeys the CSMS certificate(s) with their keys; give an ECDSA and an RSA one to support
     *     every suite of A00.FR.318/421
     * @return the builder
     * @throws IllegalArgumentException for profile 1 or no key material
     */
    public static Builder forServer(SecurityProfile profile, List<TlsKeyMaterial> serverKeys) {
        return new Builder(profile, serverKeys);
    }

    /**
     * @param socket a server socket from {@link #sslContext()}
     * @return the same socket with {@link #sslParameters()} applied
     */
    public SSLServerSocket configure(SSLServerSocket socket) {
        socket.setSSLParameters(sslParameters());
        return socket;
    }

    /** @return a new server-mode engine */
    public SSLEngine createSSLEngine() {
        return configure(sslContext().createSSLEngine());
    }

    /**
     * @param port the port (0 for any free one)
     * @param backlog the accept backlog
     * @param bindAddress the address to bind to
     * @return a bound, configured server socket
     * @throws IOException when binding fails
     */
    public SSLServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return configure((SSLServerSocket) sslContext().getServerSocketFactory()
                .createServerSocket(port, backlog, Objects.requireNonNull(bindAddress, "bindAddress")));
    }

    /**
     * Replaces the CSMS certificates; new handshakes use them and cached sessions are dropped.
     *
     * @param serverKeys the new key material
     */
    public void updateKeyMaterial(List<TlsKeyMaterial> serverKeys) {
        keyManager().update(requireKeys(serverKeys));
        invalidateSessions();
    }

    /**
     * Replaces the station certificate validator (e.g. new CSO roots); new handshakes use it and cached
     * sessions are dropped.
     *
     * @param validator the new validator
     * @throws IllegalStateException for profile 2, which has no client certificates
     */
    public void updateStationCertificateValidator(ChainValidator validator) {
        if (!profile().requiresClientCertificate()) {
            throw new IllegalStateException("Security profile 2 uses no client certificates");
        }
        trustManager().update(validator);
        invalidateSessions();
    }

    /** @return whether {@link #stationIdentity} binds certificates to stations (A00.FR.427) */
    boolean bindsCertificates() {
        return bindings.isPresent();
    }

    /**
     * The verified identity of the Charging Station on a profile 3 connection. The trust manager leaves a marker
     * with the validated path in the handshake session; it is used when it is at most {@link #MARKER_FRESHNESS}
     * old and was made by the validator still installed. Otherwise (an older session, a TLS 1.3 resumption of one,
     * a validator replaced since) the chain is validated again with the handshake's checks. A resumption within
     * that window keeps the verdict of the full handshake it resumes, as a revocation answer is kept for the
     * revocation cache's TTL; {@link #updateStationCertificateValidator} drops cached sessions.
     *
     * <p>With {@link Builder#certificateBindings(CertificateBindingRegistry)}, the certificate is also bound to
     * its CN in the registry (the CN is the identity once {@link StationIdentity#checkIdentity(String)} has
     * matched it to the URL): a certificate whose key is already certified for another station is refused
     * (A00.FR.427).
     *
     * @param session an established session of this context
     * @return the identity, whose CN is then matched to the URL identity (A00.FR.405)
     * @throws StationCertificateRefusedException when the station certificate is refused: not valid (any more),
     *     not exactly one CN (A00.FR.405), or its certificate or key is bound to another station (A00.FR.427); its
     *     result names the rule
     * @throws SSLPeerUnverifiedException when the session has no peer certificate, or on profile 2
     */
    public StationIdentity stationIdentity(SSLSession session) throws SSLPeerUnverifiedException {
        Objects.requireNonNull(session, "session");
        if (!profile().requiresClientCertificate()) {
            throw new SSLPeerUnverifiedException("Security profile 2 uses Basic authentication, not client certificates");
        }
        // A fresh marker of the installed validator is our trust manager's verdict on this certificate; anything
        // else is validated again, so a new validator also applies to sessions resumed from before it.
        ChainValidator current = trustManager().current();
        Optional<VerifiedPeer> marker = VerifiedPeer.of(session)
                .filter(m -> !m.at().isBefore(clock().instant().minus(MARKER_FRESHNESS)))
                .filter(m -> m.validator() == current);
        VerifiedPeer peer;
        if (marker.isPresent()) {
            peer = marker.get();
        } else {
            Certificate[] certs = session.getPeerCertificates();
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certs) {
                if (!(c instanceof X509Certificate x509)) {
                    throw new StationCertificateRefusedException(ValidationResult.of(Violation.of("A00.FR.403",
                            RequirementLevel.SHALL, "a " + c.getType() + " peer certificate", "an X.509 certificate")));
                }
                chain.add(x509);
            }
            // The same checks as in the handshake, on the certificate the station proves the key of.
            ChainValidationResult r = trustManager().validateStation(current, chain, clock().instant());
            if (!r.isCompliant()) {
                throw new StationCertificateRefusedException(r.result());
            }
            peer = new VerifiedPeer(r.path(), r.result(), clock().instant(), current);
        }
        // Identity and binding come from the validated path's leaf, the peer's own certificate (VerifiedPeer.of).
        List<String> cn = X509Names.commonNames(peer.chain().get(0).getSubjectX500Principal());
        if (cn.size() != 1) {
            throw new StationCertificateRefusedException(ValidationResult.of(Violation.of("A00.FR.405",
                    RequirementLevel.SHALL, cn.size() + " commonName values",
                    "exactly one commonName holding the station serial number").atChainIndex(0)));
        }
        if (bindings.isPresent()) {
            ValidationResult bound = bindings.get().bind(cn.get(0), peer.chain().get(0));
            if (!bound.isCompliant()) {
                throw new StationCertificateRefusedException(bound);
            }
        }
        return new StationIdentity(cn.get(0), peer.chain(), peer.at());
    }

    /**
     * Checks the configuration against the requirements that cannot be enforced by types: the four suites
     * (A00.FR.318/421), an ECDSA and an RSA certificate for them (SHOULD, note of A00.FR.318), and the key
     * strength of the CSMS certificates (A00.FR.501–504).
     *
     * @return every violation found
     */
    public ValidationResult selfCheck() {
        Ids ids = Ids.of(profile());
        ValidationResult.Builder r = ValidationResult.builder();
        for (CipherSuite s : policy().missingCsmsSuites()) {
            r.add(ids.csmsSuites(), RequirementLevel.SHALL, "policy without " + s, "all four suites of " + ids.csmsSuites());
        }
        List<TlsKeyMaterial> keys = keyManager().current();
        for (String alg : List.of("EC", "RSA")) {
            if (keys.stream().noneMatch(k -> k.keyAlgorithm().equals(alg))) {
                r.add(ids.csmsSuites(), RequirementLevel.SHOULD, "no " + alg + " CSMS certificate",
                        "an ECDSA and an RSA certificate so that every required suite can be negotiated");
            }
        }
        for (TlsKeyMaterial k : keys) {
            r.addAll(CryptoPolicy.checkPublicKey(k.certificate().getPublicKey()));
        }
        return r.build();
    }

    @Override
    public String toString() {
        return "CsmsTlsContext{profile=" + profile().ocppValue() + ", policy=" + policy() + ", keys=" + keyManager().current()
                + "}";
    }

    private static List<TlsKeyMaterial> requireKeys(List<TlsKeyMaterial> keys) {
        List<TlsKeyMaterial> copy = List.copyOf(Objects.requireNonNull(keys, "serverKeys"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("The CSMS needs at least one server certificate (A00.FR.307, A00.FR.410)");
        }
        return copy;
    }

    /** Builder of a {@link CsmsTlsContext}. Not thread-safe. */
    public static final class Builder extends TlsContextBase.Builder<Builder> {
        private final ReloadableKeyManager keyManager;
        private ChainValidator stationValidator;
        private Optional<TrustAnchors> csoAnchors = Optional.empty();
        private String csoName;
        private Optional<RevocationSource> revocationSource = Optional.empty();
        private Optional<RevocationFailurePolicy> revocationPolicy = Optional.empty();
        private Optional<CertificateBindingRegistry> bindings = Optional.empty();

        private Builder(SecurityProfile profile, List<TlsKeyMaterial> keys) {
            super(profile, TlsPolicy.CSMS_DEFAULT);
            this.keyManager = ReloadableKeyManager.of(requireKeys(keys));
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * @param validator validates station certificate chains (path to a CSO root, O = CSO name,
         *     revocation: A00.FR.403/404); for profile 3 this or {@link #stationCertificates} is required.
         *     Replaces an earlier {@link #stationCertificates} call.
         * @return this builder
         */
        public Builder stationCertificateValidator(ChainValidator validator) {
            this.stationValidator = Objects.requireNonNull(validator, "validator");
            this.csoAnchors = Optional.empty();
            return this;
        }

        /**
         * Profile 3 with the shared OCPP policy: station certificates are validated by
         * {@link OcppChainValidator#forChargingStationCertificate(TrustAnchors, String)} with this builder's clock
         * (path to a CSO root A00.FR.403, O = the CSO name A00.FR.404, the station certificate properties), plus
         * the {@link #revocationSource(RevocationSource)} if one is set. Replaces an earlier
         * {@link #stationCertificateValidator} call.
         *
         * @param cso the CSO roots
         * @param csoOrganizationName the name the O of every station certificate must equal
         * @return this builder
         * @throws IllegalArgumentException when the anchors are not of the CSO hierarchy or the name is blank
         */
        public Builder stationCertificates(TrustAnchors cso, String csoOrganizationName) {
            OcppChainValidator.forChargingStationCertificate(cso, csoOrganizationName); // validates both now
            this.csoAnchors = Optional.of(cso);
            this.csoName = csoOrganizationName;
            this.stationValidator = null;
            return this;
        }

        /**
         * @param source the online revocation source asked about every station certificate that passes all
         *     other checks (A00.FR.702, A00.FR.705), e.g. a {@code CachingRevocationSource} over an
         *     {@code OcspRevocationSource}; needs {@link #stationCertificates}
         * @return this builder
         */
        public Builder revocationSource(RevocationSource source) {
            this.revocationSource = Optional.of(Objects.requireNonNull(source, "source"));
            return this;
        }

        /**
         * @param policy what an unanswered revocation check means (default
         *     {@link RevocationFailurePolicy#FAIL_CLOSED}: the handshake is refused); needs
         *     {@link #revocationSource}
         * @return this builder
         */
        public Builder revocationFailurePolicy(RevocationFailurePolicy policy) {
            this.revocationPolicy = Optional.of(Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /**
         * @param registry where {@link CsmsTlsContext#stationIdentity(SSLSession)} records which station presented
         *     which certificate and key, refusing one already bound to another station (A00.FR.427)
         * @return this builder
         */
        public Builder certificateBindings(CertificateBindingRegistry registry) {
            this.bindings = Optional.of(Objects.requireNonNull(registry, "registry"));
            return this;
        }

        /**
         * @return the context
         * @throws IllegalStateException for profile 3 without a station certificate validator, a revocation
         *     option without {@link #stationCertificates}, or a policy lacking a suite of A00.FR.318/421
         * @throws GeneralSecurityException when JSSE cannot create the context
         */
        public CsmsTlsContext build() throws GeneralSecurityException {
            if (!policy.missingCsmsSuites().isEmpty()) {
                throw new IllegalStateException("The CSMS SHALL support " + policy.missingCsmsSuites()
                        + " (A00.FR.318, A00.FR.421); the policy lacks them: " + policy);
            }
            if ((revocationSource.isPresent() || revocationPolicy.isPresent()) && csoAnchors.isEmpty()) {
                throw new IllegalStateException("revocationSource(...) and revocationFailurePolicy(...) configure "
                        + "the validator of stationCertificates(...); add the revocation source to a custom "
                        + "validator yourself");
            }
            if (revocationPolicy.isPresent() && revocationSource.isEmpty()) {
                throw new IllegalStateException("revocationFailurePolicy(...) needs a revocationSource(...)");
            }
            ChainValidator v;
            if (profile.requiresClientCertificate()) {
                v = stationValidator != null ? stationValidator : csoAnchors.map(this::ocppStationValidator)
                        .orElseThrow(() -> new IllegalStateException("Security profile 3 needs "
                                + "stationCertificates(...) or a stationCertificateValidator(...) to verify station "
                                + "certificates (A00.FR.403, A00.FR.404)"));
            } else {
                v = (chain, at) -> ChainValidationResult.refused(ValidationResult.builder().add("A00.FR.301",
                        RequirementLevel.SHALL, "a client certificate", "HTTP Basic authentication in security profile 2")
                        .build());
            }
            return new CsmsTlsContext(this, init(keyManager, new StationCertificateTrustManager(v, trustSetup()),
                    TlsFailure.Endpoint.CSMS));
        }

        private OcppChainValidator ocppStationValidator(TrustAnchors cso) {
            OcppChainValidator.StationBuilder b = OcppChainValidator.forChargingStationCertificate(cso, csoName).toBuilder()
                    .clock(clock);
            revocationSource.ifPresent(b::revocationSource);
            revocationPolicy.ifPresent(b::revocationFailurePolicy);
            return b.build();
        }
    }
}
