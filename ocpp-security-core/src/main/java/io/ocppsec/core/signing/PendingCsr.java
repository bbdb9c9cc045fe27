package io.ocppsec.core.signing;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.core.store.KeyHandle;
import java.security.PublicKey;
import java.time.Instant;

/**
 * A CSR the station sent and waits for: the public key the certificate must carry and the handle of its
 * private key. Holds no private key in its {@link #toString()}.
 */
record PendingCsr(CertificateSigningUse use, PublicKey publicKey, KeyHandle key, Instant sentAt) {

    @Override
    public String toString() {
        return "PendingCsr[" + use.ocppValue() + ", key " + key.alias() + ", sent " + sentAt + "]";
    }
}
