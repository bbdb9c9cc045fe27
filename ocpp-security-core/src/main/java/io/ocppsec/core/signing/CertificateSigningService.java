package io.ocppsec.core.signing;

import io.ocppsec.api.message.CertificateSignedRequest;
import io.ocppsec.api.message.GenericStatus;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.api.message.SignCertificateResponse;
import io.ocppsec.api.message.StatusInfo;
import io.ocppsec.api.spi.CertificateAuthority;
import io.ocppsec.api.spi.CertificateSigningRequest;
import io.ocppsec.core.cert.CertificateParser;
import io.ocppsec.core.csr.CsrInspection;
import io.ocppsec.core.csr.CsrInspector;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The CSMS's handling of a {@code SignCertificateRequest} (A02 steps 4–9, A03 steps 3–8):
 *
 * <ol>
 *   <li>the CSR is inspected by the {@link CsrInspector} against the serial number bound to the connected
 *       station (proof of possession, CN = that serial, O = the CSO name, key strength);</li>
 *   <li>the answer is {@code Accepted} when it can be processed (A02.FR.11, A03.FR.11), else {@code Rejected}
 *       with reason {@code InvalidCSR} (A02.FR.12, A03.FR.12);</li>
 *   <li>an accepted CSR goes to the {@link CertificateAuthority} (A02.FR.04, A03.FR.04: a dedicated CA, not
 *       the CSMS itself); its chain becomes a {@code CertificateSignedRequest} with the same
 *       {@code certificateType} as the CSR (A02.FR.14, A03.FR.14) and the chain in PEM, leaf first, at most
 *       10000 characters. A chain for another key than the CSR's, or too long, fails the stage.</li>
 * </ol>
 *
 * <pre>{@code
 * CertificateSigningService service = CertificateSigningService.of(CsrInspector.forOrganization("Example CSO"), ca);
 * SignCertificateOutcome o = service.onSignCertificate("CS-0001", "CS-0001", request);
 * send(o.response());
 * o.certificateSigned().ifPresent(stage -> stage.thenAccept(req -> call("CS-0001", req)));
 * }</pre>
 *
 * <p>Thread-safe when the certificate authority is.
 */
public final class CertificateSigningService {

    /** {@code certificateChain} maxLength in the CertificateSignedRequest schema. */
    public static final int MAX_CHAIN_CHARS = 10_000;

    private static final System.Logger LOG = System.getLogger(CertificateSigningService.class.getName());

    private final CsrInspector inspector;
    private final CertificateAuthority authority;

    private CertificateSigningService(CsrInspector inspector, CertificateAuthority authority) {
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.authority = Objects.requireNonNull(authority, "authority");
    }

    /**
     * @param inspector checks each CSR before it reaches the CA
     * @param authority the certificate authority server that signs accepted CSRs
     * @return the service
     */
    public static CertificateSigningService of(CsrInspector inspector, CertificateAuthority authority) {
        return new CertificateSigningService(inspector, authority);
    }

    /**
     * Handles a {@code SignCertificateRequest} from a connected station.
     *
     * @param connectedStationIdentity the identity of the connection it came on (for logs)
     * @param stationSerial the serial number bound to that identity: the CN the CSR must carry
     * @param request the request
     * @return the response to send now and, when accepted, the later {@code CertificateSignedRequest}
     * @throws IllegalArgumentException for a blank identity or serial
     */
    public SignCertificateOutcome onSignCertificate(String connectedStationIdentity, String stationSerial,
                                                    SignCertificateRequest request) {
        Objects.requireNonNull(connectedStationIdentity, "connectedStationIdentity");
        Objects.requireNonNull(stationSerial, "stationSerial");
        Objects.requireNonNull(request, "request");
        if (connectedStationIdentity.isBlank()) {
            throw new IllegalArgumentException("connectedStationIdentity must not be blank");
        }
        CsrInspection inspection = inspector.inspect(request.csr(), stationSerial, request.certificateType());
        if (!inspection.isAccepted()) {
            // A02.FR.12 / A03.FR.12
            LOG.log(System.Logger.Level.INFO, "Rejected the CSR of station {0}: {1}", connectedStationIdentity,
                    inspection.result().blocking());
            String info = inspection.result().describe();
            SignCertificateResponse rejected = new SignCertificateResponse(GenericStatus.REJECTED,
                    Optional.of(new StatusInfo(CsrInspection.REASON_INVALID_CSR,
                            Optional.of(info.length() <= 512 ? info : info.substring(0, 509) + "..."))));
            return new SignCertificateOutcome(rejected, inspection, Optional.empty());
        }
        // A02.FR.11 / A03.FR.11
        CertificateSigningRequest forCa = inspection.signingRequest().orElseThrow();
        PublicKey requestedKey = inspection.publicKey().orElseThrow();
        CompletionStage<List<X509Certificate>> signed;
        try {
            signed = Objects.requireNonNull(authority.sign(forCa), "CertificateAuthority.sign returned null");
        } catch (RuntimeException e) {
            signed = CompletableFuture.failedFuture(e);
        }
        CompletionStage<CertificateSignedRequest> next = signed
                .thenCompose(chain -> toRequest(chain, requestedKey, request))
                .whenComplete((r, failure) -> {
                    if (failure != null) {
                        // The station is never told (A02 error handling): the operator must be.
                        LOG.log(System.Logger.Level.WARNING, "No certificate for station {0}: {1}",
                                connectedStationIdentity, failure.getMessage());
                    }
                });
        return new SignCertificateOutcome(new SignCertificateResponse(GenericStatus.ACCEPTED, Optional.empty()),
                inspection, Optional.of(next));
    }

    private static CompletionStage<CertificateSignedRequest> toRequest(List<X509Certificate> chain,
                                                                       PublicKey requestedKey,
                                                                       SignCertificateRequest request) {
        if (chain == null || chain.isEmpty() || chain.stream().anyMatch(Objects::isNull)) {
            return CompletableFuture.failedFuture(new CertificateException("The CA returned no certificate"));
        }
        if (!Arrays.equals(chain.get(0).getPublicKey().getEncoded(), requestedKey.getEncoded())) {
            return CompletableFuture.failedFuture(new CertificateException(
                    "The CA returned a certificate for another key than the CSR's"));
        }
        String pem;
        try {
            pem = CertificateParser.toPem(chain);
        } catch (CertificateEncodingException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (pem.length() > MAX_CHAIN_CHARS) {
            return CompletableFuture.failedFuture(new CertificateException("The chain has " + pem.length()
                    + " characters in PEM; CertificateSignedRequest.certificateChain allows " + MAX_CHAIN_CHARS));
        }
        // A02.FR.14 / A03.FR.14: the same certificateType as the SignCertificateRequest.
        return CompletableFuture.completedFuture(new CertificateSignedRequest(pem, request.certificateType()));
    }

    @Override
    public String toString() {
        return "CertificateSigningService{" + inspector + ", ca=" + authority + "}";
    }
}
