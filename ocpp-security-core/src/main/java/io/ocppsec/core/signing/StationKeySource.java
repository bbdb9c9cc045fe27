package io.ocppsec.core.signing;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.core.csr.CsrSigner;
import io.ocppsec.core.csr.GeneratedKeyPair;
import io.ocppsec.core.csr.KeyAlgorithm;
import io.ocppsec.core.store.KeyHandle;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Where the Charging Station gets the NEW key pair for each certificate signing request (A02.FR.02,
 * A03.FR.02). The default, {@link #inMemory(KeyAlgorithm, SecureRandom)}, generates a software key;
 * a station with an HSM, TPM or secure element implements this interface so that the private key is
 * generated and kept there and never leaves the station (A02.FR.05, A03.FR.05).
 *
 * <pre>{@code
 * StationKeySource hsm = (use, alias) -> {
 *     PublicKey pub = token.generateKeyPair(alias);                  // inside the HSM
 *     return new StationKeySource.StationKey(token.signer(alias), KeyHandle.external(alias));
 * };
 * }</pre>
 */
@FunctionalInterface
public interface StationKeySource {

    /**
     * Generates a new key pair.
     *
     * @param use the certificate the key is for
     * @param alias a fresh, non-secret alias under which the certificate store will know the key
     * @return the signer of the CSR and the handle the store keeps
     * @throws GeneralSecurityException when no key could be generated
     */
    StationKey newKey(CertificateSigningUse use, String alias) throws GeneralSecurityException;

    /**
     * A new key: what signs the CSR, and the handle stored with the certificate.
     *
     * @param signer signs the CSR with the new private key; its public key goes into the CSR
     * @param handle the handle of the same private key for the certificate store
     */
    record StationKey(CsrSigner signer, KeyHandle handle) {
        /** Checks for nulls. */
        public StationKey {
            Objects.requireNonNull(signer, "signer");
            Objects.requireNonNull(handle, "handle");
        }
    }

    /**
     * @param algorithm the key type (EC P-256 is the usual choice; a V2GCertificate needs EC)
     * @param random the CSPRNG
     * @return a source of in-memory software keys
     */
    static StationKeySource inMemory(KeyAlgorithm algorithm, SecureRandom random) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(random, "random");
        return (use, alias) -> {
            GeneratedKeyPair pair = GeneratedKeyPair.generate(algorithm, random);
            return new StationKey(pair, KeyHandle.inMemory(alias, pair.privateKeyForLocalUse()));
        };
    }
}
