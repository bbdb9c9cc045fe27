package io.ocppsec.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.spi.RevocationStatus;
import io.ocppsec.api.spi.RevocationStatus.State;
import io.ocppsec.testing.OpensslOcspResponder;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real OpenSSL OCSP responder on loopback. */
class OcspRevocationSourceTest {

    private static final TestPki PKI = TestPki.create();
    private static final TestCertificate GOOD = PKI.station();
    private static final TestCertificate REVOKED = PKI.stationBuilder("CS-0002").build();
    private static final TestCertificate NOT_IN_INDEX = PKI.stationBuilder("CS-0003").build();
    private static final Instant REVOKED_AT = Instant.parse("2026-07-01T10:00:00Z");

    @TempDir
    Path dir;

    private final List<OpensslOcspResponder> responders = new ArrayList<>();

    @AfterEach
    void stopResponders() {
        responders.forEach(OpensslOcspResponder::close);
    }

    private OpensslOcspResponder.Builder responder() {
        return OpensslOcspResponder.builder(dir.resolve("r" + responders.size()), PKI.csoSubCa())
                .good(GOOD.certificate()).revoked(REVOKED.certificate(), REVOKED_AT);
    }

    private OpensslOcspResponder started(OpensslOcspResponder.Builder b) throws Exception {
        OpensslOcspResponder r = b.start();
        responders.add(r);
        return r;
    }

