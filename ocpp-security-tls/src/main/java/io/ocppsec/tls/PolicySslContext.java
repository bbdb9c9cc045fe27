package io.ocppsec.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The {@link SSLContext} the OCPP contexts hand out: it delegates to the JSSE context but applies the policy's
 * {@link SSLParameters} (versions and suites, A00.FR.313/416 and A00.FR.318-320/421-423; client authentication on a
 * profile-3 CSMS, A00.FR.401/402; the SNI name of the expected CSMS host) to every engine, socket and server socket it
 * creates, and reports the policy as its default and supported parameters. Its engines ({@link PolicySslEngine}) only
 * let the enabled suites and versions be narrowed within the policy. So a container handed only the context
 * (Jetty {@code setSslContext}, Netty {@code JdkSslContext}, the JDK HttpClient, a plain socket factory) runs on the
 * OCPP policy, not on JDK defaults. A container that later widens the enabled suites or versions on an engine is
 * still caught by the trust managers, which refuse a handshake outside the policy (A00.FR.314/417).
 */
final class PolicySslContext extends SSLContext {

    /**
     * @param real the initialised JSSE context
     * @param parameters a fresh copy of the policy's parameters at each call
     * @param clientMode whether engines are put in client mode (a Charging Station) or server mode (a CSMS)
     * @param beforeHandshake called for every new engine or socket
     */
    PolicySslContext(SSLContext real, Supplier<SSLParameters> parameters, boolean clientMode,
                     Runnable beforeHandshake) {
        super(new Spi(real, parameters, clientMode, beforeHandshake), real.getProvider(), real.getProtocol());
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext real;
        private final Supplier<SSLParameters> parameters;
        private final boolean clientMode;
        private final Runnable beforeHandshake;

        Spi(SSLContext real, Supplier<SSLParameters> parameters, boolean clientMode, Runnable beforeHandshake) {
            this.real = Objects.requireNonNull(real, "real");
            this.parameters = Objects.requireNonNull(parameters, "parameters");
            this.clientMode = clientMode;
            this.beforeHandshake = Objects.requireNonNull(beforeHandshake, "beforeHandshake");
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("This SSLContext was initialised by the OCPP context builder with its "
                    + "key and trust managers; change them through CsmsTlsContext / StationTlsContext");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new Sockets(real.getSocketFactory(), this);
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return new ServerSockets(real.getServerSocketFactory(), this);
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return engine(real.createSSLEngine());
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return engine(real.createSSLEngine(host, port));
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return parameters.get();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return parameters.get();
        }

        private SSLEngine engine(SSLEngine e) {
            beforeHandshake.run();
            e.setUseClientMode(clientMode); // first: switching the mode afterwards would not reset the policy
            e.setSSLParameters(parameters.get());
            return new PolicySslEngine(e, parameters);
        }

        Socket socket(Socket s) {
            beforeHandshake.run();
            if (s instanceof SSLSocket ssl) {
                ssl.setSSLParameters(parameters.get());
            }
            return s;
        }

        ServerSocket serverSocket(ServerSocket s) {
            if (s instanceof SSLServerSocket ssl) {
                ssl.setSSLParameters(parameters.get()); // accepted sockets inherit it
            }
            return s;
        }

        String[] suites() {
            return parameters.get().getCipherSuites();
        }
    }

    /** Every socket gets the policy. */
    private static final class Sockets extends SSLSocketFactory {
        private final SSLSocketFactory real;
        private final Spi spi;

        Sockets(SSLSocketFactory real, Spi spi) {
            this.real = real;
            this.spi = spi;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return spi.suites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return spi.suites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return spi.socket(real.createSocket());
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return spi.socket(real.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
            return spi.socket(real.createSocket(s, consumed, autoClose));
        }

        // The handshake starts at the first read or write, so the policy set at creation applies to it.
        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return spi.socket(real.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return spi.socket(real.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return spi.socket(real.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return spi.socket(real.createSocket(address, port, localAddress, localPort));
        }
    }

    /** Every server socket gets the policy, and so every socket it accepts. */
    private static final class ServerSockets extends SSLServerSocketFactory {
        private final SSLServerSocketFactory real;
        private final Spi spi;

        ServerSockets(SSLServerSocketFactory real, Spi spi) {
            this.real = real;
            this.spi = spi;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return spi.suites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return spi.suites();
        }

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return spi.serverSocket(real.createServerSocket());
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return spi.serverSocket(real.createServerSocket(port));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return spi.serverSocket(real.createServerSocket(port, backlog));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress ifAddress) throws IOException {
            return spi.serverSocket(real.createServerSocket(port, backlog, ifAddress));
        }
    }
}
