package io.ocppsec.tls;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.core.internal.text.Printable;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The Charging Station identity proven by its TLS client certificate (security profile 3): the CN of
 * the verified certificate, which holds the station's serial number (A00.FR.405), and the chain. Get it
 * from {@link CsmsTlsContext#stationIdentity(javax.net.ssl.SSLSession)} after the handshake, then bind it
 * to the identity in the OCPP-J URL with {@link #checkIdentity(String)}.
 *
 * <pre>{@code
 * StationIdentity id = csms.stationIdentity(sslSession);
 * if (!id.checkIdentity(urlIdentity).isCompliant()) { closeConnection(); }
 * }</pre>
 *
 * @param commonName the CN of the station certificate
 * @param chain the verified chain, leaf first
 * @param verifiedAt when the chain was validated
 */
public record StationIdentity(String commonName, List<X509Certificate> chain, Instant verifiedAt) {

    /** Copies the chain. */
    public StationIdentity {
        Objects.requireNonNull(commonName, "commonName");
        chain = List.copyOf(chain);
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("chain must not be empty");
        }
    }

    /** @return the station certificate */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * Binds the certificate to the station that connects: the CN must equal the identity of the OCPP-J
     * URL (A00.FR.405; a unique certificate per station, A00.FR.427).
     *
     * @param urlIdentity the station identity taken from the connection URL
     * @return a violation of A00.FR.405 when they differ
     */
    public ValidationResult checkIdentity(String urlIdentity) {
        Objects.requireNonNull(urlIdentity, "urlIdentity");
        if (commonName.equals(urlIdentity)) {
            return ValidationResult.compliant();
        }
        return ValidationResult.of(Violation.of("A00.FR.405", RequirementLevel.SHALL,
                "certificate CN '" + commonName + "' for URL identity " + Printable.quoted(urlIdentity, 64),
                "the CN equal to the Charging Station identity / serial number").atChainIndex(0));
    }
}
