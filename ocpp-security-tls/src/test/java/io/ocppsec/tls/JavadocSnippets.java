package io.ocppsec.tls;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.core.cert.CertificateBindingRegistry;
import io.ocppsec.core.credential.BasicAuthenticator;
import io.ocppsec.core.credential.InMemoryCredentialStore;
import io.ocppsec.core.event.SecurityEventReporter;
import io.ocppsec.core.event.SecurityLog;
import io.ocppsec.core.password.PasswordHasher;
import io.ocppsec.core.profile.StationProfileRegistry;
import io.ocppsec.core.profile.StationProfileStore;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.core.revocation.CachingRevocationSource;
import io.ocppsec.core.revocation.OcspRevocationSource;
import io.ocppsec.core.store.RootCertificateType;
import io.ocppsec.core.store.StationCertificateStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The usage snippets of the javadoc of the public {@code io.ocppsec.tls} types, as compiled code: each region between
 * {@code // javadoc:<Type>:begin} and {@code // javadoc:<Type>:end} is a snippet of that type's source, which
 * {@link JavadocSnippetsTest} compares with the javadoc, so a snippet cannot call a method that does not exist. The
 * free names of a snippet are the parameters of its method. Snippets that need no network run in the test.
 */
final class JavadocSnippets {

    private JavadocSnippets() {
    }

    static void csmsTlsContext(TlsKeyMaterial ecKeyMaterial, TlsKeyMaterial rsaKeyMaterial, X509Certificate csoRoot,
                               List<TlsFailure> refusedHandshakes, SSLSession session, String urlIdentity)
            throws Exception {
        // javadoc:CsmsTlsContext:begin
        CsmsTlsContext tls = CsmsTlsContext.forServer(SecurityProfile.TLS_CLIENT_CERTIFICATE,
                        List.of(ecKeyMaterial, rsaKeyMaterial))
                .stationCertificates(TrustAnchors.cso(csoRoot), "Example CSO")
                .revocationSource(CachingRevocationSource.builder(OcspRevocationSource.builder().build()).build())
                .certificateBindings(new CertificateBindingRegistry())
                .failureListener(refusedHandshakes::add)   // A00.FR.408: every refused station certificate
                .build();
        SSLServerSocket server = tls.createServerSocket(8443, 128, InetAddress.getLoopbackAddress());
        // Jetty: sslContextFactory.setSslContext(tls.sslContext()); ... or tls.configure(sslEngine)
        // after the handshake: tls.stationIdentity(session).checkIdentity(urlIdentity)   (A00.FR.405)
        // javadoc:CsmsTlsContext:end
        server.close();
        tls.stationIdentity(session).checkIdentity(urlIdentity);
    }

    static void stationTlsContext(StationCertificateStore store, Queue<SecurityEvent> eventQueue) throws Exception {
        // javadoc:StationTlsContext:begin
        StationTlsContext tls = StationTlsContext.forClient(SecurityProfile.TLS_CLIENT_CERTIFICATE,
                        store.trustAnchors(RootCertificateType.CSMS_ROOT_CERTIFICATE))
                .expectedHost("csms.example.com")
                .clientCertificateFrom(store)   // the active ChargingStationCertificate, renewals included
                .failureListener(f -> f.toSecurityEvent().ifPresent(eventQueue::add))
                .build();
        SSLSocket s = tls.connect(new InetSocketAddress("csms.example.com", 443), Duration.ofSeconds(10));
        // javadoc:StationTlsContext:end
        s.close();
    }

    static StationTlsContext stationFromHsm(StationCertificateStore store, Provider pkcs11Provider, char[] pin)
            throws Exception {
        // javadoc:StationTlsContext:begin
        KeyStore hsm = KeyStore.getInstance("PKCS11", pkcs11Provider);  // the token, logged in
        hsm.load(null, pin);
        StationTlsContext tls = StationTlsContext.forClient(SecurityProfile.TLS_CLIENT_CERTIFICATE,
                        store.trustAnchors(RootCertificateType.CSMS_ROOT_CERTIFICATE))
                .expectedHost("csms.example.com")
                .clientCertificateFrom(store, handle -> {
                    try {
                        return Optional.ofNullable((PrivateKey) hsm.getKey(handle.alias(), null));
                    } catch (GeneralSecurityException e) {
                        return Optional.empty();
                    }
                })
                .build();
        // javadoc:StationTlsContext:end
        return tls;
    }

    /** Connections the StationIdentity snippet closed. */
    static int closedConnections;

    private static void closeConnection() {
        closedConnections++;
    }

    static void stationIdentity(CsmsTlsContext csms, SSLSession sslSession, String urlIdentity) throws Exception {
        // javadoc:StationIdentity:begin
        StationIdentity id = csms.stationIdentity(sslSession);
        if (!id.checkIdentity(urlIdentity).isCompliant()) { closeConnection(); }
        // javadoc:StationIdentity:end
    }

    static TlsPolicy tlsPolicy() {
        // javadoc:TlsPolicy:begin
        TlsPolicy p = TlsPolicy.builder()
                .versions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2)
                .cipherSuites("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")
                .build();
        // javadoc:TlsPolicy:end
        return p;
    }

    static CipherSuite cipherSuite() {
        // javadoc:CipherSuite:begin
        CipherSuite s = CipherSuite.parse("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        CipherSuite.parse("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");   // IllegalArgumentException citing A00.FR.320
        // javadoc:CipherSuite:end
        return s;
    }

    static TlsKeyMaterial tlsKeyMaterial(PrivateKey ecKey, X509Certificate csmsEcCert, X509Certificate subCa) {
        // javadoc:TlsKeyMaterial:begin
        TlsKeyMaterial ec = TlsKeyMaterial.of(ecKey, List.of(csmsEcCert, subCa));
        // javadoc:TlsKeyMaterial:end
        return ec;
    }

    static TlsFailureListener tlsFailureListener(Queue<SecurityEvent> eventQueue) {
        // javadoc:TlsFailureListener:begin
        TlsFailureListener l = f -> f.toSecurityEvent().ifPresent(eventQueue::add);
        // javadoc:TlsFailureListener:end
        return l;
    }

    static StationTlsContext tlsFailureListenerReporting(SecurityProfile profile, List<X509Certificate> roots,
                                                          SecurityEventReporter reporter)
            throws Exception {
        // javadoc:TlsFailureListener:begin
        StationTlsContext tls = StationTlsContext.forClient(profile, roots)
                .failureListener(TlsFailureListener.reportingTo(reporter))
                .build();
        // javadoc:TlsFailureListener:end
        return tls;
    }

    /** The few calls of a servlet-style response the AdmissionDecision snippet makes. */
    interface HttpResponse {
        void setHeader(String name, String value);

        void sendError(int status);
    }

    /** The request the ConnectionAttempt snippet reads its Authorization header from. */
    interface HttpRequest {
        Headers headers();

        interface Headers {
            String get(String name);
        }
    }

    static void csmsAdmission(CsmsTlsContext tls, InMemoryCredentialStore credentials, SecurityLog securityLog,
                              String urlIdentity, SSLSession session, Optional<String> authorization) {
        // javadoc:CsmsAdmission:begin
        CsmsAdmission admission = CsmsAdmission.builder(tls)                // tls: the endpoint's CsmsTlsContext
                .passwords(new BasicAuthenticator(credentials, PasswordHasher.defaults()))   // profile 2
                .profileRegistry(new StationProfileRegistry(StationProfileStore.inMemory())) // A05.FR.07
                .securityEvents(securityLog::append)
                .build();
        AdmissionDecision d = admission.admit(ConnectionAttempt.overTls(urlIdentity, session, authorization));
        if (d instanceof AdmissionDecision.Accepted) {
            // ... answer 101; once the WebSocket is open:
            admission.connected((AdmissionDecision.Accepted) d);             // raises the A05.FR.07 floor
        }
        // javadoc:CsmsAdmission:end
    }

    static ConnectionAttempt connectionAttempt(String urlIdentity, SSLEngine sslEngine, HttpRequest request) {
        // javadoc:ConnectionAttempt:begin
        ConnectionAttempt a = ConnectionAttempt.overTls(urlIdentity, sslEngine.getSession(),
                Optional.ofNullable(request.headers().get("Authorization")));
        // javadoc:ConnectionAttempt:end
        return a;
    }

    static void admissionDecision(CsmsAdmission admission, ConnectionAttempt attempt, HttpResponse response) {
        // javadoc:AdmissionDecision:begin
        AdmissionDecision d = admission.admit(attempt);
        if (d instanceof AdmissionDecision.Rejected) {
            AdmissionDecision.Rejected r = (AdmissionDecision.Rejected) d;
            r.wwwAuthenticate().ifPresent(v -> response.setHeader("WWW-Authenticate", v));
            response.sendError(r.httpStatus());
        }
        // javadoc:AdmissionDecision:end
    }
}
