package io.ocppsec.core.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ocppsec.core.password.MalformedHashException.Reason;
import io.ocppsec.testing.Verifies;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordHasherTest {

    private static final BasicAuthPassword PW = BasicAuthPassword.of("Canary-hash-0123456789");
    private static final PasswordHasher FAST_ARGON = PasswordHasher.argon2id(1024, 1, 1);

    @Test
    @Verifies("A01.FR.08")
    void pbkdf2HashIsSaltedAndSelfDescribing() throws Exception {
        PasswordHasher h = PasswordHasher.defaults();
        String a = h.hash(PW);
        String b = h.hash(PW);
        assertThat(a).startsWith("$pbkdf2-sha256$i=10000$").doesNotContain("Canary");
        assertThat(a).isNotEqualTo(b); // a fresh salt each time
        assertThat(h.verify(PW, a)).isTrue();
        assertThat(h.verify(BasicAuthPassword.of("Canary-hash-0123456788"), a)).isFalse();
        assertThat(h.needsRehash(a)).isFalse();
        assertThat(h.toString()).isEqualTo("PasswordHasher{pbkdf2-sha256 i=10000}");
    }

    @Test
    @Verifies("A01.FR.08")
    void pbkdf2MatchesAnIndependentImplementation() throws Exception {
        String stored = PasswordHasher.pbkdf2Sha256(1000).hash(PW);
        String[] parts = stored.split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[3]);
        PKCS5S2ParametersGenerator bc = new PKCS5S2ParametersGenerator(new SHA256Digest());
        bc.init(PW.reveal().getBytes(StandardCharsets.UTF_8), salt, 1000);
        byte[] expected = ((KeyParameter) bc.generateDerivedParameters(256)).getKey();
        assertThat(Base64.getDecoder().decode(parts[4])).isEqualTo(expected);
    }

    @Test
    @Verifies("A01.FR.08")
    void argon2idRoundTrip() throws Exception {
        String stored = FAST_ARGON.withRandom(new SecureRandom()).hash(PW);
        assertThat(stored).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(FAST_ARGON.verify(PW, stored)).isTrue();
        assertThat(FAST_ARGON.verify(BasicAuthPassword.of("wrong-password-xxxxxx"), stored)).isFalse();
        // any hasher verifies any supported algorithm, so an upgrade keeps old entries usable
        assertThat(PasswordHasher.defaults().verify(PW, stored)).isTrue();
    }

    @Test
    void needsRehashWhenAlgorithmOrCostChanges() throws Exception {
        String old = PasswordHasher.pbkdf2Sha256(1000).hash(PW);
        assertThat(PasswordHasher.defaults().needsRehash(old)).isTrue();
        assertThat(PasswordHasher.pbkdf2Sha256(1000).needsRehash(old)).isFalse();
        assertThat(FAST_ARGON.needsRehash(old)).isTrue();
        assertThat(PasswordHasher.defaults().needsRehash(FAST_ARGON.hash(PW))).isTrue();
        assertThat(PasswordHasher.argon2id(2048, 1, 1).needsRehash(FAST_ARGON.hash(PW))).isTrue();
    }

    @Test
    void hugeIterationCountIsRejectedNotRun() {
        String salt = "AAAAAAAAAAAAAAAAAAAAAA";
        String hash = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        for (String i : new String[] {"2147483648", "2147483647", "2000001", "999999999"}) {
            String bad = "$pbkdf2-sha256$i=" + i + "$" + salt + "$" + hash;
            MalformedHashException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                    () -> catchMalformed(() -> PasswordHasher.defaults().verify(PW, bad)));
            assertThat(e.reason()).isEqualTo(Reason.PARAMETER_OUT_OF_RANGE);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "'';SYNTAX",
        "pbkdf2-sha256$i=1000$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;SYNTAX",
        "$pbkdf2-sha256$i=1000$AAAAAAAAAAA;SYNTAX",
        "$pbkdf2-sha256$i=1000$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$x;SYNTAX",
        "$pbkdf2-sha1$i=1000$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;UNKNOWN_ALGORITHM",
        "$md5$x$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;UNKNOWN_ALGORITHM",
        "$argon2i$v=19$m=1024,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;UNKNOWN_ALGORITHM",
        "$pbkdf2-sha256$n=1000$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;BAD_PARAMETER",
        "$pbkdf2-sha256$i=-1000$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;BAD_PARAMETER",
        "$pbkdf2-sha256$i=1e5$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;BAD_PARAMETER",
        "$pbkdf2-sha256$i=$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;BAD_PARAMETER",
        "$pbkdf2-sha256$i=1000,x=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;BAD_PARAMETER",
        "$pbkdf2-sha256$i=999$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;PARAMETER_OUT_OF_RANGE",
        "$pbkdf2-sha256$i=1000$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;PARAMETER_OUT_OF_RANGE",
        "$pbkdf2-sha256$i=1000$AAAAAAAAAAA$AAAA;PARAMETER_OUT_OF_RANGE",
        "$pbkdf2-sha256$i=1000$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;BAD_ENCODING",
        "$pbkdf2-sha256$i=1000$AAAAAAAAAA-A$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;BAD_ENCODING",
        "$pbkdf2-sha256$i=1000$$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;BAD_ENCODING",
        "$pbkdf2-sha256$i=1000$AAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;BAD_ENCODING",
        "$argon2id$v=16$m=1024,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;BAD_PARAMETER",
        "$argon2id$v=19$m=1024,p=1,t=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;BAD_PARAMETER",
        "$argon2id$v=19$m=4194304,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;PARAMETER_OUT_OF_RANGE",
        "$argon2id$v=19$m=1024,t=1000,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;PARAMETER_OUT_OF_RANGE",
        "$argon2id$v=19$m=1024,t=1,p=255$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;PARAMETER_OUT_OF_RANGE",
        "$argon2id$v=19$m=7,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;PARAMETER_OUT_OF_RANGE",
        "$argon2id$m=1024,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;SYNTAX",
    })
    void malformedHashesGiveATypedReason(String hash, Reason reason) {
        MalformedHashException e = catchMalformed(() -> PasswordHasher.defaults().verify(PW, hash));
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(catchMalformed(() -> PasswordHasher.defaults().needsRehash(hash)).reason()).isEqualTo(reason);
        if (hash.length() > 20) {
            assertThat(e.getMessage()).doesNotContain(hash.substring(hash.length() - 20));
        }
    }

    @Test
    void overlongHashIsRejectedBeforeParsing() {
        String huge = "$pbkdf2-sha256$i=1000$" + "A".repeat(1_000_000) + "$AAAA";
        assertThat(catchMalformed(() -> PasswordHasher.checkFormat(huge)).reason()).isEqualTo(Reason.TOO_LONG);
        assertThat(catchMalformed(() -> PasswordHasher.checkFormat(null)).reason()).isEqualTo(Reason.SYNTAX);
    }

    @Test
    void constructionBoundsAreChecked() {
        assertThatThrownBy(() -> PasswordHasher.pbkdf2Sha256(999)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHasher.pbkdf2Sha256(Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHasher.argon2id(7, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHasher.argon2id(1 << 20, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHasher.argon2id(1024, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHasher.argon2id(1024, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    interface Call {
        void run() throws Exception;
    }

    static MalformedHashException catchMalformed(Call call) {
        try {
            call.run();
        } catch (MalformedHashException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected MalformedHashException, got " + e, e);
        }
        throw new AssertionError("expected MalformedHashException");
    }
}
