package io.ocppsec.core.station.internal;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.message.StatusInfo;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one rule shared by the station's certificate handlers: on security profile 1 (no TLS) certificate
 * operations are refused with a clear status. The signing client refuses the two certificate triggers,
 * CertificateSigned and renewals; the certificate-store handler refuses InstallCertificate and
 * DeleteCertificate. Reading (GetInstalledCertificateIds) stays allowed.
 */
public final class CertificateOperationsGate {

    /** Reason code used when a certificate operation is refused on security profile 1. */
    public static final String REASON = "NotSupported";
    /** The additionalInfo of the refusal, and the message of a refused renewal. */
    public static final String INFO =
            "certificate operations are refused on security profile 1 (no TLS): upgrade the profile first";

    private static final CertificateOperationsGate OPEN = new CertificateOperationsGate(Optional.empty());

    private final Optional<Supplier<SecurityProfile>> profile;

    private CertificateOperationsGate(Optional<Supplier<SecurityProfile>> profile) {
        this.profile = profile;
    }

    /**
     * @param profile supplies the {@code SecurityCtrlr.SecurityProfile} in force, read on every message;
     *     empty when the integrator did not set it (then nothing is refused)
     * @return the gate
     */
    public static CertificateOperationsGate of(Optional<Supplier<SecurityProfile>> profile) {
        return Objects.requireNonNull(profile, "profile").isEmpty() ? OPEN : new CertificateOperationsGate(profile);
    }

    /** @return whether certificate operations are refused now (the station is on profile 1) */
    public boolean refuses() {
        return profile.map(p -> p.get() == SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH).orElse(false);
    }

    /** @return the statusInfo of a refused operation */
    public Optional<StatusInfo> refusal() {
        return Optional.of(new StatusInfo(REASON, Optional.of(INFO)));
    }

    /** @throws IllegalStateException when certificate operations are refused now */
    public void requireOpen() {
        if (refuses()) {
            throw new IllegalStateException(INFO);
        }
    }
}
