package io.ocppsec.core.station;

import io.ocppsec.api.message.CertificateHashData;
import io.ocppsec.api.message.CertificateHashDataChain;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.DeleteCertificateRequest;
import io.ocppsec.api.message.DeleteCertificateResponse;
import io.ocppsec.api.message.DeleteCertificateResponse.DeleteCertificateStatus;
import io.ocppsec.api.message.GetCertificateIdUse;
import io.ocppsec.api.message.GetInstalledCertificateIdsRequest;
import io.ocppsec.api.message.GetInstalledCertificateIdsResponse;
import io.ocppsec.api.message.GetInstalledCertificateIdsResponse.GetInstalledCertificateStatus;
import io.ocppsec.api.message.HashAlgorithm;
import io.ocppsec.api.message.InstallCertificateRequest;
import io.ocppsec.api.message.InstallCertificateResponse;
import io.ocppsec.api.message.InstallCertificateResponse.InstallCertificateStatus;
import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.message.StatusInfo;
import io.ocppsec.core.cert.CertificateParseException;
import io.ocppsec.core.cert.CertificateParser;
import io.ocppsec.core.cert.SignedCertificateCheck;
import io.ocppsec.core.event.SecurityEventReporter;
import io.ocppsec.core.event.TechInfo;
import io.ocppsec.core.station.internal.CertificateOperationsGate;
import io.ocppsec.core.station.internal.SecurityEvents;
import io.ocppsec.core.station.internal.StatusInfos;
import io.ocppsec.core.store.CertificateHash;
import io.ocppsec.core.store.CertificateStoreException;
import io.ocppsec.core.store.DeleteResult;
import io.ocppsec.core.store.RootCertificateType;
import io.ocppsec.core.store.RootInstallResult;
import io.ocppsec.core.store.StationCertificate;
import io.ocppsec.core.store.StationCertificateStore;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Charging Station's answers to the certificate-management messages on its
 * {@link StationCertificateStore}: {@code InstallCertificateRequest}, {@code DeleteCertificateRequest} and
 * {@code GetInstalledCertificateIdsRequest}, as handlers that take and return OCPP message records. Every
 * change is written to the security log as {@code ReconfigurationOfSecurityParameters}, naming certificates
 * by subject and serial only. The station's own certificates come through A02/A03
 * ({@code io.ocppsec.core.signing.CertificateSigningClient}) on the same store.
 *
 * <pre>{@code
 * CertificateStoreHandler certificates = CertificateStoreHandler.builder(store, reporter)
 *         .securityProfile(() -> currentProfile).build();
 * InstallCertificateResponse installed = certificates.onInstallCertificate(installCertificate);
 * }</pre>
 *
 * <p>Thread-safe: message handlers are serialised on the handler.
 */
public final class CertificateStoreHandler {

    /**
     * Reason code used when a certificate operation is refused on security profile 1 (see
     * {@link Builder#securityProfile}).
     */
    public static final String PROFILE_1_REASON = CertificateOperationsGate.REASON;

    private static final System.Logger LOG = System.getLogger(CertificateStoreHandler.class.getName());
    /** Hash used in GetInstalledCertificateIds answers. */
    private static final HashAlgorithm ID_HASH = HashAlgorithm.SHA256;
    /** maxItems of childCertificateHashData. */
    private static final int MAX_CHILDREN = 4;

    private final StationCertificateStore store;
    private final SecurityEvents events;
    private final CertificateOperationsGate gate;

    private CertificateStoreHandler(Builder b) {
        this.store = b.store;
        this.events = new SecurityEvents(b.reporter, b.clock);
        this.gate = CertificateOperationsGate.of(b.securityProfile);
    }

    /**
     * @param store the station's certificate store
     * @param reporter where security events go (security log; critical ones also to the CSMS)
     * @return a builder
     */
    public static Builder builder(StationCertificateStore store, SecurityEventReporter reporter) {
        return new Builder(store, reporter);
    }

