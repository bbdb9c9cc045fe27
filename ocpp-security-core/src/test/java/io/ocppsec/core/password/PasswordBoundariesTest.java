package io.ocppsec.core.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.password.MalformedHashException.Reason;
import io.ocppsec.testing.Verifies;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The exact edges of every bound in the password code: lengths of 16 and 40 (or the errata maximum) are
 * accepted and one less or more is not; stored hash strings at the cost, salt, hash and length limits parse
 * and one step beyond is refused with the right reason.
 */
class PasswordBoundariesTest {

    private static final String A = "A";

    private static String b64(int bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(new byte[bytes]);
    }

    private static String pbkdf2(int iterations, int saltBytes, int hashBytes) {
        return "$pbkdf2-sha256$i=" + iterations + "$" + b64(saltBytes) + "$" + b64(hashBytes);
    }

    private static String argon2(int m, int t, int p) {
        return "$argon2id$v=19$m=" + m + ",t=" + t + ",p=" + p + "$" + b64(16) + "$" + b64(32);
    }

    private static Reason reasonOf(String encoded) {
        MalformedHashException e = catchThrowableOfType(MalformedHashException.class,
                () -> PasswordHasher.checkFormat(encoded));
        return e == null ? null : e.reason();
    }

    @Test
    @Verifies({"A00.FR.205", "A00.FR.304"})
    void lengthsOf16And40AreTheInclusiveEdition3Bounds() {
        assertThat(PasswordPolicy.EDITION_3.check(A.repeat(16)).isClean()).isTrue();
        assertThat(PasswordPolicy.EDITION_3.check(A.repeat(40)).isClean()).isTrue();
        assertThat(PasswordPolicy.EDITION_3.check(A.repeat(15)).violates("A00.FR.205")).isTrue();
        assertThat(PasswordPolicy.EDITION_3.check(A.repeat(41)).violates("A00.FR.304")).isTrue();
        assertThat(PasswordPolicy.EDITION_3.minLength()).isEqualTo(16);
        assertThat(PasswordPolicy.EDITION_3.maxLength()).isEqualTo(40);
        assertThat(PasswordPolicy.EDITION_3.restrictsAlphabet()).isTrue();
        assertThat(PasswordPolicy.EDITION_3).hasToString("PasswordPolicy{Edition 3: 16-40 characters, alphanumeric and "
                + PasswordPolicy.SYMBOLS + "}");
    }

