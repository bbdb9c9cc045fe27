package io.ocppsec.examples.demo;

import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestCertificateBuilder;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.TlsKeyMaterial;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The demo's lab PKI: the CSO hierarchy of the test PKI (root and sub-CA), and two CSMS certificates
 * under it, one ECDSA and one RSA (A00.FR.318: the CSMS serves both kinds of suites), valid around the real
 * "now" of the given clock. The CSMS certificates have CN {@value TestPki#CSMS_FQDN} and the
 * subjectAltNames {@code DNS:csms.example.com} and {@code IP:127.0.0.1}: the station's SDK trust manager
 * checks the CN against the configured FQDN (A00.FR.309/412), and the IP name keeps the demo working
 * wherever the JDK HTTP client checks the loopback address it connects to. There is no station certificate
 * here: the station obtains one through A02 during the demo.
 *
 * <p>Lab only: never use these certificates outside a test.
 */
public final class DemoPki {

    /** The loopback address the demo CSMS listens on (and its certificates name). */
    public static final String LOOPBACK = "127.0.0.1";

    private final TestPki pki;
    private final Instant from;
    private final Instant to;
    private final TestCertificate csmsEc;
    private final TestCertificate csmsRsa;

    private DemoPki(TestPki pki, Instant from, Instant to) {
        this.pki = pki;
        this.from = from;
        this.to = to;
        this.csmsEc = csms(pki.csmsBuilder(TestPki.CSMS_FQDN).keyType(KeyType.EC_P256));
        this.csmsRsa = csms(pki.csmsBuilder(TestPki.CSMS_FQDN).keyType(KeyType.RSA_2048));
    }

    private TestCertificate csms(TestCertificateBuilder b) {
        return b.sanIp(LOOPBACK).validity(from, to).build();
    }

    /**
     * @param clock the real time source: leaves are valid from one hour before to 30 days after its now
     * @return a fresh PKI
     */
    public static DemoPki create(Clock clock) {
        Instant now = clock.instant();
        return new DemoPki(TestPki.create(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
    }

    /** @return the CSO root both sides trust (the station's installed CSMSRootCertificate) */
    public X509Certificate csoRoot() {
        return pki.csoRoot().certificate();
    }

    /** @return the CSO sub-CA, the issuer of the demo CA service */
    public TestCertificate csoSubCa() {
        return pki.csoSubCa();
    }

    /** @return the CSMS ECDSA and RSA certificates with their keys, for the SDK's CSMS TLS context */
    public List<TlsKeyMaterial> csmsKeyMaterial() {
        return List.of(material(csmsEc), material(csmsRsa));
    }

    /**
     * @return a CSMS certificate with the right names issued by a CA the station does not trust (a rogue
     *         or misconfigured CSMS)
     */
    public List<TlsKeyMaterial> foreignCsmsKeyMaterial() {
        TestCertificate rogue = csms(pki.builder(PkiRole.CSMS, pki.foreignSubCa())
                .organization(TestPki.CSO_NAME).commonName(TestPki.CSMS_FQDN).sanDns(TestPki.CSMS_FQDN));
        return List.of(material(rogue));
    }

    /**
     * Mints a Charging Station certificate chain for a public key the CSMS got from a CSR, issued by a CA
     * outside the CSO hierarchy: what a station must refuse in CertificateSigned (A02.FR.06/07).
     *
     * @param stationKey the public key of the station's pending CSR
     * @param serialNumber the CN
     * @return the chain in PEM, leaf first
     */
    public String foreignStationChainPem(PublicKey stationKey, String serialNumber) {
        Objects.requireNonNull(stationKey, "stationKey");
        TestCertificate foreign = pki.builder(PkiRole.CHARGING_STATION, pki.foreignSubCa())
                .organization(TestPki.CSO_NAME).commonName(serialNumber).keyPair(new KeyPair(stationKey, null))
                .validity(from, to).build();
        return TestCertificate.toPem(List.of(foreign.certificate(), pki.foreignSubCa().certificate()));
    }

    /** @return the private keys minted here (for the demo's secret-leak test) */
    List<java.security.PrivateKey> privateKeys() {
        return List.of(csmsEc.keyPair().getPrivate(), csmsRsa.keyPair().getPrivate(),
                pki.csoSubCa().keyPair().getPrivate(), pki.csoRoot().keyPair().getPrivate());
    }

    private static TlsKeyMaterial material(TestCertificate c) {
        return TlsKeyMaterial.of(c.keyPair().getPrivate(), c.chain());
    }

    /**
     * Writes the public PEM files: {@code cso-root.pem}, {@code csms-ec-chain.pem}, {@code csms-rsa-chain.pem}.
     * No private key is written: the CSMS keeps its keys in memory, and the station's key never leaves the
     * station (A02.FR.05).
     *
     * @param dir an existing directory
     * @return the files written
     * @throws IOException if a file cannot be written
     */
    public List<Path> writeTo(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        return List.of(
                write(dir.resolve("cso-root.pem"), pki.csoRoot().pem()),
                write(dir.resolve("csms-ec-chain.pem"), csmsEc.chainPem()),
                write(dir.resolve("csms-rsa-chain.pem"), csmsRsa.chainPem()));
    }

    static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        return file;
    }
}
