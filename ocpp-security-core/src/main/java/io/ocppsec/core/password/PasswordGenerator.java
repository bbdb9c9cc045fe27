package io.ocppsec.core.password;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Generates random {@code BasicAuthPassword} values with a CSPRNG (A01.FR.06, A01.FR.07, A00.FR.802).
 *
 * <p>The alphabet is the 70 characters {@code a-z A-Z 0-9 * - _ = + | @ .}: the Edition 3
 * passwordString set without {@code :}. The colon is allowed by the specification and this SDK's parser
 * splits at the first colon, but some CSMS parsers split at the last one, so a generated password avoids
 * it. Each character carries log2(70) ≈ 6.13 bits, so 21 characters give 128 bits; the default length is
 * {@value #DEFAULT_LENGTH} (≈ 147 bits), and lengths under 128 bits are refused. Characters are drawn
 * with {@link SecureRandom#nextInt(int)}, which has no modulo bias. A generated value always passes
 * {@link PasswordPolicy#EDITION_3} and every {@link PasswordPolicy#errata2025(int)} policy.
 *
 * <pre>{@code
 * PasswordGenerator gen = PasswordGenerator.create();               // new SecureRandom()
 * PasswordGenerator gen2 = PasswordGenerator.create(mySecureRandom); // injected, e.g. a DRBG
 * try (BasicAuthPassword pw = gen.generate()) { setVariables("SecurityCtrlr", "BasicAuthPassword", pw.reveal()); }
 * }</pre>
 *
 * <p>Thread-safe when the {@link SecureRandom} is (the JDK ones are).
 */
public final class PasswordGenerator {

    /** The generator's alphabet: passwordString without {@code :}. */
    public static final String ALPHABET =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789*-_=+|@.";
    /** The minimum entropy of a generated password, in bits. */
    public static final int MIN_ENTROPY_BITS = 128;
    /** The default length: 24 characters, about 147 bits. */
    public static final int DEFAULT_LENGTH = 24;
    /** The smallest length reaching {@link #MIN_ENTROPY_BITS}: 21. */
    public static final int MIN_LENGTH = (int) Math.ceil(MIN_ENTROPY_BITS / log2(ALPHABET.length()));

    private final SecureRandom random;
    private final int length;

    private PasswordGenerator(SecureRandom random, int length) {
        this.random = random;
        this.length = length;
    }

    /** @return a generator of {@value #DEFAULT_LENGTH} characters using a new {@link SecureRandom} */
    public static PasswordGenerator create() {
        return new PasswordGenerator(new SecureRandom(), DEFAULT_LENGTH);
    }

    /**
     * @param random the CSPRNG to draw from
     * @return a generator of {@value #DEFAULT_LENGTH} characters
     */
    public static PasswordGenerator create(SecureRandom random) {
        return new PasswordGenerator(Objects.requireNonNull(random, "random"), DEFAULT_LENGTH);
    }

    /**
     * @param length the number of characters, {@link #MIN_LENGTH} (128 bits) to 40
     * @return a generator with the same random source and that length
     * @throws IllegalArgumentException when the length gives less than 128 bits or exceeds 40
     */
    public PasswordGenerator withLength(int length) {
        if (length < MIN_LENGTH || length > PasswordPolicy.EDITION_3_MAX_LENGTH) {
            throw new IllegalArgumentException("Password length must be between " + MIN_LENGTH
                    + " (" + MIN_ENTROPY_BITS + " bits of entropy, A01.FR.07) and "
                    + PasswordPolicy.EDITION_3_MAX_LENGTH + " (A00.FR.205), was " + length);
        }
        return new PasswordGenerator(random, length);
    }

    /** @return the length of the generated passwords */
    public int length() {
        return length;
    }

    /** @return the entropy of one generated password in bits: length × log2(70) */
    public double entropyBits() {
        return length * log2(ALPHABET.length());
    }

    /** @return a new random password; wipe it when done */
    public BasicAuthPassword generate() {
        char[] out = new char[length];
        try {
            for (int i = 0; i < length; i++) {
                out[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
            return BasicAuthPassword.ofChars(out);
        } finally {
            Arrays.fill(out, '\0');
        }
    }

    private static double log2(int n) {
        return Math.log(n) / Math.log(2);
    }

    @Override
    public String toString() {
        return "PasswordGenerator{length=" + length + ", alphabet=" + ALPHABET.length() + " symbols}";
    }
}
