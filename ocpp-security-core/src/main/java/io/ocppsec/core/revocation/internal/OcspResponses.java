package io.ocppsec.core.revocation.internal;

import io.ocppsec.api.spi.RevocationStatus;
import io.ocppsec.core.cert.CryptoPolicy;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Verifies an OCSP response (RFC 6960 section 3.2) and maps it to a {@link RevocationStatus}: response
 * status, signature by the issuer or by a responder the issuer authorised (id-kp-OCSPSigning), CertID,
 * nonce, freshness.
 */
public final class OcspResponses {

    /** id-kp-OCSPSigning. */
    static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
    /** Largest number of certificates in a response that are considered as delegated responders. */
    private static final int MAX_RESPONSE_CERTS = 8;

    private static final String[] RESPONSE_STATUS = {"successful", "malformedRequest", "internalError",
        "tryLater", "(unused 4)", "sigRequired", "unauthorized"};

    private OcspResponses() {
    }

    /**
     * What the verifier accepts.
     *
     * @param maxClockSkew tolerance between the responder's clock and ours
     * @param maxAgeWithoutNextUpdate the oldest {@code thisUpdate} accepted when the response has no
     *     {@code nextUpdate}
     * @param requireNonce whether a response that does not echo the nonce is refused
     */
    public record Policy(Duration maxClockSkew, Duration maxAgeWithoutNextUpdate, boolean requireNonce) {
        /** Checks the components. */
        public Policy {
            Objects.requireNonNull(maxClockSkew, "maxClockSkew");
            Objects.requireNonNull(maxAgeWithoutNextUpdate, "maxAgeWithoutNextUpdate");
        }
    }

    /**
     * @param der the response as received (already bounded in size)
     * @param request the request it answers
     * @param issuer the issuer of the certificate asked about
     * @param at the instant the answer must be fresh for
     * @param policy the freshness and nonce policy
     * @return GOOD, REVOKED or UNKNOWN with the reason; never null, never throws for bad input
     */
    public static RevocationStatus verify(byte[] der, OcspRequests.Built request, X509Certificate issuer,
                                          Instant at, Policy policy) {
        BasicOCSPResp basic;
        try {
            OCSPResp resp = new OCSPResp(der);
            int status = resp.getStatus();
            if (status != OCSPResp.SUCCESSFUL) {
                String name = status >= 0 && status < RESPONSE_STATUS.length ? RESPONSE_STATUS[status]
                        : String.valueOf(status);
                return RevocationStatus.unknown("responder answered status " + name);
            }
            Object body = resp.getResponseObject();
            if (!(body instanceof BasicOCSPResp)) {
                return RevocationStatus.unknown("malformed OCSP response: not a basic OCSP response");
            }
            basic = (BasicOCSPResp) body;
        } catch (IOException | OCSPException | RuntimeException e) {
            return RevocationStatus.unknown("malformed OCSP response: " + e.getClass().getSimpleName());
        }

        // A00.FR.504: the response signature is a cryptographic operation too.
        String sigOid = basic.getSignatureAlgOID().getId();
        if (!CryptoPolicy.checkSignatureAlgorithm(sigOid, false).isCompliant()) {
            return RevocationStatus.unknown("OCSP response signed with "
                    + CryptoPolicy.signatureAlgorithmName(sigOid) + ", which A00.FR.504 does not allow");
        }
        Optional<String> signerProblem = verifySigner(basic, issuer, at);
        if (signerProblem.isPresent()) {
            return RevocationStatus.unknown(signerProblem.get());
        }

        Optional<String> nonceProblem = checkNonce(basic, request, policy);
        if (nonceProblem.isPresent()) {
            return RevocationStatus.unknown(nonceProblem.get());
        }

        SingleResp single = null;
        try {
            for (SingleResp candidate : basic.getResponses()) {
                if (matches(candidate.getCertID(), request.certId(), issuer)) {
                    single = candidate;
                    break;
                }
            }
        } catch (GeneralSecurityException | OCSPException | OperatorCreationException | RuntimeException e) {
            return RevocationStatus.unknown("cannot compare the CertID of the response: " + e.getClass().getSimpleName());
        }
        if (single == null) {
            return RevocationStatus.unknown("the OCSP response does not answer for the requested certificate");
        }
        return mapStatus(single, at, policy);
    }

    private static boolean matches(CertificateID answered, CertificateID asked, X509Certificate issuer)
            throws OCSPException, OperatorCreationException, GeneralSecurityException {
        if (!answered.getSerialNumber().equals(asked.getSerialNumber())) {
            return false;
        }
        if (answered.equals(asked)) {
            return true;
        }
        // The responder may answer with another CertID hash algorithm than the one asked for.
        return answered.matchesIssuer(new JcaX509CertificateHolder(issuer), OcspRequests.digests());
    }

