package io.ocppsec.core.csr;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.spi.CertificateSigningRequest;
import io.ocppsec.core.cert.CryptoPolicy;
import io.ocppsec.core.csr.internal.inspect.Pkcs10Reader;
import io.ocppsec.core.internal.text.Printable;
import io.ocppsec.core.internal.x509.HostNames;
import io.ocppsec.core.internal.x509.X509Names;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * CSMS-side inspection of the CSR in a {@code SignCertificateRequest} before it goes to the certificate
 * authority (A02.FR.11/12, A03.FR.11/12; the CA itself is separate, A02.FR.04, A03.FR.04).
 *
 * <p>Checks, each reported with its requirement ID, all of them, not just the first:
 * <ul>
 *   <li>the PEM is at most {@value CertificateSigningRequest#MAX_PEM_LENGTH} characters (checked before
 *       parsing) and holds exactly one {@code CERTIFICATE REQUEST} block of a well-formed PKCS#10
 *       request whose signature verifies with the requested key — proof of possession (A02.FR.03,
 *       A03.FR.03);</li>
 *   <li>the subject has exactly one CN, equal to the serial number of the connected station, so that a
 *       station cannot obtain a certificate for another one, and that CN is not a URL or an IP address
 *       (A00.FR.511); exactly one O (A00.FR.509), equal to the CSO name (A00.FR.404);</li>
 *   <li>key strength and algorithms (A00.FR.501–504) and the CSR's signature algorithm (A00.FR.504, 506),
 *       through {@link CryptoPolicy};</li>
 *   <li>requested extensions: no dNSName / iPAddress / URI subjectAltName (A00.FR.511, SHALL NOT);
 *       advisory only, since the CA sets the extensions itself: an extendedKeyUsage (A00.FR.514) or CA
 *       powers (basicConstraints cA, keyCertSign / cRLSign; A00.FR.512).</li>
 * </ul>
 * Any input, however malformed, gives a {@link CsrInspection}; nothing is thrown except for null or
 * blank arguments. The same rules apply to {@code ChargingStationCertificate} and {@code V2GCertificate}
 * requests.
 *
 * <pre>{@code
 * CsrInspector inspector = CsrInspector.forOrganization("Example CSO");
 * CsrInspection inspection = inspector.inspect(csrPem, "CS-0001", CertificateSigningUse.CHARGING_STATION_CERTIFICATE);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CsrInspector {

    private static final String PEM_RULE = "one PEM-encoded PKCS#10 request (RFC 2986) of at most "
            + CertificateSigningRequest.MAX_PEM_LENGTH + " characters (A02.FR.03, A03.FR.03)";

    private final String csoName;

    private CsrInspector(String csoName) {
        this.csoName = csoName;
    }

    /**
     * @param csoOrganizationName the CSO name the O RDN must hold (the OrganizationName variable)
     * @return an inspector
     * @throws IllegalArgumentException for a blank name
     */
    public static CsrInspector forOrganization(String csoOrganizationName) {
        Objects.requireNonNull(csoOrganizationName, "csoOrganizationName");
        if (csoOrganizationName.isBlank()) {
            throw new IllegalArgumentException("The CSO organization name must not be blank");
        }
        return new CsrInspector(csoOrganizationName);
    }

    /**
     * @param csrPem {@code SignCertificateRequest.csr} as received
     * @param stationSerial the serial number of the connected station (bound to its connection identity)
     * @param certificateType {@code SignCertificateRequest.certificateType}
     * @return the inspection
     */
    public CsrInspection inspect(String csrPem, String stationSerial, CertificateSigningUse certificateType) {
        return inspect(csrPem, stationSerial, Optional.of(Objects.requireNonNull(certificateType, "certificateType")));
    }

    /**
     * @param csrPem {@code SignCertificateRequest.csr} as received
     * @param stationSerial the serial number of the connected station (bound to its connection identity)
     * @param certificateType {@code SignCertificateRequest.certificateType}, empty when absent
     * @return the inspection; never null
     * @throws IllegalArgumentException for a blank station serial
     */
    public CsrInspection inspect(String csrPem, String stationSerial, Optional<CertificateSigningUse> certificateType) {
        Objects.requireNonNull(csrPem, "csrPem");
        Objects.requireNonNull(stationSerial, "stationSerial");
        Objects.requireNonNull(certificateType, "certificateType");
        if (stationSerial.isBlank() || stationSerial.length() > CertificateSigningRequest.MAX_IDENTITY_LENGTH) {
            throw new IllegalArgumentException("stationSerial must hold 1 to "
                    + CertificateSigningRequest.MAX_IDENTITY_LENGTH + " characters");
        }
        ValidationResult.Builder r = ValidationResult.builder();
        // Schema limit, before any parsing.
        if (csrPem.isBlank() || csrPem.length() > CertificateSigningRequest.MAX_PEM_LENGTH) {
            r.add("A02.FR.03", RequirementLevel.SHALL, "a CSR of " + csrPem.length() + " characters", PEM_RULE);
            return rejected(r, certificateType);
        }
        Pkcs10Reader.Read read = Pkcs10Reader.read(csrPem);
        if (read.problem().isPresent()) {
            r.add("A02.FR.03", RequirementLevel.SHALL, read.problem().get(), PEM_RULE);
            return rejected(r, certificateType);
        }
        PKCS10CertificationRequest request = read.request().orElseThrow();
        Optional<PublicKey> key = checkKeyAndSignature(request, r);
        Optional<X500Principal> subject = checkSubject(request.getSubject(), stationSerial, r);
        checkRequestedExtensions(request, r);
        ValidationResult result = r.build();
        Optional<CertificateSigningRequest> forCa = result.isCompliant()
                ? Optional.of(CertificateSigningRequest.ofDer(read.der().orElseThrow(), certificateType, stationSerial))
                : Optional.empty();
        return new CsrInspection(result, subject, key, forCa, certificateType);
    }

    private static CsrInspection rejected(ValidationResult.Builder r, Optional<CertificateSigningUse> type) {
        return new CsrInspection(r.build(), Optional.empty(), Optional.empty(), Optional.empty(), type);
    }

    private static Optional<PublicKey> checkKeyAndSignature(PKCS10CertificationRequest request,
                                                            ValidationResult.Builder r) {
        String sigOid = request.getSignatureAlgorithm().getAlgorithm().getId();
        r.addAll(CryptoPolicy.checkSignatureAlgorithm(sigOid, false));
        PublicKey key;
        try {
            key = toJdkKey(new JcaPKCS10CertificationRequest(request).setProvider(Pkcs10Reader.BC).getPublicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            String alg = request.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm().getId();
            r.add("A00.FR.504", RequirementLevel.SHALL, "a public key that cannot be decoded (algorithm " + alg + ")",
                    "an RSA or EC public key");
            return Optional.empty();
        }
        r.addAll(CryptoPolicy.checkPublicKey(key));
        boolean valid;
        try {
            valid = request.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Pkcs10Reader.BC)
                    .build(request.getSubjectPublicKeyInfo()));
        } catch (Exception e) { // OperatorCreationException, PKCSException, or a runtime failure on hostile input
            valid = false;
        }
        if (!valid) {
            r.add("A02.FR.03", RequirementLevel.SHALL, "a CSR signature that does not verify with the requested key",
                    "a CSR signed with the private key of the requested public key (proof of possession, RFC 2986)");
        }
        return Optional.of(key);
    }

    private static PublicKey toJdkKey(PublicKey bcKey) {
        try {
            return KeyFactory.getInstance(bcKey.getAlgorithm()).generatePublic(new X509EncodedKeySpec(bcKey.getEncoded()));
        } catch (GeneralSecurityException | RuntimeException e) {
            return bcKey; // e.g. a curve the JDK no longer supports; the policy check still works on it
        }
    }

    private Optional<X500Principal> checkSubject(X500Name name, String stationSerial, ValidationResult.Builder r) {
        List<String> cns = X509Names.values(name, BCStyle.CN);
        String expectCn = "exactly one CN equal to the connected station's serial number "
                + shown(stationSerial) + " (a station must not obtain another station's certificate)";
        if (cns.size() != 1) {
            r.add("A00.FR.511", RequirementLevel.SHALL, cns.size() + " CN RDNs", expectCn);
        } else {
            String cn = cns.get(0);
            if (!cn.equals(stationSerial)) {
                r.add("A00.FR.511", RequirementLevel.SHALL, "CN " + shown(cn), expectCn);
            }
            HostNames.notASerialNumber(cn).ifPresent(what -> r.add("A00.FR.511", RequirementLevel.SHALL_NOT,
                    "CN " + shown(cn) + ", " + what, "a serial number that is neither a URL, an IP address nor a host name"));
        }
        List<String> os = X509Names.values(name, BCStyle.O);
        if (os.size() != 1) {
            r.add("A00.FR.509", RequirementLevel.SHALL, os.size() + " O RDNs",
                    "exactly one O RDN holding the CSO name " + shown(csoName));
        } else if (!os.get(0).equals(csoName)) {
            r.add("A00.FR.404", RequirementLevel.SHALL, "O " + shown(os.get(0)),
                    "O equal to the CSO name " + shown(csoName));
        }
        try {
            return Optional.of(new X500Principal(name.getEncoded()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void checkRequestedExtensions(PKCS10CertificationRequest request, ValidationResult.Builder r) {
        Extensions extensions;
        try {
            Attribute[] attrs = request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest);
            if (attrs.length == 0) {
                return;
            }
            if (attrs.length > 1 || attrs[0].getAttrValues().size() != 1) {
                r.add("A02.FR.03", RequirementLevel.SHALL, "more than one extension request",
                        "at most one extensionRequest attribute (RFC 2985)");
                return;
            }
            extensions = Extensions.getInstance(attrs[0].getAttrValues().getObjectAt(0));
        } catch (RuntimeException e) {
            r.add("A02.FR.03", RequirementLevel.SHALL, "a malformed extension request", "a well-formed PKCS#10 request");
            return;
        }
        try {
            checkSan(extensions.getExtensionParsedValue(Extension.subjectAlternativeName), r);
            if (extensions.getExtension(Extension.extendedKeyUsage) != null) {
                r.add("A00.FR.514", RequirementLevel.RECOMMENDED, "a requested extendedKeyUsage extension",
                        "no extendedKeyUsage (ISO 15118 compatibility); the CA does not copy it");
            }
            ASN1Encodable bc = extensions.getExtensionParsedValue(Extension.basicConstraints);
            if (bc != null && BasicConstraints.getInstance(bc).isCA()) {
                r.add("A00.FR.512", RequirementLevel.SHOULD, "a request for basicConstraints cA=true",
                        "an end-entity certificate; the CA does not copy requested extensions");
            }
            ASN1Encodable ku = extensions.getExtensionParsedValue(Extension.keyUsage);
            KeyUsage usage = ku == null ? null : KeyUsage.getInstance(ku);
            if (usage != null && (usage.hasUsages(KeyUsage.keyCertSign) || usage.hasUsages(KeyUsage.cRLSign))) {
                r.add("A00.FR.512", RequirementLevel.SHOULD, "a requested keyUsage with keyCertSign or cRLSign",
                        "a key usage restricted to what a station certificate does; the CA sets its own");
            }
        } catch (RuntimeException e) {
            r.add("A02.FR.03", RequirementLevel.SHALL, "a malformed requested extension", "a well-formed PKCS#10 request");
        }
    }

    private static void checkSan(ASN1Encodable san, ValidationResult.Builder r) {
        if (san == null) {
            return;
        }
        for (GeneralName n : GeneralNames.getInstance(san).getNames()) {
            int tag = n.getTagNo();
            if (tag == GeneralName.dNSName || tag == GeneralName.iPAddress || tag == GeneralName.uniformResourceIdentifier) {
                String kind = tag == GeneralName.dNSName ? "dNSName" : tag == GeneralName.iPAddress ? "iPAddress" : "URI";
                r.add("A00.FR.511", RequirementLevel.SHALL_NOT, "a requested subjectAltName " + kind,
                        "no dNSName, iPAddress or URI subjectAltName, so that station certificates cannot pass as CSMS ones");
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "CsrInspector{organization=" + shown(csoName) + "}";
    }

    /** @return a subject value quoted and shortened for a report; a value that is no string says so */
    private static String shown(String value) {
        return value.equals(X509Names.UNDECODABLE) ? "(not a string)" : Printable.quoted(value, 64);
    }
}
