package io.ocppsec.core.revocation.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Builds OCSP requests and finds the responder URL of a certificate. */
public final class OcspRequests {

    /** Largest number of AIA entries looked at, against hostile certificates. */
    private static final int MAX_AIA_ENTRIES = 16;

    private OcspRequests() {
    }

    /**
     * A request ready to send.
     *
     * @param der its DER encoding
     * @param certId the certificate ID it asks about
     * @param nonceExtensionValue the encoded nonce extension value sent, if any
     */
    public record Built(byte[] der, CertificateID certId, Optional<byte[]> nonceExtensionValue) {
    }

    /** @return a digest calculator provider on the Bouncy Castle provider of this package */
    static DigestCalculatorProvider digests() throws OperatorCreationException {
        return new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build();
    }

    /**
     * @param certificate the certificate asked about
     * @param issuer its issuer
     * @param hash the CertID hash algorithm (SHA-1 is the interoperable default; it is an identifier
     *     here, not a signature)
     * @param nonce the nonce to send, if any
     * @return the request
     * @throws IOException when the request cannot be built
     */
    public static Built build(X509Certificate certificate, X509Certificate issuer, AlgorithmIdentifier hash,
                              Optional<byte[]> nonce) throws IOException {
        try {
            CertificateID id = certificateId(issuer, certificate.getSerialNumber(), hash);
            OCSPReqBuilder b = new OCSPReqBuilder().addRequest(id);
            Optional<byte[]> nonceValue = nonce.map(n -> encodeOctets(n));
            if (nonceValue.isPresent()) {
                b.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                        false, nonceValue.get())));
            }
            return new Built(b.build().getEncoded(), id, nonceValue);
        } catch (OCSPException | OperatorCreationException | CertificateEncodingException e) {
            throw new IOException("cannot build the OCSP request: " + e.getMessage(), e);
        }
    }

    static CertificateID certificateId(X509Certificate issuer, BigInteger serial, AlgorithmIdentifier hash)
            throws OCSPException, OperatorCreationException, CertificateEncodingException {
        return new CertificateID(digests().get(hash), new JcaX509CertificateHolder(issuer), serial);
    }

    private static byte[] encodeOctets(byte[] n) {
        try {
            return new DEROctetString(n).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the OCSP responder URLs (http or https) from the Authority Information Access extension.
     *
     * @param certificate the certificate
     * @return the URLs, in the order listed; empty when there is none or the extension is malformed
     */
    public static List<URI> responderUrls(X509Certificate certificate) {
        byte[] ext = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        List<URI> urls = new ArrayList<>();
        if (ext == null) {
            return urls;
        }
        try {
            AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                    ASN1OctetString.getInstance(ext).getOctets());
            AccessDescription[] descriptions = aia.getAccessDescriptions();
            for (int i = 0; i < descriptions.length && i < MAX_AIA_ENTRIES; i++) {
                AccessDescription d = descriptions[i];
                GeneralName location = d.getAccessLocation();
                if (!AccessDescription.id_ad_ocsp.equals(d.getAccessMethod())
                        || location.getTagNo() != GeneralName.uniformResourceIdentifier) {
                    continue;
                }
                String s = DERIA5String.getInstance(location.getName()).getString();
                URI uri = new URI(s);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    urls.add(uri);
                }
            }
        } catch (IllegalArgumentException | IllegalStateException | URISyntaxException e) {
            return List.of();
        }
        return urls;
    }

    /**
     * @param uri a responder URL
     * @return the URL without user info, query or fragment, for messages (never leaks credentials)
     */
    public static String describe(URI uri) {
        StringBuilder sb = new StringBuilder();
        sb.append(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            sb.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            sb.append(uri.getRawPath());
        }
        String s = sb.toString();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
