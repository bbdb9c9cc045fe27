package io.ocppsec.examples.demo;

import io.ocppsec.testpki.TestCertificate;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@link DemoTls} with plain JSSE over the {@link DemoPki}: in-memory PKCS#12 key stores, PKIX trust in the
 * CSO root only, TLS 1.3 and 1.2, and the OCPP cipher suites (A00.FR.318/319) plus the TLS 1.3 AES-GCM suites.
 * It does none of the OCPP certificate checks inside the handshake (O/CN, key strength, revocation).
 * LEAD: replace with the {@code ocpp-security-tls} CSMS and station context builders.
 */
public final class JsseDemoTls implements DemoTls {

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    static final String[] SERVER_SUITES = {
        "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_GCM_SHA256"};
    static final String[] STATION_SUITES = {
        "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"};

    private final DemoPki pki;
    private final SecureRandom random;

    /**
     * @param pki the lab PKI
     * @param random randomness of the TLS contexts
     */
    public JsseDemoTls(DemoPki pki, SecureRandom random) {
        this.pki = Objects.requireNonNull(pki, "pki");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Endpoint csms(boolean requireClientCertificate) {
        SSLParameters p = new SSLParameters(SERVER_SUITES.clone(), PROTOCOLS.clone());
        if (requireClientCertificate) {
            p.setNeedClientAuth(true);
        }
        return new Endpoint(context(pki.csms()), p);
    }

    @Override
    public Endpoint station(boolean presentClientCertificate) {
        SSLParameters p = new SSLParameters(STATION_SUITES.clone(), PROTOCOLS.clone());
        p.setEndpointIdentificationAlgorithm("HTTPS");
        return new Endpoint(context(presentClientCertificate ? pki.station() : null), p);
    }

    private SSLContext context(TestCertificate keyOwner) {
        try {
            KeyManager[] keyManagers = null;
            if (keyOwner != null) {
                char[] password = new char[0]; // in-memory store, never written
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                List<X509Certificate> chain = keyOwner.chain();
                ks.setKeyEntry("key", keyOwner.keyPair().getPrivate(), password, chain.toArray(new X509Certificate[0]));
                KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
                kmf.init(ks, password);
                keyManagers = kmf.getKeyManagers();
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("cso-root", pki.csoRoot().certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagers, tmf.getTrustManagers(), random);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the demo TLS context", e);
        }
    }
}
