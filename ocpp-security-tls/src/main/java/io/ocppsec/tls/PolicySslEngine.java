package io.ocppsec.tls;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * An engine of {@link PolicySslContext}: the JSSE engine, whose supported suites and versions are the policy's and
 * whose enabled ones can only be narrowed to a subset of them. A framework that widens them (Netty's
 * {@code JdkSslContext} enables its own default suites among the engine's supported ones) so stays inside the OCPP
 * policy (A00.FR.313/416, A00.FR.320/423); a profile-3 CSMS engine keeps requiring a client certificate
 * (A00.FR.401/402) whatever it is told.
 */
final class PolicySslEngine extends SSLEngine {

    private final SSLEngine real;
    private final Supplier<SSLParameters> policy;

    PolicySslEngine(SSLEngine real, Supplier<SSLParameters> policy) {
        super(real.getPeerHost(), real.getPeerPort());
        this.real = Objects.requireNonNull(real, "real");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The requested names that the policy allows, in the requested order; none is refused. */
    static String[] narrow(String[] requested, String[] allowed, String what) {
        Set<String> ok = Set.of(allowed);
        String[] kept = Arrays.stream(Objects.requireNonNull(requested, what)).filter(ok::contains)
                .toArray(String[]::new);
        if (kept.length == 0) {
            throw new IllegalArgumentException("None of the " + what + " " + Arrays.toString(requested)
                    + " is in the OCPP TLS policy (A00.FR.313/416, A00.FR.320/423); allowed are "
                    + Arrays.toString(allowed));
        }
        return kept;
    }

    private SSLParameters narrow(SSLParameters p) {
        SSLParameters allowed = policy.get();
        SSLParameters c = Contexts.copy(p);
        c.setCipherSuites(p.getCipherSuites() == null ? allowed.getCipherSuites()
                : narrow(p.getCipherSuites(), allowed.getCipherSuites(), "cipher suites"));
        c.setProtocols(p.getProtocols() == null ? allowed.getProtocols()
                : narrow(p.getProtocols(), allowed.getProtocols(), "protocols"));
        if (allowed.getNeedClientAuth()) {
            c.setNeedClientAuth(true);
        }
        c.setAlgorithmConstraints(p.getAlgorithmConstraints());
        c.setSNIMatchers(p.getSNIMatchers());
        c.setMaximumPacketSize(p.getMaximumPacketSize());
        c.setEnableRetransmissions(p.getEnableRetransmissions());
        return c;
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
        return real.wrap(srcs, offset, length, dst);
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
        return real.unwrap(src, dsts, offset, length);
    }

    @Override
    public Runnable getDelegatedTask() {
        return real.getDelegatedTask();
    }

    @Override
    public void closeInbound() throws SSLException {
        real.closeInbound();
    }

    @Override
    public boolean isInboundDone() {
        return real.isInboundDone();
    }

    @Override
    public void closeOutbound() {
        real.closeOutbound();
    }

    @Override
    public boolean isOutboundDone() {
        return real.isOutboundDone();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return policy.get().getCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return real.getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        real.setEnabledCipherSuites(narrow(suites, policy.get().getCipherSuites(), "cipher suites"));
    }

    @Override
    public String[] getSupportedProtocols() {
        return policy.get().getProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return real.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        real.setEnabledProtocols(narrow(protocols, policy.get().getProtocols(), "protocols"));
    }

    @Override
    public SSLSession getSession() {
        return real.getSession();
    }

    @Override
    public SSLSession getHandshakeSession() {
        return real.getHandshakeSession();
    }

    @Override
    public void beginHandshake() throws SSLException {
        real.beginHandshake();
    }

    @Override
    public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
        return real.getHandshakeStatus();
    }

    @Override
    public void setUseClientMode(boolean mode) {
        real.setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return real.getUseClientMode();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        real.setNeedClientAuth(need || policy.get().getNeedClientAuth());
    }

    @Override
    public boolean getNeedClientAuth() {
        return real.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        if (policy.get().getNeedClientAuth()) {
            real.setNeedClientAuth(true); // setWantClientAuth would clear "need"
        } else {
            real.setWantClientAuth(want);
        }
    }

    @Override
    public boolean getWantClientAuth() {
        return real.getWantClientAuth();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        real.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return real.getEnableSessionCreation();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return real.getSSLParameters();
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
        real.setSSLParameters(narrow(Objects.requireNonNull(params, "params")));
    }

    @Override
    public String getApplicationProtocol() {
        return real.getApplicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return real.getHandshakeApplicationProtocol();
    }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
        real.setHandshakeApplicationProtocolSelector(selector);
    }

    @Override
    public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return real.getHandshakeApplicationProtocolSelector();
    }

    @Override
    public String toString() {
        return "PolicySslEngine{" + real + "}";
    }
}
