package io.ocppsec.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.core.credential.StationPasswordUpdate.Outcome;
import io.ocppsec.core.credential.StationPasswordUpdate.Status;
import io.ocppsec.core.password.PasswordPolicy;
import io.ocppsec.testing.Verifies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StationPasswordUpdateTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);
    static final String NEW = "NewPassword-0123456789";

    @TempDir
    Path dir;

    final List<SecurityEvent> securityLog = new ArrayList<>();

    StationPasswordUpdate handler(StationPasswordStore store) {
        return new StationPasswordUpdate(PasswordPolicy.EDITION_3, store, securityLog::add, CLOCK);
    }

    /** A real file store, as on a station. */
    StationPasswordStore fileStore(Path file) {
        return pw -> {
            byte[] b = pw.utf8();
            try {
                Files.write(file, b);
            } finally {
                java.util.Arrays.fill(b, (byte) 0);
            }
        };
    }

    @Test
    @Verifies({"A01.FR.01", "A01.FR.02", "A01.FR.11", "A01.FR.12"})
    void acceptedValueIsStoredLoggedWithoutValueAndTriggersReconnect() throws Exception {
        Path file = dir.resolve("basic-auth-password");
        Outcome o = handler(fileStore(file)).handle("SecurityCtrlr", "BasicAuthPassword", NEW);
        assertThat(o.status()).isEqualTo(Status.ACCEPTED);
        assertThat(o.ocppStatus()).isEqualTo("Accepted");
        assertThat(o.reconnectAfterResponse()).isTrue();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(NEW);
        assertThat(securityLog).hasSize(1);
        SecurityEvent e = securityLog.get(0);
        assertThat(e.type()).isEqualTo(SecurityEventType.RECONFIGURATION_OF_SECURITY_PARAMETERS);
        assertThat(e.timestamp()).isEqualTo(CLOCK.instant());
        assertThat(e.techInfo()).contains(StationPasswordUpdate.TECH_INFO);
        assertThat(e.toString()).doesNotContain(NEW);
        assertThat(o.toString()).doesNotContain(NEW);
    }

    @Test
    void componentAndVariableNamesIgnoreCase() {
        assertThat(handler(pw -> { }).handle("securityctrlr", "BASICAUTHPASSWORD", NEW).status())
                .isEqualTo(Status.ACCEPTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "has spaces in the password", "abcdefghijklmnop#", "ééééééééééééééééé"})
    @Verifies({"A00.FR.205", "A00.FR.304", "A01.FR.12"})
    void invalidValuesAreRejectedAndNothingIsStored(String value) {
        List<String> stored = new ArrayList<>();
        Outcome o = handler(pw -> stored.add(pw.reveal())).handle("SecurityCtrlr", "BasicAuthPassword", value);
        assertThat(o.status()).isEqualTo(Status.REJECTED);
        assertThat(o.ocppStatus()).isEqualTo("Rejected");
        assertThat(o.reconnectAfterResponse()).isFalse();
        assertThat(o.violations().isCompliant()).isFalse();
        assertThat(o.violations().describe()).doesNotContain(value);
        assertThat(stored).isEmpty();
        assertThat(securityLog).isEmpty();
    }

    @Test
    void oversizedValueIsRejectedCheaply() {
        Outcome o = handler(pw -> { }).handle("SecurityCtrlr", "BasicAuthPassword", "a".repeat(1_000_000));
        assertThat(o.status()).isEqualTo(Status.REJECTED);
    }

    @Test
    void storageFailureIsRejectedAndTheMessageIsNotPropagated() {
        Outcome o = handler(pw -> {
            throw new IOException("disk full");
        }).handle("SecurityCtrlr", "BasicAuthPassword", NEW);
        assertThat(o.status()).isEqualTo(Status.REJECTED);
        assertThat(securityLog).isEmpty();
    }

    @Test
    void securityLogFailureDoesNotUndoTheChange() {
        StationPasswordUpdate h = new StationPasswordUpdate(PasswordPolicy.EDITION_3, pw -> { }, e -> {
            throw new IllegalStateException("log full");
        }, CLOCK);
        assertThat(h.handle("SecurityCtrlr", "BasicAuthPassword", NEW).status()).isEqualTo(Status.ACCEPTED);
    }

    @Test
    void otherVariablesAreNotHandled() {
        Outcome o = handler(pw -> { }).handle("SecurityCtrlr", "OrganizationName", NEW);
        assertThat(o.status()).isEqualTo(Status.NOT_THIS_VARIABLE);
        assertThat(o.reconnectAfterResponse()).isFalse();
        assertThatThrownBy(o::ocppStatus).isInstanceOf(IllegalStateException.class);
        assertThat(handler(pw -> { }).handle("OCPPCommCtrlr", "BasicAuthPassword", NEW).status())
                .isEqualTo(Status.NOT_THIS_VARIABLE);
    }

    @Test
    void errataPolicyAcceptsUtf8() {
        StationPasswordUpdate h = new StationPasswordUpdate(PasswordPolicy.errata2025(64), pw -> { }, securityLog::add,
                CLOCK);
        assertThat(h.handle("SecurityCtrlr", "BasicAuthPassword", "Pässwort mit Leerzeichen 123").status())
                .isEqualTo(Status.ACCEPTED);
    }
}
