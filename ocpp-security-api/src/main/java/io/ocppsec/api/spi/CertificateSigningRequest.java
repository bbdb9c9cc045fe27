package io.ocppsec.api.spi;

import io.ocppsec.api.message.CertificateSigningUse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A certificate signing request on its way from the CSMS to a {@link CertificateAuthority}
 * (A02.FR.04, A03.FR.04): the PKCS#10 request in PEM as the station sent it in
 * {@code SignCertificateRequest.csr}, the certificate type it asked for, and the identity of the
 * connected station it came from.
 *
 * <p>The CSMS inspects the request (signature, subject bound to the station, key strength) before it
 * builds this value; a certificate authority may inspect it again.
 *
 * <pre>{@code
 * var request = new CertificateSigningRequest(csrPem, Optional.of(CertificateSigningUse.CHARGING_STATION_CERTIFICATE),
 *         "CS-0001");
 * ca.sign(request).thenAccept(chain -> sendCertificateSigned(chain, request.certificateType()));
 * }</pre>
 *
 * @param csrPem the PKCS#10 request in PEM ({@code -----BEGIN CERTIFICATE REQUEST-----}), at most
 *     {@value #MAX_PEM_LENGTH} characters as the OCPP schema allows
 * @param certificateType the requested certificate type; empty when the station left it out (the
 *     certificate is then for both the CSMS connection and ISO 15118)
 * @param stationIdentity the identity of the connected Charging Station (its serial number, as bound to
 *     the connection), never blank
 */
public record CertificateSigningRequest(String csrPem, Optional<CertificateSigningUse> certificateType,
                                        String stationIdentity) {

    /** Maximum length of {@code SignCertificateRequest.csr} in the OCPP 2.0.1 JSON schema. */
    public static final int MAX_PEM_LENGTH = 5500;

    /** Maximum length of a station identity (the identity of the connection URL, CiString48). */
    public static final int MAX_IDENTITY_LENGTH = 48;

    /**
     * @throws NullPointerException for a null component
     * @throws IllegalArgumentException for a blank or oversized PEM or identity
     */
    public CertificateSigningRequest {
        Objects.requireNonNull(csrPem, "csrPem");
        Objects.requireNonNull(certificateType, "certificateType");
        Objects.requireNonNull(stationIdentity, "stationIdentity");
        if (csrPem.isBlank() || csrPem.length() > MAX_PEM_LENGTH) {
            throw new IllegalArgumentException("csrPem must hold 1 to " + MAX_PEM_LENGTH
                    + " characters, had " + csrPem.length());
        }
        if (stationIdentity.isBlank() || stationIdentity.length() > MAX_IDENTITY_LENGTH) {
            throw new IllegalArgumentException("stationIdentity must hold 1 to " + MAX_IDENTITY_LENGTH
                    + " characters, had " + stationIdentity.length());
        }
    }

    /**
     * Wraps a DER-encoded PKCS#10 request.
     *
     * @param der the DER encoding of the request
     * @param certificateType the requested certificate type, if any
     * @param stationIdentity the identity of the connected station
     * @return the request with the DER encoded as PEM
     * @throws IllegalArgumentException when the PEM form would exceed {@value #MAX_PEM_LENGTH} characters
     */
    public static CertificateSigningRequest ofDer(byte[] der, Optional<CertificateSigningUse> certificateType,
                                                  String stationIdentity) {
        Objects.requireNonNull(der, "der");
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return new CertificateSigningRequest("-----BEGIN CERTIFICATE REQUEST-----\n" + body
                + "\n-----END CERTIFICATE REQUEST-----\n", certificateType, stationIdentity);
    }

    @Override
    public String toString() {
        return "CertificateSigningRequest{station=" + stationIdentity + ", certificateType="
                + certificateType.map(CertificateSigningUse::ocppValue).orElse("(absent)")
                + ", csrPem=" + csrPem.length() + " chars}";
    }
}
