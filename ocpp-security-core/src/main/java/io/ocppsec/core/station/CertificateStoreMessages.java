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
import io.ocppsec.api.message.StatusInfo;
import io.ocppsec.core.cert.CertificateParseException;
import io.ocppsec.core.cert.CertificateParser;
import io.ocppsec.core.cert.SignedCertificateCheck;
import io.ocppsec.core.event.TechInfo;
import io.ocppsec.core.store.CertificateHash;
import io.ocppsec.core.store.CertificateStoreException;
import io.ocppsec.core.store.DeleteResult;
import io.ocppsec.core.store.RootCertificateType;
import io.ocppsec.core.store.RootInstallResult;
import io.ocppsec.core.store.StationCertificate;
import io.ocppsec.core.store.StationCertificateStore;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** InstallCertificate, DeleteCertificate and GetInstalledCertificateIds mapped onto the store. */
final class CertificateStoreMessages {

    private static final System.Logger LOG = System.getLogger(StationCertificateManager.class.getName());
    /** Hash used in GetInstalledCertificateIds answers. */
    private static final HashAlgorithm ID_HASH = HashAlgorithm.SHA256;
    /** maxItems of childCertificateHashData. */
    private static final int MAX_CHILDREN = 4;

    private final StationCertificateStore store;
    private final SecurityEvents events;

    CertificateStoreMessages(StationCertificateStore store, SecurityEvents events) {
        this.store = store;
        this.events = events;
    }

    InstallCertificateResponse install(InstallCertificateRequest request) {
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
        switch (result) {
            case ACCEPTED:
                if (!known) {
                    events.reconfigured(describe("InstallCertificate", type.ocppValue(), cert));
                }
                return new InstallCertificateResponse(InstallCertificateStatus.ACCEPTED, Optional.empty());
            case FAILED_STORE_FULL:
                return install(InstallCertificateStatus.FAILED, "OutOfStorage", "the certificate store is full");
            default:
                return install(InstallCertificateStatus.REJECTED, SignedCertificateCheck.INVALID_CERTIFICATE,
                        result.name());
        }
    }

    DeleteCertificateResponse delete(DeleteCertificateRequest request) {
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
        switch (result) {
            case ACCEPTED:
                events.reconfigured(TechInfo.builder().put("change", "DeleteCertificate")
                        .put("serial", hash.serialNumber()).build());
                return new DeleteCertificateResponse(DeleteCertificateStatus.ACCEPTED, Optional.empty());
            case FAILED_ACTIVE_CLIENT_CERTIFICATE:
                // The station's own certificate in use must stay (M04: Failed).
                return new DeleteCertificateResponse(DeleteCertificateStatus.FAILED, Optional.of(new StatusInfo(
                        "NotSupported", Optional.of("the certificate is the station's active client certificate"))));
            default:
                return new DeleteCertificateResponse(DeleteCertificateStatus.NOT_FOUND, Optional.empty());
        }
    }

    GetInstalledCertificateIdsResponse installedIds(GetInstalledCertificateIdsRequest request) {
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

    static CertificateHashData toData(CertificateHash h) {
        return new CertificateHashData(h.hashAlgorithm(),
                h.issuerNameHash(), h.issuerKeyHash(), h.serialNumber());
    }

    static TechInfo describe(String change, String type, X509Certificate cert) {
        return TechInfo.builder().put("change", change).put("type", type)
                .put("subject", cert.getSubjectX500Principal().getName())
                .put("serial", cert.getSerialNumber().toString(16)).build();
    }

    private static InstallCertificateResponse install(InstallCertificateStatus status, String reason, String info) {
        return new InstallCertificateResponse(status, Optional.of(new StatusInfo(reason, Optional.of(clip(info)))));
    }

    static String clip(String s) {
        return s.length() <= 512 ? s : s.substring(0, 509) + "...";
    }
}