    private static RevocationStatus mapStatus(SingleResp single, Instant at, Policy policy) {
        Instant thisUpdate = single.getThisUpdate().toInstant();
        Optional<Instant> nextUpdate = Optional.ofNullable(single.getNextUpdate()).map(Date::toInstant);
        if (thisUpdate.isAfter(at.plus(policy.maxClockSkew()))) {
            return RevocationStatus.unknown("OCSP response thisUpdate " + thisUpdate + " is in the future (at "
                    + at + ", allowed skew " + policy.maxClockSkew() + ")");
        }
        if (nextUpdate.isPresent()) {
            if (nextUpdate.get().isBefore(at.minus(policy.maxClockSkew()))) {
                return RevocationStatus.unknown("OCSP response expired: nextUpdate " + nextUpdate.get()
                        + " is before " + at);
            }
        } else if (thisUpdate.isBefore(at.minus(policy.maxAgeWithoutNextUpdate()))) {
            return RevocationStatus.unknown("OCSP response too old: thisUpdate " + thisUpdate
                    + " without nextUpdate is older than " + policy.maxAgeWithoutNextUpdate());
        }
        CertificateStatus status = single.getCertStatus();
        if (status == CertificateStatus.GOOD) {
            return new RevocationStatus(RevocationStatus.State.GOOD, Optional.of(thisUpdate), nextUpdate,
                    Optional.empty(), "OCSP: good");
        }
        if (status instanceof RevokedStatus) {
            RevokedStatus revoked = (RevokedStatus) status;
            Instant when = revoked.getRevocationTime().toInstant();
            String reason = revoked.hasRevocationReason() ? ", reason code " + revoked.getRevocationReason() : "";
            return new RevocationStatus(RevocationStatus.State.REVOKED, Optional.of(thisUpdate), nextUpdate,
                    Optional.of(when), "OCSP: revoked at " + when + reason);
        }
        String what = status instanceof UnknownStatus ? "OCSP: the responder does not know this certificate"
                : "OCSP: unrecognised certificate status";
        return new RevocationStatus(RevocationStatus.State.UNKNOWN, Optional.of(thisUpdate), nextUpdate,
                Optional.empty(), what);
    }

    private static Optional<String> checkNonce(BasicOCSPResp basic, OcspRequests.Built request, Policy policy) {
        if (request.nonceExtensionValue().isEmpty()) {
            return Optional.empty();
        }
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (echoed == null) {
            return policy.requireNonce()
                    ? Optional.of("the OCSP response does not echo the request nonce (a nonce is required)")
                    : Optional.empty();
        }
        if (!Arrays.equals(echoed.getExtnValue().getOctets(), request.nonceExtensionValue().get())) {
            return Optional.of("the OCSP response nonce does not match the request (replayed response?)");
        }
        return Optional.empty();
    }

    /** @return empty when the response is signed by the issuer or an authorised responder, else why not */
    private static Optional<String> verifySigner(BasicOCSPResp basic, X509Certificate issuer, Instant at) {
        if (signatureValid(basic, issuer.getPublicKey())) {
            return Optional.empty();
        }
        X509CertificateHolder[] certs;
        try {
            certs = basic.getCerts();
        } catch (RuntimeException e) {
            // Bouncy Castle parses the certs field lazily; a malformed certificate there throws (found by fuzzing).
            return Optional.of("OCSP response not signed by the issuer, and its responder certificates are unreadable");
        }
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < certs.length && i < MAX_RESPONSE_CERTS; i++) {
            X509Certificate candidate;
            try {
                candidate = new JcaX509CertificateConverter().getCertificate(certs[i]);
            } catch (CertificateException | RuntimeException e) {
                reasons.add("an unreadable responder certificate");
                continue;
            }
            Optional<String> problem = delegationProblem(candidate, issuer, at);
            if (problem.isPresent()) {
                reasons.add(problem.get());
            } else if (signatureValid(basic, candidate.getPublicKey())) {
                return Optional.empty();
            } else {
                reasons.add("the response signature does not verify with the delegated responder's key");
            }
        }
        String why = reasons.isEmpty() ? "no responder certificate included" : String.join("; ", reasons);
        return Optional.of("OCSP response not signed by the issuer or a responder it authorised: " + why);
    }

    private static Optional<String> delegationProblem(X509Certificate responder, X509Certificate issuer,
                                                      Instant at) {
        String name = "responder certificate '" + clip(responder.getSubjectX500Principal().getName()) + "'";
        if (!responder.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return Optional.of(name + " is not issued by the certificate's issuer");
        }
        try {
            responder.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.of(name + " is not signed by the certificate's issuer");
        }
        try {
            List<String> eku = responder.getExtendedKeyUsage();
            if (eku == null || !eku.contains(OCSP_SIGNING)) {
                return Optional.of(name + " lacks extended key usage id-kp-OCSPSigning");
            }
        } catch (CertificateException | RuntimeException e) {
            return Optional.of(name + " has a malformed extended key usage");
        }
        try {
            responder.checkValidity(Date.from(at));
        } catch (CertificateException e) {
            return Optional.of(name + " is not valid at " + at);
        }
        if (!CryptoPolicy.checkPublicKey(responder.getPublicKey()).isCompliant()) {
            return Optional.of(name + " has a key that A00.FR.501-504 do not allow");
        }
        return Optional.empty();
    }

    private static boolean signatureValid(BasicOCSPResp basic, PublicKey key) {
        try {
            return basic.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER).build(key));
        } catch (OCSPException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    private static String clip(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
