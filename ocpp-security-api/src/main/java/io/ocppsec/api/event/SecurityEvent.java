package io.ocppsec.api.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One occurrence of a security event: what happened, when, and optional technical detail.
 *
 * <p>{@code techInfo} is free text sent to the CSMS and written to the security log, so it must never
 * hold a secret (A01.FR.12); it is limited to 255 characters like
 * {@code SecurityEventNotificationRequest.techInfo}.
 *
 * @param type the event type
 * @param timestamp when it happened
 * @param techInfo additional technical information, if any
 */
public record SecurityEvent(SecurityEventType type, Instant timestamp, Optional<String> techInfo) {

    /** Maximum length of {@code techInfo} in the official schema. */
    public static final int MAX_TECH_INFO_LENGTH = 255;

    /**
     * @throws NullPointerException for a null argument
     * @throws IllegalArgumentException when techInfo is longer than 255 characters
     */
    public SecurityEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(techInfo, "techInfo");
        if (techInfo.isPresent() && techInfo.get().length() > MAX_TECH_INFO_LENGTH) {
            throw new IllegalArgumentException("techInfo must have at most " + MAX_TECH_INFO_LENGTH
                    + " characters, had " + techInfo.get().length());
        }
    }

    /**
     * @param type the event type
     * @param timestamp when it happened
     * @return an event without techInfo
     */
    public static SecurityEvent of(SecurityEventType type, Instant timestamp) {
        return new SecurityEvent(type, timestamp, Optional.empty());
    }

    /**
     * @param type the event type
     * @param timestamp when it happened
     * @param techInfo technical detail, at most 255 characters, never a secret
     * @return the event
     */
    public static SecurityEvent of(SecurityEventType type, Instant timestamp, String techInfo) {
        return new SecurityEvent(type, timestamp, Optional.of(techInfo));
    }
}
