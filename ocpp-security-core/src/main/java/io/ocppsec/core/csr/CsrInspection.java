package io.ocppsec.core.csr;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.spi.CertificateSigningRequest;
import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * The outcome of {@link CsrInspector#inspect}: the decision for {@code SignCertificateResponse}
 * (A02.FR.11/12, A03.FR.11/12), every violation found, and — when the request could be read — its
 * subject and public key for the certificate authority.
 *
 * <pre>{@code
 * CsrInspection inspection = inspector.inspect(request.csr(), stationSerial, request.certificateType());
 * if (inspection.isAccepted()) {
 *     respond(ACCEPTED);
 *     ca.sign(inspection.signingRequest().orElseThrow());
 * } else {
 *     respond(REJECTED, inspection.reasonCode().orElseThrow(), inspection.result().describe());
 * }
 * }</pre>
 */
public final class CsrInspection {

    /** The {@code StatusInfo.reasonCode} of a rejected {@code SignCertificateResponse}. */
    public static final String REASON_INVALID_CSR = "InvalidCSR";

    /** The answer for {@code SignCertificateResponse.status}. */
    public enum Decision {
        /** The CSR will be forwarded to the certificate authority (A02.FR.11, A03.FR.11). */
        ACCEPTED("Accepted"),
        /** The CSR is refused (A02.FR.12, A03.FR.12). */
        REJECTED("Rejected");

        private final String ocppValue;

        Decision(String ocppValue) {
            this.ocppValue = ocppValue;
        }

        /** @return the value as written in OCPP-J ({@code GenericStatusEnumType}) */
        public String ocppValue() {
            return ocppValue;
        }
    }

    private final ValidationResult result;
    private final Optional<X500Principal> subject;
    private final Optional<PublicKey> publicKey;
    private final Optional<CertificateSigningRequest> signingRequest;
    private final Optional<CertificateSigningUse> certificateType;

    CsrInspection(ValidationResult result, Optional<X500Principal> subject, Optional<PublicKey> publicKey,
                  Optional<CertificateSigningRequest> signingRequest, Optional<CertificateSigningUse> certificateType) {
        this.result = Objects.requireNonNull(result, "result");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        this.certificateType = Objects.requireNonNull(certificateType, "certificateType");
        this.signingRequest = result.isCompliant() ? Objects.requireNonNull(signingRequest, "signingRequest")
                : Optional.empty();
    }

    /** @return ACCEPTED when no SHALL / SHALL NOT is broken, else REJECTED */
    public Decision decision() {
        return result.isCompliant() ? Decision.ACCEPTED : Decision.REJECTED;
    }

    /** @return whether the request may go to the certificate authority */
    public boolean isAccepted() {
        return decision() == Decision.ACCEPTED;
    }

    /** @return every violation; advisory ones (e.g. a requested EKU, A00.FR.514) do not reject */
    public ValidationResult result() {
        return result;
    }

    /** @return {@value #REASON_INVALID_CSR} when rejected, empty when accepted */
    public Optional<String> reasonCode() {
        return isAccepted() ? Optional.empty() : Optional.of(REASON_INVALID_CSR);
    }

    /** @return the requested subject, when the request could be read */
    public Optional<X500Principal> subject() {
        return subject;
    }

    /** @return the requested public key, when the request could be read and its key decoded */
    public Optional<PublicKey> publicKey() {
        return publicKey;
    }

    /** @return the certificate type the station asked for, if it said */
    public Optional<CertificateSigningUse> certificateType() {
        return certificateType;
    }

    /**
     * @return when accepted, the request for {@link io.ocppsec.api.spi.CertificateAuthority#sign}, holding
     *     the CSR re-encoded as clean PEM, the certificate type and the station identity; empty when rejected
     */
    public Optional<CertificateSigningRequest> signingRequest() {
        return signingRequest;
    }

    @Override
    public String toString() {
        return "CsrInspection{" + decision() + ", subject=" + subject.map(X500Principal::getName).orElse("(unread)")
                + ", violations=" + result.violations() + "}";
    }
}