    private static OcspRevocationSource.Builder client(OpensslOcspResponder r) {
        return OcspRevocationSource.builder().responderUrl(r.uri())
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private static RevocationStatus check(OcspRevocationSource source, TestCertificate cert) {
        return source.check(cert.certificate(), PKI.csoSubCa().certificate(), Instant.now());
    }

    static TestCertificate delegatedResponder(TestCertificate issuer, boolean withEku) {
        var b = PKI.builder(PkiRole.CSMS, issuer).organization(TestPki.CSO_NAME)
                .commonName("OCSP Responder").keyUsage(KeyUsage.digitalSignature)
                .validity(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
        return withEku ? b.extendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning).build() : b.build();
    }

    @Test
    @Verifies({"A00.FR.702", "A00.FR.705"})
    void goodCertificateSignedByTheIssuer() throws Exception {
        OpensslOcspResponder r = started(responder());
        RevocationStatus s = check(client(r).requireNonce(true).build(), GOOD);
        assertThat(s.state()).as(s.detail() + "\n" + r.output()).isEqualTo(State.GOOD);
        assertThat(s.thisUpdate()).isPresent();
        assertThat(s.revocationTime()).isEmpty();
    }

    @Test
    @Verifies({"A00.FR.702", "A00.FR.705"})
    void revokedCertificate() throws Exception {
        OpensslOcspResponder r = started(responder());
        RevocationStatus s = check(client(r).build(), REVOKED);
        assertThat(s.state()).as(s.detail()).isEqualTo(State.REVOKED);
        assertThat(s.revocationTime()).contains(REVOKED_AT);
        assertThat(s.detail()).contains("revoked at 2026-07-01T10:00:00Z");
    }

    @Test
    @Verifies("A00.FR.705")
    void certificateTheResponderDoesNotKnowIsUnknown() throws Exception {
        OpensslOcspResponder r = started(responder());
        RevocationStatus s = check(client(r).build(), NOT_IN_INDEX);
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("does not know");
    }

    @Test
    @Verifies("A00.FR.705")
    void sha256CertIdIsUnderstood() throws Exception {
        OpensslOcspResponder r = started(responder());
        OcspRevocationSource source = client(r).certIdHash(OcspRevocationSource.CertIdHash.SHA256).build();
        assertThat(check(source, GOOD).state()).isEqualTo(State.GOOD);
        assertThat(check(source, REVOKED).state()).isEqualTo(State.REVOKED);
    }

    @Test
    @Verifies("A00.FR.705")
    void withoutNonce() throws Exception {
        OpensslOcspResponder r = started(responder());
        assertThat(check(client(r).sendNonce(false).build(), GOOD).state()).isEqualTo(State.GOOD);
    }

    @Test
    @Verifies("A00.FR.705")
    void delegatedResponderCertifiedByTheIssuer() throws Exception {
        OpensslOcspResponder r = started(responder().signer(delegatedResponder(PKI.csoSubCa(), true)));
        RevocationStatus s = check(client(r).build(), REVOKED);
        assertThat(s.state()).as(s.detail()).isEqualTo(State.REVOKED);
    }

    @Test
    @Verifies("A00.FR.705")
    void delegatedResponderWithoutOcspSigningEkuIsRefused() throws Exception {
        OpensslOcspResponder r = started(responder().signer(delegatedResponder(PKI.csoSubCa(), false)));
        RevocationStatus s = check(client(r).build(), GOOD);
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("id-kp-OCSPSigning");
    }

    @Test
    @Verifies("A00.FR.705")
    void responderCertifiedBySomeoneElseIsRefused() throws Exception {
        OpensslOcspResponder r = started(responder().signer(delegatedResponder(PKI.foreignSubCa(), true)));
        RevocationStatus s = check(client(r).build(), REVOKED);
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("not signed by the issuer or a responder it authorised");
    }

    @Test
    @Verifies("A00.FR.705")
    void responderSigningWithAnUncertifiedKeyIsRefused() throws Exception {
        // The foreign sub-CA has the same name as the real one, but another key.
        OpensslOcspResponder r = started(responder().signer(PKI.foreignSubCa()));
        RevocationStatus s = check(client(r).build(), GOOD);
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("not signed by the issuer");
    }

    @Test
    @Verifies("A00.FR.504")
    void responseSignedWithSha1IsRefused() throws Exception {
        OpensslOcspResponder r = started(responder().args("-rmd", "sha1"));
        RevocationStatus s = check(client(r).build(), GOOD);
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("SHA1withECDSA").contains("A00.FR.504");
    }

    @Test
    @Verifies("A00.FR.705")
    void expiredResponseIsRefused() throws Exception {
        OpensslOcspResponder r = started(responder().args("-nmin", "2"));
        OcspRevocationSource source = client(r).maxClockSkew(Duration.ofSeconds(30)).build();
        Instant now = Instant.now();
        RevocationStatus fresh = source.check(GOOD.certificate(), PKI.csoSubCa().certificate(), now);
        assertThat(fresh.state()).as(fresh.detail()).isEqualTo(State.GOOD);
        assertThat(fresh.nextUpdate()).isPresent();
        RevocationStatus later = source.check(GOOD.certificate(), PKI.csoSubCa().certificate(),
                now.plus(Duration.ofMinutes(10)));
        assertThat(later.state()).isEqualTo(State.UNKNOWN);
        assertThat(later.detail()).contains("expired");
    }

    @Test
    @Verifies("A00.FR.705")
    void responseWithoutNextUpdateTooOldIsRefused() throws Exception {
        OpensslOcspResponder r = started(responder());
        OcspRevocationSource source = client(r).maxAgeWithoutNextUpdate(Duration.ofMinutes(30)).build();
        RevocationStatus s = source.check(GOOD.certificate(), PKI.csoSubCa().certificate(),
                Instant.now().plus(Duration.ofHours(1)));
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("too old");
    }

    @Test
    @Verifies("A00.FR.705")
    void responseFromTheFutureIsRefused() throws Exception {
        OpensslOcspResponder r = started(responder());
        RevocationStatus s = client(r).build().check(GOOD.certificate(), PKI.csoSubCa().certificate(),
                Instant.now().minus(Duration.ofHours(1)));
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("in the future");
    }

    @Test
    @Verifies("A00.FR.705")
    void replayedResponseWithAnotherNonceIsRefused() throws Exception {
        OpensslOcspResponder r = started(responder());
        OcspTransport real = OcspTransport.httpClient(Duration.ofSeconds(2), Duration.ofSeconds(5));
        byte[][] recorded = new byte[1][];
        OcspTransport replaying = (uri, request, max) -> {
            if (recorded[0] == null) {
                recorded[0] = real.post(uri, request, max);
            }
            return recorded[0];
        };
        OcspRevocationSource source = client(r).transport(replaying).build();
        assertThat(check(source, GOOD).state()).isEqualTo(State.GOOD);
        RevocationStatus replayed = check(source, GOOD);
        assertThat(replayed.state()).isEqualTo(State.UNKNOWN);
        assertThat(replayed.detail()).contains("nonce does not match");
    }

    @Test
    @Verifies("A00.FR.705")
    void responseForAnotherCertificateIsRefused() throws Exception {
        OpensslOcspResponder r = started(responder());
        OcspTransport real = OcspTransport.httpClient(Duration.ofSeconds(2), Duration.ofSeconds(5));
        OcspRevocationSource askAboutGood = client(r).sendNonce(false).build();
        // Answer every question with the (validly signed) answer about the GOOD certificate.
        byte[][] recorded = new byte[1][];
        OcspRevocationSource recorder = client(r).sendNonce(false).transport((uri, req, max) -> {
            recorded[0] = real.post(uri, req, max);
            return recorded[0];
        }).build();
        assertThat(check(recorder, GOOD).state()).isEqualTo(State.GOOD);
        OcspRevocationSource swapped = client(r).sendNonce(false).transport((uri, req, max) -> recorded[0]).build();
        RevocationStatus s = check(swapped, REVOKED);
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("does not answer for the requested certificate");
        assertThat(check(askAboutGood, GOOD).state()).isEqualTo(State.GOOD);
    }

    @Test
    @Verifies({"A00.FR.702", "A00.FR.705"})
    void responderUrlFromTheAiaExtension() throws Exception {
        int port = OpensslOcspResponder.freePort();
        X509Certificate withAia = AiaCertificates.station(PKI, "CS-0100", "http://127.0.0.1:" + port + "/");
        X509Certificate ldapOnly = AiaCertificates.station(PKI, "CS-0101", "ldap://127.0.0.1/cn=ocsp");
        started(OpensslOcspResponder.builder(dir.resolve("aia"), PKI.csoSubCa()).port(port).good(withAia));
        OcspRevocationSource source = OcspRevocationSource.builder().build();
        RevocationStatus s = source.check(withAia, PKI.csoSubCa().certificate(), Instant.now());
        assertThat(s.state()).as(s.detail()).isEqualTo(State.GOOD);
        RevocationStatus ldap = source.check(ldapOnly, PKI.csoSubCa().certificate(), Instant.now());
        assertThat(ldap.state()).isEqualTo(State.UNKNOWN);
        assertThat(ldap.detail()).contains("no OCSP responder");
    }

    @Test
    void noResponderUrlIsUnknown() {
        RevocationStatus s = OcspRevocationSource.builder().build()
                .check(GOOD.certificate(), PKI.csoSubCa().certificate(), Instant.now());
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("no OCSP responder");
    }

    @Test
    void wrongIssuerIsUnknown() {
        RevocationStatus s = OcspRevocationSource.builder().responderUrl(URI.create("http://127.0.0.1:9/")).build()
                .check(GOOD.certificate(), PKI.csoRoot().certificate(), Instant.now());
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("not the certificate's issuer");
    }

    @Test
    void responderDownIsUnknownQuicklyAndHidesCredentials() throws Exception {
        int port = OpensslOcspResponder.freePort();
        OcspRevocationSource source = OcspRevocationSource.builder()
                .responderUrl(URI.create("http://ocsp-user:s3cr3t-pw@127.0.0.1:" + port + "/ocsp?token=abc"))
                .timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        RevocationStatus s = check(source, GOOD);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("unreachable").contains("127.0.0.1:" + port)
                .doesNotContain("s3cr3t").doesNotContain("ocsp-user").doesNotContain("token");
        assertThat(millis).isLessThan(2500);
        assertThat(source.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void faultyCustomTransportIsUnknown() {
        OcspRevocationSource source = OcspRevocationSource.builder().responderUrl(URI.create("http://127.0.0.1:9/"))
                .transport((uri, request, max) -> {
                    throw new IllegalStateException("boom");
                }).build();
        RevocationStatus s = check(source, GOOD);
        assertThat(s.state()).isEqualTo(State.UNKNOWN);
        assertThat(s.detail()).contains("IllegalStateException");
        OcspRevocationSource tooMuch = OcspRevocationSource.builder().responderUrl(URI.create("http://127.0.0.1:9/"))
                .transport((uri, request, max) -> new byte[max + 1]).build();
        assertThat(check(tooMuch, GOOD).detail()).contains("over the limit");
        OcspRevocationSource empty = OcspRevocationSource.builder().responderUrl(URI.create("http://127.0.0.1:9/"))
                .transport((uri, request, max) -> new byte[0]).build();
        assertThat(check(empty, GOOD).detail()).contains("empty");
    }

    /** A hierarchy around the real now with a sub-CA whose AIA names the root's responder on {@code rootPort}. */
    private record AiaHierarchy(TestPki pki, TestCertificate subCa, TestCertificate station) {
        static AiaHierarchy create(int rootPort, boolean subCaAia) {
            TestPki pki = TestPki.create(io.ocppsec.testpki.KeyType.EC_P256, Instant.now());
            var sub = pki.builder(PkiRole.CSO_SUB_CA, pki.csoRoot()).organization(TestPki.CSO_NAME)
                    .commonName("AIA Sub-CA").ca(true).validity(Instant.now().minus(Duration.ofDays(10)),
                            Instant.now().plus(Duration.ofDays(300)));
            if (subCaAia) {
                sub.ocspUrl("http://127.0.0.1:" + rootPort + "/");
            }
            TestCertificate subCa = sub.build();
            TestCertificate station = pki.builder(PkiRole.CHARGING_STATION, subCa).organization(TestPki.CSO_NAME)
                    .commonName("CS-0900").validity(Instant.now().minus(Duration.ofDays(1)),
                            Instant.now().plus(Duration.ofDays(30))).build();
            return new AiaHierarchy(pki, subCa, station);
        }

        io.ocppsec.core.cert.OcppChainValidator validator(OcspRevocationSource ocsp) {
            return io.ocppsec.core.cert.OcppChainValidator.forChargingStationCertificate(
                    io.ocppsec.core.cert.TrustAnchors.cso(pki.csoRoot().certificate()), TestPki.CSO_NAME).toBuilder()
                    .clock(java.time.Clock.systemUTC()).revocationSource(ocsp).build();
        }
    }

    @Test
    @Verifies({"A00.FR.702", "A00.FR.705"})
    void aSubCaRevokedAtTheRootsResponderRefusesEveryStationBelowIt() throws Exception {
        int rootPort = OpensslOcspResponder.freePort();
        AiaHierarchy h = AiaHierarchy.create(rootPort, true);
        OpensslOcspResponder root = started(OpensslOcspResponder.builder(dir.resolve("root"), h.pki().csoRoot())
                .port(rootPort).revoked(h.subCa().certificate(), Instant.now().minus(Duration.ofHours(1))));
        OpensslOcspResponder sub = started(OpensslOcspResponder.builder(dir.resolve("sub"), h.subCa())
                .good(h.station().certificate()));
        OcspRevocationSource ocsp = client(sub).build(); // the override: the station certificates' responder
        assertThat(ocsp.answersFor(h.subCa().certificate())).isTrue();
        var r = h.validator(ocsp).validate(List.of(h.station().certificate(), h.subCa().certificate())).result();
        assertThat(r.blocking()).as("%s / %s", r.describe(), root.output()).singleElement().satisfies(v -> {
            assertThat(v.requirement().value()).isEqualTo("A00.FR.705");
            assertThat(v.found()).startsWith("CA certificate 'CN=AIA Sub-CA,O=Example CSO' revoked");
            assertThat(v.chainIndex()).hasValue(1);
        });
    }

    @Test
    @Verifies({"A00.FR.702", "A00.FR.705"})
    void aGoodSubCaAtTheRootsResponderAndAGoodStationAreAccepted() throws Exception {
        int rootPort = OpensslOcspResponder.freePort();
        AiaHierarchy h = AiaHierarchy.create(rootPort, true);
        started(OpensslOcspResponder.builder(dir.resolve("root"), h.pki().csoRoot()).port(rootPort)
                .good(h.subCa().certificate()));
        OpensslOcspResponder sub = started(OpensslOcspResponder.builder(dir.resolve("sub"), h.subCa())
                .good(h.station().certificate()));
        var r = h.validator(client(sub).build()).validate(List.of(h.station().certificate(), h.subCa().certificate()))
                .result();
        assertThat(r.isClean()).as(r.describe()).isTrue();
    }

    @Test
    @Verifies("A00.FR.702")
    void aSubCaWithoutAnAiaResponderIsNotAskedButTheStationIs() throws Exception {
        AiaHierarchy h = AiaHierarchy.create(1, false);
        OpensslOcspResponder sub = started(OpensslOcspResponder.builder(dir.resolve("sub"), h.subCa())
                .good(h.station().certificate()));
        OcspRevocationSource ocsp = client(sub).build();
        assertThat(ocsp.answersFor(h.subCa().certificate())).as("the override is for end-entity certificates").isFalse();
        var r = h.validator(ocsp).validate(List.of(h.station().certificate(), h.subCa().certificate())).result();
        assertThat(r.isClean()).as(r.describe()).isTrue();
        // The station certificate's status is still asked: revoked there means refused.
        OpensslOcspResponder revoking = started(OpensslOcspResponder.builder(dir.resolve("sub2"), h.subCa())
                .revoked(h.station().certificate(), Instant.now().minus(Duration.ofHours(1))));
        assertThat(h.validator(client(revoking).build()).validate(List.of(h.station().certificate(),
                h.subCa().certificate())).result().violates("A00.FR.705")).isTrue();
    }

    @Test
    void caCertificatesCanBeLeftOutAndTheCachingSourceAsksItsDelegate() {
        AiaHierarchy h = AiaHierarchy.create(1, true);
        assertThat(OcspRevocationSource.builder().build().answersFor(h.subCa().certificate())).isTrue();
        OcspRevocationSource leafOnly = OcspRevocationSource.builder().caCertificates(false).build();
        assertThat(leafOnly.answersFor(h.subCa().certificate())).isFalse();
        assertThat(leafOnly.toString()).contains("leaf certificates only");
        assertThat(CachingRevocationSource.builder(leafOnly).build().answersFor(h.subCa().certificate())).isFalse();
        assertThat(CachingRevocationSource.builder(OcspRevocationSource.builder().build()).build()
                .answersFor(h.subCa().certificate())).isTrue();
        RevocationStatus none = OcspRevocationSource.builder().responderUrl(URI.create("http://127.0.0.1:1/")).build()
                .check(AiaHierarchy.create(1, false).subCa().certificate(), h.pki().csoRoot().certificate(), Instant.now());
        assertThat(none.state()).isEqualTo(State.UNKNOWN);
        assertThat(none.detail()).contains("CA certificate has no AIA OCSP URL");
    }
}
