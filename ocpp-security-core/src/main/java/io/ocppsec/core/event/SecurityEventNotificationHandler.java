package io.ocppsec.core.event;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * CSMS side of A04: checks an incoming {@code SecurityEventNotificationRequest}, hands a valid event to
 * the application and says what to answer.
 *
 * <p>When {@link Outcome#accepted()} is present, answer with the (empty) {@code
 * SecurityEventNotificationResponse} (A04.FR.03). Otherwise answer with a CALLERROR of
 * {@link Outcome#callErrorCode()}: the station keeps the event queued and retries.
 *
 * <ul>
 *   <li>{@code type}: 1 to 50 characters, no whitespace or control characters; unknown names are custom
 *       events and accepted.</li>
 *   <li>{@code techInfo}: at most 255 characters.</li>
 *   <li>{@code timestamp}: an RFC 3339 date-time. A timestamp before 2010 or more than
 *       {@code maxFutureSkew} ahead is reported as an advisory violation but still accepted: rejecting it
 *       would make a station with a wrong clock resend the event forever and block every later event in
 *       its queue.</li>
 *   <li>When the listener throws, the outcome is a CALLERROR {@code InternalError}, so the event is not
 *       confirmed before the application has it (A04.FR.02 guaranteed delivery).</li>
 * </ul>
 *
 * <pre>{@code
 * SecurityEventNotificationHandler h = SecurityEventNotificationHandler.create(
 *         (station, event) -> store.save(station, event), Clock.systemUTC(), Duration.ofDays(1));
 * Outcome o = h.handle("CS001", req.type(), req.timestamp(), req.techInfo());   // the fields as received
 * }</pre>
 */
public final class SecurityEventNotificationHandler {

    private static final System.Logger LOG = System.getLogger(SecurityEventNotificationHandler.class.getName());
    private static final Instant EARLIEST_PLAUSIBLE = Instant.parse("2010-01-01T00:00:00Z");
    private static final int MAX_TIMESTAMP_LENGTH = 64;

    /** Receives the valid events; should store them durably before returning. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param stationId the identity of the station that sent the notification
         * @param event the event (its techInfo is the station's text, not scrubbed)
         * @throws Exception when the event could not be taken; the notification is then not confirmed
         */
        void onSecurityEvent(String stationId, SecurityEvent event) throws Exception;
    }

    /**
     * What to answer.
     *
     * @param accepted the event handed to the listener, when the notification is to be confirmed
     * @param validation every violation found (advisory ones may come with an accepted event)
     * @param callErrorCode the OCPP-J CALLERROR code when not accepted ({@code FormatViolation},
     *     {@code PropertyConstraintViolation} or {@code InternalError}), empty otherwise
     */
    public record Outcome(Optional<SecurityEvent> accepted, ValidationResult validation, Optional<String> callErrorCode) {
        /**
         * @throws NullPointerException for a null component
         */
        public Outcome {
            Objects.requireNonNull(accepted, "accepted");
            Objects.requireNonNull(validation, "validation");
            Objects.requireNonNull(callErrorCode, "callErrorCode");
        }
    }

    private final Listener listener;
    private final Clock clock;
    private final Duration maxFutureSkew;

    private SecurityEventNotificationHandler(Listener listener, Clock clock, Duration maxFutureSkew) {
        this.listener = listener;
        this.clock = clock;
        this.maxFutureSkew = maxFutureSkew;
    }

    /**
     * @param listener receives valid events
     * @param clock the CSMS's clock
     * @param maxFutureSkew how far ahead of the CSMS clock a timestamp may be before it is flagged
     * @return the handler
     */
    public static SecurityEventNotificationHandler create(Listener listener, Clock clock, Duration maxFutureSkew) {
        Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
        if (maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("maxFutureSkew must not be negative");
        }
        return new SecurityEventNotificationHandler(Objects.requireNonNull(listener, "listener"),
                Objects.requireNonNull(clock, "clock"), maxFutureSkew);
    }

    /**
     * @param stationId the identity of the sending station (from its connection)
     * @param type the {@code type} field
     * @param timestamp the {@code timestamp} field as received
     * @param techInfo the {@code techInfo} field, if present
     * @return what to answer
     */
    public Outcome handle(String stationId, String type, String timestamp, Optional<String> techInfo) {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(techInfo, "techInfo");
        ValidationResult.Builder v = ValidationResult.builder();
        String code = null;
        SecurityEventType eventType = null;
        if (type.isEmpty() || type.length() > SecurityEventType.MAX_NAME_LENGTH) {
            v.add("A04.FR.01", RequirementLevel.SHALL, "type of " + type.length() + " characters",
                    "1 to " + SecurityEventType.MAX_NAME_LENGTH + " characters (schema maxLength)");
            code = "FormatViolation";
        } else {
            try {
                eventType = SecurityEventType.of(type);
            } catch (IllegalArgumentException e) {
                v.add("A04.FR.01", RequirementLevel.SHALL, "type with whitespace or control characters",
                        "a security event name from Appendix 1 or a custom name without whitespace");
                code = "PropertyConstraintViolation";
            }
        }
        if (techInfo.isPresent() && techInfo.get().length() > SecurityEvent.MAX_TECH_INFO_LENGTH) {
            v.add("A04.FR.01", RequirementLevel.SHALL, "techInfo of " + techInfo.get().length() + " characters",
                    "at most " + SecurityEvent.MAX_TECH_INFO_LENGTH + " characters (schema maxLength)");
            code = "FormatViolation";
        }
        Instant at = null;
        if (timestamp.length() > MAX_TIMESTAMP_LENGTH) {
            v.add("A04.FR.01", RequirementLevel.SHALL, "timestamp of " + timestamp.length() + " characters",
                    "an RFC 3339 date-time");
            code = "FormatViolation";
        } else {
            try {
                at = OffsetDateTime.parse(timestamp).toInstant();
            } catch (DateTimeParseException e) {
                v.add("A04.FR.01", RequirementLevel.SHALL, "timestamp that is not an RFC 3339 date-time",
                        "e.g. 2025-03-01T10:00:00Z");
                code = "FormatViolation";
            }
        }
        if (at != null) {
            Instant now = clock.instant();
            if (at.isBefore(EARLIEST_PLAUSIBLE) || at.isAfter(now.plus(maxFutureSkew))) {
                v.add("A04.FR.01", RequirementLevel.SHOULD, "timestamp " + at + " (CSMS time " + now + ")",
                        "a time between " + EARLIEST_PLAUSIBLE + " and " + maxFutureSkew + " after the CSMS time;"
                                + " the station's clock is probably wrong");
            }
        }
        if (code != null) {
            return new Outcome(Optional.empty(), v.build(), Optional.of(code));
        }
        SecurityEvent event = new SecurityEvent(eventType, at, techInfo);
        try {
            listener.onSecurityEvent(stationId, event);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "Security event listener failed; not confirming the notification",
                    e);
            return new Outcome(Optional.empty(), v.build(), Optional.of("InternalError"));
        }
        return new Outcome(Optional.of(event), v.build(), Optional.empty());
    }
}
