package io.ocppsec.tls;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.core.store.KeyHandle;
import io.ocppsec.core.store.StationCertificate;
import io.ocppsec.core.store.StationCertificateStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Charging Station certificate a {@link StationTlsContext} presents, read from the certificate store at every full
 * handshake: the store's active ChargingStationCertificate (valid now, the newest by notBefore, A02.FR.08/09), with the
 * private key its {@link KeyHandle} holds or, for an external (HSM/TPM) handle, the key the resolver returns for it.
 * The key material is built once per certificate (its key-pair check signs once) and reused until the store's
 * active certificate changes. Anything missing (no active certificate, no key for the handle, a key that does not
 * belong to the certificate) means no certificate is presented: the CSMS then refuses the handshake (fail closed),
 * and the reason is logged without the key.
 */
final class StoreClientCertificate implements Supplier<List<TlsKeyMaterial>> {

    static final CertificateSigningUse USE = CertificateSigningUse.CHARGING_STATION_CERTIFICATE;
    private static final System.Logger LOG = System.getLogger("io.ocppsec.tls");

    /** One converted certificate, kept while it is the active one. */
    private record Converted(X509Certificate leaf, String keyAlias, List<TlsKeyMaterial> material) {
    }

    private final StationCertificateStore store;
    private final Function<KeyHandle, Optional<PrivateKey>> externalKeys;
    private volatile Converted last;

    StoreClientCertificate(StationCertificateStore store, Function<KeyHandle, Optional<PrivateKey>> externalKeys) {
        this.store = Objects.requireNonNull(store, "store");
        this.externalKeys = Objects.requireNonNull(externalKeys, "externalKeys");
    }

    StationCertificateStore store() {
        return store;
    }

    @Override
    public List<TlsKeyMaterial> get() {
        Optional<StationCertificate> active = store.activeCertificate(USE);
        if (active.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "No valid ChargingStationCertificate in the certificate store; no "
                    + "client certificate is presented (A00.FR.402)");
            return List.of();
        }
        StationCertificate c = active.get();
        Converted seen = last;
        if (seen != null && seen.leaf().equals(c.leaf()) && seen.keyAlias().equals(c.key().alias())) {
            return seen.material();
        }
        Optional<PrivateKey> key = privateKey(c.key());
        if (key.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "No private key for the key handle ''{0}'' of the active "
                    + "ChargingStationCertificate {1}; no client certificate is presented", c.key().alias(),
                    c.leaf().getSubjectX500Principal());
            return List.of();
        }
        List<TlsKeyMaterial> material;
        try {
            material = List.of(TlsKeyMaterial.of(key.get(), c.chain()));
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "The key of handle ''{0}'' cannot present the active "
                    + "ChargingStationCertificate: {1}", c.key().alias(), e.getMessage());
            return List.of();
        }
        last = new Converted(c.leaf(), c.key().alias(), material);
        return material;
    }

    /**
     * @return whether the store's active certificate is no longer the one last presented (e.g. a renewed one reached
     *     its notBefore without a {@code refresh()}), so cached sessions should be dropped
     */
    boolean changedSinceLastHandshake() {
        Converted seen = last;
        Optional<X509Certificate> now = store.activeCertificate(USE).map(StationCertificate::leaf);
        return seen != null && !now.filter(seen.leaf()::equals).isPresent();
    }

    private Optional<PrivateKey> privateKey(KeyHandle handle) {
        Optional<PrivateKey> own = handle.privateKey();
        if (own.isPresent()) {
            return own;
        }
        try {
            return Objects.requireNonNullElse(externalKeys.apply(handle), Optional.empty());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "The key resolver failed for the key handle ''{0}'': {1}",
                    handle.alias(), e.getClass().getName());
            return Optional.empty();
        }
    }
}