    /**
     * Installs a root certificate ({@code InstallCertificateRequest}). Accepted, Rejected (not one
     * well-formed CA certificate valid now; {@code InvalidCertificate}) or Failed (store full or not
     * writable). A new root is written to the security log.
     *
     * @param request the request
     * @return the response
     */
    public synchronized InstallCertificateResponse onInstallCertificate(InstallCertificateRequest request) {
        Objects.requireNonNull(request, "request");
        if (gate.refuses()) {
            return new InstallCertificateResponse(InstallCertificateStatus.REJECTED, gate.refusal());
        }
        RootCertificateType type = RootCertificateType.fromOcpp(request.certificateType().ocppValue());
        X509Certificate cert;
        try {
            cert = CertificateParser.forSingleCertificate().parseSinglePem(request.certificate());
        } catch (CertificateParseException e) {
            return install(InstallCertificateStatus.REJECTED, SignedCertificateCheck.INVALID_CERTIFICATE,
                    "not one well-formed PEM certificate: " + e.getMessage());
        }
        boolean known = store.roots(type).stream().anyMatch(r -> r.certificate().equals(cert));
        RootInstallResult result;
        try {
            result = store.installRoot(type, cert);
        } catch (CertificateStoreException e) {
            LOG.log(System.Logger.Level.ERROR, "Root certificate could not be stored: {0}", e.reason());
            return install(InstallCertificateStatus.FAILED, "InternalError", "the certificate store could not be written");
        }
        return switch (result) {
            case ACCEPTED -> {
                if (!known) {
                    events.reconfigured(describe("InstallCertificate", type.ocppValue(), cert));
                }
                yield new InstallCertificateResponse(InstallCertificateStatus.ACCEPTED, Optional.empty());
            }
            case FAILED_STORE_FULL ->
                    install(InstallCertificateStatus.FAILED, "OutOfStorage", "the certificate store is full");
            default -> install(InstallCertificateStatus.REJECTED, SignedCertificateCheck.INVALID_CERTIFICATE,
                    result.name());
        };
    }

    /**
     * Deletes the certificate named by the hash data ({@code DeleteCertificateRequest}). The station's active
     * client certificate is never deleted (Failed). A deletion is written to the security log.
     *
     * @param request the request
     * @return Accepted, Failed or NotFound
     */
    public synchronized DeleteCertificateResponse onDeleteCertificate(DeleteCertificateRequest request) {
        Objects.requireNonNull(request, "request");
        if (gate.refuses()) {
            return new DeleteCertificateResponse(DeleteCertificateStatus.FAILED, gate.refusal());
        }
        CertificateHashData data = request.certificateHashData();
        CertificateHash hash;
        try {
            hash = new CertificateHash(data.hashAlgorithm(),
                    data.issuerNameHash(), data.issuerKeyHash(), data.serialNumber());
        } catch (IllegalArgumentException e) {
            // Hash data that is not hex of the right length cannot name any stored certificate.
            return new DeleteCertificateResponse(DeleteCertificateStatus.NOT_FOUND, Optional.empty());
        }
        DeleteResult result;
        try {
            result = store.deleteCertificate(hash);
        } catch (CertificateStoreException e) {
            LOG.log(System.Logger.Level.ERROR, "Certificate deletion could not be stored: {0}", e.reason());
            return new DeleteCertificateResponse(DeleteCertificateStatus.FAILED, Optional.empty());
        }
        return switch (result) {
            case ACCEPTED -> {
                events.reconfigured(TechInfo.builder().put("change", "DeleteCertificate")
                        .put("serial", hash.serialNumber()).build());
                yield new DeleteCertificateResponse(DeleteCertificateStatus.ACCEPTED, Optional.empty());
            }
            // The station's own certificate in use must stay (M04: Failed).
            case FAILED_ACTIVE_CLIENT_CERTIFICATE -> new DeleteCertificateResponse(DeleteCertificateStatus.FAILED,
                    Optional.of(new StatusInfo("NotSupported",
                            Optional.of("the certificate is the station's active client certificate"))));
            default -> new DeleteCertificateResponse(DeleteCertificateStatus.NOT_FOUND, Optional.empty());
        };
    }

    /**
     * Lists the installed roots of the requested types (all types when the list is empty) and the
     * V2G certificate chains, with SHA-256 hash data ({@code GetInstalledCertificateIdsRequest}). Allowed on
     * every security profile.
     *
     * @param request the request
     * @return Accepted with the hash data, or NotFound when nothing matches
     */
    public synchronized GetInstalledCertificateIdsResponse onGetInstalledCertificateIds(
            GetInstalledCertificateIdsRequest request) {
        Objects.requireNonNull(request, "request");
        Set<GetCertificateIdUse> wanted = request.certificateType().isEmpty()
                ? EnumSet.allOf(GetCertificateIdUse.class) : EnumSet.copyOf(request.certificateType());
        List<CertificateHashDataChain> out = new ArrayList<>();
        for (GetCertificateIdUse use : wanted) {
            if (use == GetCertificateIdUse.V2G_CERTIFICATE_CHAIN) {
                for (StationCertificate c : store.clientCertificates(CertificateSigningUse.V2G_CERTIFICATE)) {
                    v2gChain(c).ifPresent(out::add);
                }
            } else {
                for (CertificateHash h : store.rootHashes(RootCertificateType.fromOcpp(use.ocppValue()), ID_HASH)) {
                    out.add(new CertificateHashDataChain(toData(h), use, List.of()));
                }
            }
        }
        return new GetInstalledCertificateIdsResponse(out.isEmpty() ? GetInstalledCertificateStatus.NOT_FOUND
                : GetInstalledCertificateStatus.ACCEPTED, Optional.empty(), out);
    }

