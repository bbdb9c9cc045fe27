package io.ocppsec.core.store;

import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link StationCertificateStore} persists: its client certificates and its roots.
 * Immutable.
 *
 * @param clientCertificates the station's client certificates, all uses
 * @param roots the installed root certificates, all types
 */
public record StoreSnapshot(List<StationCertificate> clientCertificates, List<InstalledRoot> roots) {

    /** An empty snapshot. */
    public static final StoreSnapshot EMPTY = new StoreSnapshot(List.of(), List.of());

    /** Copies the lists. */
    public StoreSnapshot {
        clientCertificates = List.copyOf(Objects.requireNonNull(clientCertificates, "clientCertificates"));
        roots = List.copyOf(Objects.requireNonNull(roots, "roots"));
    }
}
