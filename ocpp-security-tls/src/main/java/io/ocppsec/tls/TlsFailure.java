package io.ocppsec.tls;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.requirement.ValidationResult;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A classified TLS failure: what went wrong, on which endpoint, and the violations behind it.
 * A Charging Station turns it into the security event OCPP requires with {@link #toSecurityEvent()}:
 * InvalidCsmsCertificate (A00.FR.310/413), InvalidTLSVersion (A00.FR.316/419) or InvalidTLSCipherSuite
 * (A00.FR.323/426). A CSMS logs it (A00.FR.408).
 *
 * @param kind what went wrong
 * @param endpoint the local endpoint that saw the failure
 * @param violations the violations found by the trust manager or the session check (may be empty)
 * @param detail a short technical description (no secrets; at most 512 characters)
 * @param peer the remote host and port, when known
 * @param at when the failure was seen
 */
public record TlsFailure(Kind kind, Endpoint endpoint, ValidationResult violations, String detail,
                         Optional<String> peer, Instant at) {

    /** Maximum length of {@link #detail()}. */
    public static final int MAX_DETAIL = 512;

    /** What went wrong. */
    public enum Kind {
        /** This endpoint refused the peer's certificate (path, name, organization, revocation, expiry…). */
        INVALID_PEER_CERTIFICATE,
        /** No common TLS version of 1.2 or above: the peer only allows an older version (A00.FR.315/316). */
        TLS_VERSION,
        /** No common allowed cipher suite: the peer only allows unsuitable suites (A00.FR.322/323). */
        CIPHER_SUITE,
        /** The peer refused this endpoint's certificate (an alert such as bad_certificate was received). */
        REJECTED_BY_PEER,
        /** Anything else: network errors, timeouts, malformed records. */
        OTHER
    }

    /** The endpoint that reports. */
    public enum Endpoint {
        /** The CSMS, TLS server. */
        CSMS,
        /** The Charging Station, TLS client. */
        CHARGING_STATION
    }

    /** Validates and clips the detail. */
    public TlsFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(violations, "violations");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(at, "at");
        detail = detail.replaceAll("\\p{Cntrl}", " ");
        if (detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + "...";
        }
    }

    /**
     * @return the OCPP security event a Charging Station raises for this failure; empty for a CSMS (no
     *     standard event exists for it) and for {@link Kind#REJECTED_BY_PEER} / {@link Kind#OTHER}
     */
    public Optional<SecurityEventType> securityEventType() {
        if (endpoint != Endpoint.CHARGING_STATION) {
            return Optional.empty();
        }
        switch (kind) {
            case INVALID_PEER_CERTIFICATE:
                return Optional.of(SecurityEventType.INVALID_CSMS_CERTIFICATE);
            case TLS_VERSION:
                return Optional.of(SecurityEventType.INVALID_TLS_VERSION);
            case CIPHER_SUITE:
                return Optional.of(SecurityEventType.INVALID_TLS_CIPHER_SUITE);
            default:
                return Optional.empty();
        }
    }

    /** @return the security event with a techInfo of at most 255 characters, when one applies */
    public Optional<SecurityEvent> toSecurityEvent() {
        return securityEventType().map(t -> {
            String info = violations.blocking().isEmpty() ? detail : violations.blocking().get(0).message();
            if (info.length() > SecurityEvent.MAX_TECH_INFO_LENGTH) {
                info = info.substring(0, SecurityEvent.MAX_TECH_INFO_LENGTH - 3) + "...";
            }
            return SecurityEvent.of(t, at, info);
        });
    }
}
