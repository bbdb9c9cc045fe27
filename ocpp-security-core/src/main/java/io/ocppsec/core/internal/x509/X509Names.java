package io.ocppsec.core.internal.x509;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The one reader of CN and O values in the SDK: the certificate linter, the chain validator, the CSR inspector and
 * the TLS contexts all read a name through it, so they all see the same values. A value that is not a string, or
 * a string that cannot be decoded, reads as {@link #UNDECODABLE}, which equals no expected name.
 */
public final class X509Names {

    private X509Names() {
    }

    /**
     * @param cert a certificate
     * @return the values of the O RDNs of its subject, in order
     */
    public static List<String> organizations(X509Certificate cert) {
        return values(cert, BCStyle.O);
    }

    /**
     * @param cert a certificate
     * @return the values of the CN RDNs of its subject, in order
     */
    public static List<String> commonNames(X509Certificate cert) {
        return values(cert, BCStyle.CN);
    }

    /**
     * @param cert a certificate
     * @param type the attribute type
     * @return every value of that type in the subject (multi-valued RDNs included)
     */
    public static List<String> values(X509Certificate cert, ASN1ObjectIdentifier type) {
        return values(cert.getSubjectX500Principal().getEncoded(), type);
    }

    /**
     * @param name a distinguished name
     * @return its commonName values, in order
     */
    public static List<String> commonNames(X500Principal name) {
        return values(name.getEncoded(), BCStyle.CN);
    }

    /**
     * @param name a distinguished name
     * @return its organizationName values, in order
     */
    public static List<String> organizations(X500Principal name) {
        return values(name.getEncoded(), BCStyle.O);
    }

    /**
     * @param name a distinguished name (e.g. a CSR's subject)
     * @param type the attribute type
     * @return every value of that type (multi-valued RDNs included), {@link #UNDECODABLE} for one that is no string
     */
    public static List<String> values(X500Name name, ASN1ObjectIdentifier type) {
        byte[] encoded;
        try {
            encoded = name.getEncoded();
        } catch (java.io.IOException | RuntimeException e) {
            return List.of(UNDECODABLE);
        }
        return values(encoded, type);
    }

    /**
     * @param encoded the DER encoding of a Name
     * @param type the attribute type
     * @return every value of that type in order; empty for an encoding that is not a Name
     */
    public static List<String> values(byte[] encoded, ASN1ObjectIdentifier type) {
        List<String> fast = DerNames.values(encoded, type);
        return fast != null ? fast : valuesWithBouncyCastle(encoded, type);
    }

    /** Stands for a name value that is not a string or cannot be decoded; it never equals an expected CN or O. */
    public static final String UNDECODABLE = "\uFFFD(undecodable value)";

    /** The general reader, for names the small DER reader leaves aside (unusual string types, odd encodings). */
    static List<String> valuesWithBouncyCastle(byte[] encoded, ASN1ObjectIdentifier type) {
        List<String> out = new ArrayList<>();
        X500Name name;
        try {
            name = X500Name.getInstance(encoded);
        } catch (RuntimeException e) {
            return out;
        }
        try {
            for (RDN rdn : name.getRDNs()) {
                for (AttributeTypeAndValue tv : rdn.getTypesAndValues()) {
                    if (tv.getType().equals(type)) {
                        ASN1Encodable v = tv.getValue();
                        try {
                            out.add(v instanceof ASN1String ? ((ASN1String) v).getString() : UNDECODABLE);
                        } catch (RuntimeException badString) {
                            // e.g. a UTF8String that is not UTF-8 (found by fuzzing): it can equal no expected name
                            out.add(UNDECODABLE);
                        }
                    }
                }
            }
        } catch (RuntimeException malformedRdn) {
            out.add(UNDECODABLE);
        }
        return out;
    }

    /**
     * @param cert a certificate
     * @return the dNSName entries of its subjectAltName extension
     */
    public static List<String> dnsNames(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            var sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() >= 2 && Integer.valueOf(2).equals(san.get(0))) {
                        out.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (java.security.cert.CertificateParsingException | RuntimeException e) {
            out.add("(unparseable subjectAltName)");
        }
        return out;
    }
}
