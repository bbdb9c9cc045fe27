package io.ocppsec.core.csr.internal.inspect;

import java.security.Provider;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Reads one PKCS#10 request from PEM without trusting it: exactly one {@code CERTIFICATE REQUEST} (or
 * {@code NEW CERTIFICATE REQUEST}) block, strict Base64, DER that parses completely.
 */
public final class Pkcs10Reader {

    /** The Bouncy Castle provider of the inspector; never registered globally. */
    public static final Provider BC = new BouncyCastleProvider();

    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]{1,40})-----");
    private static final Pattern BLOCK = Pattern.compile(
            "\\A\\s*-----BEGIN (NEW )?CERTIFICATE REQUEST-----\\r?\\n([A-Za-z0-9+/=\\r\\n]+?)"
                    + "-----END (NEW )?CERTIFICATE REQUEST-----\\s*\\z");

    private Pkcs10Reader() {
    }

    /**
     * The outcome of reading: a request, or why there is none.
     *
     * @param request the parsed request, if any
     * @param der its DER encoding, if any
     * @param problem why the input is not one well-formed request, if it is not
     */
    public record Read(Optional<PKCS10CertificationRequest> request, Optional<byte[]> der, Optional<String> problem) {
        static Read failed(String problem) {
            return new Read(Optional.empty(), Optional.empty(), Optional.of(problem));
        }
    }

    /**
     * @param pem the PEM text, already checked against the length limit
     * @return the request or the problem; never throws for bad input
     */
    public static Read read(String pem) {
        Matcher begins = BEGIN.matcher(pem);
        int blocks = 0;
        String firstLabel = null;
        while (begins.find()) {
            blocks++;
            if (firstLabel == null) {
                firstLabel = begins.group(1);
            }
        }
        if (blocks == 0) {
            return Read.failed("no PEM block");
        }
        if (blocks > 1) {
            return Read.failed(blocks + " PEM blocks");
        }
        Matcher m = BLOCK.matcher(pem);
        if (!m.matches()) {
            return Read.failed(firstLabel.endsWith("CERTIFICATE REQUEST")
                    ? "a malformed CERTIFICATE REQUEST PEM block" : "a PEM block labelled '" + firstLabel + "'");
        }
        if ((m.group(1) == null) != (m.group(3) == null)) {
            return Read.failed("mismatched BEGIN/END labels");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(m.group(2).replaceAll("[\\r\\n]", ""));
        } catch (IllegalArgumentException e) {
            return Read.failed("invalid Base64 in the PEM block");
        }
        if (der.length == 0) {
            return Read.failed("an empty PEM block");
        }
        try {
            PKCS10CertificationRequest request = new PKCS10CertificationRequest(der);
            // Bouncy Castle parses the subject's RDNs lazily; a malformed one would throw later (found by fuzzing).
            for (RDN rdn : request.getSubject().getRDNs()) {
                for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                    Objects.requireNonNull(atv.getType(), "type");
                }
            }
            return new Read(Optional.of(request), Optional.of(der), Optional.empty());
        } catch (java.io.IOException | RuntimeException e) {
            return Read.failed("data that is not a PKCS#10 request (" + e.getClass().getSimpleName() + ")");
        }
    }
}
