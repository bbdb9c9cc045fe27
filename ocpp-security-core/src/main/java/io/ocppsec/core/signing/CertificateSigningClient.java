package io.ocppsec.core.signing;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.message.CertificateSignedRequest;
import io.ocppsec.api.message.CertificateSignedResponse;
import io.ocppsec.api.message.CertificateSignedResponse.CertificateSignedStatus;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.GenericStatus;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.api.message.SignCertificateResponse;
import io.ocppsec.api.message.StatusInfo;
import io.ocppsec.api.message.TriggerMessageRequest;
import io.ocppsec.api.message.TriggerMessageResponse;
import io.ocppsec.api.message.TriggerMessageResponse.TriggerMessageStatus;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.core.cert.CertificateParseException;
import io.ocppsec.core.cert.CertificateParser;
import io.ocppsec.core.cert.ChainValidator;
import io.ocppsec.core.cert.ChainValidationResult;
import io.ocppsec.core.cert.SignedCertificateCheck;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.core.csr.CsrBuilder;
import io.ocppsec.core.csr.CsrException;
import io.ocppsec.core.csr.KeyAlgorithm;
import io.ocppsec.core.csr.SigningRequest;
import io.ocppsec.core.event.SecurityEventReporter;
import io.ocppsec.core.event.TechInfo;
import io.ocppsec.core.store.ClientInstallResult;
import io.ocppsec.core.store.CertificateStoreException;
import io.ocppsec.core.station.internal.CertificateOperationsGate;
import io.ocppsec.core.station.internal.SecurityEvents;
import io.ocppsec.core.station.internal.StatusInfos;
import io.ocppsec.core.store.RootCertificateType;
import io.ocppsec.core.store.StationCertificateStore;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Charging Station's side of A02 (certificate update requested by the CSMS) and A03 (renewal started
 * by the station), as handlers that take and return OCPP message records. InstallCertificate,
 * DeleteCertificate and GetInstalledCertificateIds are answered by
 * {@code io.ocppsec.core.station.CertificateStoreHandler} on the same store.
 *
 * <ul>
 *   <li>{@link #onTriggerMessage}: {@code SignChargingStationCertificate} / {@code SignV2GCertificate} →
 *       Accepted, then a {@code SignCertificateRequest} for a NEW key pair (A02.FR.02/03) with
 *       {@code certificateType} set to the triggered certificate (A02.FR.13).</li>
 *   <li>{@link #startRenewal} / {@link #renewalIfDue}: the same for A03, when the certificate expires
 *       within the store's renewal window (A03.FR.02/03/13).</li>
 *   <li>{@link #onSignCertificateResponse} and {@link #pollRetry}: waiting for the certificate with
 *       {@code CertSigningWaitMinimum} / {@code CertSigningRepeatTimes} ({@link CsrRetrySchedule}).</li>
 *   <li>{@link #onCertificateSigned}: size against MaxCertificateChainSize before parsing
 *       (A02.FR.16/A03.FR.16), chain, validity, properties, hierarchy and the pending key
 *       ({@link SignedCertificateCheck}; A02.FR.06/A03.FR.06), then installation in the
 *       {@link StationCertificateStore} with the pending key, used from its notBefore (A02.FR.08). An invalid
 *       certificate is discarded and raises {@code InvalidChargingStationCertificate} (A02.FR.07/A03.FR.07).</li>
 * </ul>
 * Every change of keys or certificates is written to the security log as
 * {@code ReconfigurationOfSecurityParameters}, naming certificates by subject and serial only, never a key.
 *
 * <pre>{@code
 * CertificateSigningClient signing = CertificateSigningClient
 *         .builder(store, reporter, organizationName, serialNumber)
 *         .maxCertificateChainSize(5000).certSigning(Duration.ofSeconds(30), 2).clock(clock).build();
 * TriggerResult r = signing.onTriggerMessage(trigger);
 * send(r.response());
 * r.followUp().ifPresent(this::send);
 * // ...
 * CertificateSignedResponse answer = signing.onCertificateSigned(certificateSigned);
 * }</pre>
 *
 * <p>Thread-safe: message handlers are serialised on the client.
 */
public final class CertificateSigningClient {

    /**
     * Reason code used when a certificate operation is refused on security profile 1 (see
     * {@link Builder#securityProfile}).
     */
    public static final String PROFILE_1_REASON = CertificateOperationsGate.REASON;

    private static final System.Logger LOG = System.getLogger(CertificateSigningClient.class.getName());

    private final StationCertificateStore store;
    private final SecurityEvents events;
    private final String organizationName;
    private final String serialNumber;
    private final int maxChainSize;
    private final Clock clock;
    private final SecureRandom random;
    private final StationKeySource keySource;
    private final Duration waitMinimum;
    private final int repeatTimes;
    private final Optional<ChainValidator> v2gValidator;
    private final CertificateOperationsGate gate;
    private final Map<CertificateSigningUse, PendingCsr> pending = new EnumMap<>(CertificateSigningUse.class);
    private final Map<CertificateSigningUse, CsrRetrySchedule> schedules = new EnumMap<>(CertificateSigningUse.class);
    private Optional<CertificateSigningUse> lastSent = Optional.empty();

    private CertificateSigningClient(Builder b) {
        this.store = b.store;
        this.events = new SecurityEvents(b.reporter, b.clock);
        this.organizationName = b.organizationName;
        this.serialNumber = b.serialNumber;
        this.maxChainSize = b.maxChainSize;
        this.clock = b.clock;
        this.random = b.random;
        this.keySource = b.keySource.orElseGet(() -> StationKeySource.inMemory(KeyAlgorithm.EC_P256, b.random));
        this.waitMinimum = b.waitMinimum;
        this.repeatTimes = b.repeatTimes;
        this.v2gValidator = b.v2gValidator;
        this.gate = CertificateOperationsGate.of(b.securityProfile);
        for (CertificateSigningUse use : CertificateSigningUse.values()) {
            schedules.put(use, CsrRetrySchedule.of(waitMinimum, repeatTimes));
        }
    }

    /**
     * @param store the station's certificate store (client certificates and the CSO roots)
     * @param reporter where security events go (security log; critical ones also to the CSMS)
     * @param organizationName the {@code OrganizationName} variable: the O of the CSR and of the certificate
     * @param serialNumber the station's serial number: the CN of the CSR and of the certificate
     * @return a builder
     * @throws IllegalArgumentException when the names cannot go into a CSR (see {@link CsrBuilder})
     */
    public static Builder builder(StationCertificateStore store, SecurityEventReporter reporter,
                                  String organizationName, String serialNumber) {
        return new Builder(store, reporter, organizationName, serialNumber);
    }

    // ------------------------------------------------------------------ A02 / A03: CSR

    /**
     * Answers a {@code TriggerMessageRequest}. {@code SignChargingStationCertificate} is Accepted;
     * {@code SignV2GCertificate} is Accepted when a V2G validator was configured, else NotImplemented; any
     * other trigger is NotImplemented here (route it to its own handler). Send {@link TriggerResult#response()}
     * first, then {@link TriggerResult#followUp()}, which only then makes the new key pair (A02.FR.02).
     *
     * @param request the trigger
     * @return the response and the lazily made follow-up
     */
    public TriggerResult onTriggerMessage(TriggerMessageRequest request) {
        Objects.requireNonNull(request, "request");
        boolean certificateTrigger = switch (request.requestedMessage()) {
            case SIGN_CHARGING_STATION_CERTIFICATE, SIGN_V2G_CERTIFICATE -> true;
            default -> false;
        };
        if (certificateTrigger && gate.refuses()) {
            return new TriggerResult(new TriggerMessageResponse(TriggerMessageStatus.REJECTED, gate.refusal()),
                    Optional.empty(), this);
        }
        Optional<CertificateSigningUse> use = switch (request.requestedMessage()) {
            case SIGN_CHARGING_STATION_CERTIFICATE -> Optional.of(CertificateSigningUse.CHARGING_STATION_CERTIFICATE);
            case SIGN_V2G_CERTIFICATE ->
                    v2gValidator.isPresent() ? Optional.of(CertificateSigningUse.V2G_CERTIFICATE) : Optional.empty();
            default -> Optional.empty();
        };
        TriggerMessageResponse response = new TriggerMessageResponse(
                use.isPresent() ? TriggerMessageStatus.ACCEPTED : TriggerMessageStatus.NOT_IMPLEMENTED, Optional.empty());
        return new TriggerResult(response, use, this);
    }

    /**
     * Starts A03: a new key pair and a CSR for it, whatever the store says about renewal (the caller decided).
     * A CSR still pending for the same certificate is superseded and its key forgotten.
     *
     * @param use the certificate to renew; the request carries it as {@code certificateType} (A03.FR.13)
     * @return the {@code SignCertificateRequest} to send
     * @throws CsrException when no key pair or CSR could be made
     * @throws IllegalStateException for a V2GCertificate when no V2G validator was configured
     */
    public SignCertificateRequest startRenewal(CertificateSigningUse use) throws CsrException {
        gate.requireOpen();
        Objects.requireNonNull(use, "use");
        if (use == CertificateSigningUse.V2G_CERTIFICATE && v2gValidator.isEmpty()) {
            throw new IllegalStateException("V2G certificates are not handled: no V2G validator configured");
        }
        return beginSigning(use);
    }

    /**
     * A03.FR.02: when the store says the certificate expires within the renewal window and no CSR is
     * pending for it, starts a renewal.
     *
     * @param use the certificate to check
     * @return the {@code SignCertificateRequest} to send, or empty when renewal is not due or already running
     * @throws CsrException when no key pair or CSR could be made
     */
    public synchronized Optional<SignCertificateRequest> renewalIfDue(CertificateSigningUse use) throws CsrException {
        if (gate.refuses()) {
            return Optional.empty();
        }
        Objects.requireNonNull(use, "use");
        if (!store.renewalDue(use) || pending.containsKey(use)) {
            return Optional.empty();
        }
        if (use == CertificateSigningUse.V2G_CERTIFICATE && v2gValidator.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(beginSigning(use));
    }

    /** Makes a new key and CSR and restarts the retry schedule (a new A02 trigger or A03 renewal). */
    synchronized SignCertificateRequest beginSigning(CertificateSigningUse use) throws CsrException {
        CsrRetrySchedule schedule = schedules.get(use);
        schedule.reset();
        SignCertificateRequest request = newCsr(use);
        schedule.csrSent(clock.instant());
        return request;
    }

    private SignCertificateRequest newCsr(CertificateSigningUse use) throws CsrException {
        Instant now = clock.instant();
        byte[] nonce = new byte[6];
        random.nextBytes(nonce);
        String alias = use.ocppValue() + "-" + now.toEpochMilli() + "-" + HexFormat.of().formatHex(nonce);
        StationKeySource.StationKey key;
        try {
            key = Objects.requireNonNull(keySource.newKey(use, alias), "StationKeySource.newKey");
        } catch (GeneralSecurityException e) {
            throw new CsrException("Could not generate a key pair for the " + use.ocppValue(), e);
        }
        // A02.FR.02/03, A03.FR.02/03: a new key for every CSR; O = OrganizationName, CN = serial number.
        SigningRequest csr = CsrBuilder.forUse(use, organizationName, serialNumber).sign(key.signer());
        pending.put(use, new PendingCsr(use, key.signer().publicKey(), key.handle(), now));
        lastSent = Optional.of(use);
        events.reconfigured(TechInfo.builder().put("change", "NewKeyPair").put("certificateType", use.ocppValue())
                .put("key", key.handle().alias()).build());
        // A02.FR.13, A03.FR.13: certificateType always names the certificate to update.
        return new SignCertificateRequest(csr.pem(), Optional.of(use));
    }

    /**
     * Handles the CSMS's answer to the last {@code SignCertificateRequest} sent.
     *
     * @param response the answer
     * @return when to call {@link #pollRetry} next (after Accepted), or empty (after Rejected, or when nothing
     *     is pending)
     */
    public synchronized Optional<Instant> onSignCertificateResponse(SignCertificateResponse response) {
        Objects.requireNonNull(response, "response");
        return lastSent.isEmpty() ? Optional.empty() : onSignCertificateResponse(lastSent.get(), response);
    }

    /**
     * Handles the CSMS's answer to the {@code SignCertificateRequest} for {@code use}. Accepted: wait for the
     * {@code CertificateSignedRequest}. Rejected: the pending CSR and its key are dropped and no retry follows
     * (a refused CSR will not fix itself; A02 error handling).
     *
     * @param use the certificate type of the request that was answered
     * @param response the answer
     * @return when to call {@link #pollRetry} next, or empty
     */
    public synchronized Optional<Instant> onSignCertificateResponse(CertificateSigningUse use,
                                                                    SignCertificateResponse response) {
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(response, "response");
        PendingCsr p = pending.get(use);
        if (p == null) {
            return Optional.empty();
        }
        if (response.status() == GenericStatus.REJECTED) {
            LOG.log(System.Logger.Level.WARNING, "The CSMS rejected the CSR for the {0} ({1}); not retrying",
                    use.ocppValue(), response.statusInfo().map(StatusInfo::reasonCode).orElse("no reason given"));
            schedules.get(use).csrRejected();
            pending.remove(use);
            return Optional.empty();
        }
        return Optional.of(p.sentAt().plus(waitMinimum));
    }

    /**
     * Asks the retry schedule what to do about a CSR whose certificate has not arrived. Call it at the instant
     * returned by {@link #onSignCertificateResponse} or at {@link RetryPoll#nextPollAt()}; it never sleeps.
     * RESEND comes with a CSR for a new key pair (the old one is forgotten); GIVE_UP drops the pending CSR.
     *
     * @param use the certificate type
     * @return the decision
     * @throws CsrException when the resend CSR could not be made
     */
    public synchronized RetryPoll pollRetry(CertificateSigningUse use) throws CsrException {
        Objects.requireNonNull(use, "use");
        CsrRetrySchedule schedule = schedules.get(use);
        CsrRetrySchedule.Decision d = schedule.poll(clock.instant());
        return switch (d.action()) {
            case RESEND -> {
                SignCertificateRequest again = newCsr(use);
                schedule.csrSent(clock.instant());
                yield new RetryPoll(d.action(), Optional.empty(), Optional.of(again));
            }
            case GIVE_UP -> {
                if (pending.remove(use) != null) {
                    LOG.log(System.Logger.Level.WARNING, "No signed {0} arrived after {1} CSR(s); giving up",
                            use.ocppValue(), schedule.sends());
                }
                yield new RetryPoll(d.action(), Optional.empty(), Optional.empty());
            }
            default -> new RetryPoll(d.action(), d.at(), Optional.empty());
        };
    }

    /**
     * @param use the certificate type
     * @return when the CSR now pending for it was made, if one is pending
     */
    public synchronized Optional<Instant> pendingSince(CertificateSigningUse use) {
        return Optional.ofNullable(pending.get(Objects.requireNonNull(use, "use"))).map(PendingCsr::sentAt);
    }

    /**
     * @param use the certificate type
     * @return the state of its retry schedule
     */
    public synchronized CsrRetrySchedule.State retryState(CertificateSigningUse use) {
        return schedules.get(Objects.requireNonNull(use, "use")).state();
    }

    // ------------------------------------------------------------------ A02 / A03: CertificateSigned

    /**
     * Checks and installs the certificate of a {@code CertificateSignedRequest}. An absent
     * {@code certificateType} means ChargingStationCertificate. Rejected when: the chain is longer than
     * MaxCertificateChainSize ({@code TooLargeElement}, checked before parsing; A02.FR.16/A03.FR.16); no CSR
     * is pending for that type; or the certificate is not valid ({@code InvalidCertificate}: period,
     * properties, CSO hierarchy, O/CN, the pending key; A02.FR.06/A03.FR.06). An invalid certificate is
     * discarded and raises {@code InvalidChargingStationCertificate} (A02.FR.07/A03.FR.07). A valid one is
     * stored with the pending key and used from its notBefore (A02.FR.08/09).
     *
     * @param request the request
     * @return Accepted or Rejected with a reason code
     */
    public synchronized CertificateSignedResponse onCertificateSigned(CertificateSignedRequest request) {
        Objects.requireNonNull(request, "request");
        if (gate.refuses()) {
            return new CertificateSignedResponse(CertificateSignedStatus.REJECTED, gate.refusal());
        }
        CertificateSigningUse use = request.certificateType().orElse(CertificateSigningUse.CHARGING_STATION_CERTIFICATE);
        String chainText = request.certificateChain();
        if (chainText.length() > maxChainSize) { // A02.FR.16 / A03.FR.16: before any parsing
            return rejected(SignedCertificateCheck.TOO_LARGE_ELEMENT, "certificateChain of " + chainText.length()
                    + " characters exceeds MaxCertificateChainSize " + maxChainSize);
        }
        PendingCsr p = pending.get(use);
        if (p == null) {
            // Nothing this station asked for: it holds no key for this certificate, so it cannot use it.
            return invalid(use, ValidationResult.of(Violation.of("A02.FR.06", RequirementLevel.SHALL,
                    "a CertificateSignedRequest for the " + use.ocppValue() + " with no CSR pending",
                    "a certificate for the key of a CSR this station sent")));
        }
        Instant now = clock.instant();
        ChainValidationResult validated;
        if (use == CertificateSigningUse.V2G_CERTIFICATE) {
            Optional<List<X509Certificate>> parsed = parse(chainText);
            if (parsed.isEmpty()) {
                return invalid(use, ValidationResult.of(Violation.of("A00.FR.507", RequirementLevel.SHALL,
                        "a certificateChain that is not well-formed PEM", "X.509 certificates in PEM, leaf first")));
            }
            validated = checkV2g(parsed.get(), p, now);
        } else {
            List<X509Certificate> roots = store.trustAnchors(RootCertificateType.CSMS_ROOT_CERTIFICATE);
            if (roots.isEmpty()) {
                return invalid(use, ValidationResult.of(Violation.of("A02.FR.06", RequirementLevel.SHALL,
                        "no valid CSMSRootCertificate installed", "a CSO root to check the hierarchy against")));
            }
            SignedCertificateCheck.Outcome o = SignedCertificateCheck
                    .forChargingStation(TrustAnchors.cso(roots.toArray(X509Certificate[]::new)), organizationName,
                            serialNumber)
                    .maxCertificateChainSize(maxChainSize).clock(clock).build().check(chainText, p.publicKey(), now);
            if (!o.accepted()) {
                if (o.reasonCode().equals(Optional.of(SignedCertificateCheck.TOO_LARGE_ELEMENT))) {
                    return rejected(SignedCertificateCheck.TOO_LARGE_ELEMENT, o.result().describe());
                }
                return invalid(use, o.result());
            }
            validated = o.validation().orElseThrow();
        }
        if (!validated.isCompliant()) {
            return invalid(use, validated.result());
        }
        ClientInstallResult installed;
        try {
            // The validated path is stored, leaf first: the certificate checked against the pending key is the one
            // presented in TLS with that key.
            installed = store.installClientCertificate(use, validated, p.key());
        } catch (CertificateStoreException e) {
            LOG.log(System.Logger.Level.ERROR, "The signed {0} could not be stored: {1}", use.ocppValue(), e.reason());
            return rejected("InternalError", "the certificate store could not be written");
        }
        if (!installed.accepted()) {
            return invalid(use, installed.validation());
        }
        pending.remove(use);
        schedules.get(use).certificateReceived();
        X509Certificate leaf = validated.leaf().orElseThrow();
        events.reconfigured(TechInfo.builder().put("change", "CertificateSigned").put("certificateType", use.ocppValue())
                .put("serial", leaf.getSerialNumber().toString(16))
                .put("notBefore", leaf.getNotBefore().toInstant().toString()).put("key", p.key().alias()).build());
        return new CertificateSignedResponse(CertificateSignedStatus.ACCEPTED, Optional.empty());
    }

    /** The integrator's V2G validator judges the chain; the key check is made on the leaf it validated. */
    private ChainValidationResult checkV2g(List<X509Certificate> chain, PendingCsr p, Instant now) {
        Instant notBefore = chain.get(0).getNotBefore().toInstant();
        ChainValidationResult v = Objects.requireNonNull(
                v2gValidator.orElseThrow().validate(chain, notBefore.isAfter(now) ? notBefore : now),
                "V2G validator result");
        Optional<X509Certificate> leaf = v.leaf();
        if (leaf.isEmpty()) {
            return v; // nothing was judged: never compliant
        }
        if (!Arrays.equals(leaf.get().getPublicKey().getEncoded(), p.publicKey().getEncoded())) {
            v = v.and(ValidationResult.of(Violation.of("A02.FR.06", RequirementLevel.SHALL,
                    "a certificate for another public key than the pending CSR's",
                    "the public key of the CSR this station sent").atChainIndex(chain.indexOf(leaf.get()))));
        }
        return v;
    }

    private Optional<List<X509Certificate>> parse(String pem) {
        try {
            return Optional.of(CertificateParser.builder().maxChars(maxChainSize).build().parsePem(pem));
        } catch (CertificateParseException e) {
            return Optional.empty();
        }
    }

    private CertificateSignedResponse invalid(CertificateSigningUse use, ValidationResult result) {
        // A02.FR.07 / A03.FR.07: discard and raise InvalidChargingStationCertificate.
        String ids = result.blocking().stream().map(v -> v.requirement().value()).distinct()
                .collect(Collectors.joining(","));
        events.invalidCertificate(TechInfo.builder().put("certificateType", use.ocppValue())
                .put("violations", ids.isEmpty() ? "none" : ids).build());
        return rejected(SignedCertificateCheck.INVALID_CERTIFICATE, result.describe());
    }

    private static CertificateSignedResponse rejected(String reason, String info) {
        return new CertificateSignedResponse(CertificateSignedStatus.REJECTED, StatusInfos.of(reason, info));
    }

    @Override
    public String toString() {
        return "CertificateSigningClient{serial=" + serialNumber + ", pending=" + pending.keySet()
                + ", maxCertificateChainSize=" + maxChainSize + "}";
    }

    /** Configures a {@link CertificateSigningClient}; each setter checks its value at once. Not thread-safe. */
    public static final class Builder {
        private final StationCertificateStore store;
        private final SecurityEventReporter reporter;
        private final String organizationName;
        private final String serialNumber;
        private int maxChainSize = CertificateParser.DEFAULT_MAX_CHAIN_CHARS;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();
        private Optional<StationKeySource> keySource = Optional.empty();
        private Duration waitMinimum = Duration.ofSeconds(30);
        private int repeatTimes;
        private Optional<ChainValidator> v2gValidator = Optional.empty();
        private Optional<java.util.function.Supplier<SecurityProfile>> securityProfile = Optional.empty();

        private Builder(StationCertificateStore store, SecurityEventReporter reporter, String organizationName,
                        String serialNumber) {
            this.store = Objects.requireNonNull(store, "store");
            this.reporter = Objects.requireNonNull(reporter, "reporter");
            CsrBuilder.forChargingStation(organizationName, serialNumber); // checks both names for a CSR
            this.organizationName = organizationName;
            this.serialNumber = serialNumber;
        }

        /**
         * @param size the MaxCertificateChainSize variable, 1..10000 characters (default 10000, the schema limit)
         * @return this builder
         */
        public Builder maxCertificateChainSize(int size) {
            if (size < 1 || size > CertificateParser.DEFAULT_MAX_CHAIN_CHARS) {
                throw new IllegalArgumentException("MaxCertificateChainSize must be 1..10000, was " + size);
            }
            this.maxChainSize = size;
            return this;
        }

        /**
         * @param certSigningWaitMinimum {@code CertSigningWaitMinimum} (at least one second; default 30 s)
         * @param certSigningRepeatTimes {@code CertSigningRepeatTimes} (0..1000; default 0: no resend, as the
         *     A02 error handling recommends)
         * @return this builder
         */
        public Builder certSigning(Duration certSigningWaitMinimum, int certSigningRepeatTimes) {
            CsrRetrySchedule.of(certSigningWaitMinimum, certSigningRepeatTimes); // validates
            this.waitMinimum = certSigningWaitMinimum;
            this.repeatTimes = certSigningRepeatTimes;
            return this;
        }

        /**
         * @param c the clock for validity, notBefore and the retry schedule
         * @return this builder
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * @param r the CSPRNG for keys (default key source) and key aliases
         * @return this builder
         */
        public Builder random(SecureRandom r) {
            this.random = Objects.requireNonNull(r, "random");
            return this;
        }

        /**
         * @param source where new key pairs come from (default: in-memory EC P-256 from {@link #random})
         * @return this builder
         */
        public Builder keySource(StationKeySource source) {
            this.keySource = Optional.of(Objects.requireNonNull(source, "source"));
            return this;
        }

        /**
         * Enables separate ISO 15118 certificates ({@code SignV2GCertificate}, A02.FR.13/15): the given
         * validator checks a signed V2G chain (V2G hierarchy and properties are ISO 15118's, not this SDK's).
         *
         * @param validator the V2G chain check
         * @return this builder
         */
        public Builder v2gCertificates(ChainValidator validator) {
            this.v2gValidator = Optional.of(Objects.requireNonNull(validator, "validator"));
            return this;
        }

        /**
         * The security profile in force, read on every message. On profile 1 (no TLS) certificate operations
         * are refused with a clear status: CertificateSigned Rejected, the two certificate triggers Rejected
         * (reason {@value CertificateSigningClient#PROFILE_1_REASON}), and no renewal starts (the same rule as
         * {@code CertificateStoreHandler.Builder#securityProfile}, which refuses
         * InstallCertificate and DeleteCertificate). Stations that can run on profile 1 should always set it on
         * both.
         *
         * @param profile supplies the current {@code SecurityCtrlr.SecurityProfile}
         * @return this builder
         */
        public Builder securityProfile(java.util.function.Supplier<SecurityProfile> profile) {
            this.securityProfile = Optional.of(Objects.requireNonNull(profile, "profile"));
            return this;
        }

        /** @return the signing client */
        public CertificateSigningClient build() {
            return new CertificateSigningClient(this);
        }
    }
}
