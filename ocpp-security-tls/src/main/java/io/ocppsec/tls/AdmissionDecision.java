package io.ocppsec.tls;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.credential.AuthenticationResult;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link CsmsAdmission#admit(ConnectionAttempt)} decided about a WebSocket upgrade: accept it as a
 * station identity on a security profile, or reject it with an HTTP status, every violation, a reason that
 * holds no secret and the security event that was reported.
 *
 * <pre>{@code
 * AdmissionDecision d = admission.admit(attempt);
 * if (d instanceof AdmissionDecision.Rejected) {
 *     AdmissionDecision.Rejected r = (AdmissionDecision.Rejected) d;
 *     r.wwwAuthenticate().ifPresent(v -> response.setHeader("WWW-Authenticate", v));
 *     response.sendError(r.httpStatus());
 * }
 * }</pre>
 */
public sealed interface AdmissionDecision permits AdmissionDecision.Accepted, AdmissionDecision.Rejected {

    /** The challenge sent with a 401 (RFC 7617: Basic, the password is UTF-8, A00.FR.304). */
    String BASIC_CHALLENGE = "Basic realm=\"OCPP\", charset=\"UTF-8\"";

    /** @return whether the upgrade may proceed */
    boolean isAccepted();

    /** Which rule refused the connection; each has one HTTP status. */
    enum Cause {
        /** The URL identity is not a valid Charging Station identity (A00.FR.204): 400. */
        INVALID_IDENTITY(400),
        /** A profile 2/3 endpoint got a connection without TLS (A00.FR.312, A00.FR.415): 403. */
        TLS_REQUIRED(403),
        /** The negotiated TLS version or suite is not allowed (A00.FR.313/314, 320; 416/417, 423): 403. */
        TLS_SESSION(403),
        /** Basic authentication failed (A00.FR.202–204, A00.FR.301–303; A01.FR.03): 401. */
        BASIC_AUTH(401),
        /** No valid station certificate (A00.FR.403, A00.FR.404, A00.FR.407): 403. */
        STATION_CERTIFICATE(403),
        /** The certificate CN is not the URL identity (A00.FR.405): 403. */
        IDENTITY_MISMATCH(403),
        /** The connection does not match the endpoint's profile (A00.FR.002, A00.FR.004): 403. */
        PROFILE_MISMATCH(403),
        /** The station reached a higher profile before (A05.FR.07): 403. */
        PROFILE_DOWNGRADE(403),
        /** The certificate or its key is bound to another station (A00.FR.427): 403. */
        CERTIFICATE_BINDING(403),
        /**
         * A collaborator (credential store, profile store, binding registry, revocation) failed, so a rule could
         * not be checked: 503, refused (fail closed) and the station may try again later.
         */
        UNAVAILABLE(503);

        private final int httpStatus;

        Cause(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /** @return the HTTP status the upgrade is answered with */
        public int httpStatus() {
            return httpStatus;
        }
    }

    /**
     * Accept the upgrade. Once the WebSocket is established, call {@link CsmsAdmission#connected(Accepted)} so
     * the station's profile floor is raised (A05.FR.07).
     *
     * @param identity the station identity (the URL identity, which the credentials were bound to)
     * @param profile the security profile it connected with
     * @param certificate profile 3: the verified certificate identity (its CN equals {@code identity})
     * @param basicAuthentication profiles 1 and 2: the Basic authentication result, e.g. for its
     *     BootNotification decision (A01.FR.05) or whether the new password of a rotation was used
     */
    record Accepted(ChargingStationIdentity identity, SecurityProfile profile, Optional<StationIdentity> certificate,
                    Optional<AuthenticationResult> basicAuthentication) implements AdmissionDecision {

        /** Checks for nulls and that the credential fits the profile. */
        public Accepted {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(basicAuthentication, "basicAuthentication");
            if (profile.requiresClientCertificate() != certificate.isPresent()
                    || profile.usesBasicAuth() != basicAuthentication.isPresent()
                    || basicAuthentication.filter(r -> !r.isAccepted()).isPresent()) {
                throw new IllegalArgumentException("profile " + profile.ocppValue()
                        + " is accepted with exactly its own credential");
            }
        }

        @Override
        public boolean isAccepted() {
            return true;
        }
    }

    /**
     * Refuse the upgrade with {@link #httpStatus()}.
     *
     * @param cause the rule that refused
     * @param violations every violation, each with the requirement it breaks (never compliant)
     * @param reason a one-line reason for logs and the response body, without secrets
     * @param securityEvent the event reported for this refusal (A00.FR.408)
     */
    record Rejected(Cause cause, ValidationResult violations, String reason, SecurityEvent securityEvent)
            implements AdmissionDecision {

        /** Checks for nulls; a rejection always has a blocking violation. */
        public Rejected {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(violations, "violations");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(securityEvent, "securityEvent");
            if (violations.isCompliant()) {
                throw new IllegalArgumentException("a rejection needs a blocking violation");
            }
        }

        /** @return 400, 401, 403 or 503, by {@link #cause()} */
        public int httpStatus() {
            return cause.httpStatus();
        }

        /** @return the {@code WWW-Authenticate} value to send with a 401 */
        public Optional<String> wwwAuthenticate() {
            return cause == Cause.BASIC_AUTH ? Optional.of(BASIC_CHALLENGE) : Optional.empty();
        }

        @Override
        public boolean isAccepted() {
            return false;
        }
    }
}
