package io.ocppsec.core.store;

import java.util.Optional;

/**
 * Where a {@link StationCertificateStore} keeps its state. {@link #save(StoreSnapshot)} must be atomic:
 * after a crash at any moment, {@link #load()} returns either the previous or the new snapshot.
 * {@link FileCertificateStorePersistence} is the file-based default; {@link #inMemory()} serves tests
 * and stations that re-provision on every boot.
 */
public interface CertificateStorePersistence {

    /**
     * @return the last saved snapshot, or empty when nothing was ever saved
     * @throws CertificateStoreException when the stored data cannot be read or is damaged
     */
    Optional<StoreSnapshot> load() throws CertificateStoreException;

    /**
     * Replaces the stored snapshot atomically.
     *
     * @param snapshot the new state
     * @throws CertificateStoreException when it could not be written; the previous state is then kept
     */
    void save(StoreSnapshot snapshot) throws CertificateStoreException;

    /** @return a persistence that keeps the snapshot in memory only (lost on restart) */
    static CertificateStorePersistence inMemory() {
        return new CertificateStorePersistence() {
            private volatile StoreSnapshot saved;

            @Override
            public Optional<StoreSnapshot> load() {
                return Optional.ofNullable(saved);
            }

            @Override
            public void save(StoreSnapshot snapshot) {
                saved = java.util.Objects.requireNonNull(snapshot, "snapshot");
            }

            @Override
            public String toString() {
                return "CertificateStorePersistence[in-memory]";
            }
        };
    }
}
