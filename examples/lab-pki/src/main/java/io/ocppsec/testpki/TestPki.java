package io.ocppsec.testpki;

import java.math.BigInteger;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * A complete OCPP test PKI, minted in memory: the CSO hierarchy (root, sub-CA, CSMS certificates in
 * EC and RSA, a Charging Station certificate) and the Manufacturer hierarchy (root, sub-CA, firmware
 * signing certificate), with a fixed clock. Deliberately wrong certificates are one call away through
 * {@link #station(Defect)}, {@link #csms(Defect)} or the builders.
 *
 * <pre>{@code
 * TestPki pki = TestPki.create();
 * TestCertificate station = pki.station();
 * TestCertificate weak = pki.station(Defect.WEAK_RSA_KEY);
 * X509Certificate root = pki.csoRoot().certificate();
 * }</pre>
 */
public final class TestPki {

    /** The Bouncy Castle provider instance the test PKI uses (not registered globally). */
    public static final Provider BC = new BouncyCastleProvider();
    /** The fixed "now" of every test PKI. */
    public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    /** A clock fixed at {@link #NOW}. */
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The CSO organisation name (O RDN of CSO certificates; OrganizationName variable). */
    public static final String CSO_NAME = "Example CSO";
    /** The manufacturer organisation name. */
    public static final String MANUFACTURER_NAME = "Example Manufacturer";
    /** FQDN of the CSMS (CN of the CSMS certificate). */
    public static final String CSMS_FQDN = "csms.example.com";
    /** Serial number of the default Charging Station (CN of its certificate). */
    public static final String STATION_SERIAL = "CS-0001";

    /** Kinds of deliberately wrong leaf certificates. */
    public enum Defect {
        /** RSA 1024-bit key (A00.FR.502). */
        WEAK_RSA_KEY,
        /** EC P-192 key (A00.FR.503). */
        WEAK_EC_KEY,
        /** DSA key (A00.FR.504). */
        DSA_KEY,
        /** Signed with SHA1withECDSA (A00.FR.504/506). */
        SHA1_SIGNATURE,
        /** No keyUsage extension (A00.FR.512). */
        MISSING_KEY_USAGE,
        /** An extendedKeyUsage extension (A00.FR.514). */
        EKU_PRESENT,
        /** notAfter in the past. */
        EXPIRED,
        /** notBefore in the future. */
        NOT_YET_VALID,
        /** O is not the CSO name (A00.FR.404). */
        WRONG_ORGANIZATION,
        /** No O RDN (A00.FR.509). */
        MISSING_ORGANIZATION,
        /** CN is a URL (A00.FR.511). */
        CN_IS_URL,
        /** CN is an IP address (A00.FR.511). */
        CN_IS_IP,
        /** CN is a host name (A00.FR.511). */
        CN_IS_HOSTNAME,
        /** A dNSName subjectAltName on a station certificate (A00.FR.511 note). */
        SAN_DNS_PRESENT,
        /** Serial number zero (A00.FR.508). */
        ZERO_SERIAL,
        /** Issued by a root that is not the installed CSO root. */
        FOREIGN_ROOT,
        /** Issued by an intermediate whose basicConstraints say it is not a CA. */
        ISSUER_NOT_A_CA
    }

    private final SecureRandom random;
    private final KeyType keyType;
    private final Instant now;
    private final TestCertificate csoRoot;
    private final TestCertificate csoSubCa;
    private final TestCertificate csmsEc;
    private final TestCertificate csmsRsa;
    private final TestCertificate station;
    private final TestCertificate manufacturerRoot;
    private final TestCertificate manufacturerSubCa;
    private final TestCertificate firmwareSigning;
    private TestCertificate foreignRoot;
    private TestCertificate foreignSubCa;
    private TestCertificate notCaSubCa;

    private TestPki(KeyType keyType, SecureRandom random, Instant now) {
        this.random = random;
        this.keyType = keyType;
        this.now = now;
        csoRoot = new TestCertificateBuilder(PkiRole.CSO_ROOT, null, random)
                .organization(CSO_NAME).commonName("Example CSO Root CA").keyType(keyType)
                .validity(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(3650))).build();
        csoSubCa = new TestCertificateBuilder(PkiRole.CSO_SUB_CA, csoRoot, random)
                .organization(CSO_NAME).commonName("Example CSO Sub-CA").keyType(keyType).pathLength(0)
                .validity(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(3000))).build();
        csmsEc = csmsBuilder().keyType(KeyType.EC_P256).build();
        csmsRsa = csmsBuilder().keyType(KeyType.RSA_2048).build();
        station = stationBuilder().build();
        manufacturerRoot = new TestCertificateBuilder(PkiRole.MANUFACTURER_ROOT, null, random)
                .organization(MANUFACTURER_NAME).commonName("Example Manufacturer Root CA").keyType(keyType)
                .validity(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(3650))).build();
        manufacturerSubCa = new TestCertificateBuilder(PkiRole.MANUFACTURER_SUB_CA, manufacturerRoot, random)
                .organization(MANUFACTURER_NAME).commonName("Example Manufacturer Sub-CA").keyType(keyType)
                .pathLength(0).validity(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(3000))).build();
        firmwareSigning = firmwareSigningBuilder().build();
    }

    /** @return a PKI whose CAs use EC P-256 keys */
    public static TestPki create() {
        return create(KeyType.EC_P256);
    }

    /**
     * @param caKeyType key type of the root and sub-CA certificates
     * @return a new PKI
     */
    public static TestPki create(KeyType caKeyType) {
        return new TestPki(Objects.requireNonNull(caKeyType, "caKeyType"), new SecureRandom(), NOW);
    }

    /**
     * A PKI whose validity windows are relative to {@code now} instead of the fixed {@link #NOW} (CAs from
     * 30 days before it for about ten years, leaves from a day before it for a year), e.g. for a lab PKI
     * written with the current time. {@link #NOW} and {@link #CLOCK} do not apply to it: use {@link #now()}
     * and {@link #clock()}.
     *
     * @param caKeyType key type of the root and sub-CA certificates
     * @param now the instant the validity windows are built around
     * @return a new PKI
     */
    public static TestPki create(KeyType caKeyType, Instant now) {
        return new TestPki(Objects.requireNonNull(caKeyType, "caKeyType"), new SecureRandom(),
                Objects.requireNonNull(now, "now"));
    }

    /** @return the instant this PKI's validity windows are built around ({@link #NOW} unless given) */
    public Instant now() {
        return now;
    }

    /** @return a clock fixed at {@link #now()} */
    public Clock clock() {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    private TestCertificateBuilder leaf(TestCertificateBuilder b) {
        return b.validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    /** @return the CSO root CA (the CSMSRootCertificate a station installs) */
    public TestCertificate csoRoot() {
        return csoRoot;
    }

    /** @return the CSO sub-CA that issues CSMS and station certificates */
    public TestCertificate csoSubCa() {
        return csoSubCa;
    }

    /** @return the CSMS server certificate with an EC P-256 key */
    public TestCertificate csmsEc() {
        return csmsEc;
    }

    /** @return the CSMS server certificate with an RSA 2048 key */
    public TestCertificate csmsRsa() {
        return csmsRsa;
    }

    /** @return the default Charging Station certificate (CN = {@link #STATION_SERIAL}) */
    public TestCertificate station() {
        return station;
    }

    /** @return the Manufacturer root CA */
    public TestCertificate manufacturerRoot() {
        return manufacturerRoot;
    }

    /** @return the Manufacturer sub-CA */
    public TestCertificate manufacturerSubCa() {
        return manufacturerSubCa;
    }

    /** @return a firmware signing certificate issued by the Manufacturer sub-CA */
    public TestCertificate firmwareSigning() {
        return firmwareSigning;
    }

    /** @return a root CA that is not part of this PKI (same names, other key) */
    public synchronized TestCertificate foreignRoot() {
        if (foreignRoot == null) {
            foreignRoot = new TestCertificateBuilder(PkiRole.CSO_ROOT, null, random)
                    .organization(CSO_NAME).commonName("Example CSO Root CA").keyType(keyType)
                    .validity(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(3650))).build();
        }
        return foreignRoot;
    }

    /** @return a sub-CA issued by {@link #foreignRoot()} */
    public synchronized TestCertificate foreignSubCa() {
        if (foreignSubCa == null) {
            foreignSubCa = new TestCertificateBuilder(PkiRole.CSO_SUB_CA, foreignRoot(), random)
                    .organization(CSO_NAME).commonName("Example CSO Sub-CA").keyType(keyType)
                    .validity(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(3000))).build();
        }
        return foreignSubCa;
    }

    /** @return an intermediate under the CSO root whose basicConstraints say cA=false */
    public synchronized TestCertificate notCaSubCa() {
        if (notCaSubCa == null) {
            notCaSubCa = new TestCertificateBuilder(PkiRole.CSO_SUB_CA, csoRoot, random)
                    .organization(CSO_NAME).commonName("Not a CA").keyType(keyType).ca(false)
                    .keyUsage(org.bouncycastle.asn1.x509.KeyUsage.digitalSignature | org.bouncycastle.asn1.x509.KeyUsage.keyCertSign)
                    .validity(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(3000))).build();
        }
        return notCaSubCa;
    }

    /** @return a builder for a CSMS certificate under the CSO sub-CA (CN and SAN = {@link #CSMS_FQDN}) */
    public TestCertificateBuilder csmsBuilder() {
        return csmsBuilder(CSMS_FQDN);
    }

    /**
     * @param fqdn the CSMS host name (CN and dNSName)
     * @return a builder for a CSMS certificate under the CSO sub-CA
     */
    public TestCertificateBuilder csmsBuilder(String fqdn) {
        return leaf(new TestCertificateBuilder(PkiRole.CSMS, csoSubCa, random))
                .organization(CSO_NAME).commonName(fqdn).sanDns(fqdn);
    }

    /** @return a builder for a Charging Station certificate (CN = {@link #STATION_SERIAL}) */
    public TestCertificateBuilder stationBuilder() {
        return stationBuilder(STATION_SERIAL);
    }

    /**
     * @param serialNumber the station serial number (CN)
     * @return a builder for a Charging Station certificate under the CSO sub-CA
     */
    public TestCertificateBuilder stationBuilder(String serialNumber) {
        return leaf(new TestCertificateBuilder(PkiRole.CHARGING_STATION, csoSubCa, random))
                .organization(CSO_NAME).commonName(serialNumber);
    }

    /** @return a builder for a firmware signing certificate under the Manufacturer sub-CA */
    public TestCertificateBuilder firmwareSigningBuilder() {
        return leaf(new TestCertificateBuilder(PkiRole.FIRMWARE_SIGNING, manufacturerSubCa, random))
                .organization(MANUFACTURER_NAME).commonName("Firmware Signing 1");
    }

    /**
     * @param role the role
     * @param issuer the issuing CA, or null for a self-signed root
     * @return a blank builder with the role's default extensions
     */
    public TestCertificateBuilder builder(PkiRole role, TestCertificate issuer) {
        return leaf(new TestCertificateBuilder(role, issuer, random));
    }

    /**
     * @param defect what to get wrong
     * @return a Charging Station certificate with exactly that defect
     */
    public TestCertificate station(Defect defect) {
        return applyDefect(stationBuilder(), defect, PkiRole.CHARGING_STATION).build();
    }

    /**
     * @param defect what to get wrong
     * @return a CSMS certificate with exactly that defect
     */
    public TestCertificate csms(Defect defect) {
        return applyDefect(csmsBuilder(), defect, PkiRole.CSMS).build();
    }

    /**
     * @param defect what to get wrong
     * @return a firmware signing certificate with exactly that defect
     */
    public TestCertificate firmwareSigning(Defect defect) {
        return applyDefect(firmwareSigningBuilder(), defect, PkiRole.FIRMWARE_SIGNING).build();
    }

    private TestCertificateBuilder applyDefect(TestCertificateBuilder b, Defect defect, PkiRole role) {
        switch (defect) {
            case WEAK_RSA_KEY:
                return b.keyType(KeyType.RSA_1024_WEAK);
            case WEAK_EC_KEY:
                return b.keyType(KeyType.EC_P192_WEAK);
            case DSA_KEY:
                return b.keyType(KeyType.DSA_2048);
            case SHA1_SIGNATURE:
                return b.signatureAlgorithm(keyType.algorithm().equals("RSA") ? "SHA1withRSA" : "SHA1withECDSA");
            case MISSING_KEY_USAGE:
                return b.withoutKeyUsage();
            case EKU_PRESENT:
                return b.extendedKeyUsage(role == PkiRole.CSMS ? KeyPurposeId.id_kp_serverAuth
                        : role == PkiRole.FIRMWARE_SIGNING ? KeyPurposeId.id_kp_codeSigning
                        : KeyPurposeId.id_kp_clientAuth);
            case EXPIRED:
                return b.validity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1)));
            case NOT_YET_VALID:
                return b.validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(400)));
            case WRONG_ORGANIZATION:
                return b.organization("Other CSO");
            case MISSING_ORGANIZATION:
                return b.organization(null);
            case CN_IS_URL:
                return b.commonName("https://cs-0001.example.com/ocpp");
            case CN_IS_IP:
                return b.commonName("192.0.2.10");
            case CN_IS_HOSTNAME:
                return b.commonName("cs-0001.example.com");
            case SAN_DNS_PRESENT:
                return b.sanDns("cs-0001.example.com");
            case ZERO_SERIAL:
                return b.serial(BigInteger.ZERO);
            default:
                break;
        }
        TestCertificate issuer = defect == Defect.FOREIGN_ROOT ? foreignSubCa() : notCaSubCa();
        TestCertificateBuilder nb = leaf(new TestCertificateBuilder(role, issuer, random))
                .organization(role == PkiRole.FIRMWARE_SIGNING ? MANUFACTURER_NAME : CSO_NAME);
        return role == PkiRole.CSMS ? nb.commonName(CSMS_FQDN).sanDns(CSMS_FQDN)
                : role == PkiRole.CHARGING_STATION ? nb.commonName(STATION_SERIAL)
                : nb.commonName("Firmware Signing 1");
    }

    /**
     * @param certs certificates
     * @return their subjects, for assertion messages
     */
    public static String describe(X509Certificate... certs) {
        StringBuilder sb = new StringBuilder();
        for (X509Certificate c : certs) {
            sb.append(c.getSubjectX500Principal()).append('\n');
        }
        return sb.toString();
    }
}
