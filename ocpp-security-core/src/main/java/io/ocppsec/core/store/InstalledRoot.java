package io.ocppsec.core.store;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * A root (trust anchor) certificate installed on the station.
 *
 * @param type which trust store it belongs to
 * @param certificate the CA certificate
 * @param installedAt when it was installed
 */
public record InstalledRoot(RootCertificateType type, X509Certificate certificate, Instant installedAt) {

    /** Checks for nulls. */
    public InstalledRoot {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(installedAt, "installedAt");
    }

    /**
     * @param at an instant
     * @return whether the certificate is within its validity period then
     */
    public boolean isValidAt(Instant at) {
        return !at.isBefore(certificate.getNotBefore().toInstant())
                && !at.isAfter(certificate.getNotAfter().toInstant());
    }

    @Override
    public String toString() {
        return "InstalledRoot[" + type.ocppValue() + ", subject=" + certificate.getSubjectX500Principal()
                + ", serial=" + certificate.getSerialNumber().toString(16) + "]";
    }
}
