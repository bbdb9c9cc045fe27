package io.ocppsec.core.cert;

import static io.ocppsec.core.cert.ChainCheck.requireHost;
import static io.ocppsec.core.cert.ChainCheck.requireText;

import io.ocppsec.api.requirement.RequirementId;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.spi.RevocationSource;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The OCPP chain validator: RFC 5280 section 6 path validation to the roots of ONE hierarchy at a given
 * instant, plus the {@link CertificateLinter} on every certificate of the path, plus the role's identity
 * checks and (optionally) online revocation, combined into one {@link ChainValidationResult} that also names the
 * validated path.
 *
 * <pre>{@code
 * // Charging Station checking the CSMS (A00.FR.308/309, A00.FR.411/412)
 * ChainValidator csms = OcppChainValidator.forCsmsCertificate(TrustAnchors.cso(root), "csms.example.com");
 * // CSMS checking a Charging Station (A00.FR.403/404/405, A00.FR.702/705)
 * OcppChainValidator.StationCertificates station = OcppChainValidator
 *         .stationBuilder(TrustAnchors.cso(root), "Example CSO").revocationSource(ocsp).build();
 * ChainValidationResult r = station.withExpectedSerialNumber("CS-0001").validate(peerChain, Instant.now());
 * X509Certificate validated = r.leaf().orElseThrow();   // peerChain.get(0): the certificate whose key is proven
 * }</pre>
 *
 * <p>Each role has its own validator and builder type, so an option of another role does not compile:
 * {@link StationCertificates} / {@link StationBuilder} (Charging Station certificates, checked by the CSMS:
 * {@link StationBuilder#expectedSerialNumber(String) expectedSerialNumber}), {@link CsmsCertificates} /
 * {@link CsmsBuilder} (CSMS certificates, checked by the station: {@link CsmsBuilder#expectedFqdn(String)
 * expectedFqdn}, {@link CsmsBuilder#allowSubjectAltNameMatch(boolean) allowSubjectAltNameMatch}) and
 * {@link FirmwareSigningCertificates} / {@link FirmwareSigningBuilder}. The options all roles share are on
 * {@link Builder}, which {@link #toBuilder()} returns for a validator of any role.
 *
 * <p>The certificate validated is the first of the chain (the certificate whose key a TLS peer or a firmware
 * signature proves); the certificates after it may come in any order and with or without the root. Only a validator
 * built with {@link Builder#chainOrder(ChainOrder) chainOrder(ANY)} looks for the leaf elsewhere. The path is built
 * by issuer name and key identifier matching, then validated per RFC 5280 section 6 (revocation off): signatures, name chaining,
 * basicConstraints and pathLen, keyUsage keyCertSign, name constraints, policies and unknown critical extensions,
 * by the JDK PKIX validator. The validity of every certificate (and of the anchor) is
 * checked here so that all expired certificates are reported, not just the first. Path failures are reported under the role's path requirement: A00.FR.308 (CSMS certificate, checked
 * by the station; the same rule as A00.FR.411 in profile 3), A00.FR.403 (Charging Station certificate),
 * A00.FR.604 (firmware signing certificate: reported as SHALL, because a firmware certificate that does not
 * chain to the Manufacturer root is refused outright, whatever the SHOULD of A00.FR.604 says about who runs
 * the CA).
 *
 * <p>Instances are immutable and thread-safe. Each keeps a bounded cache, shared by the copies made with
 * {@code with…} and {@link #toBuilder()} (unless its size is changed), of complete results (path, lint and identity
 * checks), keyed by the SHA-256 of the chain's encodings in order, the trust anchors and the options, and used
 * only at instants inside the common validity window of the chain and its root
 * ({@link Builder#resultCacheSize(int)}). Revocation is never part of a cached result: the revocation source
 * (with its own cache and TTL) is asked on every validation that passes all other checks, about the leaf and about
 * every CA certificate of the path below the anchor that it {@linkplain RevocationSource#answersFor answers for}.
 */
public abstract sealed class OcppChainValidator implements ChainValidator {

    /** Default capacity of the cache of complete results. */
    public static final int DEFAULT_RESULT_CACHE_SIZE = 1024;
    /** Default capacity of the revocation cache. */
    public static final int DEFAULT_REVOCATION_CACHE_SIZE = 10_000;
    /** Default longest time a revocation answer is cached (shortened by its nextUpdate). */
    public static final Duration DEFAULT_REVOCATION_CACHE_TTL = Duration.ofMinutes(5);

    /** The settings and caches, and the checks that {@link #validate(List, Instant)} runs. */
    private final ChainCheck check;
    private final Clock clock;

    private OcppChainValidator(Builder<?, ?> b) {
        this.check = new ChainCheck(b.anchors, new ChainCheck.Options(b.role, b.pathRequirement, b.expectedFqdn,
                b.expectedOrganization, b.expectedSerialNumber, b.fastExpiration, b.allowSubjectAltNameMatch,
                b.order), b.revocation, b.results);
        this.clock = b.clock;
    }

    /**
     * The Charging Station's check of the CSMS server certificate: path to the CSO roots (A00.FR.308, A00.FR.411)
     * and CN = the CSMS FQDN the station connects to (A00.FR.309, A00.FR.412), plus the CSMS certificate
     * properties (A00.FR.501–512, 514).
     *
     * @param cso the CSO roots (CSMSRootCertificate)
     * @param expectedFqdn the host name of the CSMS URL
     * @return the validator
     * @throws IllegalArgumentException when the anchors are not of the CSO hierarchy or the FQDN is malformed
     */
    public static CsmsCertificates forCsmsCertificate(TrustAnchors cso, String expectedFqdn) {
        String host = requireHost(expectedFqdn);
        return csmsBuilder(cso).expectedFqdn(host).build();
    }

    /**
     * The Charging Station's check of the CSMS server certificate when the host is only known per connection
     * (a TLS client that takes it from SNI or the peer address): the same checks as
     * {@link #forCsmsCertificate(TrustAnchors, String)}, but until a host is bound with
     * {@link CsmsCertificates#withExpectedFqdn(String)} every chain fails A00.FR.309 ("no CSMS FQDN to compare the CN with"),
     * so an unbound validator can never accept a CSMS certificate by accident.
     *
     * @param cso the CSO roots (CSMSRootCertificate)
     * @return the validator, bound to no host
     * @throws IllegalArgumentException when the anchors are not of the CSO hierarchy
     */
    public static CsmsCertificates forCsmsCertificate(TrustAnchors cso) {
        return csmsBuilder(cso).build();
    }

    /**
     * The options of a CSMS-certificate validator (the Charging Station's check of its CSMS): the common ones
     * and {@link CsmsBuilder#expectedFqdn(String)}, {@link CsmsBuilder#allowSubjectAltNameMatch(boolean)}.
     *
     * @param cso the CSO roots (CSMSRootCertificate)
     * @return a builder bound to no host (see {@link #forCsmsCertificate(TrustAnchors)})
     * @throws IllegalArgumentException when the anchors are not of the CSO hierarchy
     */
    public static CsmsBuilder csmsBuilder(TrustAnchors cso) {
        return new CsmsBuilder(cso);
    }

    /**
     * The CSMS name check of A00.FR.309/412 on its own, for callers that validate the path with another
     * {@link ChainValidator}: the commonName equals the FQDN (case-insensitive, a trailing dot ignored, no
     * wildcards); optionally a dNSName subjectAltName equal to the FQDN is accepted when no CN matches.
     *
     * @param leaf the CSMS certificate
     * @param fqdn the host of the CSMS URL
     * @param allowSubjectAltName whether a matching dNSName is enough when the CN differs
     * @return compliant, or one A00.FR.309 violation showing the names found
     */
    public static ValidationResult checkCsmsName(X509Certificate leaf, String fqdn, boolean allowSubjectAltName) {
        Objects.requireNonNull(leaf, "leaf");
        Objects.requireNonNull(fqdn, "fqdn");
        return ChainCheck.csmsName(leaf, fqdn, allowSubjectAltName);
    }

    /**
     * The CSMS's check of a Charging Station client certificate: path to the CSO roots (A00.FR.403), O = the CSO
     * name (A00.FR.404), optionally CN = the station's serial number (A00.FR.405, see
     * {@link StationCertificates#withExpectedSerialNumber(String)}), the station certificate properties, and optional
     * online revocation (A00.FR.702, A00.FR.705; see {@link Builder#revocationSource(RevocationSource)}).
     *
     * @param cso the CSO roots
     * @param csoOrganizationName the CSO name the O RDN must equal
     * @return the validator
     * @throws IllegalArgumentException when the anchors are not of the CSO hierarchy or the name is blank
     */
    public static StationCertificates forChargingStationCertificate(TrustAnchors cso, String csoOrganizationName) {
        return stationBuilder(cso, csoOrganizationName).build();
    }

    /**
     * The options of a Charging-Station-certificate validator (the CSMS's check of its stations): the common ones
     * and {@link StationBuilder#expectedSerialNumber(String)}.
     *
     * @param cso the CSO roots
     * @param csoOrganizationName the CSO name the O RDN must equal (A00.FR.404)
     * @return a builder
     * @throws IllegalArgumentException when the anchors are not of the CSO hierarchy or the name is blank
     */
    public static StationBuilder stationBuilder(TrustAnchors cso, String csoOrganizationName) {
        return new StationBuilder(cso, csoOrganizationName);
    }

    /**
     * The check of a firmware signing certificate: path to the Manufacturer roots only (A00.FR.604), and the
     * certificate properties.
     *
     * @param manufacturer the Manufacturer roots (ManufacturerRootCertificate)
     * @return the validator
     * @throws IllegalArgumentException when the anchors are not of the Manufacturer hierarchy
     */
    public static FirmwareSigningCertificates forFirmwareSigningCertificate(TrustAnchors manufacturer) {
        return firmwareSigningBuilder(manufacturer).build();
    }

    /**
     * The options of a firmware-signing-certificate validator: the common ones.
     *
     * @param manufacturer the Manufacturer roots (ManufacturerRootCertificate)
     * @return a builder
     * @throws IllegalArgumentException when the anchors are not of the Manufacturer hierarchy
     */
    public static FirmwareSigningBuilder firmwareSigningBuilder(TrustAnchors manufacturer) {
        return new FirmwareSigningBuilder(manufacturer);
    }

    /**
     * The options all roles share, for a validator whose role the caller does not know. A validator of a known role
     * returns its role's builder ({@link StationCertificates#toBuilder()}, {@link CsmsCertificates#toBuilder()},
     * {@link FirmwareSigningCertificates#toBuilder()}).
     *
     * @return a builder holding this validator's settings; the validators it builds share this one's caches unless
     *     a cache size is set, which gives them fresh caches
     */
    public abstract Builder<?, ?> toBuilder();

    /** @return the CSMS host name the CN must equal (empty for other roles, or a CSMS validator not yet bound) */
    public Optional<String> expectedFqdn() {
        return check.options().expectedFqdn();
    }

    /** @return the role of the leaf certificates this validator accepts */
    public CertificateRole role() {
        return check.options().role();
    }

    /** @return the roots of the one hierarchy this validator trusts */
    public TrustAnchors trustAnchors() {
        return check.anchors();
    }

    /** @return the clock used by {@link #validate(List)} and the revocation cache */
    public Clock clock() {
        return clock;
    }

    /** @return where the certificate to validate stands in a received chain ({@link ChainOrder#LEAF_FIRST} by default) */
    public ChainOrder chainOrder() {
        return check.options().order();
    }

    /**
     * Validates at the clock's current instant.
     *
     * @param chain the certificates as received, the certificate to validate first
     * @return every violation and the validated path
     */
    public ChainValidationResult validate(List<X509Certificate> chain) {
        return validate(chain, clock.instant());
    }

    /**
     * Validates a chain: the leaf is {@code chain.get(0)} unless this validator was built with
     * {@link ChainOrder#ANY}; its issuers may follow in any order.
     *
     * @param chain the certificates as received
     * @param at the instant at which validity is judged
     * @return every violation and the validated path, whose leaf is the certificate to use
     */
    @Override
    public ChainValidationResult validate(List<X509Certificate> chain, Instant at) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(at, "at");
        chain.forEach(c -> Objects.requireNonNull(c, "chain element"));
        return check.validate(chain, at);
    }

    @Override
    public String toString() {
        ChainCheck.Options o = check.options();
        return "OcppChainValidator{" + o.role() + ", " + check.anchors() + ", path requirement " + o.pathRequirement()
                + o.expectedFqdn().map(f -> ", fqdn " + f).orElse("")
                + (o.allowSubjectAltNameMatch() ? ", dNSName allowed" : "")
                + o.expectedOrganization().map(org -> ", O " + org).orElse("")
                + o.expectedSerialNumber().map(s -> ", serial " + s).orElse("")
                + (o.fastExpiration() ? ", fast expiration" : "")
                + (o.order() == ChainOrder.ANY ? ", leaf anywhere in the chain" : "")
                + check.revocation().map(c -> ", revocation " + c.policy()).orElse("") + "}";
    }

    /**
     * The options every role shares; each role's builder ({@link StationBuilder}, {@link CsmsBuilder},
     * {@link FirmwareSigningBuilder}) adds its own and builds its own validator type. Not thread-safe.
     *
     * @param <B> the role's builder type, returned by every setter
     * @param <V> the role's validator type, returned by {@link #build()}
     */
    public abstract static sealed class Builder<B extends Builder<B, V>, V extends OcppChainValidator> {
        final CertificateRole role;
        final TrustAnchors anchors;
        RequirementId pathRequirement;
        Optional<String> expectedFqdn = Optional.empty();
        boolean allowSubjectAltNameMatch;
        Optional<String> expectedOrganization = Optional.empty();
        Optional<String> expectedSerialNumber = Optional.empty();
        private boolean fastExpiration;
        private Clock clock = Clock.systemUTC();
        private Optional<RevocationSource> revocationSource = Optional.empty();
        private RevocationFailurePolicy revocationPolicy = RevocationFailurePolicy.FAIL_CLOSED;
        private Duration revocationCacheTtl = DEFAULT_REVOCATION_CACHE_TTL;
        private int revocationCacheSize = DEFAULT_REVOCATION_CACHE_SIZE;
        private Optional<RevocationChecker> revocation = Optional.empty();
        private boolean revocationChanged;
        private ResultCache results;
        private ChainOrder order = ChainOrder.LEAF_FIRST;

        Builder(CertificateRole role, TrustAnchors anchors, String pathRequirement) {
            this.role = role;
            this.anchors = Objects.requireNonNull(anchors, "anchors");
            if (anchors.hierarchy() != role.hierarchy()) {
                throw new IllegalArgumentException("A " + role + " certificate belongs to the " + role.hierarchy()
                        + " hierarchy, but the trust anchors are of the " + anchors.hierarchy()
                        + " hierarchy (A00.FR.601-604: the hierarchies are separate)");
            }
            this.pathRequirement = RequirementId.of(pathRequirement);
            this.results = new ResultCache(DEFAULT_RESULT_CACHE_SIZE);
        }

        Builder(OcppChainValidator v) {
            ChainCheck.Options o = v.check.options();
            this.role = o.role();
            this.anchors = v.check.anchors();
            this.pathRequirement = o.pathRequirement();
            this.expectedFqdn = o.expectedFqdn();
            this.allowSubjectAltNameMatch = o.allowSubjectAltNameMatch();
            this.expectedOrganization = o.expectedOrganization();
            this.expectedSerialNumber = o.expectedSerialNumber();
            this.fastExpiration = o.fastExpiration();
            this.clock = v.clock;
            this.revocation = v.check.revocation();
            this.revocation.ifPresent(c -> {
                revocationSource = Optional.of(c.source());
                revocationPolicy = c.policy();
                revocationCacheTtl = c.maxTtl();
                revocationCacheSize = c.cacheSize();
            });
            this.results = v.check.results();
            this.order = o.order();
        }

        /**
         * @param c the clock for {@link OcppChainValidator#validate(List)} and the revocation cache
         * @return this builder
         */
        public B clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            this.revocationChanged = true;
            return self();
        }

        /**
         * @param source the online revocation source asked about every leaf that passes all other checks
         *     (A00.FR.702, A00.FR.705)
         * @return this builder
         */
        public B revocationSource(RevocationSource source) {
            this.revocationSource = Optional.of(Objects.requireNonNull(source, "source"));
            this.revocationChanged = true;
            return self();
        }

        /**
         * @param policy what UNKNOWN means; {@link RevocationFailurePolicy#FAIL_CLOSED} by default
         * @return this builder
         */
        public B revocationFailurePolicy(RevocationFailurePolicy policy) {
            this.revocationPolicy = Objects.requireNonNull(policy, "policy");
            this.revocationChanged = true;
            return self();
        }

        /**
         * The revocation cache: a {@link io.ocppsec.core.revocation.CachingRevocationSource} in front of the source
         * (UNKNOWN is never cached). Not used when the source already is a {@code CachingRevocationSource}: its own
         * settings apply, so that two caches never stack.
         *
         * @param ttl the longest time a GOOD or REVOKED answer is cached; an answer's nextUpdate shortens it
         *     (zero disables caching)
         * @param maxEntries the cache capacity (0 disables caching)
         * @return this builder
         */
        public B revocationCache(Duration ttl, int maxEntries) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative() || maxEntries < 0) {
                throw new IllegalArgumentException("ttl and maxEntries must not be negative");
            }
            this.revocationCacheTtl = ttl;
            this.revocationCacheSize = maxEntries;
            this.revocationChanged = true;
            return self();
        }

        /**
         * @param enabled report CSMS certificates valid for more than 24 hours (A00.FR.701)
         * @return this builder
         */
        public B fastExpiration(boolean enabled) {
            this.fastExpiration = enabled;
            return self();
        }

        /**
         * A cache of complete results for chains seen before (path, lint and identity checks; never revocation),
         * used only at instants inside the common validity window of the chain and its root.
         *
         * @param maxEntries capacity of the result cache ({@link #DEFAULT_RESULT_CACHE_SIZE} by default; 0 disables it)
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public B resultCacheSize(int maxEntries) {
            this.results = new ResultCache(maxEntries); // a copy with another cache size starts afresh
            return self();
        }

        /**
         * Where the certificate to validate stands in a received chain. {@link ChainOrder#LEAF_FIRST} (the default)
         * is the only safe choice for a TLS peer's chain or a firmware signer's: they prove the key of the first
         * certificate. {@link ChainOrder#ANY} lets the leaf stand anywhere; the caller must then use
         * {@link ChainValidationResult#leaf()} and bind it to a key it holds.
         *
         * @param chainOrder the order
         * @return this builder
         */
        public B chainOrder(ChainOrder chainOrder) {
            this.order = Objects.requireNonNull(chainOrder, "chainOrder");
            return self();
        }

        /** For callers in this package that check in another context (e.g. A02.FR.06 on the station). */
        B pathRequirement(String id) {
            this.pathRequirement = RequirementId.of(id);
            return self();
        }

        /** @return this builder as the role's builder type */
        abstract B self();

        /** @return a validator of the role with the settings of this builder */
        abstract V newValidator();

        /** @return the validator */
        public V build() {
            if (revocationChanged || (revocation.isEmpty() && revocationSource.isPresent())) {
                revocation = revocationSource.map(s -> new RevocationChecker(s, revocationPolicy, revocationCacheTtl,
                        clock, revocationCacheSize));
                revocationChanged = false;
            }
            return newValidator();
        }
    }

    /**
     * Options of a validator of Charging Station certificates (the CSMS's check of its stations), from
     * {@link OcppChainValidator#stationBuilder(TrustAnchors, String)} or {@link StationCertificates#toBuilder()}.
     */
    public static final class StationBuilder extends Builder<StationBuilder, StationCertificates> {

        private StationBuilder(TrustAnchors cso, String csoOrganizationName) {
            super(CertificateRole.CHARGING_STATION, cso, "A00.FR.403");
            this.expectedOrganization = Optional.of(requireText(csoOrganizationName, "csoOrganizationName"));
        }

        private StationBuilder(StationCertificates v) {
            super(v);
        }

        /**
         * @param serialNumber the serial number the CN of a Charging Station certificate must equal (A00.FR.405)
         * @return this builder
         */
        public StationBuilder expectedSerialNumber(String serialNumber) {
            this.expectedSerialNumber = Optional.of(requireText(serialNumber, "serialNumber"));
            return this;
        }

        @Override
        StationBuilder self() {
            return this;
        }

        @Override
        StationCertificates newValidator() {
            return new StationCertificates(this);
        }
    }

    /**
     * Options of a validator of CSMS certificates (the Charging Station's check of its CSMS), from
     * {@link OcppChainValidator#csmsBuilder(TrustAnchors)} or {@link CsmsCertificates#toBuilder()}.
     */
    public static final class CsmsBuilder extends Builder<CsmsBuilder, CsmsCertificates> {

        private CsmsBuilder(TrustAnchors cso) {
            super(CertificateRole.CSMS, cso, "A00.FR.308");
        }

        private CsmsBuilder(CsmsCertificates v) {
            super(v);
        }

        /**
         * @param fqdn the host name of the CSMS URL, which the CN must equal (A00.FR.309, A00.FR.412)
         * @return this builder
         * @throws IllegalArgumentException when it is neither a host name nor an IP address
         */
        public CsmsBuilder expectedFqdn(String fqdn) {
            this.expectedFqdn = Optional.of(requireHost(fqdn));
            return this;
        }

        /**
         * Also accept a CSMS certificate whose dNSName subjectAltName equals the FQDN when its CN does not (off by
         * default: A00.FR.309/412 name the CN). For CSMS deployments whose certificates carry the host in the SAN.
         *
         * @param allowed whether a matching dNSName is enough
         * @return this builder
         */
        public CsmsBuilder allowSubjectAltNameMatch(boolean allowed) {
            this.allowSubjectAltNameMatch = allowed;
            return this;
        }

        @Override
        CsmsBuilder self() {
            return this;
        }

        @Override
        CsmsCertificates newValidator() {
            return new CsmsCertificates(this);
        }
    }

    /**
     * Options of a validator of firmware signing certificates, from
     * {@link OcppChainValidator#firmwareSigningBuilder(TrustAnchors)} or {@link FirmwareSigningCertificates#toBuilder()}.
     */
    public static final class FirmwareSigningBuilder extends Builder<FirmwareSigningBuilder, FirmwareSigningCertificates> {

        private FirmwareSigningBuilder(TrustAnchors manufacturer) {
            super(CertificateRole.FIRMWARE_SIGNING, manufacturer, "A00.FR.604");
        }

        private FirmwareSigningBuilder(FirmwareSigningCertificates v) {
            super(v);
        }

        @Override
        FirmwareSigningBuilder self() {
            return this;
        }

        @Override
        FirmwareSigningCertificates newValidator() {
            return new FirmwareSigningCertificates(this);
        }
    }

    /**
     * A validator of Charging Station certificates (the CSMS's check of its stations), from
     * {@link OcppChainValidator#forChargingStationCertificate(TrustAnchors, String)} or a {@link StationBuilder}.
     */
    public static final class StationCertificates extends OcppChainValidator {

        private StationCertificates(StationBuilder b) {
            super(b);
        }

        @Override
        public StationBuilder toBuilder() {
            return new StationBuilder(this);
        }

        /**
         * @param serialNumber the serial number of the Charging Station on this connection (its CN, A00.FR.405)
         * @return a copy that also checks the CN, sharing this validator's caches
         */
        public StationCertificates withExpectedSerialNumber(String serialNumber) {
            return toBuilder().expectedSerialNumber(serialNumber).build();
        }
    }

    /**
     * A validator of CSMS certificates (the Charging Station's check of its CSMS), from
     * {@link OcppChainValidator#forCsmsCertificate(TrustAnchors, String)} or a {@link CsmsBuilder}.
     */
    public static final class CsmsCertificates extends OcppChainValidator {

        private CsmsCertificates(CsmsBuilder b) {
            super(b);
        }

        @Override
        public CsmsBuilder toBuilder() {
            return new CsmsBuilder(this);
        }

        /**
         * Binds the host of one connection (as a TLS client takes it from SNI or the URL); any non-blank name is
         * taken, a name that is no host simply matches no certificate.
         *
         * @param fqdn the CSMS host name of this connection
         * @return a copy that expects that CN, sharing this validator's caches
         */
        public CsmsCertificates withExpectedFqdn(String fqdn) {
            CsmsBuilder b = toBuilder();
            b.expectedFqdn = Optional.of(requireText(fqdn, "fqdn"));
            return b.build();
        }
    }

    /**
     * A validator of firmware signing certificates, from
     * {@link OcppChainValidator#forFirmwareSigningCertificate(TrustAnchors)} or a {@link FirmwareSigningBuilder}.
     */
    public static final class FirmwareSigningCertificates extends OcppChainValidator {

        private FirmwareSigningCertificates(FirmwareSigningBuilder b) {
            super(b);
        }

        @Override
        public FirmwareSigningBuilder toBuilder() {
            return new FirmwareSigningBuilder(this);
        }
    }

    /** @return the number of cached results (for tests and monitoring) */
    int cachedResults() {
        return check.results().size();
    }
}