    private Optional<CertificateHashDataChain> v2gChain(StationCertificate c) {
        List<X509Certificate> chain = c.chain();
        Optional<CertificateHashData> leaf = hashOf(chain, 0);
        if (leaf.isEmpty()) {
            return Optional.empty();
        }
        List<CertificateHashData> children = new ArrayList<>();
        for (int i = 1; i < chain.size() && children.size() < MAX_CHILDREN; i++) {
            hashOf(chain, i).ifPresent(children::add);
        }
        return Optional.of(new CertificateHashDataChain(leaf.get(), GetCertificateIdUse.V2G_CERTIFICATE_CHAIN,
                children));
    }

    /** The hash data of chain[i]; its issuer is chain[i+1] or an installed root. */
    private Optional<CertificateHashData> hashOf(List<X509Certificate> chain, int i) {
        X509Certificate cert = chain.get(i);
        Optional<PublicKey> issuerKey = Optional.empty();
        if (i + 1 < chain.size()) {
            issuerKey = Optional.of(chain.get(i + 1).getPublicKey());
        } else {
            for (RootCertificateType t : RootCertificateType.values()) {
                for (X509Certificate root : store.trustAnchors(t)) {
                    if (issuerKey.isEmpty() && root.getSubjectX500Principal().equals(cert.getIssuerX500Principal())
                            && verifies(cert, root.getPublicKey())) {
                        issuerKey = Optional.of(root.getPublicKey());
                    }
                }
            }
        }
        return issuerKey.map(k -> toData(CertificateHash.of(cert, k, ID_HASH)));
    }

    private static boolean verifies(X509Certificate cert, PublicKey key) {
        try {
            cert.verify(key);
            return true;
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static CertificateHashData toData(CertificateHash h) {
        return new CertificateHashData(h.hashAlgorithm(),
                h.issuerNameHash(), h.issuerKeyHash(), h.serialNumber());
    }

    private static TechInfo describe(String change, String type, X509Certificate cert) {
        return TechInfo.builder().put("change", change).put("type", type)
                .put("subject", cert.getSubjectX500Principal().getName())
                .put("serial", cert.getSerialNumber().toString(16)).build();
    }

    private static InstallCertificateResponse install(InstallCertificateStatus status, String reason, String info) {
        return new InstallCertificateResponse(status, StatusInfos.of(reason, info));
    }

    @Override
    public String toString() {
        return "CertificateStoreHandler{" + store + "}";
    }

    /** Configures a {@link CertificateStoreHandler}. Not thread-safe. */
    public static final class Builder {
        private final StationCertificateStore store;
        private final SecurityEventReporter reporter;
        private Clock clock = Clock.systemUTC();
        private Optional<Supplier<SecurityProfile>> securityProfile = Optional.empty();

        private Builder(StationCertificateStore store, SecurityEventReporter reporter) {
            this.store = Objects.requireNonNull(store, "store");
            this.reporter = Objects.requireNonNull(reporter, "reporter");
        }

        /**
         * @param c the clock of the security events
         * @return this builder
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * The security profile in force, read on every message. On profile 1 (no TLS) certificate operations
         * are refused with a clear status: InstallCertificate Rejected and DeleteCertificate Failed (reason
         * {@value CertificateStoreHandler#PROFILE_1_REASON}); GetInstalledCertificateIds is still answered. The
         * same rule as {@code CertificateSigningClient.Builder#securityProfile}.
         *
         * @param profile supplies the current {@code SecurityCtrlr.SecurityProfile}
         * @return this builder
         */
        public Builder securityProfile(Supplier<SecurityProfile> profile) {
            this.securityProfile = Optional.of(Objects.requireNonNull(profile, "profile"));
            return this;
        }

        /** @return the handler */
        public CertificateStoreHandler build() {
            return new CertificateStoreHandler(this);
        }
    }
}
