package io.ocppsec.core.credential;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.core.auth.BasicAuthCredentials;
import io.ocppsec.core.auth.BasicAuthException;
import io.ocppsec.core.auth.BasicAuthHeader;
import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.password.BasicAuthPassword;
import io.ocppsec.core.password.MalformedHashException;
import io.ocppsec.core.password.PasswordGenerator;
import io.ocppsec.core.password.PasswordHasher;
import io.ocppsec.core.password.PasswordPolicy;
import io.ocppsec.testing.CapturingLoggerFinder;
import io.ocppsec.testing.Verifies;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole A01 flow with a known canary password and checks that neither it, nor the generated
 * password, nor any Authorization header value appears in a log line, stderr, an exception message or a
 * toString().
 */
class SecretsNeverLeakTest {

    static final String CANARY = "CANARY-7f3a9c-SECRET-42";
    static final ChargingStationIdentity CS = ChargingStationIdentity.of("CS-CANARY");

    final List<String> texts = new ArrayList<>();
    final List<String> secrets = new ArrayList<>();

    void seen(Object o) {
        texts.add(String.valueOf(o));
    }

    void seen(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            texts.add(x.toString());
            texts.add(String.valueOf(x.getMessage()));
        }
    }

    @Test
    @Verifies({"A01.FR.09", "A01.FR.12"})
    void canaryAppearsNowhere() throws Exception {
        assertThat(CapturingLoggerFinder.isInstalled()).as("test LoggerFinder installed").isTrue();
        int logStart = CapturingLoggerFinder.lines().size();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            runFlow();
        } finally {
            System.setErr(originalErr);
        }
        List<String> logged = CapturingLoggerFinder.lines().subList(logStart, CapturingLoggerFinder.lines().size());
        assertThat(logged).as("the flow logs something").isNotEmpty();
        texts.addAll(logged);
        texts.add(err.toString(StandardCharsets.UTF_8));
        secrets.add(CANARY);
        secrets.add("7f3a9c");
        for (String text : texts) {
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    private void runFlow() throws Exception {
        SecureRandom random = new SecureRandom();
        PasswordHasher hasher = PasswordHasher.pbkdf2Sha256(1000).withRandom(random);
        Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        BasicAuthPassword canary = BasicAuthPassword.of(CANARY);
        seen(canary);
        seen(PasswordPolicy.EDITION_3.check(canary));

        // CSMS: station known with the canary as current password
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        String hash = hasher.hash(canary);
        store.put(CredentialState.withFactoryPassword(CS, hash));
        seen(store.find(CS).orElseThrow());
        seen(store);
        BasicAuthenticator auth = new BasicAuthenticator(store, hasher);

        // station connects with the canary
        String header = BasicAuthHeader.encode(CS, canary);
        secrets.add(header.substring(6));
        AuthenticationResult ok = auth.authenticate(CS.value(), header);
        assertThat(ok.isAccepted()).isTrue();
        seen(ok);
        try (BasicAuthCredentials c = BasicAuthHeader.parse(header, CS)) {
            seen(c);
            seen(c.password());
        }

        // hostile and broken headers carrying the canary
        String b64 = Base64.getEncoder().encodeToString(("CS-OTHER:" + CANARY).getBytes(StandardCharsets.UTF_8));
        secrets.add(b64);
        String[] bad = {
            "Bearer " + CANARY, "Basic " + CANARY, "Basic " + b64, "Basic  " + header.substring(6),
            "Basic " + Base64.getEncoder().encodeToString(CANARY.getBytes(StandardCharsets.UTF_8)),
            "Basic " + Base64.getEncoder().encodeToString((CANARY + ":" + CANARY).getBytes(StandardCharsets.UTF_8)),
            "Basic " + CANARY.repeat(40),
        };
        for (String h : bad) {
            seen(auth.authenticate(CS.value(), h));
            try {
                BasicAuthHeader.parse(h, CS);
            } catch (BasicAuthException e) {
                seen(e);
            }
        }
        seen(auth.authenticate(CS.value(), BasicAuthHeader.encode(CS, BasicAuthPassword.of(CANARY + "x"))));

        // malformed stored hashes
        try {
            hasher.verify(canary, "$pbkdf2-sha256$i=" + CANARY + "$AAAA$AAAA");
        } catch (MalformedHashException e) {
            seen(e);
        }

        // A01 rotation: CSMS generates, station handles SetVariables, CSMS applies the response
        PasswordRotation rotation = new PasswordRotation(store, PasswordGenerator.create(random), hasher, clock, random);
        PasswordRotation.Request req = rotation.begin(CS);
        String newPassword = req.password().reveal();
        secrets.add(newPassword);
        secrets.add(BasicAuthHeader.encode(CS, req.password()).substring(6));
        seen(req);
        seen(store.find(CS).orElseThrow());

        AtomicReference<BasicAuthPassword> stationStore = new AtomicReference<>(BasicAuthPassword.of(CANARY));
        List<SecurityEvent> securityLog = new ArrayList<>();
        StationPasswordUpdate station = new StationPasswordUpdate(PasswordPolicy.EDITION_3,
                pw -> stationStore.set(BasicAuthPassword.ofChars(pw.toCharArray())), securityLog::add, clock);
        // a bad value first (the canary with forbidden characters), then the real one
        seen(station.handle("SecurityCtrlr", "BasicAuthPassword", CANARY + " #!"));
        StationPasswordUpdate.Outcome outcome = station.handle(req.componentName(), req.variableName(), newPassword);
        seen(outcome);
        assertThat(outcome.reconnectAfterResponse()).isTrue();
        CredentialState after = rotation.complete(req, outcome.ocppStatus());
        seen(after);
        securityLog.forEach(this::seen);
        assertThat(securityLog).hasSize(1);

        // reconnect with the new password; the canary is refused now (A01.FR.03)
        AuthenticationResult withNew = auth.authenticate(CS.value(), BasicAuthHeader.encode(CS, stationStore.get()));
        assertThat(withNew.isAccepted()).isTrue();
        seen(withNew);
        AuthenticationResult withOld = auth.authenticate(CS.value(), header);
        assertThat(withOld.isAccepted()).isFalse();
        seen(withOld);

        // a failing station store whose exception carries the secret must not leak it
        StationPasswordUpdate leakyStore = new StationPasswordUpdate(PasswordPolicy.EDITION_3, pw -> {
            throw new java.io.IOException("could not write " + pw.reveal());
        }, securityLog::add, clock);
        seen(leakyStore.handle("SecurityCtrlr", "BasicAuthPassword", CANARY));

        req.close();
        seen(req);
        canary.wipe();
        seen(canary);
    }
}
