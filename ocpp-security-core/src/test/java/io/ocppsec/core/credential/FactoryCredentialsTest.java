package io.ocppsec.core.credential;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.core.auth.BasicAuthHeader;
import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.credential.FactoryCredentials.FactoryPassword;
import io.ocppsec.core.csr.GeneratedCsr;
import io.ocppsec.core.password.PasswordGenerator;
import io.ocppsec.core.password.PasswordHasher;
import io.ocppsec.core.password.PasswordPolicy;
import io.ocppsec.testing.Verifies;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactoryCredentialsTest {

    static final PasswordHasher HASHER = PasswordHasher.pbkdf2Sha256(1000);

    @Test
    @Verifies({"A00.FR.801", "A00.FR.802", "A01.FR.06"})
    void factoryPasswordsAreUniqueRandomAndOnlyTheHashGoesToTheCsms() throws Exception {
        PasswordGenerator gen = PasswordGenerator.create(new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            ChargingStationIdentity id = ChargingStationIdentity.of("CS-" + i);
            try (FactoryPassword f = FactoryCredentials.password(id, gen, HASHER)) {
                String clear = f.password().reveal();
                assertThat(seen.add(clear)).isTrue();
                assertThat(PasswordPolicy.EDITION_3.check(clear).isClean()).isTrue();
                assertThat(f.csmsHash()).doesNotContain(clear);
                assertThat(HASHER.verify(f.password(), f.csmsHash())).isTrue();
                assertThat(f.csmsImport().factoryCredentials()).isTrue();
                assertThat(f.toString()).doesNotContain(clear);
            }
        }
    }

    @Test
    @Verifies({"A00.FR.805", "A00.FR.806"})
    void stationIsHeldInPendingUntilTheFactoryPasswordIsReplaced() throws Exception {
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        ChargingStationIdentity id = ChargingStationIdentity.of("CS-NEW");
        FactoryPassword f = FactoryCredentials.password(id, PasswordGenerator.create(), HASHER);
        store.put(f.csmsImport());
        BasicAuthenticator auth = new BasicAuthenticator(store, HASHER);

        AuthenticationResult first = auth.authenticate(id.value(), BasicAuthHeader.encode(id, f.password()));
        assertThat(first.isAccepted()).isTrue();
        assertThat(first.bootDecision().orElseThrow().reasons()).containsExactly(BootDecision.Reason.FACTORY_CREDENTIALS);

        SecureRandom random = new SecureRandom();
        PasswordRotation rotation = new PasswordRotation(store, PasswordGenerator.create(random), HASHER,
                Clock.systemUTC(), random);
        PasswordRotation.Request req = rotation.begin(id);
        // still held while the change is pending
        assertThat(CredentialBootPolicy.RESTRICTIVE.decide(store.find(id).orElseThrow()).isPending()).isTrue();
        rotation.complete(req, "Accepted");
        AuthenticationResult after = auth.authenticate(id.value(), BasicAuthHeader.encode(id, req.password()));
        assertThat(after.bootDecision().orElseThrow().isPending()).isFalse();
        assertThat(auth.authenticate(id.value(), BasicAuthHeader.encode(id, f.password())).isAccepted()).isFalse();
    }

    @Test
    @Verifies("A00.FR.806")
    void certificateStationsAreHeldUntilMarkedReplaced() throws Exception {
        GeneratedCsr csr = FactoryCredentials.certificateRequest("ACME Manufacturing", "SN-42", new SecureRandom());
        assertThat(csr.request().pem()).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        CredentialState s = CredentialState.withFactoryCertificate(ChargingStationIdentity.of("SN-42"));
        assertThat(CredentialBootPolicy.RESTRICTIVE.decide(s).isPending()).isTrue();
        assertThat(new CredentialBootPolicy(false, true).decide(s).isPending()).isFalse();
        assertThat(CredentialBootPolicy.RESTRICTIVE.decide(s.factoryCredentialsReplaced()).isPending()).isFalse();
    }
}
