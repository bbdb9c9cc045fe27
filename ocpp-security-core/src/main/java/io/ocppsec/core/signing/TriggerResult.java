package io.ocppsec.core.signing;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.SignCertificateRequest;
import io.ocppsec.api.message.TriggerMessageResponse;
import io.ocppsec.core.csr.CsrException;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@code TriggerMessageRequest} for a certificate (A02): the
 * {@link #response()} to send first, and then the {@link #followUp()} {@code SignCertificateRequest}.
 *
 * <p>The follow-up is made lazily: the new key pair is generated only when {@link #followUp()} is
 * called, so call it after the {@code TriggerMessageResponse} has been sent (A02.FR.02: "after sending a
 * TriggerMessageResponse"). Later calls return the same request.
 *
 * <pre>{@code
 * TriggerResult r = signing.onTriggerMessage(trigger);
 * send(r.response());
 * r.followUp().ifPresent(this::send);      // SignCertificateRequest with certificateType set (A02.FR.13)
 * }</pre>
 */
public final class TriggerResult {

    private final TriggerMessageResponse response;
    private final Optional<CertificateSigningUse> certificateType;
    private final CertificateSigningClient client;
    private SignCertificateRequest followUp;

    TriggerResult(TriggerMessageResponse response, Optional<CertificateSigningUse> certificateType,
                  CertificateSigningClient client) {
        this.response = Objects.requireNonNull(response, "response");
        this.certificateType = Objects.requireNonNull(certificateType, "certificateType");
        this.client = Objects.requireNonNull(client, "client");
    }

    /** @return the {@code TriggerMessageResponse} to send first */
    public TriggerMessageResponse response() {
        return response;
    }

    /** @return the certificate whose update was triggered; empty when the trigger was not accepted */
    public Optional<CertificateSigningUse> certificateType() {
        return certificateType;
    }

    /**
     * Generates the new key pair and CSR (on the first call) and returns the request to send after the
     * response (A02.FR.02, A02.FR.03, A02.FR.13).
     *
     * @return the {@code SignCertificateRequest}; empty when the trigger was not accepted
     * @throws CsrException when no key pair or CSR could be made
     */
    public synchronized Optional<SignCertificateRequest> followUp() throws CsrException {
        if (certificateType.isEmpty()) {
            return Optional.empty();
        }
        if (followUp == null) {
            followUp = client.beginSigning(certificateType.get());
        }
        return Optional.of(followUp);
    }

    @Override
    public String toString() {
        return "TriggerResult{" + response.status().ocppValue() + ", certificateType="
                + certificateType.map(CertificateSigningUse::ocppValue).orElse("(none)") + "}";
    }
}
