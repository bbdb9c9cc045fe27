package io.ocppsec.core.store;

import io.ocppsec.api.message.CertificateSigningUse;
import java.util.Optional;

/**
 * Told when the certificate a station should use for one purpose changes: a new certificate reached
 * its notBefore (A02.FR.08), a newer one was installed (A02.FR.09), the active one expired or was
 * removed. A TLS key manager follows it to present the new certificate on the next handshake.
 */
@FunctionalInterface
public interface ActiveCertificateListener {

    /**
     * @param use the purpose whose certificate changed
     * @param active the certificate to use from now on, or empty when none is valid
     */
    void activeCertificateChanged(CertificateSigningUse use, Optional<StationCertificate> active);
}
