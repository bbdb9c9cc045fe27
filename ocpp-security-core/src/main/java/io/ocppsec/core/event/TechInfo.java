package io.ocppsec.core.event;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.core.event.internal.Redactor;
import io.ocppsec.core.internal.text.Secrets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code techInfo} text of a security event, built so that secrets cannot reach the security log or
 * the CSMS (A01.FR.12).
 *
 * <p>The builder only takes key/value pairs. Values under a secret name ({@code BasicAuthPassword},
 * anything named password, secret, token, authorization, credential or key material) become
 * {@code <redacted>}; every value is also scanned like free text (see {@link #scrub(String)}), so a PEM
 * private key or an {@code Authorization: Basic …} header pasted into an innocent-looking key is redacted
 * too. The result is rendered in the format the specification recommends for maintenance logins
 * ({@code {'user': '…', 'origin': '…'}}) and cut to 255 characters.
 *
 * <pre>{@code
 * TechInfo info = TechInfo.builder().put("user", "service").put("origin", "192.0.2.7").build();
 * SecurityEvent e = info.event(SecurityEventType.MAINTENANCE_LOGIN_ACCEPTED, clock.instant());
 * TechInfo.scrub("SetVariables BasicAuthPassword=hunter2hunter2");  // "SetVariables BasicAuthPassword=<redacted>"
 * }</pre>
 */
public final class TechInfo {

    /** What replaces a secret value. */
    public static final String REDACTED = Redactor.MARK;

    private final String text;

    private TechInfo(String text) {
        this.text = text;
    }

    /** @return a builder of key/value pairs */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Scans free text and redacts what looks like a secret: PEM private keys, Authorization header values,
     * Basic/Bearer credentials and values of assignments whose name says they are secret
     * ({@code password=…}, {@code "secret": "…"}). The result is cut to 255 characters.
     *
     * @param text free text, e.g. an exception message
     * @return the scrubbed text
     */
    public static String scrub(String text) {
        return clip(Redactor.scrub(Objects.requireNonNull(text, "text")));
    }

    /**
     * @param text free text
     * @return a techInfo holding the scrubbed text
     */
    public static TechInfo ofText(String text) {
        return new TechInfo(scrub(text));
    }

    /**
     * @param name a variable or field name
     * @return whether values under that name are treated as secret
     */
    public static boolean isSecretName(String name) {
        return Secrets.isSecretName(name);
    }

    /**
     * Returns the event with its techInfo scrubbed; events without techInfo are returned unchanged.
     *
     * @param event an event from anywhere
     * @return the same event, with secrets removed from its techInfo
     */
    public static SecurityEvent scrub(SecurityEvent event) {
        Objects.requireNonNull(event, "event");
        if (event.techInfo().isEmpty()) {
            return event;
        }
        String clean = scrub(event.techInfo().get());
        return clean.equals(event.techInfo().get()) ? event
                : new SecurityEvent(event.type(), event.timestamp(), Optional.of(clean));
    }

    /** @return the text, at most 255 characters, without secrets */
    public String text() {
        return text;
    }

    /**
     * @param type the event type
     * @param timestamp when it happened
     * @return an event carrying this techInfo
     */
    public SecurityEvent event(SecurityEventType type, Instant timestamp) {
        return SecurityEvent.of(type, timestamp, text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TechInfo && ((TechInfo) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** @return the text (it holds no secret) */
    @Override
    public String toString() {
        return text;
    }

    private static String clip(String s) {
        return s.length() <= SecurityEvent.MAX_TECH_INFO_LENGTH ? s
                : s.substring(0, SecurityEvent.MAX_TECH_INFO_LENGTH - 3) + "...";
    }

    /** Collects key/value pairs in insertion order; not thread-safe. */
    public static final class Builder {
        private final Map<String, String> pairs = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a pair. A value under a secret name is redacted at once, so it is never held here.
         *
         * @param key a name of letters, digits, {@code _ . -}, 1 to 50 characters
         * @param value the value; scanned for secrets
         * @return this builder
         * @throws IllegalArgumentException for a malformed key
         */
        public Builder put(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (key.isEmpty() || key.length() > 50 || !key.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException(
                        "techInfo key must be 1 to 50 letters, digits, '_', '.' or '-'");
            }
            pairs.put(key, Secrets.isSecretName(key) ? REDACTED : Redactor.scrub(value));
            return this;
        }

        /**
         * @param key a name
         * @param value a number or other non-secret value
         * @return this builder
         */
        public Builder put(String key, long value) {
            return put(key, Long.toString(value));
        }

        /** @return the techInfo, rendered as {@code {'k': 'v', …}} and cut to 255 characters */
        public TechInfo build() {
            StringBuilder sb = new StringBuilder("{");
            pairs.forEach((k, v) -> {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append('\'').append(k).append("': '").append(v.replace("\\", "\\\\").replace("'", "\\'"))
                        .append('\'');
            });
            return new TechInfo(clip(sb.append('}').toString()));
        }
    }
}