    @Test
    @Verifies({"A00.FR.205", "A00.FR.304"})
    void theErrataPolicyTakesAnyUtf8UpToItsMaximum() {
        PasswordPolicy errata = PasswordPolicy.errata2025(64);
        assertThat(errata.maxLength()).isEqualTo(64);
        assertThat(errata.minLength()).isEqualTo(16);
        assertThat(errata.restrictsAlphabet()).isFalse();
        assertThat(errata).hasToString("PasswordPolicy{errata 2025-01: 16-64 characters of UTF-8}");
        assertThat(errata.check("ä".repeat(64)).isClean()).isTrue();
        assertThat(errata.check("ä".repeat(65)).isClean()).isFalse();
        assertThat(PasswordPolicy.errata2025(40).maxLength()).isEqualTo(40);
        assertThatThrownBy(() -> PasswordPolicy.errata2025(39)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordPolicy.errata2025(65)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Verifies({"A00.FR.205", "A00.FR.304"})
    void aLoneHighSurrogateAtTheEndIsReportedNotThrown() {
        PasswordPolicy errata = PasswordPolicy.errata2025(64);
        ValidationResult r = errata.check(A.repeat(20) + '\uD83D');
        assertThat(r.violations()).hasSize(2)
                .allSatisfy(v -> assertThat(v.found()).isEqualTo("1 unpaired UTF-16 surrogate(s), which have no UTF-8 form"));
        // A proper pair counts as one character: 15 letters + one emoji = 16.
        assertThat(errata.check(A.repeat(15) + "\uD83D\uDE00").isClean()).isTrue();
    }

    @Test
    void asciiCharactersAboveTheAlphabetAreOutside() {
        assertThat(PasswordPolicy.isPasswordStringChar('a')).isTrue();
        assertThat(PasswordPolicy.isPasswordStringChar('z')).isTrue();
        assertThat(PasswordPolicy.isPasswordStringChar('A')).isTrue();
        assertThat(PasswordPolicy.isPasswordStringChar('Z')).isTrue();
        assertThat(PasswordPolicy.isPasswordStringChar('0')).isTrue();
        assertThat(PasswordPolicy.isPasswordStringChar('9')).isTrue();
        assertThat(PasswordPolicy.isPasswordStringChar('.')).isTrue();
        for (int c : new int[] {'`', '{', '@' - 1, '[', '/', ':' + 1, 127, 128, 0x2A + 0x100}) {
            if (PasswordPolicy.SYMBOLS.indexOf(c) < 0) {
                assertThat(PasswordPolicy.isPasswordStringChar(c)).as("char %d", c).isFalse();
            }
        }
    }

    @Test
    void aFreshPasswordIsNotWipedAndAWipedOneRefusesReads() {
        BasicAuthPassword p = BasicAuthPassword.of(A.repeat(16));
        assertThat(p.isWiped()).isFalse();
        assertThat(p.length()).isEqualTo(16);
        p.wipe();
        assertThat(p.isWiped()).isTrue();
        assertThatThrownBy(p::length).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void hashStringsOfExactly256CharactersAreParsedAndLongerOnesAreNot() {
        String base = pbkdf2(10_000, 16, 32);
        String at256 = base + "A".repeat(PasswordHasher.MAX_ENCODED_LENGTH - base.length());
        assertThat(at256).hasSize(256);
        assertThat(reasonOf(at256)).isNotEqualTo(Reason.TOO_LONG).isNotNull();
        assertThat(reasonOf(at256 + "A")).isEqualTo(Reason.TOO_LONG);
    }

    @Test
    void saltAndHashLengthsAreInclusiveBounds() {
        assertThat(reasonOf(pbkdf2(10_000, PasswordHasher.MIN_SALT_BYTES, 32))).isNull();
        assertThat(reasonOf(pbkdf2(10_000, PasswordHasher.MAX_SALT_OR_HASH_BYTES, 32))).isNull();
        assertThat(reasonOf(pbkdf2(10_000, PasswordHasher.MIN_SALT_BYTES - 1, 32))).isEqualTo(Reason.PARAMETER_OUT_OF_RANGE);
        assertThat(reasonOf(pbkdf2(10_000, PasswordHasher.MAX_SALT_OR_HASH_BYTES + 1, 32)))
                .isEqualTo(Reason.PARAMETER_OUT_OF_RANGE);
        assertThat(reasonOf(pbkdf2(10_000, 16, PasswordHasher.MIN_HASH_BYTES))).isNull();
        assertThat(reasonOf(pbkdf2(10_000, 16, PasswordHasher.MAX_SALT_OR_HASH_BYTES))).isNull();
        assertThat(reasonOf(pbkdf2(10_000, 16, PasswordHasher.MIN_HASH_BYTES - 1))).isEqualTo(Reason.PARAMETER_OUT_OF_RANGE);
        assertThat(reasonOf(pbkdf2(10_000, 16, PasswordHasher.MAX_SALT_OR_HASH_BYTES + 1)))
                .isEqualTo(Reason.PARAMETER_OUT_OF_RANGE);
    }

    @Test
    void iterationCountsAreInclusiveBoundsWhenParsingAndConfiguring() {
        assertThat(reasonOf(pbkdf2(PasswordHasher.MIN_PBKDF2_ITERATIONS, 16, 32))).isNull();
        assertThat(reasonOf(pbkdf2(PasswordHasher.MAX_PBKDF2_ITERATIONS, 16, 32))).isNull();
        assertThat(reasonOf(pbkdf2(PasswordHasher.MIN_PBKDF2_ITERATIONS - 1, 16, 32))).isEqualTo(Reason.PARAMETER_OUT_OF_RANGE);
        assertThat(reasonOf(pbkdf2(PasswordHasher.MAX_PBKDF2_ITERATIONS + 1, 16, 32))).isEqualTo(Reason.PARAMETER_OUT_OF_RANGE);
        assertThat(PasswordHasher.pbkdf2Sha256(PasswordHasher.MIN_PBKDF2_ITERATIONS))
                .hasToString("PasswordHasher{pbkdf2-sha256 i=1000}");
        assertThat(PasswordHasher.pbkdf2Sha256(PasswordHasher.MAX_PBKDF2_ITERATIONS))
                .hasToString("PasswordHasher{pbkdf2-sha256 i=2000000}");
        assertThatThrownBy(() -> PasswordHasher.pbkdf2Sha256(PasswordHasher.MIN_PBKDF2_ITERATIONS - 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHasher.pbkdf2Sha256(PasswordHasher.MAX_PBKDF2_ITERATIONS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void argon2MemoryMustBeAtLeastEightKibPerLane() {
        assertThat(reasonOf(argon2(16, 1, 2))).isNull();
        assertThat(reasonOf(argon2(15, 1, 2))).isEqualTo(Reason.PARAMETER_OUT_OF_RANGE);
        assertThat(reasonOf(argon2(8, 1, 1))).isNull();
        assertThat(reasonOf(argon2(7, 1, 1))).isEqualTo(Reason.PARAMETER_OUT_OF_RANGE);
        assertThat(PasswordHasher.argon2id(16, 1, 2)).hasToString("PasswordHasher{argon2id m=16,t=1,p=2}");
        assertThatThrownBy(() -> PasswordHasher.argon2id(15, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHasher.argon2id(8, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHasher.argon2id(8, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
