package io.ocppsec.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.testing.Verifies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Verifies("A04.FR.03")
class SecurityEventNotificationHandlerTest {

    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    final List<String> received = new ArrayList<>();
    final SecurityEventNotificationHandler handler = SecurityEventNotificationHandler.create(
            (station, e) -> received.add(station + ":" + e.type() + ":" + e.timestamp()),
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1));

    @Test
    void validNotificationIsConfirmedAndHandedOver() {
        SecurityEventNotificationHandler.Outcome o = handler.handle("CS001", "InvalidCsmsCertificate",
                "2025-03-01T09:59:00.123+01:00", Optional.of("chain expired"));
        assertThat(o.accepted()).isPresent();
        assertThat(o.accepted().get().type()).isSameAs(SecurityEventType.INVALID_CSMS_CERTIFICATE);
        assertThat(o.validation().isClean()).isTrue();
        assertThat(o.callErrorCode()).isEmpty();
        assertThat(received).containsExactly("CS001:InvalidCsmsCertificate:2025-03-01T08:59:00.123Z");
    }

    @Test
    void customTypeIsAccepted() {
        assertThat(handler.handle("CS1", "VendorDoorOpened", "2025-03-01T09:00:00Z", Optional.empty()).accepted())
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "tab\tname", "x"})
    void badTypes(String type) {
        String t = type.equals("x") ? "x".repeat(51) : type;
        SecurityEventNotificationHandler.Outcome o = handler.handle("CS1", t, "2025-03-01T09:00:00Z", Optional.empty());
        assertThat(o.accepted()).isEmpty();
        assertThat(o.callErrorCode()).get().isIn("FormatViolation", "PropertyConstraintViolation");
        assertThat(o.validation().isCompliant()).isFalse();
        assertThat(received).isEmpty();
    }

    @Test
    void overlongTechInfoIsAFormatViolation() {
        SecurityEventNotificationHandler.Outcome o = handler.handle("CS1", "FirmwareUpdated", "2025-03-01T09:00:00Z",
                Optional.of("y".repeat(256)));
        assertThat(o.callErrorCode()).contains("FormatViolation");
        assertThat(o.validation().describe()).contains("256 characters").doesNotContain("yyyy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2025-03-01", "2025-13-01T00:00:00Z", "2025-03-01T10:00:00",
        "1741000000"})
    void badTimestamps(String ts) {
        SecurityEventNotificationHandler.Outcome o = handler.handle("CS1", "FirmwareUpdated", ts, Optional.empty());
        assertThat(o.callErrorCode()).contains("FormatViolation");
        assertThat(received).isEmpty();
    }

    @Test
    void hugeTimestampIsRejectedBeforeParsing() {
        assertThat(handler.handle("CS1", "FirmwareUpdated", "9".repeat(100_000), Optional.empty()).callErrorCode())
                .contains("FormatViolation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2025-03-01T12:00:00Z", "9999-12-31T23:59:59Z"})
    void implausibleTimestampsAreFlaggedButConfirmed(String ts) {
        SecurityEventNotificationHandler.Outcome o = handler.handle("CS1", "StartupOfTheDevice", ts, Optional.empty());
        assertThat(o.accepted()).isPresent();
        assertThat(o.validation().isCompliant()).isTrue();
        assertThat(o.validation().advisory()).hasSize(1);
        assertThat(o.validation().advisory().get(0).message()).contains("clock");
    }

    @Test
    void listenerFailureIsNotConfirmed() {
        SecurityEventNotificationHandler h = SecurityEventNotificationHandler.create((s, e) -> {
            throw new java.io.IOException("database down");
        }, Clock.systemUTC(), Duration.ofDays(1));
        SecurityEventNotificationHandler.Outcome o = h.handle("CS1", "FirmwareUpdated", "2025-03-01T09:00:00Z",
                Optional.empty());
        assertThat(o.accepted()).isEmpty();
        assertThat(o.callErrorCode()).contains("InternalError");
    }

    @Test
    void rejectsBadConfiguration() {
        assertThatThrownBy(() -> SecurityEventNotificationHandler.create((s, e) -> { }, Clock.systemUTC(),
                Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(SecurityEvent.of(SecurityEventType.FIRMWARE_UPDATED, NOW)).isNotNull();
    }
}
