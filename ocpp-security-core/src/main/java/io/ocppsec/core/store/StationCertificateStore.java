package io.ocppsec.core.store;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.HashAlgorithm;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.core.cert.ChainValidationResult;
import io.ocppsec.core.cert.ChainValidator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Charging Station's certificate store: its client certificates per {@link CertificateSigningUse}
 * with their {@link KeyHandle}s, and its installed root certificates per {@link RootCertificateType}.
 *
 * <p>Selection follows A02/A03: a certificate is used as soon as the clock is past its notBefore
 * (A02.FR.08 / A03.FR.08); among several valid ones the newest by notBefore wins (A02.FR.09 / A03.FR.09,
 * and per root for V2G: A02.FR.15 / A03.FR.15); an older one stays as fallback until the newer one has
 * been {@linkplain #confirmWorking confirmed working} for the fallback period (default 30 days,
 * A02.FR.10 / A03.FR.10), then it is discarded. {@link #renewalDue} says when the active certificate
 * expires within the renewal window (default 30 days, A03.FR.02) so the station starts A03.
 *
 * <p>State is an immutable snapshot behind an {@link AtomicReference}: reads are lock-free, and every
 * change is persisted before it becomes visible. Time comes from the injected {@link Clock}; nothing
 * here schedules: call {@link #refresh()} at {@link #nextChangeAt} (or periodically) to prune and notify
 * listeners. {@link #activeCertificateSupplier} is always current, with or without {@code refresh()}.
 *
 * <pre>{@code
 * StationCertificateStore store = StationCertificateStore.builder(persistence).clock(clock).build();
 * ClientInstallResult r = store.installClientCertificate(CHARGING_STATION_CERTIFICATE, chain,
 *         KeyHandle.external("hsm:cs-2026"), chainValidator);
 * Supplier<Optional<StationCertificate>> forTls = store.activeCertificateSupplier(CHARGING_STATION_CERTIFICATE);
 * if (store.renewalDue(CHARGING_STATION_CERTIFICATE)) { startA03(); }
 * }</pre>
 */
public final class StationCertificateStore {

    /** Default fallback period for a superseded certificate: one month, as A02.FR.10 recommends. */
    public static final Duration DEFAULT_FALLBACK_PERIOD = Duration.ofDays(30);
    /** Default renewal window: "will expire in one month" (A03.FR.02). */
    public static final Duration DEFAULT_RENEWAL_WINDOW = Duration.ofDays(30);
    /** Default capacity (the {@code CertificateEntries} maxLimit). */
    public static final int DEFAULT_MAX_ENTRIES = 64;

    private static final System.Logger LOG = System.getLogger(StationCertificateStore.class.getName());

    private final CertificateStorePersistence persistence;
    private final Clock clock;
    private final Duration fallbackPeriod;
    private final Duration renewalWindow;
    private final int maxEntries;
    private final AtomicReference<StoreSnapshot> state;
    private final Map<CertificateSigningUse, Optional<X509Certificate>> published = new EnumMap<>(CertificateSigningUse.class);
    private final List<ActiveCertificateListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    private StationCertificateStore(Builder b, StoreSnapshot loaded) {
        this.persistence = b.persistence;
        this.clock = b.clock;
        this.fallbackPeriod = b.fallbackPeriod;
        this.renewalWindow = b.renewalWindow;
        this.maxEntries = b.maxEntries;
        this.state = new AtomicReference<>(loaded);
        for (CertificateSigningUse use : CertificateSigningUse.values()) {
            published.put(use, activeCertificate(use).map(StationCertificate::leaf));
        }
    }

    /**
     * @param persistence where the store keeps its state
     * @return a builder
     */
    public static Builder builder(CertificateStorePersistence persistence) {
        return new Builder(persistence);
    }

    // ---------------------------------------------------------------- client certificates

    /**
     * Installs a signed client certificate (the chain of a {@code CertificateSignedRequest}) with the
     * handle of the key its CSR was made from. The caller's {@code validator} checks period, properties
     * and hierarchy (A02.FR.06 / A03.FR.06); it is asked at the later of now and the leaf's notBefore, so
     * a certificate that becomes valid in the future is stored and used from its notBefore (A02.FR.08).
     * The store itself refuses an expired leaf. When not accepted, nothing is stored: the caller discards
     * it and raises {@code InvalidChargingStationCertificate} (A02.FR.07 / A03.FR.07).
     *
     * @param use what the certificate is for
     * @param chain leaf first, as received
     * @param key the handle of the leaf's private key
     * @param validator the chain and property check to apply
     * @return whether it was stored, with every violation found
     * @throws CertificateStoreException when it could not be persisted (the store is then unchanged)
     */
    public ClientInstallResult installClientCertificate(CertificateSigningUse use, List<X509Certificate> chain,
                                                        KeyHandle key, ChainValidator validator)
            throws CertificateStoreException {
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(validator, "validator");
        Optional<ValidationResult> size = chainSizeProblem(chain.size());
        if (size.isPresent()) {
            return new ClientInstallResult(false, size.get());
        }
        Instant now = clock.instant();
        Instant notBefore = chain.get(0).getNotBefore().toInstant();
        ChainValidationResult validated = Objects.requireNonNull(
                validator.validate(List.copyOf(chain), notBefore.isAfter(now) ? notBefore : now), "validation result");
        if (validated.leaf().isPresent() && !validated.leaf().get().equals(chain.get(0))) {
            // The key handle belongs to chain.get(0): storing another validated certificate with it would pair a
            // certificate with a key that is not its own.
            return new ClientInstallResult(false, validated.result().and(ValidationResult.of(Violation.of("A02.FR.06",
                    RequirementLevel.SHALL, "the validator validated another certificate than the first of the chain",
                    "the chain's first certificate validated as its leaf").atChainIndex(0))));
        }
        return installClientCertificate(use, validated, key);
    }

    /**
     * Installs the path of a chain validation that was already made (e.g. by {@code SignedCertificateCheck}, which
     * found the leaf in a chain of any order and checked it against the pending CSR's key): the certificates stored
     * and later presented in TLS are exactly the validated path, leaf first, never other certificates of the
     * received chain. The store itself refuses an expired leaf.
     *
     * @param use what the certificate is for
     * @param validated the validation of the chain; only a compliant one is stored
     * @param key the handle of the leaf's private key
     * @return whether it was stored, with every violation found
     * @throws CertificateStoreException when it could not be persisted (the store is then unchanged)
     */
    public ClientInstallResult installClientCertificate(CertificateSigningUse use, ChainValidationResult validated,
                                                        KeyHandle key) throws CertificateStoreException {
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(validated, "validated");
        Objects.requireNonNull(key, "key");
        if (!validated.isCompliant()) {
            return new ClientInstallResult(false, validated.result());
        }
        List<X509Certificate> chain = validated.path();
        Optional<ValidationResult> size = chainSizeProblem(chain.size());
        if (size.isPresent()) {
            return new ClientInstallResult(false, size.get().and(validated.result()));
        }
        Instant now = clock.instant();
        X509Certificate leaf = chain.get(0);
        ValidationResult.Builder own = ValidationResult.builder();
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            own.add("A02.FR.06", RequirementLevel.SHALL, "a certificate that expired at " + leaf.getNotAfter().toInstant(),
                    "a certificate valid now or in the future");
        }
        ValidationResult result = own.build().and(validated.result());
        if (!result.isCompliant()) {
            return new ClientInstallResult(false, result);
        }
        synchronized (lock) {
            StoreSnapshot s = state.get();
            if (s.clientCertificates().stream().anyMatch(c -> c.use() == use && c.leaf().equals(leaf))) {
                return new ClientInstallResult(true, result);
            }
            List<StationCertificate> clients = new ArrayList<>(s.clientCertificates());
            clients.add(new StationCertificate(use, chain, key, now, Optional.empty()));
            commit(new StoreSnapshot(Selection.prune(clients, now, fallbackPeriod), s.roots()));
        }
        return new ClientInstallResult(true, result);
    }

    /**
     * @param use the purpose
     * @return the certificate to use now: valid now and the newest by notBefore (A02.FR.08/09, A03.FR.08/09)
     */
    public Optional<StationCertificate> activeCertificate(CertificateSigningUse use) {
        return Selection.active(state.get().clientCertificates(), Objects.requireNonNull(use, "use"), clock.instant());
    }

    /**
     * @param use the purpose (normally V2GCertificate)
     * @return the newest valid certificate per root, newest first (A02.FR.15 / A03.FR.15)
     */
    public List<StationCertificate> activeCertificatesPerRoot(CertificateSigningUse use) {
        return Selection.activePerRoot(state.get().clientCertificates(), Objects.requireNonNull(use, "use"),
                clock.instant());
    }

    /**
     * @param use the purpose
     * @return the certificate kept as fallback: the next newest valid one of the active one's root (A02.FR.10)
     */
    public Optional<StationCertificate> fallbackCertificate(CertificateSigningUse use) {
        return Selection.fallback(state.get().clientCertificates(), Objects.requireNonNull(use, "use"), clock.instant());
    }

    /**
     * @param use the purpose
     * @return every stored certificate of that purpose, including future and fallback ones
     */
    public List<StationCertificate> clientCertificates(CertificateSigningUse use) {
        return List.copyOf(Selection.ofUse(state.get().clientCertificates(), Objects.requireNonNull(use, "use")));
    }

    /**
     * A live view for a TLS key manager: each {@code get()} reads the current snapshot and clock,
     * without locking.
     *
     * @param use the purpose
     * @return a supplier of the active certificate
     */
    public Supplier<Optional<StationCertificate>> activeCertificateSupplier(CertificateSigningUse use) {
        Objects.requireNonNull(use, "use");
        return () -> activeCertificate(use);
    }

    /**
     * @param use the purpose
     * @return whether a certificate of that purpose is valid now (A05.FR.03 asks this for
     *     ChargingStationCertificate)
     */
    public boolean hasValidClientCertificate(CertificateSigningUse use) {
        return activeCertificate(use).isPresent();
    }

    /**
     * Records that a connection with the active certificate(s) of {@code use} worked; from then on the
     * fallback period of the older ones runs (A02.FR.10 / A03.FR.10). Idempotent.
     *
     * @param use the purpose
     * @throws CertificateStoreException when it could not be persisted
     */
    public void confirmWorking(CertificateSigningUse use) throws CertificateStoreException {
        Objects.requireNonNull(use, "use");
        synchronized (lock) {
            Instant now = clock.instant();
            StoreSnapshot s = state.get();
            List<StationCertificate> active = Selection.activePerRoot(s.clientCertificates(), use, now);
            List<StationCertificate> clients = new ArrayList<>();
            boolean changed = false;
            for (StationCertificate c : s.clientCertificates()) {
                boolean isActive = active.stream().anyMatch(a -> a.sameLeaf(c) && a.use() == c.use());
                if (isActive && c.confirmedWorkingAt().isEmpty()) {
                    clients.add(c.confirmedAt(now));
                    changed = true;
                } else {
                    clients.add(c);
                }
            }
            if (changed) {
                commit(new StoreSnapshot(Selection.prune(clients, now, fallbackPeriod), s.roots()));
            }
        }
    }

    /**
     * @param use the purpose
     * @return whether every stored certificate of that purpose expires within the renewal window, so the
     *     station should start A03 (generate a new key pair and send a SignCertificateRequest, A03.FR.02);
     *     false when none is stored (then A02, triggered by the CSMS, is the way in)
     */
    public boolean renewalDue(CertificateSigningUse use) {
        Instant now = clock.instant();
        return renewalDueAt(use).map(t -> !now.isBefore(t)).orElse(false);
    }

    /**
     * @param use the purpose
     * @return when renewal becomes due: the latest notAfter of the stored, unexpired certificates minus
     *     the renewal window; empty when none is stored
     */
    public Optional<Instant> renewalDueAt(CertificateSigningUse use) {
        return Selection.renewalDueAt(state.get().clientCertificates(), Objects.requireNonNull(use, "use"),
                clock.instant(), renewalWindow);
    }

    /**
     * @param use the purpose
     * @return the next instant at which the active certificate or the stored set changes by time alone
     *     (a notBefore reached, a notAfter passed, a fallback period over): when to call {@link #refresh()}
     */
    public Optional<Instant> nextChangeAt(CertificateSigningUse use) {
        return Selection.nextChange(state.get().clientCertificates(), Objects.requireNonNull(use, "use"),
                clock.instant(), fallbackPeriod);
    }

    /**
     * Applies the passage of time: discards expired certificates and fallbacks whose period is over
     * (A02.FR.10), and tells the listeners when an active certificate changed (A02.FR.08).
     *
     * @throws CertificateStoreException when a pruned state could not be persisted
     */
    public void refresh() throws CertificateStoreException {
        synchronized (lock) {
            StoreSnapshot s = state.get();
            List<StationCertificate> kept = Selection.prune(s.clientCertificates(), clock.instant(), fallbackPeriod);
            if (kept.size() != s.clientCertificates().size()) {
                commit(new StoreSnapshot(kept, s.roots()));
            } else {
                publish();
            }
        }
    }

    /**
     * @param listener told when an active certificate changes (on a change made here or by {@link #refresh()})
     */
    public void addListener(ActiveCertificateListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * @param listener a listener added before
     */
    public void removeListener(ActiveCertificateListener listener) {
        listeners.remove(listener);
    }

    // ---------------------------------------------------------------- roots

    private static Optional<ValidationResult> chainSizeProblem(int size) {
        if (size == 0 || size > StationCertificate.MAX_CHAIN_LENGTH) {
            return Optional.of(ValidationResult.of(Violation.of("A02.FR.06", RequirementLevel.SHALL,
                    "a chain of " + size + " certificates", "1.." + StationCertificate.MAX_CHAIN_LENGTH
                            + " certificates, leaf first")));
        }
        return Optional.empty();
    }

    /**
     * Installs a root certificate. Only CA certificates are accepted (basicConstraints cA=TRUE and
     * keyUsage keyCertSign), valid now. Installing the same certificate again is accepted and changes
     * nothing. Self-signed is not required, so an operator may pin an intermediate.
     *
     * @param type the trust store
     * @param certificate the CA certificate
     * @return the outcome
     * @throws CertificateStoreException when it could not be persisted
     */
    public RootInstallResult installRoot(RootCertificateType type, X509Certificate certificate)
            throws CertificateStoreException {
        return installRoot(type, certificate, (chain, at) -> ChainValidationResult.of(chain, ValidationResult.compliant()));
    }

    /**
     * Like {@link #installRoot(RootCertificateType, X509Certificate)}, with an extra property check
     * (e.g. the project's certificate linter for the root's role) asked at the current instant.
     *
     * @param type the trust store
     * @param certificate the CA certificate
     * @param propertyCheck asked with a one-element chain; a SHALL broken rejects the certificate
     * @return the outcome
     * @throws CertificateStoreException when it could not be persisted
     */
    public RootInstallResult installRoot(RootCertificateType type, X509Certificate certificate,
                                         ChainValidator propertyCheck) throws CertificateStoreException {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(propertyCheck, "propertyCheck");
        Instant now = clock.instant();
        if (certificate.getBasicConstraints() < 0) {
            return RootInstallResult.REJECTED_NOT_A_CA;
        }
        boolean[] ku = certificate.getKeyUsage();
        if (ku == null || ku.length < 6 || !ku[5]) {
            return RootInstallResult.REJECTED_NO_KEY_CERT_SIGN;
        }
        InstalledRoot root = new InstalledRoot(type, certificate, now);
        if (!root.isValidAt(now)) {
            return RootInstallResult.REJECTED_NOT_VALID_NOW;
        }
        if (!propertyCheck.validate(List.of(certificate), now).isCompliant()) {
            return RootInstallResult.REJECTED_PROPERTY_CHECK;
        }
        synchronized (lock) {
            StoreSnapshot s = state.get();
            if (s.roots().stream().anyMatch(r -> r.type() == type && r.certificate().equals(certificate))) {
                return RootInstallResult.ACCEPTED;
            }
            if (s.roots().size() + s.clientCertificates().size() >= maxEntries) {
                return RootInstallResult.FAILED_STORE_FULL;
            }
            List<InstalledRoot> roots = new ArrayList<>(s.roots());
            roots.add(root);
            commit(new StoreSnapshot(s.clientCertificates(), roots));
        }
        return RootInstallResult.ACCEPTED;
    }

    /**
     * @param type the trust store
     * @return the installed roots of that type, valid or not
     */
    public List<InstalledRoot> roots(RootCertificateType type) {
        Objects.requireNonNull(type, "type");
        return state.get().roots().stream().filter(r -> r.type() == type).collect(Collectors.toUnmodifiableList());
    }

    /**
     * @param type the trust store
     * @return the certificates of that type valid now, e.g. the trust anchors of the station's TLS client
     */
    public List<X509Certificate> trustAnchors(RootCertificateType type) {
        Instant now = clock.instant();
        return roots(type).stream().filter(r -> r.isValidAt(now)).map(InstalledRoot::certificate)
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * @param type the trust store
     * @return whether a root of that type is valid now (A05.FR.02 asks this for CSMSRootCertificate)
     */
    public boolean hasValidRoot(RootCertificateType type) {
        return !trustAnchors(type).isEmpty();
    }

    /**
     * @param type the trust store
     * @param algorithm the hash to use
     * @return the hash data of every installed root of that type (for GetInstalledCertificateIds)
     */
    public List<CertificateHash> rootHashes(RootCertificateType type, HashAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        StoreSnapshot s = state.get();
        List<CertificateHash> out = new ArrayList<>();
        for (InstalledRoot r : roots(type)) {
            HashMatcher.issuerKey(r.certificate(), List.of(), s)
                    .ifPresent(k -> out.add(CertificateHash.of(r.certificate(), k, algorithm)));
        }
        return List.copyOf(out);
    }

    /**
     * Deletes the certificate the hash data names (M04 DeleteCertificate). The active client
     * certificate of any purpose cannot be deleted.
     *
     * @param hash issuer name hash, issuer key hash and serial number
     * @return the outcome
     * @throws CertificateStoreException when the deletion could not be persisted
     */
    public DeleteResult deleteCertificate(CertificateHash hash) throws CertificateStoreException {
        Objects.requireNonNull(hash, "hash");
        synchronized (lock) {
            Instant now = clock.instant();
            StoreSnapshot s = state.get();
            for (InstalledRoot r : s.roots()) {
                if (HashMatcher.matches(hash, r.certificate(), List.of(), s)) {
                    List<InstalledRoot> roots = new ArrayList<>(s.roots());
                    roots.remove(r);
                    commit(new StoreSnapshot(s.clientCertificates(), roots));
                    return DeleteResult.ACCEPTED;
                }
            }
            for (StationCertificate c : s.clientCertificates()) {
                if (HashMatcher.matches(hash, c.leaf(), c.chain().subList(1, c.chain().size()), s)) {
                    boolean active = Selection.activePerRoot(s.clientCertificates(), c.use(), now).stream()
                            .anyMatch(a -> a.sameLeaf(c))
                            || Selection.active(s.clientCertificates(), c.use(), now).filter(a -> a.sameLeaf(c)).isPresent();
                    if (active) {
                        return DeleteResult.FAILED_ACTIVE_CLIENT_CERTIFICATE;
                    }
                    List<StationCertificate> clients = new ArrayList<>(s.clientCertificates());
                    clients.remove(c);
                    commit(new StoreSnapshot(clients, s.roots()));
                    return DeleteResult.ACCEPTED;
                }
            }
            return DeleteResult.NOT_FOUND;
        }
    }

    /** @return the number of stored certificates, roots and client certificates together */
    public int size() {
        StoreSnapshot s = state.get();
        return s.roots().size() + s.clientCertificates().size();
    }

    /** @return the current state (immutable) */
    public StoreSnapshot snapshot() {
        return state.get();
    }

    // ---------------------------------------------------------------- internals

    private void commit(StoreSnapshot next) throws CertificateStoreException {
        persistence.save(next);   // persisted first: a failed write leaves the visible state unchanged
        state.set(next);
        publish();
    }

    private void publish() {
        for (CertificateSigningUse use : CertificateSigningUse.values()) {
            Optional<StationCertificate> now = activeCertificate(use);
            Optional<X509Certificate> leaf = now.map(StationCertificate::leaf);
            if (!leaf.equals(published.get(use))) {
                published.put(use, leaf);
                for (ActiveCertificateListener l : listeners) {
                    try {
                        l.activeCertificateChanged(use, now);
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "An active-certificate listener failed", e);
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        StoreSnapshot s = state.get();
        return "StationCertificateStore[" + s.clientCertificates().size() + " client certificates, "
                + s.roots().size() + " roots, " + persistence + "]";
    }

    /** Builds a {@link StationCertificateStore}. */
    public static final class Builder {
        private final CertificateStorePersistence persistence;
        private Clock clock = Clock.systemUTC();
        private Duration fallbackPeriod = DEFAULT_FALLBACK_PERIOD;
        private Duration renewalWindow = DEFAULT_RENEWAL_WINDOW;
        private int maxEntries = DEFAULT_MAX_ENTRIES;

        private Builder(CertificateStorePersistence persistence) {
            this.persistence = Objects.requireNonNull(persistence, "persistence");
        }

        /**
         * @param clock the time source (tests inject a controllable one)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param period how long an older certificate is kept after a newer one was confirmed working
         *     (zero or more; A02.FR.10 recommends one month)
         * @return this builder
         */
        public Builder fallbackPeriod(Duration period) {
            if (Objects.requireNonNull(period, "period").isNegative()) {
                throw new IllegalArgumentException("fallbackPeriod must not be negative");
            }
            this.fallbackPeriod = period;
            return this;
        }

        /**
         * @param window renewal is due when the certificate expires within this window (positive;
         *     A03.FR.02 says one month)
         * @return this builder
         */
        public Builder renewalWindow(Duration window) {
            if (Objects.requireNonNull(window, "window").isNegative() || window.isZero()) {
                throw new IllegalArgumentException("renewalWindow must be positive");
            }
            this.renewalWindow = window;
            return this;
        }

        /**
         * @param max the most certificates stored (the {@code CertificateEntries} capacity), 1..10000
         * @return this builder
         */
        public Builder maxEntries(int max) {
            if (max < 1 || max > 10_000) {
                throw new IllegalArgumentException("maxEntries must be 1..10000, was " + max);
            }
            this.maxEntries = max;
            return this;
        }

        /**
         * Loads the persisted state and returns the store.
         *
         * @return the store
         * @throws CertificateStoreException when the persisted state cannot be read
         */
        public StationCertificateStore build() throws CertificateStoreException {
            return new StationCertificateStore(this, persistence.load().orElse(StoreSnapshot.EMPTY));
        }
    }
}
