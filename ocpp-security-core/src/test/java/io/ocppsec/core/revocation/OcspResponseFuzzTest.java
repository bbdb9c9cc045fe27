package io.ocppsec.core.revocation;

import static io.ocppsec.core.fuzz.FuzzInvariant.expect;
import static io.ocppsec.core.fuzz.FuzzInvariant.holds;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ocppsec.api.spi.RevocationStatus;
import io.ocppsec.core.fuzz.FuzzInputs;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Fuzzes the OCSP response verification of {@link OcspRevocationSource}: a custom {@link OcspTransport}
 * hands back the fuzz bytes as the responder's answer. The source never throws by contract and has a
 * last-resort catch of {@link RuntimeException}; reaching that catch (detail {@code "OCSP check failed:"})
 * counts as a finding too, since it means the parser itself threw.
 *
 * <p>The station certificate and its issuer are a fixed fixture (certificates only, no keys) so that the
 * seed responses, signed once by the issuer, stay valid: regenerate fixture and seeds together.
 */
class OcspResponseFuzzTest {

    private static final String FIXTURE = "OcspResponseFuzzTest-fixture.pem";
    private static final URI RESPONDER = URI.create("http://ocsp.invalid/");
    private static final ThreadLocal<byte[]> ANSWER = new ThreadLocal<>();
    private static final OcspRevocationSource SOURCE = OcspRevocationSource.builder().responderUrl(RESPONDER)
            .transport((uri, request, max) -> ANSWER.get()).sendNonce(false).build();

    @Timeout(10)
    @FuzzTest(maxDuration = "20s")
    void check(byte[] data) {
        ANSWER.set(data);
        RevocationStatus s = holds("OcspRevocationSource.check", data,
                () -> SOURCE.check(Fixture.STATION, Fixture.ISSUER, TestPki.NOW)).orElseThrow();
        expect("OcspRevocationSource.check", data, !s.detail().startsWith("OCSP check failed:"),
                "no RuntimeException caught by the last line of defence, got: " + s.detail());
        expect("OcspRevocationSource.check", data, s.state() != RevocationStatus.State.GOOD
                || s.detail().equals("OCSP: good"), "GOOD only from a verified good response");
    }

    /** Loaded on first use, so that {@link #writeSeeds} can run before the fixture exists. */
    private static final class Fixture {
        static final List<X509Certificate> CERTS = fixture();
        static final X509Certificate STATION = CERTS.get(0);
        static final X509Certificate ISSUER = CERTS.get(1);
    }

    private static List<X509Certificate> fixture() {
        try (InputStream in = OcspResponseFuzzTest.class.getResourceAsStream(FIXTURE)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the fuzz fixture " + FIXTURE, e);
        }
    }


    /** The committed seeds still reach the end of verification (fixture and seeds belong together). */
    @Test
    void seedsReachEveryStatus() throws Exception {
        assertThat(status("good").state()).isEqualTo(RevocationStatus.State.GOOD);
        assertThat(status("delegated-responder").state()).isEqualTo(RevocationStatus.State.GOOD);
        assertThat(status("revoked").state()).isEqualTo(RevocationStatus.State.REVOKED);
        assertThat(status("unknown").detail()).contains("does not know");
        assertThat(status("expired").detail()).contains("expired");
        assertThat(status("other-serial").detail()).contains("does not answer");
    }

    /** Found by fuzzing: a malformed certificate in the response's certs field threw from BasicOCSPResp.getCerts. */
    @Test
    void malformedResponderCertificateIsUnknownNotThrown() throws Exception {
        RevocationStatus s = status("finding-malformed-responder-certificate");
        assertThat(s.state()).isEqualTo(RevocationStatus.State.UNKNOWN);
        assertThat(s.detail()).contains("responder certificates are unreadable");
    }

    private static RevocationStatus status(String seed) throws IOException {
        ANSWER.set(FuzzInputs.readSeed(OcspResponseFuzzTest.class, "check", seed));
        return SOURCE.check(Fixture.STATION, Fixture.ISSUER, TestPki.NOW);
    }

    /**
     * Regenerates the fixture and the seed files:
     * {@code -Docppsec.fuzz.writeSeeds=true -Dtest=OcspResponseFuzzTest#writeSeeds}.
     */
    @Test
    @EnabledIfSystemProperty(named = FuzzInputs.WRITE_SEEDS, matches = "true")
    void writeSeeds() throws Exception {
        TestPki pki = TestPki.create();
        TestCertificate issuer = pki.csoSubCa();
        TestCertificate station = pki.station();
        Files.createDirectories(FuzzInputs.seedDirectory(getClass(), "x").getParent().getParent());
        Files.writeString(FuzzInputs.seedDirectory(getClass(), "x").getParent().getParent().resolve(FIXTURE),
                TestCertificate.toPem(List.of(station.certificate(), issuer.certificate())));
        TestCertificate delegated = pki.builder(PkiRole.CSMS, issuer).organization(TestPki.CSO_NAME)
                .commonName("OCSP Responder").keyUsage(KeyUsage.digitalSignature)
                .extendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning).build();
        Instant at = TestPki.NOW;
        CertificateID id = certId(issuer.certificate(), station.certificate().getSerialNumber());
        seed("good", response(issuer, List.of(), id, CertificateStatus.GOOD, at, null));
        seed("revoked", response(issuer, List.of(), id,
                new RevokedStatus(Date.from(at.minus(Duration.ofDays(2))), CRLReason.keyCompromise), at, null));
        seed("unknown", response(issuer, List.of(), id, new UnknownStatus(), at, null));
        seed("delegated-responder", response(delegated, List.of(delegated.certificate()), id,
                CertificateStatus.GOOD, at, null));
        seed("with-nonce", response(issuer, List.of(), id, CertificateStatus.GOOD, at, new byte[] {1, 2, 3, 4}));
        seed("expired", response(issuer, List.of(), id, CertificateStatus.GOOD, at.minus(Duration.ofDays(30)), null));
        seed("other-serial", response(issuer, List.of(),
                certId(issuer.certificate(), BigInteger.valueOf(42)), CertificateStatus.GOOD, at, null));
        seed("try-later", new OCSPRespBuilder().build(OCSPRespBuilder.TRY_LATER, null).getEncoded());
        seed("not-der", "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.US_ASCII));
    }

    private void seed(String name, byte[] der) throws IOException {
        FuzzInputs.writeSeed(getClass(), "check", name, der);
    }

    static CertificateID certId(X509Certificate issuer, BigInteger serial) throws Exception {
        return new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer), serial);
    }

    static byte[] response(TestCertificate signer, List<X509Certificate> certs, CertificateID id,
                           CertificateStatus status, Instant at, byte[] nonce) throws Exception {
        BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(
                new JcaX509CertificateHolder(signer.certificate()).getSubject()));
        b.addResponse(id, status, Date.from(at.minus(Duration.ofHours(1))), Date.from(at.plus(Duration.ofDays(7))));
        if (nonce != null) {
            b.setResponseExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(nonce))));
        }
        X509CertificateHolder[] chain = new X509CertificateHolder[certs.size()];
        for (int i = 0; i < chain.length; i++) {
            chain[i] = new JcaX509CertificateHolder(certs.get(i));
        }
        var basic = b.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(TestPki.BC)
                .build(signer.keyPair().getPrivate()), chain, Date.from(at));
        OCSPResp resp = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
        return resp.getEncoded();
    }
}
