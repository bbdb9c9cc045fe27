package io.ocppsec.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.core.auth.BasicAuthHeader;
import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.credential.AuthenticationResult.Reason;
import io.ocppsec.core.credential.BasicAuthenticator.WhilePending;
import io.ocppsec.core.password.BasicAuthPassword;
import io.ocppsec.core.password.PasswordGenerator;
import io.ocppsec.core.password.PasswordHasher;
import io.ocppsec.core.password.PasswordPolicy;
import io.ocppsec.testing.Verifies;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRotationTest {

    static final PasswordHasher HASHER = PasswordHasher.pbkdf2Sha256(1000);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    static final ChargingStationIdentity CS = ChargingStationIdentity.of("CS-0001");
    static final BasicAuthPassword OLD = BasicAuthPassword.of("old-password-0123456789");

    final InMemoryCredentialStore store = new InMemoryCredentialStore();
    final SecureRandom random = new SecureRandom();
    final PasswordRotation rotation =
            new PasswordRotation(store, PasswordGenerator.create(random), HASHER, CLOCK, random);

    PasswordRotationTest() {
        store.put(CredentialState.withPassword(CS, HASHER.hash(OLD)));
    }

    BasicAuthenticator authenticator(WhilePending mode) {
        return new BasicAuthenticator(store, HASHER, mode, CredentialBootPolicy.RESTRICTIVE);
    }

    AuthenticationResult login(BasicAuthenticator auth, BasicAuthPassword pw) {
        return auth.authenticate(CS.value(), BasicAuthHeader.encode(CS, pw));
    }

    @Test
    @Verifies({"A01.FR.02", "A01.FR.06", "A01.FR.07", "A01.FR.08"})
    void beginSendsAFreshPasswordAndStoresOnlyItsHash() throws Exception {
        try (PasswordRotation.Request req = rotation.begin(CS)) {
            assertThat(req.componentName()).isEqualTo("SecurityCtrlr");
            assertThat(req.variableName()).isEqualTo("BasicAuthPassword");
            String value = req.password().reveal();
            assertThat(PasswordPolicy.EDITION_3.check(value).isClean()).isTrue();
            CredentialState s = store.find(CS).orElseThrow();
            assertThat(s.pending()).isPresent();
            assertThat(s.pending().get().since()).isEqualTo(CLOCK.instant());
            assertThat(s.pending().get().hash()).doesNotContain(value).startsWith("$pbkdf2-sha256$");
            assertThat(HASHER.verify(req.password(), s.pending().get().hash())).isTrue();
            assertThat(s.toString()).doesNotContain(value).doesNotContain(s.pending().get().hash());
            assertThat(req.toString()).doesNotContain(value);
        }
    }

    @Test
    @Verifies("A01.FR.03")
    void acceptedSwitchesToTheNewPasswordAndRejectsTheOld() throws Exception {
        BasicAuthenticator auth = authenticator(WhilePending.ACCEPT_CURRENT_ONLY);
        PasswordRotation.Request req = rotation.begin(CS);
        CredentialState after = rotation.complete(req, "Accepted");
        assertThat(after.pending()).isEmpty();
        assertThat(after.lastRotationNotAccepted()).isFalse();
        assertThat(login(auth, OLD).reason()).isEqualTo(Reason.WRONG_PASSWORD);
        AuthenticationResult ok = login(auth, req.password());
        assertThat(ok.isAccepted()).isTrue();
        assertThat(ok.reason()).isEqualTo(Reason.CURRENT_PASSWORD);
        assertThat(ok.bootDecision().orElseThrow().isPending()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Rejected", "RebootRequired", "UnknownComponent", "UnknownVariable",
        "NotSupportedAttributeType", "accepted", ""})
    @Verifies({"A01.FR.04", "A01.FR.05"})
    void anythingButAcceptedKeepsTheOldPassword(String status) throws Exception {
        BasicAuthenticator auth = authenticator(WhilePending.ACCEPT_CURRENT_AND_NEW);
        PasswordRotation.Request req = rotation.begin(CS);
        CredentialState after = rotation.complete(req, status);
        assertThat(after.pending()).isEmpty();
        assertThat(after.lastRotationNotAccepted()).isTrue();
        assertThat(login(auth, req.password()).reason()).isEqualTo(Reason.WRONG_PASSWORD);
        AuthenticationResult ok = login(auth, OLD);
        assertThat(ok.isAccepted()).isTrue();
        // A01.FR.05: still accepted, but the CSMS may hold it in Pending and retry
        BootDecision d = ok.bootDecision().orElseThrow();
        assertThat(d.status()).isEqualTo(BootDecision.Status.PENDING);
        assertThat(d.status().ocppValue()).isEqualTo("Pending");
        assertThat(d.reasons()).containsExactly(BootDecision.Reason.PASSWORD_ROTATION_NOT_ACCEPTED);
        assertThat(CredentialBootPolicy.PERMISSIVE.decide(after).isPending()).isFalse();
    }

    @Test
    @Verifies("A01.FR.05")
    void aSuccessfulRetryLiftsThePendingDecision() throws Exception {
        rotation.complete(rotation.begin(CS), "Rejected");
        assertThat(CredentialBootPolicy.RESTRICTIVE.decide(store.find(CS).orElseThrow()).isPending()).isTrue();
        CredentialState after = rotation.complete(rotation.begin(CS), "Accepted");
        assertThat(CredentialBootPolicy.RESTRICTIVE.decide(after).isPending()).isFalse();
    }

    @Test
    void whilePendingStrictModeAcceptsOnlyTheOld() throws Exception {
        BasicAuthenticator auth = authenticator(WhilePending.ACCEPT_CURRENT_ONLY);
        PasswordRotation.Request req = rotation.begin(CS);
        assertThat(login(auth, OLD).isAccepted()).isTrue();
        assertThat(login(auth, req.password()).reason()).isEqualTo(Reason.WRONG_PASSWORD);
    }

    @Test
    @Verifies("A01.FR.03")
    void whilePendingLoginWithTheNewPasswordCompletesTheRotation() throws Exception {
        BasicAuthenticator auth = authenticator(WhilePending.ACCEPT_CURRENT_AND_NEW);
        PasswordRotation.Request req = rotation.begin(CS);
        assertThat(login(auth, OLD).reason()).isEqualTo(Reason.CURRENT_PASSWORD); // still pending
        AuthenticationResult r = login(auth, req.password());
        assertThat(r.reason()).isEqualTo(Reason.NEW_PASSWORD);
        assertThat(store.find(CS).orElseThrow().pending()).isEmpty();
        assertThat(login(auth, OLD).reason()).isEqualTo(Reason.WRONG_PASSWORD);
        // the late Accepted response is now stale and changes nothing
        CredentialState before = store.find(CS).orElseThrow();
        assertThat(rotation.complete(req, "Accepted")).isEqualTo(before);
        assertThat(rotation.complete(req, "Rejected")).isEqualTo(before);
    }

    @Test
    void aStaleResponseDoesNotApplyToANewerRotation() throws Exception {
        PasswordRotation.Request first = rotation.begin(CS);
        PasswordRotation.Request second = rotation.begin(CS);
        CredentialState s = rotation.complete(first, "Accepted");
        assertThat(s.isPending(second.rotationId())).isTrue();
        BasicAuthenticator auth = authenticator(WhilePending.ACCEPT_CURRENT_ONLY);
        assertThat(login(auth, OLD).isAccepted()).isTrue();
        rotation.complete(second.identity(), second.rotationId(), true);
        assertThat(login(auth, second.password()).isAccepted()).isTrue();
        assertThat(login(auth, first.password()).isAccepted()).isFalse();
    }

    @Test
    void unknownStationsAreReported() {
        ChargingStationIdentity other = ChargingStationIdentity.of("CS-9999");
        assertThatThrownBy(() -> rotation.begin(other)).isInstanceOf(UnknownStationException.class)
                .hasMessageContaining("CS-9999");
        assertThatThrownBy(() -> rotation.complete(other, "abc", true)).isInstanceOf(UnknownStationException.class);
    }

    @Test
    @Tag("concurrency") // left out of mutation runs (docs/mutation.md)
    void concurrentRotationsOfManyStationsAllLand() throws Exception {
        int stations = 200;
        List<ChargingStationIdentity> ids = new ArrayList<>();
        for (int i = 0; i < stations; i++) {
            ChargingStationIdentity id = ChargingStationIdentity.of("CS-" + i);
            ids.add(id);
            store.put(CredentialState.withPassword(id, HASHER.hash(OLD)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        BasicAuthenticator auth = authenticator(WhilePending.ACCEPT_CURRENT_AND_NEW);
        try {
            List<Future<BasicAuthPassword>> results = new ArrayList<>();
            for (ChargingStationIdentity id : ids) {
                results.add(pool.submit(() -> {
                    PasswordRotation.Request r = rotation.begin(id);
                    // a concurrent login with the old password during the rotation
                    assertThat(auth.authenticate(id.value(), BasicAuthHeader.encode(id, OLD)).isAccepted()).isTrue();
                    rotation.complete(r, "Accepted");
                    return r.password();
                }));
            }
            for (int i = 0; i < stations; i++) {
                BasicAuthPassword pw = results.get(i).get(30, TimeUnit.SECONDS);
                ChargingStationIdentity id = ids.get(i);
                assertThat(auth.authenticate(id.value(), BasicAuthHeader.encode(id, pw)).isAccepted()).isTrue();
                assertThat(auth.authenticate(id.value(), BasicAuthHeader.encode(id, OLD)).isAccepted()).isFalse();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Tag("concurrency") // left out of mutation runs (docs/mutation.md)
    void racingLoginAndResponseAgree() throws Exception {
        for (int round = 0; round < 50; round++) {
            store.put(CredentialState.withPassword(CS, HASHER.hash(OLD)));
            PasswordRotation.Request req = rotation.begin(CS);
            BasicAuthenticator auth = authenticator(WhilePending.ACCEPT_CURRENT_AND_NEW);
            Thread t = new Thread(() -> login(auth, req.password()));
            t.start();
            rotation.complete(req, "Accepted");
            t.join();
            CredentialState s = store.find(CS).orElseThrow();
            assertThat(s.pending()).isEmpty();
            assertThat(HASHER.verify(req.password(), s.currentHash().orElseThrow())).isTrue();
        }
    }
}
