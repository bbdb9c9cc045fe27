package io.ocppsec.tls;

import static io.ocppsec.tls.TlsTestSupport.PKI;
import static io.ocppsec.tls.TlsTestSupport.build;
import static io.ocppsec.tls.TlsTestSupport.csms;
import static io.ocppsec.tls.TlsTestSupport.station;
import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.TlsTestSupport.Recorder;
import io.ocppsec.tls.TlsTestSupport.Server;
import io.ocppsec.tls.TlsTestSupport.ServerResult;
import io.ocppsec.tls.internal.TlsSessionCheck;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** SDK station against SDK CSMS over loopback: profiles 2 and 3, ECDSA and RSA, TLS 1.2 and 1.3. */
class CsmsStationHandshakeTest {

    static Recorder csmsRec2 = new Recorder();
    static Recorder csmsRec3 = new Recorder();
    static CsmsTlsContext csms2;
    static CsmsTlsContext csms3;
    static Server server2;
    static Server server3;

    @BeforeAll
    static void start() throws Exception {
        csms2 = build(csms(SecurityProfile.TLS_BASIC_AUTH, csmsRec2));
        csms3 = build(csms(SecurityProfile.TLS_CLIENT_CERTIFICATE, csmsRec3));
        server2 = Server.start(csms2);
        server3 = Server.start(csms3);
    }

    @AfterAll
    static void stop() throws Exception {
        server2.close();
        server3.close();
    }

    static Stream<Arguments> matrix() {
        return Stream.of(SecurityProfile.TLS_BASIC_AUTH, SecurityProfile.TLS_CLIENT_CERTIFICATE)
                .flatMap(p -> Stream.of("EC", "RSA").flatMap(k -> Stream.of(TlsVersion.values())
                        .map(v -> Arguments.of(p, k, v))));
    }

    @ParameterizedTest(name = "profile {0}, {1} CSMS certificate, {2}")
    @MethodSource("matrix")
    @Verifies({"A00.FR.306", "A00.FR.307", "A00.FR.308", "A00.FR.309", "A00.FR.312", "A00.FR.313", "A00.FR.314",
            "A00.FR.401", "A00.FR.402", "A00.FR.409", "A00.FR.410", "A00.FR.411", "A00.FR.412", "A00.FR.415",
            "A00.FR.416", "A00.FR.417"})
    void handshakeSucceeds(SecurityProfile profile, String keyType, TlsVersion version) throws Exception {
        TlsPolicy base = keyType.equals("EC") ? TlsPolicy.STATION_ECDSA : TlsPolicy.STATION_RSA;
        TlsPolicy policy = base.toBuilder().versions(version).build();
        Recorder rec = new Recorder();
        StationTlsContext st = build(station(profile, rec).policy(policy));
        Server server = profile == SecurityProfile.TLS_BASIC_AUTH ? server2 : server3;
        CsmsTlsContext csms = profile == SecurityProfile.TLS_BASIC_AUTH ? csms2 : csms3;

        SSLSession client = TlsTestSupport.roundTrip(st, server);
        ServerResult sr = server.next();

        assertThat(sr.ok()).as("server: %s", sr.failure()).isTrue();
        assertThat(client.getProtocol()).isEqualTo(version.jsseName());
        X509Certificate presented = (X509Certificate) client.getPeerCertificates()[0];
        if (version == TlsVersion.TLS_1_2) {
            // TLS 1.2 ties the suite to the certificate type: the CSMS picks the matching certificate.
            assertThat(presented.getPublicKey().getAlgorithm()).isEqualTo(keyType);
        }
        assertThat(st.verifySession(client).isClean()).isTrue();
        assertThat(csms.verifySession(sr.session()).isClean()).isTrue();
        assertThat(TlsSessionCheck.verify(client).isClean()).isTrue();
        assertThat(rec.failures).isEmpty();
        if (profile.requiresClientCertificate()) {
            StationIdentity id = csms.stationIdentity(sr.session());
            assertThat(id.commonName()).isEqualTo(TestPki.STATION_SERIAL);
            assertThat(id.certificate()).isEqualTo(PKI.station().certificate());
            assertThat(id.checkIdentity(TestPki.STATION_SERIAL).isClean()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = CipherSuite.class, mode = EnumSource.Mode.MATCH_ALL, names = ".*_WITH_.*")
    @Verifies({"A00.FR.318", "A00.FR.421", "A00.FR.319", "A00.FR.422"})
    void csmsNegotiatesEveryTls12SuiteOfItsPolicy(CipherSuite suite) throws Exception {
        TlsPolicy only = TlsPolicy.builder().versions(TlsVersion.TLS_1_2).cipherSuites(suite).build();
        StationTlsContext st = build(station(SecurityProfile.TLS_CLIENT_CERTIFICATE, new Recorder()).policy(only));

        SSLSession s = TlsTestSupport.roundTrip(st, server3);

        assertThat(server3.next().ok()).isTrue();
        assertThat(s.getCipherSuite()).isEqualTo(suite.jsseName());
    }

    @Test
    @Verifies({"A00.FR.318", "A00.FR.421"})
    void csmsPrefersForwardSecretSuitesInItsOwnOrder() throws Exception {
        StationTlsContext st = build(station(SecurityProfile.TLS_BASIC_AUTH, new Recorder())
                .policy(TlsPolicy.STATION_RSA.toBuilder().versions(TlsVersion.TLS_1_2).build()));

        SSLSession s = TlsTestSupport.roundTrip(st, server2);

        server2.next();
        assertThat(s.getCipherSuite()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        assertThat(csms2.sslParameters().getUseCipherSuitesOrder()).isTrue();
    }

    @Test
    @Verifies({"A00.FR.405", "A00.FR.427"})
    void stationIdentityMustMatchTheUrlIdentity() throws Exception {
        StationTlsContext st = build(station(SecurityProfile.TLS_CLIENT_CERTIFICATE, new Recorder()));
        TlsTestSupport.roundTrip(st, server3);
        StationIdentity id = csms3.stationIdentity(server3.next().session());

        assertThat(id.checkIdentity("CS-0002").violates("A00.FR.405")).isTrue();
        assertThat(id.checkIdentity("CS-0002").describe()).contains("CS-0001", "CS-0002");
        assertThat(id.checkIdentity("cs-0001").isCompliant()).isFalse();
    }

    @Test
    @Verifies({"A00.FR.401"})
    void profile2SessionHasNoStationIdentity() throws Exception {
        StationTlsContext st = build(station(SecurityProfile.TLS_BASIC_AUTH, new Recorder()));
        TlsTestSupport.roundTrip(st, server2);
        SSLSession s = server2.next().session();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> csms2.stationIdentity(s))
                .isInstanceOf(javax.net.ssl.SSLPeerUnverifiedException.class);
        assertThat(csms2.sslParameters().getNeedClientAuth()).isFalse();
        assertThat(csms3.sslParameters().getNeedClientAuth()).isTrue();
    }

    @Test
    void selfCheckOfTheDefaultCsmsIsClean() {
        assertThat(csms3.selfCheck().isClean()).as(csms3.selfCheck().describe()).isTrue();
        assertThat(List.of(csms3.sslParameters().getProtocols())).containsExactly("TLSv1.3", "TLSv1.2");
    }
}
