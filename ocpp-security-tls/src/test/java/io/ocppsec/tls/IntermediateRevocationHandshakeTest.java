package io.ocppsec.tls;

import static io.ocppsec.tls.ForgedChainHandshakeTest.violatesAt;
import static io.ocppsec.tls.TlsTestSupport.CSO;
import static io.ocppsec.tls.TlsTestSupport.PKI;
import static io.ocppsec.tls.TlsTestSupport.build;
import static io.ocppsec.tls.TlsTestSupport.material;
import static io.ocppsec.tls.TlsTestSupport.station;
import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.spi.RevocationSource;
import io.ocppsec.api.spi.RevocationStatus;
import io.ocppsec.core.cert.RevocationFailurePolicy;
import io.ocppsec.core.revocation.OcspRevocationSource;
import io.ocppsec.testing.Openssl;
import io.ocppsec.testing.OpensslOcspResponder;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestCertificateBuilder;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.TlsTestSupport.Recorder;
import io.ocppsec.tls.TlsTestSupport.Server;
import io.ocppsec.tls.TlsTestSupport.ServerResult;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revocation of every certificate of the validated path in a real profile 3 handshake: the CSMS asks a real OCSP
 * responder ({@code openssl ocsp}) about the station certificate (at the configured responder URL) and about its
 * sub-CA when the sub-CA names a responder in its AIA extension (the CSO root's responder). The old code only ever
 * asked about the leaf, so a station certificate under a revoked sub-CA was accepted.
 *
 * <p>OCSP answers carry the responder's real time: the CSMS uses the system clock and the certificates here are
 * minted valid around the real now.
 */
class IntermediateRevocationHandshakeTest {

    private static final Instant REAL_NOW = Instant.now();
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    @BeforeAll
    static void needsOpenssl() {
        Openssl.executable(); // skips or fails clearly without openssl
    }

    /** Records what the CSMS asks, and answers through the real OCSP client. */
    static final class CountingSource implements RevocationSource {
        final RevocationSource delegate;
        final List<X509Certificate> checked = new CopyOnWriteArrayList<>();
        final List<X509Certificate> askedWhetherItAnswers = new CopyOnWriteArrayList<>();

        CountingSource(RevocationSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public RevocationStatus check(X509Certificate certificate, X509Certificate issuer, Instant at) {
            checked.add(certificate);
            return delegate.check(certificate, issuer, at);
        }

        @Override
        public boolean answersFor(X509Certificate certificate) {
            askedWhetherItAnswers.add(certificate);
            return delegate.answersFor(certificate);
        }
    }

    /** A sub-CA under the CSO root, valid around the real now; the same serial and validity for every copy. */
    private static TestCertificateBuilder subCa(BigInteger serial) {
        return PKI.builder(PkiRole.CSO_SUB_CA, PKI.csoRoot()).organization(TestPki.CSO_NAME)
                .commonName("Example CSO Sub-CA " + serial.toString(16)).pathLength(0).serial(serial)
                .validity(REAL_NOW.minus(Duration.ofDays(30)), REAL_NOW.plus(Duration.ofDays(3000)));
    }

    private static TestCertificate stationUnder(TestCertificate subCa, String serialNumber) {
        return PKI.builder(PkiRole.CHARGING_STATION, subCa).organization(TestPki.CSO_NAME)
                .commonName(serialNumber)
                .validity(REAL_NOW.minus(Duration.ofDays(1)), REAL_NOW.plus(Duration.ofDays(30)))
                .build();
    }

    private static BigInteger newSerial() {
        return new BigInteger(62, RANDOM).setBit(62);
    }

    /**
     * The sub-CA must name the root responder in its AIA, and the root responder's database must hold the sub-CA:
     * the database is written from a copy minted first with the same serial, subject and validity (openssl looks
     * answers up by serial), the real sub-CA afterwards with the responder's URL.
     */
    private OpensslOcspResponder rootResponder(BigInteger serial, boolean revoked) throws IOException {
        X509Certificate draft = subCa(serial).build().certificate();
        OpensslOcspResponder.Builder b = OpensslOcspResponder.builder(dir.resolve("root"), PKI.csoRoot());
        return (revoked ? b.revoked(draft, REAL_NOW.minus(Duration.ofHours(1))) : b.good(draft)).start();
    }

    private static CsmsTlsContext csms(RevocationSource source, Recorder rec) {
        return build(CsmsTlsContext.forServer(SecurityProfile.TLS_CLIENT_CERTIFICATE,
                        List.of(material(PKI.csmsEc()), material(PKI.csmsRsa())))
                .clock(Clock.systemUTC()).failureListener(rec)
                .stationCertificates(CSO, TestPki.CSO_NAME)
                .revocationSource(source)
                .revocationFailurePolicy(RevocationFailurePolicy.FAIL_CLOSED));
    }

    private static CountingSource ocsp(URI stationResponder) {
        return new CountingSource(OcspRevocationSource.builder().responderUrl(stationResponder)
                .timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)).build());
    }

    private static StationTlsContext stationWith(TestCertificate cert) {
        return build(station(SecurityProfile.TLS_CLIENT_CERTIFICATE, new Recorder()).clientKeyMaterial(material(cert)));
    }

    private static TlsFailure refused(CsmsTlsContext ctx, TestCertificate cert, Recorder rec) throws Exception {
        try (Server server = Server.start(ctx)) {
            return TlsTestSupport.csmsRefuses(stationWith(cert), server, rec);
        }
    }

    private static void accepted(CsmsTlsContext ctx, TestCertificate cert, Recorder rec, String cn) throws Exception {
        try (Server server = Server.start(ctx)) {
            TlsTestSupport.roundTrip(stationWith(cert), server);
            ServerResult r = server.next();
            assertThat(r.ok()).as("%s / %s", r.failure(), rec.failures).isTrue();
            assertThat(ctx.stationIdentity(r.session()).commonName()).isEqualTo(cn);
        }
        assertThat(rec.failures).isEmpty();
    }

    @Test
    @Verifies({"A00.FR.702", "A00.FR.705", "A00.FR.407", "A00.FR.408"})
    void stationUnderARevokedSubCaIsRefusedInTheHandshake() throws Exception {
        BigInteger serial = newSerial();
        try (OpensslOcspResponder root = rootResponder(serial, true)) {
            TestCertificate sub = subCa(serial).ocspUrl(root.uri().toString()).build();
            TestCertificate cs = stationUnder(sub, "CS-0801");
            try (OpensslOcspResponder subResponder = OpensslOcspResponder.builder(dir.resolve("sub"), sub)
                    .good(cs.certificate()).start()) {
                Recorder rec = new Recorder();
                CountingSource source = ocsp(subResponder.uri());

                TlsFailure f = refused(csms(source, rec), cs, rec);

                assertThat(violatesAt(f.violations(), "A00.FR.705", 1))
                        .as("%s / root responder: %s", f.violations().describe(), root.output()).isTrue();
                assertThat(violatesAt(f.violations(), "A00.FR.705", 0)).as("the station itself is good").isFalse();
                assertThat(f.violations().describe()).contains("revoked", "Example CSO Sub-CA");
                // The leaf at the configured responder, then the sub-CA (with the root as issuer) at its AIA responder.
                assertThat(source.checked).containsExactly(cs.certificate(), sub.certificate());
            }
        }
    }

    @Test
    @Verifies({"A00.FR.702", "A00.FR.705"})
    void stationUnderAGoodSubCaIsAccepted() throws Exception {
        BigInteger serial = newSerial();
        try (OpensslOcspResponder root = rootResponder(serial, false)) {
            TestCertificate sub = subCa(serial).ocspUrl(root.uri().toString()).build();
            TestCertificate cs = stationUnder(sub, "CS-0802");
            try (OpensslOcspResponder subResponder = OpensslOcspResponder.builder(dir.resolve("sub"), sub)
                    .good(cs.certificate()).start()) {
                Recorder rec = new Recorder();
                CountingSource source = ocsp(subResponder.uri());

                accepted(csms(source, rec), cs, rec, "CS-0802");

                assertThat(source.checked).containsExactly(cs.certificate(), sub.certificate());
            }
        }
    }

    @Test
    @Verifies({"A00.FR.705", "A00.FR.407"})
    void subCaWhoseResponderIsDownIsRefusedFailClosed() throws Exception {
        URI nobody = URI.create("http://127.0.0.1:" + OpensslOcspResponder.freePort() + "/");
        TestCertificate sub = subCa(newSerial()).ocspUrl(nobody.toString()).build();
        TestCertificate cs = stationUnder(sub, "CS-0803");
        try (OpensslOcspResponder subResponder = OpensslOcspResponder.builder(dir.resolve("sub"), sub)
                .good(cs.certificate()).start()) {
            Recorder rec = new Recorder();

            TlsFailure f = refused(csms(ocsp(subResponder.uri()), rec), cs, rec);

            assertThat(violatesAt(f.violations(), "A00.FR.705", 1)).as(f.violations().describe()).isTrue();
            assertThat(f.violations().describe()).contains("unknown", "CA certificate");
        }
    }

    @Test
    @Verifies({"A00.FR.702"})
    void subCaWithoutAnOcspUrlIsNotAsked() throws Exception {
        // The responderUrl override is for station certificates only: it is not where a sub-CA's status comes from.
        TestCertificate sub = subCa(newSerial()).build();
        TestCertificate cs = stationUnder(sub, "CS-0804");
        try (OpensslOcspResponder subResponder = OpensslOcspResponder.builder(dir.resolve("sub"), sub)
                .good(cs.certificate()).start()) {
            Recorder rec = new Recorder();
            CountingSource source = ocsp(subResponder.uri());

            accepted(csms(source, rec), cs, rec, "CS-0804");

            assertThat(source.askedWhetherItAnswers).containsExactly(sub.certificate());
            assertThat(source.checked).containsExactly(cs.certificate());
        }
    }
}
