package io.ocppsec.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityEventTypeTest {

    private static final Set<String> NOT_CRITICAL = Set.of("FailedToAuthenticateAtCsms",
            "CsmsFailedToAuthenticate", "ReconfigurationOfSecurityParameters", "InvalidMessages",
            "AttemptedReplayAttacks");

    @Test
    void hasTheTwentyStandardEventsWithTheirCriticality() {
        assertThat(SecurityEventType.standardValues()).hasSize(20);
        Set<String> nonCritical = SecurityEventType.standardValues().stream().filter(t -> !t.isCritical())
                .map(SecurityEventType::ocppName).collect(Collectors.toSet());
        assertThat(nonCritical).isEqualTo(NOT_CRITICAL);
        assertThat(SecurityEventType.standardValues()).allMatch(SecurityEventType::isStandard);
        assertThat(SecurityEventType.standardValues().get(0)).isSameAs(SecurityEventType.FIRMWARE_UPDATED);
    }

    @Test
    void lookupReturnsTheConstant() {
        assertThat(SecurityEventType.of("InvalidCsmsCertificate")).isSameAs(SecurityEventType.INVALID_CSMS_CERTIFICATE);
        assertThat(SecurityEventType.of("InvalidTLSVersion").isCritical()).isTrue();
        assertThat(SecurityEventType.standard("InvalidTLSCipherSuite")).contains(SecurityEventType.INVALID_TLS_CIPHER_SUITE);
        assertThat(SecurityEventType.standard("NotAnEvent")).isEmpty();
    }

    @Test
    void unknownNamesAreCustomAndNeverCritical() {
        SecurityEventType custom = SecurityEventType.of("CSRGenerationFailed");
        assertThat(custom.isStandard()).isFalse();
        assertThat(custom.isCritical()).isFalse();
        assertThat(custom).isEqualTo(SecurityEventType.of("CSRGenerationFailed")).hasToString("CSRGenerationFailed");
        // Case matters on the wire: a differently cased standard name is a custom event, not critical.
        assertThat(SecurityEventType.of("invalidcsmscertificate").isCritical()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "tab\there", "new\nline", "nul\u0000"})
    void rejectsMalformedNames(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> SecurityEventType.of(name));
    }

    @Test
    void rejectsNamesLongerThanTheSchemaAllowsAndNulls() {
        assertThat(SecurityEventType.of("X".repeat(50)).ocppName()).hasSize(50);
        assertThatIllegalArgumentException().isThrownBy(() -> SecurityEventType.of("X".repeat(51)))
                .withMessageContaining("50");
        assertThatNullPointerException().isThrownBy(() -> SecurityEventType.of(null));
        assertThatNullPointerException().isThrownBy(() -> SecurityEventType.standard(null));
    }

    @Test
    void securityEventEnforcesTechInfoLimit() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(SecurityEvent.of(SecurityEventType.STARTUP_OF_THE_DEVICE, t).techInfo()).isEmpty();
        assertThat(SecurityEvent.of(SecurityEventType.STARTUP_OF_THE_DEVICE, t, "x".repeat(255)).techInfo()).isPresent();
        assertThatIllegalArgumentException().isThrownBy(
                () -> SecurityEvent.of(SecurityEventType.STARTUP_OF_THE_DEVICE, t, "x".repeat(256)))
                .withMessageContaining("255");
        assertThatNullPointerException().isThrownBy(() -> SecurityEvent.of(null, t));
        assertThatNullPointerException().isThrownBy(() -> SecurityEvent.of(SecurityEventType.RESET_OR_REBOOT, null));
        assertThatNullPointerException().isThrownBy(
                () -> SecurityEvent.of(SecurityEventType.RESET_OR_REBOOT, t, null));
    }
}
