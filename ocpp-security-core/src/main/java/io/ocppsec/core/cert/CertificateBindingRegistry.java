package io.ocppsec.core.cert;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.core.internal.text.Printable;
import io.ocppsec.core.internal.x509.Fingerprints;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * CSMS-side enforcement of A00.FR.427 ("a unique Charging Station certificate SHALL be used for each Charging
 * Station"): remembers which station identity presented which certificate and public key, and refuses the same
 * certificate, or another certificate for the same key, presented by a different identity.
 *
 * <p>A station that renews its certificate (A02/A03) presents a new certificate with a new key under the same
 * identity: the binding moves to the new one. Thread-safe; at most {@link #capacity()} identities.
 *
 * <pre>{@code
 * ValidationResult r = registry.bind(stationIdentityFromUrl, clientCertificate);
 * if (!r.isCompliant()) { closeConnection(); }     // another station already uses this certificate or key
 * }</pre>
 */
public final class CertificateBindingRegistry {

    /** Default maximum number of station identities. */
    public static final int DEFAULT_CAPACITY = 10_000_000;

    private record Binding(String certificate, String key) {
    }

    private final int capacity;
    private final Map<String, Binding> byIdentity = new HashMap<>();
    private final Map<String, String> identityByCertificate = new HashMap<>();
    private final Map<String, String> identityByKey = new HashMap<>();

    /** A registry for up to {@link #DEFAULT_CAPACITY} stations. */
    public CertificateBindingRegistry() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * @param capacity the maximum number of station identities
     * @throws IllegalArgumentException when not positive
     */
    public CertificateBindingRegistry(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be > 0, was " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Binds the certificate to the identity unless another identity already holds it or its public key.
     *
     * @param stationIdentity the identity in the OCPP-J connection URL
     * @param certificate the client certificate the station presented
     * @return compliant when bound (or already bound to this identity); an A00.FR.427 violation otherwise, or
     *     when the registry is full
     */
    public synchronized ValidationResult bind(String stationIdentity, X509Certificate certificate) {
        Objects.requireNonNull(stationIdentity, "stationIdentity");
        Objects.requireNonNull(certificate, "certificate");
        String cert = Fingerprints.of(certificate);
        String key = Fingerprints.of(certificate.getPublicKey());
        String byCert = identityByCertificate.get(cert);
        String byKey = identityByKey.get(key);
        ValidationResult.Builder r = ValidationResult.builder();
        if (byCert != null && !byCert.equals(stationIdentity)) {
            r.add(Violation.of("A00.FR.427", RequirementLevel.SHALL, "certificate " + cert.substring(0, 16)
                    + "… already used by station '" + Printable.of(byCert) + "'",
                    "a unique certificate for station '" + Printable.of(stationIdentity) + "'"));
        } else if (byKey != null && !byKey.equals(stationIdentity)) {
            r.add(Violation.of("A00.FR.427", RequirementLevel.SHALL, "public key " + key.substring(0, 16)
                    + "… already certified for station '" + Printable.of(byKey) + "'",
                    "a unique key pair for station '" + Printable.of(stationIdentity) + "'"));
        }
        if (!r.isEmpty()) {
            return r.build();
        }
        Binding old = byIdentity.get(stationIdentity);
        if (old == null && byIdentity.size() >= capacity) {
            return ValidationResult.of(Violation.of("A00.FR.427", RequirementLevel.SHALL,
                    "registry full (" + capacity + " stations)", "room to record the station's certificate"));
        }
        if (old != null) {
            identityByCertificate.remove(old.certificate());
            identityByKey.remove(old.key());
        }
        byIdentity.put(stationIdentity, new Binding(cert, key));
        identityByCertificate.put(cert, stationIdentity);
        identityByKey.put(key, stationIdentity);
        return ValidationResult.compliant();
    }

    /**
     * @param certificate a certificate
     * @return the identity it is bound to
     */
    public synchronized Optional<String> boundIdentity(X509Certificate certificate) {
        return Optional.ofNullable(identityByCertificate.get(Fingerprints.of(Objects.requireNonNull(certificate,
                "certificate"))));
    }

    /**
     * Forgets a station, e.g. when it is decommissioned (its certificate should also be revoked).
     *
     * @param stationIdentity the identity
     * @return whether it was bound
     */
    public synchronized boolean unbind(String stationIdentity) {
        Binding old = byIdentity.remove(Objects.requireNonNull(stationIdentity, "stationIdentity"));
        if (old == null) {
            return false;
        }
        identityByCertificate.remove(old.certificate());
        identityByKey.remove(old.key());
        return true;
    }

    /** @return the number of bound identities */
    public synchronized int size() {
        return byIdentity.size();
    }

    /** @return the maximum number of identities */
    public int capacity() {
        return capacity;
    }
}
