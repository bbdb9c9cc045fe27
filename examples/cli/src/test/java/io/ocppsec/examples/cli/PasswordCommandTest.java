package io.ocppsec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.core.password.PasswordGenerator;
import io.ocppsec.core.password.PasswordPolicy;
import io.ocppsec.testing.Verifies;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordCommandTest {

    /** A compliant Edition 3 password that must never show up in any output. */
    private static final String SECRET = "Xq7*Lm2=Rt9|Wz4@Kp";
    private final Cli cli = new Cli();

    private void assertNotEchoed(String secret) {
        assertThat(cli.out()).doesNotContain(secret);
        assertThat(cli.err()).doesNotContain(secret);
        assertThat(io.ocppsec.testing.CapturingLoggerFinder.lines()).noneMatch(l -> l.contains(secret));
    }

    @Test
    @Verifies({"A01.FR.06", "A01.FR.07", "A00.FR.802"})
    void generatePrintsDistinctCompliantPasswords() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            assertThat(cli.run("password", "generate")).isZero();
            String pw = cli.out().trim();
            assertThat(pw).hasSize(PasswordGenerator.DEFAULT_LENGTH);
            assertThat(PasswordPolicy.EDITION_3.check(pw).isClean()).isTrue();
            seen.add(pw);
        }
        assertThat(seen).hasSize(20);
        assertThat(cli.run("password", "generate", "--length", "40")).isZero();
        assertThat(cli.out().trim()).hasSize(40);
    }

    @Test
    void generateRefusesLengthsBelow128Bits() {
        assertThat(cli.run("password", "generate", "--length", "16")).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: ");
        assertThat(cli.run("password", "generate", "--length", "41")).isEqualTo(2);
        assertThat(cli.run("password", "generate", "--length", "x")).isEqualTo(2);
    }

    @Test
    @Verifies({"A00.FR.205", "A00.FR.304"})
    void checkAcceptsACompliantPasswordFromStdin() throws Exception {
        assertThat(cli.runWithStdin(SECRET + "\n", "password", "check")).as(cli.out()).isZero();
        assertThat(cli.out()).contains("Edition 3 password policy: compliant");
        assertNotEchoed(SECRET);
        assertThat(cli.runWithStdin(SECRET + "\r\n", "password", "check")).isZero();
    }

    @Test
    @Verifies({"A00.FR.205", "A00.FR.304"})
    void checkReportsViolationsWithoutEchoingThePassword() throws Exception {
        String shortOne = "S3cr3t!";
        assertThat(cli.runWithStdin(shortOne, "password", "check")).isEqualTo(1);
        assertThat(cli.out()).contains("violation: A00.FR.205 SHALL").contains("violation: A00.FR.304 SHALL");
        assertNotEchoed(shortOne);
        String badChars = "abcdefghijklmnop qrst#";
        assertThat(cli.runWithStdin(badChars, "password", "check")).isEqualTo(1);
        assertNotEchoed(badChars);
        assertNotEchoed("qrst#");
    }

    @Test
    @Verifies({"A00.FR.205", "A00.FR.304"})
    void errataPolicyAcceptsUtf8AndLongerValues() throws Exception {
        String utf8 = "pässwörd mit leerzeichen und ümlauten 12345";
        assertThat(cli.runWithStdin(utf8, "password", "check")).isEqualTo(1);
        assertThat(cli.runWithStdin(utf8, "password", "check", "--errata-max-length", "64")).isZero();
        assertThat(cli.out()).contains("errata 2025-01");
        assertNotEchoed(utf8);
        assertThat(cli.runWithStdin(utf8, "password", "check", "--errata-max-length", "65")).isEqualTo(2);
    }

    @Test
    void checkWithoutInputOrWithTooMuchIsExitTwo() throws Exception {
        assertThat(cli.runWithStdin("", "password", "check")).isEqualTo(2);
        assertThat(cli.err()).contains("no password on standard input");
        assertThat(cli.runWithStdin("\n", "password", "check")).isEqualTo(2);
        String huge = "a".repeat(5000);
        assertThat(cli.runWithStdin(huge, "password", "check")).isEqualTo(2);
        assertThat(cli.err()).contains("more than 1024 bytes");
        assertNotEchoed("aaaaaaaaaaaaaaaa");
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28, 'a', 'b'};
        assertThat(SecretInput.withInput(new java.io.ByteArrayInputStream(notUtf8), () -> cli.run("password", "check")))
                .isEqualTo(2);
        assertThat(cli.err()).contains("not valid UTF-8");
    }

    @Test
    void thePasswordIsNotAcceptedAsAnArgument() {
        assertThat(cli.run("password", "check", SECRET)).isEqualTo(2);
        assertThat(cli.run("password", "hash", "--password", SECRET)).isEqualTo(2);
    }

    @Test
    @Verifies("A01.FR.08")
    void hashThenVerify() throws Exception {
        assertThat(cli.runWithStdin(SECRET + "\n", "password", "hash")).isZero();
        String hash = cli.out().trim();
        assertThat(hash).startsWith("$pbkdf2-sha256$i=10000$");
        assertNotEchoed(SECRET);
        assertThat(cli.runWithStdin(SECRET + "\n", "password", "verify", "--hash", hash)).isZero();
        assertThat(cli.out().trim()).isEqualTo("match");
        assertNotEchoed(SECRET);

        assertThat(cli.runWithStdin(SECRET + "\n", "password", "hash")).isZero();
        assertThat(cli.out().trim()).as("fresh salt").isNotEqualTo(hash);
    }

    @Test
    @Verifies("A01.FR.08")
    void verifyWithAWrongPasswordIsExitOne() throws Exception {
        assertThat(cli.runWithStdin(SECRET, "password", "hash", "--iterations", "1000")).isZero();
        String hash = cli.out().trim();
        assertThat(hash).startsWith("$pbkdf2-sha256$i=1000$");
        String wrong = SECRET + "x";
        assertThat(cli.runWithStdin(wrong, "password", "verify", "--hash", hash)).isEqualTo(1);
        assertThat(cli.out().trim()).isEqualTo("no match");
        assertNotEchoed(wrong);
    }

    @Test
    void malformedHashIsExitTwoBeforeReadingThePassword() throws Exception {
        assertThat(cli.runWithStdin(SECRET, "password", "verify", "--hash", "$md5$abc")).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: --hash:");
        assertNotEchoed(SECRET);
        assertThat(cli.runWithStdin(SECRET, "password", "verify", "--hash", "$pbkdf2-sha256$i=99999999$AAAA$AAAA"))
                .isEqualTo(2);
        assertThat(cli.runWithStdin(SECRET, "password", "hash", "--iterations", "10")).isEqualTo(2);
        assertThat(cli.runWithStdin("", "password", "hash")).isEqualTo(2);
    }
}
