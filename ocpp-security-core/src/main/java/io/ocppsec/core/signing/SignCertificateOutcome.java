package io.ocppsec.core.signing;

import io.ocppsec.api.message.CertificateSignedRequest;
import io.ocppsec.api.message.SignCertificateResponse;
import io.ocppsec.core.csr.CsrInspection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What {@link CertificateSigningService#onSignCertificate} decided: the {@link #response()} to send now,
 * the {@link #inspection()} behind it, and — when accepted — the {@link #certificateSigned()} request the
 * certificate authority will produce later.
 *
 * <pre>{@code
 * SignCertificateOutcome o = service.onSignCertificate(identity, serial, request);
 * send(o.response());                                            // first the answer (A02.FR.11/12)
 * o.certificateSigned().ifPresent(s -> s.whenComplete((req, failure) -> {
 *     if (failure == null) { call(identity, req); } else { alertOperator(identity, failure); }
 * }));
 * }</pre>
 */
public final class SignCertificateOutcome {

    private final SignCertificateResponse response;
    private final CsrInspection inspection;
    private final Optional<CompletionStage<CertificateSignedRequest>> certificateSigned;

    SignCertificateOutcome(SignCertificateResponse response, CsrInspection inspection,
                           Optional<CompletionStage<CertificateSignedRequest>> certificateSigned) {
        this.response = Objects.requireNonNull(response, "response");
        this.inspection = Objects.requireNonNull(inspection, "inspection");
        this.certificateSigned = Objects.requireNonNull(certificateSigned, "certificateSigned");
    }

    /** @return the {@code SignCertificateResponse}: Accepted, or Rejected with reason {@code InvalidCSR} */
    public SignCertificateResponse response() {
        return response;
    }

    /** @return the inspection of the CSR, with every violation found */
    public CsrInspection inspection() {
        return inspection;
    }

    /** @return whether the CSR was accepted and handed to the certificate authority */
    public boolean isAccepted() {
        return certificateSigned.isPresent();
    }

    /**
     * @return when accepted, the stage that completes with the {@code CertificateSignedRequest} to send
     *     (same {@code certificateType} as the CSR; chain leaf first), or fails when the certificate
     *     authority refuses or fails — the station is never told, so the operator must be (A02 error
     *     handling)
     */
    public Optional<CompletionStage<CertificateSignedRequest>> certificateSigned() {
        return certificateSigned;
    }

    @Override
    public String toString() {
        return "SignCertificateOutcome{" + response.status().ocppValue() + ", " + inspection + "}";
    }
}
