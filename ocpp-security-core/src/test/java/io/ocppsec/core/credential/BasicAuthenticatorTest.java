package io.ocppsec.core.credential;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.core.auth.BasicAuthException;
import io.ocppsec.core.auth.BasicAuthHeader;
import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.credential.AuthenticationResult.Reason;
import io.ocppsec.core.password.BasicAuthPassword;
import io.ocppsec.core.password.PasswordHasher;
import io.ocppsec.testing.Verifies;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BasicAuthenticatorTest {

    static final PasswordHasher HASHER = PasswordHasher.pbkdf2Sha256(1000);
    static final ChargingStationIdentity CS = ChargingStationIdentity.of("CS-0001");
    static final BasicAuthPassword PW = BasicAuthPassword.of("station-password-0123456789");

    final InMemoryCredentialStore store = new InMemoryCredentialStore();
    final BasicAuthenticator auth = new BasicAuthenticator(store, HASHER);

    BasicAuthenticatorTest() {
        store.put(CredentialState.withPassword(CS, HASHER.hash(PW)));
    }

    @Test
    @Verifies({"A00.FR.202", "A00.FR.203", "A00.FR.204", "A00.FR.301", "A00.FR.302", "A00.FR.303", "A01.FR.08"})
    void acceptsTheRightPasswordOfTheUrlIdentity() {
        AuthenticationResult r = auth.authenticate("CS-0001", BasicAuthHeader.encode(CS, PW));
        assertThat(r.isAccepted()).isTrue();
        assertThat(r.identity()).contains(CS);
        assertThat(r.bootDecision()).contains(BootDecision.accepted());
    }

    @Test
    @Verifies({"A00.FR.203", "A00.FR.302"})
    void rejectsAMissingHeader() {
        AuthenticationResult r = auth.authenticate("CS-0001", null);
        assertThat(r.reason()).isEqualTo(Reason.MISSING_HEADER);
        assertThat(r.headerProblem()).contains(BasicAuthException.Reason.MISSING);
        assertThat(auth.authenticate(CS, Optional.empty()).reason()).isEqualTo(Reason.MISSING_HEADER);
    }

    @Test
    @Verifies({"A00.FR.204", "A00.FR.303"})
    void rejectsAnotherStationsCredentials() {
        ChargingStationIdentity other = ChargingStationIdentity.of("CS-0002");
        store.put(CredentialState.withPassword(other, HASHER.hash(PW)));
        AuthenticationResult r = auth.authenticate("CS-0001", BasicAuthHeader.encode(other, PW));
        assertThat(r.isAccepted()).isFalse();
        assertThat(r.reason()).isEqualTo(Reason.USERNAME_MISMATCH);
    }

    @Test
    void rejectsWrongPasswordsUnknownStationsAndBadInput() {
        assertThat(auth.authenticate("CS-0001", BasicAuthHeader.encode(CS, BasicAuthPassword.of("wrong-password-0123456789")))
                .reason()).isEqualTo(Reason.WRONG_PASSWORD);
        ChargingStationIdentity unknown = ChargingStationIdentity.of("CS-404");
        assertThat(auth.authenticate("CS-404", BasicAuthHeader.encode(unknown, PW)).reason())
                .isEqualTo(Reason.UNKNOWN_STATION);
        assertThat(auth.authenticate("CS:1", BasicAuthHeader.encode(CS, PW)).reason())
                .isEqualTo(Reason.INVALID_URL_IDENTITY);
        assertThat(auth.authenticate("CS-0001", "Basic ###").reason()).isEqualTo(Reason.MALFORMED_HEADER);
        String noColon = "Basic " + Base64.getEncoder().encodeToString("CS-0001".getBytes(StandardCharsets.UTF_8));
        AuthenticationResult r = auth.authenticate("CS-0001", noColon);
        assertThat(r.headerProblem()).contains(BasicAuthException.Reason.NO_SEPARATOR);
        assertThat(r.bootDecision()).isEmpty();
    }

    @Test
    void rejectsStationsWithoutPassword() {
        ChargingStationIdentity certOnly = ChargingStationIdentity.of("CS-CERT");
        store.put(CredentialState.withFactoryCertificate(certOnly));
        assertThat(auth.authenticate("CS-CERT", BasicAuthHeader.encode(certOnly, PW)).reason())
                .isEqualTo(Reason.NO_PASSWORD);
    }

    @Test
    void aCorruptStoredHashIsRejectedNotCrashed() {
        store.put(CredentialState.withPassword(CS, "$pbkdf2-sha256$i=2147483648$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA"));
        assertThat(auth.authenticate("CS-0001", BasicAuthHeader.encode(CS, PW)).reason())
                .isEqualTo(Reason.STORED_HASH_MALFORMED);
        store.put(CredentialState.withPassword(CS, "plaintext"));
        assertThat(auth.authenticate("CS-0001", BasicAuthHeader.encode(CS, PW)).reason())
                .isEqualTo(Reason.STORED_HASH_MALFORMED);
    }

    @Test
    void upgradesOldHashesOnLogin() throws Exception {
        PasswordHasher stronger = PasswordHasher.pbkdf2Sha256(2000);
        BasicAuthenticator upgraded = new BasicAuthenticator(store, stronger);
        assertThat(upgraded.authenticate("CS-0001", BasicAuthHeader.encode(CS, PW)).isAccepted()).isTrue();
        String now = store.find(CS).orElseThrow().currentHash().orElseThrow();
        assertThat(now).startsWith("$pbkdf2-sha256$i=2000$");
        assertThat(stronger.needsRehash(now)).isFalse();
        assertThat(upgraded.authenticate("CS-0001", BasicAuthHeader.encode(CS, PW)).isAccepted()).isTrue();
    }
}
