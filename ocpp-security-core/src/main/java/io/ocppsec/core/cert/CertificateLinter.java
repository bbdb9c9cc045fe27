package io.ocppsec.core.cert;

import io.ocppsec.api.requirement.RequirementId;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.internal.text.Printable;
import io.ocppsec.core.internal.x509.HostNames;
import io.ocppsec.core.internal.x509.X509Names;
import java.math.BigInteger;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Checks the properties of one certificate against "Certificate Properties" of OCPP 2.0.1 Part 2 for its
 * {@link CertificateRole}, reporting every violation (chain indices are added by the caller, e.g.
 * {@link OcppChainValidator}). It judges the certificate alone: signatures, validity at an instant and the
 * path are the validator's job.
 *
 * <ul>
 *   <li>key strength and algorithms via {@link CryptoPolicy} (A00.FR.501–506);</li>
 *   <li>a positive serial number (A00.FR.508);</li>
 *   <li>an O RDN (A00.FR.509), equal to the expected owner when given ({@link LintOptions#expectedOrganization()}:
 *       A00.FR.404 for Charging Station certificates, A00.FR.509 otherwise);</li>
 *   <li>CSMS: CN is an FQDN (A00.FR.510); dNSName SANs are allowed;</li>
 *   <li>Charging Station: a CN (the serial number) that is not a URL, an IP address or a host name
 *       (A00.FR.511, SHALL NOT); no dNSName SAN (A00.FR.511 note, SHOULD NOT);</li>
 *   <li>keyUsage present and fitting the role (A00.FR.512, SHOULD): digitalSignature and no keyCertSign on leaves,
 *       keyCertSign on CAs;</li>
 *   <li>no extendedKeyUsage (A00.FR.514, RECOMMENDED);</li>
 *   <li>CA roles: basicConstraints cA=TRUE and, when keyUsage is present, keyCertSign (RFC 5280 path validation;
 *       reported under {@link LintOptions#caStructureRequirement()});</li>
 *   <li>with {@link LintOptions#fastExpiration()}: a CSMS certificate valid for more than 24 hours (A00.FR.701,
 *       SHOULD).</li>
 * </ul>
 *
 * <pre>{@code
 * ValidationResult r = CertificateLinter.lint(cert, CertificateRole.CHARGING_STATION,
 *         LintOptions.builder().expectedOrganization("Example CSO").build());
 * }</pre>
 */
public final class CertificateLinter {

    /** Longest validity of a fast-expiring CSMS certificate (A00.FR.701 Note 1). */
    public static final Duration FAST_EXPIRATION_MAX = Duration.ofHours(24);

    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;

    private CertificateLinter() {
    }

    /**
     * @param cert the certificate
     * @param role the role it is meant to play
     * @return every violation, with the default options
     */
    public static ValidationResult lint(X509Certificate cert, CertificateRole role) {
        return lint(cert, role, LintOptions.defaults());
    }

    /**
     * @param cert the certificate
     * @param role the role it is meant to play
     * @param options expectations and optional policies
     * @return every violation (without chain index)
     */
    public static ValidationResult lint(X509Certificate cert, CertificateRole role, LintOptions options) {
        Objects.requireNonNull(cert, "cert");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(options, "options");
        ValidationResult.Builder r = ValidationResult.builder();
        // A00.FR.501-504 key, A00.FR.504-506 signature algorithm: every certificate is signed by a CA.
        r.addAll(CryptoPolicy.checkPublicKey(cert.getPublicKey()));
        r.addAll(CryptoPolicy.checkSignatureAlgorithm(cert.getSigAlgOID(), true));
        checkSerial(cert, r);
        checkOrganization(cert, role, options, r);
        switch (role) {
            case CSMS:
                checkCsmsName(cert, r);
                checkFastExpiration(cert, options, r);
                break;
            case CHARGING_STATION:
                checkStationName(cert, r);
                break;
            default:
                break;
        }
        checkKeyUsage(cert, role, options, r);
        checkExtendedKeyUsage(cert, r);
        return r.build();
    }

    /** A00.FR.508: RFC 5280 requires a positive integer. */
    private static void checkSerial(X509Certificate cert, ValidationResult.Builder r) {
        BigInteger serial = cert.getSerialNumber();
        if (serial == null || serial.signum() <= 0) {
            r.add("A00.FR.508", RequirementLevel.SHALL, "serial number " + serial, "a positive serial number");
        }
    }

    private static void checkOrganization(X509Certificate cert, CertificateRole role, LintOptions options,
                                          ValidationResult.Builder r) {
        List<String> orgs = X509Names.organizations(cert);
        if (orgs.stream().allMatch(String::isBlank)) { // A00.FR.509
            r.add("A00.FR.509", RequirementLevel.SHALL, "no O (organizationName) RDN in the subject",
                    "an O RDN with the organisation name of the certificate owner");
            return;
        }
        if (options.expectedOrganization().isPresent()) {
            String expected = options.expectedOrganization().get();
            if (!orgs.contains(expected)) {
                // A00.FR.404: the CSMS checks that a station certificate's O is the CSO name.
                String id = role == CertificateRole.CHARGING_STATION ? "A00.FR.404" : "A00.FR.509";
                r.add(id, RequirementLevel.SHALL, "O=" + printable(orgs), "O=" + Printable.of(expected));
            }
        }
    }

    /** A00.FR.510. */
    private static void checkCsmsName(X509Certificate cert, ValidationResult.Builder r) {
        List<String> cns = X509Names.commonNames(cert);
        if (cns.isEmpty()) {
            r.add("A00.FR.510", RequirementLevel.SHALL, "no CN (commonName) RDN", "CN = the FQDN of the CSMS endpoint");
            return;
        }
        for (String cn : cns) {
            if (!HostNames.isFqdn(cn)) {
                r.add("A00.FR.510", RequirementLevel.SHALL, "CN=" + Printable.of(cn),
                        "CN = the FQDN of the CSMS endpoint (e.g. csms.example.com; no IP address, URL or wildcard)");
            }
        }
    }

    /** A00.FR.511. */
    private static void checkStationName(X509Certificate cert, ValidationResult.Builder r) {
        List<String> cns = X509Names.commonNames(cert);
        if (cns.stream().allMatch(String::isBlank)) {
            r.add("A00.FR.511", RequirementLevel.SHALL, "no CN (commonName) RDN",
                    "CN = the unique serial number of the Charging Station");
        }
        for (String cn : cns) {
            HostNames.notASerialNumber(cn).ifPresent(what -> r.add("A00.FR.511", RequirementLevel.SHALL_NOT,
                    "CN=" + Printable.of(cn) + " (" + what + ")",
                    "CN = the Charging Station serial number, not a URL, IP address or host name"));
        }
        List<String> dns = X509Names.dnsNames(cert);
        if (!dns.isEmpty()) {
            r.add("A00.FR.511", RequirementLevel.SHOULD_NOT, "subjectAltName dNSName " + printable(dns),
                    "no dNSName subjectAltName on a Charging Station certificate (RFC 2818 would make it the identity)");
        }
    }

    /** A00.FR.701 with Note 1: "valid for a short period, less than 24 hours". */
    private static void checkFastExpiration(X509Certificate cert, LintOptions options, ValidationResult.Builder r) {
        if (!options.fastExpiration()) {
            return;
        }
        Duration validity = Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
        if (validity.compareTo(FAST_EXPIRATION_MAX) > 0) {
            r.add("A00.FR.701", RequirementLevel.SHOULD, "CSMS certificate valid for " + describe(validity),
                    "fast expiration: valid for at most 24 hours");
        }
    }

    private static void checkKeyUsage(X509Certificate cert, CertificateRole role, LintOptions options,
                                      ValidationResult.Builder r) {
        boolean[] ku = cert.getKeyUsage();
        if (role.isCa()) {
            RequirementId caId = options.caStructureRequirement().orElse(RequirementId.of(
                    role.hierarchy() == CertificateRole.Hierarchy.CSO ? "A00.FR.403" : "A00.FR.604"));
            if (cert.getBasicConstraints() < 0) { // RFC 5280 4.2.1.9 / 6.1.4 (k)
                r.add(io.ocppsec.api.requirement.Violation.of(caId, RequirementLevel.SHALL,
                        "a CA certificate without basicConstraints cA=TRUE", "basicConstraints cA=TRUE"));
            }
            if (ku == null) {
                r.add("A00.FR.512", RequirementLevel.SHOULD, "no keyUsage extension", "keyUsage keyCertSign (and cRLSign)");
            } else if (!bit(ku, KEY_CERT_SIGN)) { // RFC 5280 6.1.4 (n)
                r.add(io.ocppsec.api.requirement.Violation.of(caId, RequirementLevel.SHALL,
                        "a CA certificate whose keyUsage lacks keyCertSign", "keyUsage keyCertSign"));
            }
            return;
        }
        if (ku == null) {
            r.add("A00.FR.512", RequirementLevel.SHOULD, "no keyUsage extension",
                    "keyUsage restricting the key to its use (digitalSignature)");
            return;
        }
        boolean signs = bit(ku, DIGITAL_SIGNATURE) || (role == CertificateRole.FIRMWARE_SIGNING && bit(ku, NON_REPUDIATION));
        if (!signs) {
            r.add("A00.FR.512", RequirementLevel.SHOULD, "keyUsage without digitalSignature",
                    "keyUsage digitalSignature for a " + role + " certificate");
        }
        if (bit(ku, KEY_CERT_SIGN) || bit(ku, CRL_SIGN) || cert.getBasicConstraints() >= 0) {
            r.add("A00.FR.512", RequirementLevel.SHOULD, "an end-entity certificate usable as a CA "
                            + "(keyCertSign/cRLSign or basicConstraints cA=TRUE)",
                    "usage restricted to the " + role + " role (no keyCertSign, cRLSign, cA=TRUE)");
        }
    }

    /** A00.FR.514. */
    private static void checkExtendedKeyUsage(X509Certificate cert, ValidationResult.Builder r) {
        List<String> eku;
        try {
            eku = cert.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            eku = List.of("(unparseable)");
        }
        if (eku != null && !eku.isEmpty()) {
            r.add("A00.FR.514", RequirementLevel.RECOMMENDED, "extendedKeyUsage " + eku,
                    "no extendedKeyUsage extension (ISO 15118 compatibility)");
        }
    }

    private static boolean bit(boolean[] ku, int i) {
        return ku.length > i && ku[i];
    }

    private static String printable(List<String> values) {
        return values.stream().map(Printable::of).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private static String describe(Duration d) {
        return d.toHours() >= 48 ? d.toDays() + " days" : d.toHours() + " hours";
    }
}
