package io.ocppsec.core.csr;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.core.internal.x509.HostNames;
import java.io.IOException;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Builds the PKCS#10 CSR a Charging Station sends in {@code SignCertificateRequest} (A02, A03).
 *
 * <ul>
 *   <li>{@link #generate()} makes a <em>new</em> key pair for every CSR (A02.FR.02, A03.FR.02): EC P-256 by
 *       default, P-384 or RSA 2048/3072 on request, from the injected {@link SecureRandom}.
 *       {@link #sign(CsrSigner)} uses a key held elsewhere (HSM, TPM, PKCS#11), so the private key never
 *       leaves it (A02.FR.05, A03.FR.05).</li>
 *   <li>Subject: optional C, then O = the {@code OrganizationName} variable, CN = the station's serial number
 *       (A00.FR.509, A00.FR.511); no subjectAltName.</li>
 *   <li>A critical keyUsage extension request (A00.FR.512): digitalSignature for an EC
 *       ChargingStationCertificate, plus keyEncipherment for RSA, plus keyAgreement for a V2G (SECC)
 *       certificate. No extendedKeyUsage (A00.FR.514).</li>
 *   <li>PEM of at most 5500 characters (the schema limit of {@code csr}); the signature is checked against
 *       the public key before the CSR is returned, so a faulty external signer is caught here (A02.FR.03,
 *       A03.FR.03).</li>
 * </ul>
 *
 * <pre>{@code
 * GeneratedCsr csr = CsrBuilder.forChargingStation(organizationName, serialNumber)
 *         .keyAlgorithm(KeyAlgorithm.EC_P256)
 *         .random(secureRandom)
 *         .generate();
 * send(new SignCertificateRequest(csr.request().pem(), Optional.of(csr.request().use())));
 * keep(csr.keyPair());   // until CertificateSigned arrives
 * }</pre>
 * Not thread-safe; build one CSR per builder or per thread.
 */
public final class CsrBuilder {

    /** Upper bound of O and CN (X.520 ub-organization-name and ub-common-name). */
    public static final int MAX_RDN_LENGTH = 64;

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final CertificateSigningUse use;
    private final String organizationName;
    private final String serialNumber;
    private Optional<String> country = Optional.empty();
    private KeyAlgorithm keyAlgorithm = KeyAlgorithm.EC_P256;
    private SecureRandom random;

    private CsrBuilder(CertificateSigningUse use, String organizationName, String serialNumber) {
        this.use = Objects.requireNonNull(use, "use");
        this.organizationName = checkRdn("organizationName (O)", organizationName);
        this.serialNumber = checkRdn("serial number (CN)", serialNumber);
        Optional<String> notSerial = HostNames.notASerialNumber(serialNumber);
        if (notSerial.isPresent()) {
            throw new IllegalArgumentException("The CN of a Charging Station certificate must be its serial number, "
                    + "not a URL, an IP address or a host name; this is " + notSerial.get() + " (A00.FR.511)");
        }
    }

    /**
     * @param use which certificate is requested
     * @param organizationName the {@code OrganizationName} configuration variable (the O RDN)
     * @param serialNumber the station's unique serial number (the CN RDN)
     * @return a builder
     * @throws IllegalArgumentException for an empty or over-long name, or a CN that looks like a URL or IP
     */
    public static CsrBuilder forUse(CertificateSigningUse use, String organizationName, String serialNumber) {
        return new CsrBuilder(use, organizationName, serialNumber);
    }

    /**
     * @param organizationName the O RDN
     * @param serialNumber the CN RDN
     * @return a builder for a {@code ChargingStationCertificate}
     */
    public static CsrBuilder forChargingStation(String organizationName, String serialNumber) {
        return forUse(CertificateSigningUse.CHARGING_STATION_CERTIFICATE, organizationName, serialNumber);
    }

    /**
     * @param country an ISO 3166 alpha-2 code in upper case, e.g. {@code NL}
     * @return this builder
     */
    public CsrBuilder country(String country) {
        Objects.requireNonNull(country, "country");
        if (!COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("country must be two upper-case letters (ISO 3166 alpha-2)");
        }
        this.country = Optional.of(country);
        return this;
    }

    /**
     * @param keyAlgorithm the type of the new key pair; a V2GCertificate needs an EC key
     * @return this builder
     */
    public CsrBuilder keyAlgorithm(KeyAlgorithm keyAlgorithm) {
        this.keyAlgorithm = Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
        return this;
    }

    /**
     * @param random the CSPRNG for the key pair; default a new {@link SecureRandom}
     * @return this builder
     */
    public CsrBuilder random(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * Generates a new key pair and a CSR for it (A02.FR.02, A03.FR.02).
     *
     * @return the CSR and its key pair
     * @throws CsrException when generation or signing fails
     */
    public GeneratedCsr generate() throws CsrException {
        GeneratedKeyPair pair;
        try {
            pair = GeneratedKeyPair.generate(keyAlgorithm, random != null ? random : new SecureRandom());
        } catch (GeneralSecurityException e) {
            throw new CsrException("Could not generate a " + keyAlgorithm + " key pair", e);
        }
        return new GeneratedCsr(sign(pair), pair);
    }

    /**
     * Builds a CSR for a key held by the signer.
     *
     * @param signer the key holder
     * @return the CSR
     * @throws CsrException when the key is too weak or of the wrong type, or signing fails
     */
    public SigningRequest sign(CsrSigner signer) throws CsrException {
        Objects.requireNonNull(signer, "signer");
        PublicKey key = Objects.requireNonNull(signer.publicKey(), "signer.publicKey()");
        checkKey(key);
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        country.ifPresent(c -> name.addRDN(BCStyle.C, c));
        name.addRDN(BCStyle.O, organizationName);
        name.addRDN(BCStyle.CN, serialNumber);
        X500Name subject = name.build();
        try {
            ExtensionsGenerator ext = new ExtensionsGenerator();
            ext.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage(key)));
            JcaPKCS10CertificationRequestBuilder b = new JcaPKCS10CertificationRequestBuilder(subject, key);
            b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
            PKCS10CertificationRequest csr = b.build(new SignerAdapter(signer));
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw new CsrException("The signer's signature does not verify with its public key", null);
            }
            String pem = pem(csr);
            if (pem.length() > SigningRequest.MAX_PEM_LENGTH) {
                throw new CsrException("The CSR PEM has " + pem.length() + " characters; SignCertificateRequest.csr "
                        + "allows at most " + SigningRequest.MAX_PEM_LENGTH, null);
            }
            return new SigningRequest(pem, use);
        } catch (SignerAdapter.SigningFailed e) {
            throw new CsrException("The signer failed to sign the CSR", e.getCause());
        } catch (IllegalArgumentException e) {
            throw new CsrException("Unsupported signature algorithm for a CSR", e);
        } catch (IOException | OperatorCreationException | PKCSException e) {
            throw new CsrException("Could not build the CSR", e);
        }
    }

    private int keyUsage(PublicKey key) {
        int usage = KeyUsage.digitalSignature;
        if (key instanceof RSAPublicKey) {
            usage |= KeyUsage.keyEncipherment;
        } else if (use == CertificateSigningUse.V2G_CERTIFICATE) {
            usage |= KeyUsage.keyAgreement; // ISO 15118-2 SECC certificate: ECDH key agreement
        }
        return usage;
    }

    private void checkKey(PublicKey key) throws CsrException {
        if (key instanceof RSAPublicKey) {
            int bits = ((RSAPublicKey) key).getModulus().bitLength();
            if (bits < 2048) {
                throw new CsrException("An RSA key of " + bits + " bits; at least 2048 are required (A00.FR.502)", null);
            }
            if (use == CertificateSigningUse.V2G_CERTIFICATE) {
                throw new CsrException("A V2GCertificate needs an EC key (ISO 15118-2: secp256r1)", null);
            }
        } else if (key instanceof ECPublicKey) {
            int bits = ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize();
            if (bits < 224) {
                throw new CsrException("An EC key of " + bits + " bits; at least 224 are required (A00.FR.503)", null);
            }
        } else {
            throw new CsrException("Unsupported key type " + key.getAlgorithm() + "; use EC or RSA", null);
        }
    }

    private static String pem(PKCS10CertificationRequest csr) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(csr);
        }
        return out.toString();
    }

    private static String checkRdn(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.length() > MAX_RDN_LENGTH) {
            throw new IllegalArgumentException("The " + what + " must have 1 to " + MAX_RDN_LENGTH
                    + " characters, had " + value.length());
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The " + what + " must not contain control characters");
        }
        return value;
    }
}
