package io.ocppsec.examples.csms;

import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A Jetty {@code SslContextFactory.Server} that is exactly the given {@code SSLContext} and
 * {@code SSLParameters}: the given protocols and cipher suites are the include lists, Jetty's default
 * exclude lists are cleared (they would drop, e.g., the {@code TLS_RSA_WITH_AES_*_GCM_*} suites A00.FR.318
 * requires), client authentication is taken as given, renegotiation is off, and {@link #customize} writes
 * the given parameters over whatever Jetty computed for each engine, so nothing Jetty defaults to can widen
 * or narrow the policy.
 */
final class PolicySslContextFactory extends SslContextFactory.Server {

    private final SSLParameters policy;

    PolicySslContextFactory(SSLContext context, SSLParameters parameters) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(parameters, "parameters");
        SSLParameters defaults = context.getDefaultSSLParameters();
        policy = new SSLParameters(
                parameters.getCipherSuites() != null ? parameters.getCipherSuites() : defaults.getCipherSuites(),
                parameters.getProtocols() != null ? parameters.getProtocols() : defaults.getProtocols());
        if (parameters.getNeedClientAuth()) {
            policy.setNeedClientAuth(true);
        } else {
            policy.setWantClientAuth(parameters.getWantClientAuth());
        }
        policy.setAlgorithmConstraints(parameters.getAlgorithmConstraints());
        policy.setUseCipherSuitesOrder(parameters.getUseCipherSuitesOrder());
        if (parameters.getSNIMatchers() != null) {
            policy.setSNIMatchers(parameters.getSNIMatchers());
        }
        policy.setApplicationProtocols(parameters.getApplicationProtocols());
        setSslContext(context);
        setIncludeProtocols(policy.getProtocols());
        setExcludeProtocols();
        setIncludeCipherSuites(policy.getCipherSuites());
        setExcludeCipherSuites();
        setNeedClientAuth(policy.getNeedClientAuth());
        setWantClientAuth(policy.getWantClientAuth());
        setUseCipherSuitesOrder(policy.getUseCipherSuitesOrder());
        setRenegotiationAllowed(false);
        setSniRequired(false);
        setEndpointIdentificationAlgorithm(null); // a server does not check the client's host name
    }

    @Override
    public SSLParameters customize(SSLParameters sslParams) {
        SSLParameters p = super.customize(sslParams);
        p.setProtocols(policy.getProtocols());
        p.setCipherSuites(policy.getCipherSuites());
        if (policy.getNeedClientAuth()) {
            p.setNeedClientAuth(true);
        } else {
            p.setWantClientAuth(policy.getWantClientAuth()); // also clears need
        }
        if (policy.getAlgorithmConstraints() != null) {
            p.setAlgorithmConstraints(policy.getAlgorithmConstraints());
        }
        if (policy.getSNIMatchers() != null) {
            p.setSNIMatchers(policy.getSNIMatchers());
        }
        p.setUseCipherSuitesOrder(policy.getUseCipherSuitesOrder());
        p.setApplicationProtocols(policy.getApplicationProtocols());
        return p;
    }

    /** @return a copy of the enforced parameters (for tests and logs) */
    SSLParameters policy() {
        SSLParameters copy = new SSLParameters(policy.getCipherSuites(), policy.getProtocols());
        if (policy.getNeedClientAuth()) {
            copy.setNeedClientAuth(true);
        } else {
            copy.setWantClientAuth(policy.getWantClientAuth());
        }
        return copy;
    }
}
