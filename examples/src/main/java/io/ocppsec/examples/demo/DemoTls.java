package io.ocppsec.examples.demo;

import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Where the demo gets its TLS configuration: one context and policy for the CSMS (server) and one for the
 * Charging Station (client). {@link JsseDemoTls} builds them with plain JSSE from the lab PKI.
 * LEAD: an implementation over the {@code ocpp-security-tls} server and station builders replaces it.
 */
public interface DemoTls {

    /**
     * A TLS context with the parameters (protocols, cipher suites, client auth) to use it with.
     *
     * @param context the context
     * @param parameters the policy
     */
    record Endpoint(SSLContext context, SSLParameters parameters) {
        /** @throws NullPointerException if null */
        public Endpoint {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(parameters, "parameters");
        }
    }

    /**
     * @param requireClientCertificate true for security profile 3 (mutual TLS), false for profile 2
     * @return the CSMS server context and policy
     */
    Endpoint csms(boolean requireClientCertificate);

    /**
     * @param presentClientCertificate true for profile 3 (the station certificate as TLS client
     *        certificate), false for profile 2
     * @return the station client context and policy
     */
    Endpoint station(boolean presentClientCertificate);
}
