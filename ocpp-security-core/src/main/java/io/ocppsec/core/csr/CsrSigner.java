package io.ocppsec.core.csr;

import java.security.GeneralSecurityException;
import java.security.PublicKey;

/**
 * Signs a CSR with a private key that this SDK never sees: implement it over an HSM, a TPM, a PKCS#11
 * token or a secure element, so the key never leaves the station (A02.FR.05, A03.FR.05).
 * {@link GeneratedKeyPair} is the in-memory implementation.
 *
 * <pre>{@code
 * CsrSigner hsm = new CsrSigner() {
 *     public PublicKey publicKey() { return token.publicKey(); }
 *     public String signatureAlgorithm() { return "SHA256withECDSA"; }
 *     public byte[] sign(byte[] data) throws GeneralSecurityException { return token.sign(data); }
 * };
 * SigningRequest csr = CsrBuilder.forChargingStation("ACME CPO", "SN-0001").sign(hsm);
 * }</pre>
 */
public interface CsrSigner {

    /** @return the public key that goes into the CSR */
    PublicKey publicKey();

    /**
     * @return the JCA signature algorithm, e.g. {@code SHA256withECDSA}, {@code SHA384withECDSA},
     *     {@code SHA256withRSA}
     */
    String signatureAlgorithm();

    /**
     * @param data the DER of the CertificationRequestInfo
     * @return the signature in the encoding of the JCA algorithm (DER for ECDSA)
     * @throws GeneralSecurityException when the key store cannot sign
     */
    byte[] sign(byte[] data) throws GeneralSecurityException;
}
