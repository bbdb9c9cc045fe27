package io.ocppsec.core.firmware;

import java.security.GeneralSecurityException;

/**
 * Signs the digest of a firmware image. Implement it over an HSM or a signing service, so the private
 * key never enters the JVM; {@link FirmwareSigner#withPrivateKey(java.security.PrivateKey)} provides one
 * for a software key.
 *
 * <p>The result must be what {@code openssl dgst -<hash> -sign} writes: a DER ECDSA signature, or an RSA
 * PKCS#1 v1.5 (sign {@link FirmwareDigest#digestInfo(byte[])}, e.g. PKCS#11 {@code CKM_RSA_PKCS}) or
 * RSA-PSS signature.
 *
 * <pre>{@code
 * FirmwareDigestSigner hsm = (digest, hash) -> pkcs11.signEcdsaDer(keyHandle, hash);
 * FirmwareSignature sig = FirmwareSigner.with(hsm).build().sign(image);
 * }</pre>
 */
@FunctionalInterface
public interface FirmwareDigestSigner {

    /**
     * @param digest the hash algorithm of {@code hash}
     * @param hash the image digest
     * @return the signature bytes
     * @throws GeneralSecurityException when signing fails
     */
    byte[] signDigest(FirmwareDigest digest, byte[] hash) throws GeneralSecurityException;
}
