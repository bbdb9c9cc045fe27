package io.ocppsec.tls;

import static io.ocppsec.tls.TlsTestSupport.CSO;
import static io.ocppsec.tls.TlsTestSupport.PKI;
import static io.ocppsec.tls.TlsTestSupport.build;
import static io.ocppsec.tls.TlsTestSupport.material;
import static io.ocppsec.tls.TlsTestSupport.station;
import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.core.cert.RevocationFailurePolicy;
import io.ocppsec.core.revocation.OcspRevocationSource;
import io.ocppsec.testing.Openssl;
import io.ocppsec.testing.OpensslOcspResponder;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.TlsTestSupport.Recorder;
import io.ocppsec.tls.TlsTestSupport.Server;
import io.ocppsec.tls.TlsTestSupport.ServerResult;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profile 3 revocation in the handshake, end to end: the CSMS built with
 * {@code stationCertificates(...).revocationSource(...)} asks a real OCSP responder ({@code openssl ocsp}) about
 * each station certificate and refuses a revoked one, and refuses every station while the responder is down
 * (fail closed) unless configured to fail open.
 *
 * <p>OCSP answers carry the responder's real time, so the CSMS judges station certificates with the system clock
 * here, and the station certificates are minted valid around the real now.
 */
class StationRevocationHandshakeTest {

    private static final Instant REAL_NOW = Instant.now();
    private static final TestCertificate GOOD = PKI.stationBuilder("CS-0701")
            .validity(REAL_NOW.minus(Duration.ofDays(1)), REAL_NOW.plus(Duration.ofDays(30))).build();
    private static final TestCertificate REVOKED = PKI.stationBuilder("CS-0702")
            .validity(REAL_NOW.minus(Duration.ofDays(1)), REAL_NOW.plus(Duration.ofDays(30))).build();

    @TempDir
    Path dir;

    @BeforeAll
    static void needsOpenssl() {
        Openssl.executable(); // skips or fails clearly without openssl
    }

    private static CsmsTlsContext csms(URI responder, RevocationFailurePolicy policy, Recorder rec) {
        return build(CsmsTlsContext.forServer(SecurityProfile.TLS_CLIENT_CERTIFICATE,
                        List.of(material(PKI.csmsEc()), material(PKI.csmsRsa())))
                .clock(Clock.systemUTC()).failureListener(rec)
                .stationCertificates(CSO, TestPki.CSO_NAME)
                .revocationSource(OcspRevocationSource.builder().responderUrl(responder)
                        .timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)).build())
                .revocationFailurePolicy(policy));
    }

    private static StationTlsContext stationWith(TestCertificate cert) {
        return build(station(SecurityProfile.TLS_CLIENT_CERTIFICATE, new Recorder()).clientKeyMaterial(material(cert)));
    }

    private static TlsFailure refused(Server server, TestCertificate cert, Recorder rec) throws Exception {
        return TlsTestSupport.csmsRefuses(stationWith(cert), server, rec);
    }

    @Test
    @Verifies({"A00.FR.702", "A00.FR.705", "A00.FR.407", "A00.FR.408"})
    void revokedStationCertificateIsRefusedInTheHandshake() throws Exception {
        try (OpensslOcspResponder ocsp = OpensslOcspResponder.builder(dir, PKI.csoSubCa())
                .good(GOOD.certificate()).revoked(REVOKED.certificate(), REAL_NOW.minus(Duration.ofHours(1))).start()) {
            Recorder rec = new Recorder();
            CsmsTlsContext ctx = csms(ocsp.uri(), RevocationFailurePolicy.FAIL_CLOSED, rec);
            try (Server server = Server.start(ctx)) {
                TlsTestSupport.roundTrip(stationWith(GOOD), server);
                ServerResult ok = server.next();
                assertThat(ok.ok()).as("%s / responder: %s", ok.failure(), ocsp.output()).isTrue();
                assertThat(ctx.stationIdentity(ok.session()).commonName()).isEqualTo("CS-0701");
                assertThat(rec.failures).isEmpty();

                TlsFailure f = refused(server, REVOKED, rec);
                assertThat(f.violations().violates("A00.FR.705")).as(f.violations().describe()).isTrue();
                assertThat(f.violations().describe()).containsIgnoringCase("revoked");
            }
        }
    }

    @Test
    @Verifies({"A00.FR.705", "A00.FR.407"})
    void responderDownRefusesTheHandshakeFailClosed() throws Exception {
        URI nobody = URI.create("http://127.0.0.1:" + OpensslOcspResponder.freePort() + "/");
        Recorder rec = new Recorder();
        try (Server server = Server.start(csms(nobody, RevocationFailurePolicy.FAIL_CLOSED, rec))) {
            TlsFailure f = refused(server, GOOD, rec);

            assertThat(f.violations().violates("A00.FR.705")).as(f.violations().describe()).isTrue();
        }
    }

    @Test
    @Verifies({"A00.FR.702"})
    void responderDownIsOnlyAdvisoryWhenConfiguredToFailOpen() throws Exception {
        URI nobody = URI.create("http://127.0.0.1:" + OpensslOcspResponder.freePort() + "/");
        Recorder rec = new Recorder();
        CsmsTlsContext ctx = csms(nobody, RevocationFailurePolicy.FAIL_OPEN, rec);
        try (Server server = Server.start(ctx)) {
            TlsTestSupport.roundTrip(stationWith(GOOD), server);
            ServerResult r = server.next();

            assertThat(r.ok()).as("%s", r.failure()).isTrue();
            StationIdentity id = ctx.stationIdentity(r.session());
            assertThat(id.commonName()).isEqualTo("CS-0701");
            assertThat(rec.failures).isEmpty();
        }
    }
}
