package io.ocppsec.core.event.internal;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.core.event.SecurityLogEntry;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * One security-log entry per line of JSON:
 * {@code {"seq":7,"timestamp":"2025-01-01T00:00:00Z","type":"StartupOfTheDevice","techInfo":"…","crc":"1a2b3c4d"}}.
 *
 * <p>{@code crc} is the CRC-32 of the UTF-8 bytes of the line before {@code ,"crc":}, so a torn or
 * corrupted line is detected before it is parsed.
 */
public final class LogLineCodec {

    /** No valid line is longer (type ≤ 50 and techInfo ≤ 255 characters, escaped as {@code \\uXXXX}). */
    public static final int MAX_LINE_BYTES = 4096;
    /**
     * Largest sequence number an entry may carry (2^62, far beyond any log's life): a line with a larger one is not an
     * entry this log wrote, and the sequence could not continue after it without overflowing.
     */
    public static final long MAX_SEQUENCE = 1L << 62;

    private static final String CRC_FIELD = ",\"crc\":\"";
    private static final int CRC_SUFFIX_LENGTH = CRC_FIELD.length() + 8 + 2;

    private LogLineCodec() {
    }

    /**
     * @param sequence the entry's number
     * @param event the event (its techInfo already scrubbed)
     * @return the line, without the line feed
     */
    public static String encode(long sequence, SecurityEvent event) {
        StringBuilder sb = new StringBuilder(128).append("{\"seq\":").append(sequence)
                .append(",\"timestamp\":\"").append(event.timestamp()).append("\",\"type\":");
        quote(sb, event.type().ocppName());
        if (event.techInfo().isPresent()) {
            sb.append(",\"techInfo\":");
            quote(sb, event.techInfo().get());
        }
        String body = sb.toString();
        return body + CRC_FIELD + String.format("%08x", crc(body)) + "\"}";
    }

    /**
     * @param line one line without its line feed
     * @return the entry, or empty when the line is torn, corrupt or not an entry
     */
    public static Optional<SecurityLogEntry> decode(String line) {
        if (line.length() < CRC_SUFFIX_LENGTH || line.length() > MAX_LINE_BYTES || !line.endsWith("\"}")) {
            return Optional.empty();
        }
        int at = line.length() - CRC_SUFFIX_LENGTH;
        if (!line.startsWith(CRC_FIELD, at)) {
            return Optional.empty();
        }
        String body = line.substring(0, at);
        String hex = line.substring(at + CRC_FIELD.length(), line.length() - 2);
        long expected;
        try {
            expected = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (crc(body) != expected) {
            return Optional.empty();
        }
        try (JsonReader r = Json.createReader(new StringReader(body + "}"))) {
            JsonObject o = r.readObject();
            JsonValue seq = o.get("seq");
            JsonValue ts = o.get("timestamp");
            JsonValue type = o.get("type");
            JsonValue info = o.get("techInfo");
            if (!(seq instanceof JsonNumber) || !(ts instanceof JsonString) || !(type instanceof JsonString)
                    || (info != null && !(info instanceof JsonString))) {
                return Optional.empty();
            }
            SecurityEvent event = new SecurityEvent(SecurityEventType.of(((JsonString) type).getString()),
                    Instant.parse(((JsonString) ts).getString()),
                    info == null ? Optional.empty() : Optional.of(((JsonString) info).getString()));
            long sequence = ((JsonNumber) seq).longValueExact();
            if (sequence > MAX_SEQUENCE) {
                return Optional.empty(); // a CRC-valid line with an impossible number (found by fuzzing)
            }
            return Optional.of(new SecurityLogEntry(sequence, event));
        } catch (JsonException | ArithmeticException | DateTimeParseException | IllegalArgumentException e) {
            // JsonParsingException is a JsonException; a CRC collision on garbage still ends here.
            return Optional.empty();
        }
    }

    private static long crc(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /** Writes a JSON string literal; control characters, quotes, backslashes and non-ASCII are escaped. */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
