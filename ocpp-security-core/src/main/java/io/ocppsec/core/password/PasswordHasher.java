package io.ocppsec.core.password;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Salted, self-describing password hashes for the CSMS (A01.FR.08: store salted hashes, not passwords).
 *
 * <p>Hashes are PHC-style strings that carry algorithm, cost, salt and hash, so the cost can be raised
 * later and old entries still verify ({@link #needsRehash(String)} tells when to re-hash after a
 * successful login):
 * <pre>
 * $pbkdf2-sha256$i=10000$&lt;salt&gt;$&lt;hash&gt;
 * $argon2id$v=19$m=19456,t=2,p=1$&lt;salt&gt;$&lt;hash&gt;
 * </pre>
 * Salt and hash are unpadded standard base64; the salt has 16 random bytes, the hash 32 bytes.
 *
 * <h2>Why the default is PBKDF2-HMAC-SHA256 with 10 000 iterations</h2>
 * A CSMS verifies a password on every (re)connect of every station, and after an outage or a
 * CSMS restart up to millions of stations reconnect at once. The cost of one verification is paid
 * {@code stations × reconnects}: at 10 000 iterations one verification takes about 2–3 ms of one core
 * (measured with the JDK provider on a small 2-core VM), so a storm of one million reconnects costs
 * about 40 core-minutes — absorbable. The OWASP figure for human-chosen passwords (600 000 iterations,
 * ≈ 150 ms here) would cost 40 core-hours for the same storm, a self-inflicted denial of service.
 * A lower cost is defensible here because these are not human passwords: generated ones carry ≥ 128
 * bits of entropy ({@link PasswordGenerator}), and even the 16-character minimum of the passwordString
 * alphabet is far beyond brute force of a salted hash; the hash mainly keeps a leaked database from
 * yielding usable credentials. PBKDF2 needs only the JDK (it is also available in FIPS providers) and
 * uses no per-verification memory, so concurrent verifications cannot exhaust the heap.
 * Argon2id ({@link #argon2id(int, int, int)}, via Bouncy Castle) is available for deployments that
 * prefer a memory-hard function; size its memory for the expected number of concurrent verifications.
 * For scale: on the same VM, Argon2id with the OWASP parameters (m = 19456 KiB, t = 2, p = 1) takes about
 * 130 ms per verification in Bouncy Castle's pure-Java implementation, and m = 8192, t = 1 about 35 ms.
 *
 * <pre>{@code
 * PasswordHasher hasher = PasswordHasher.defaults();
 * String stored = hasher.hash(password);
 * if (hasher.verify(candidate, stored) && hasher.needsRehash(stored)) { stored = hasher.hash(candidate); }
 * }</pre>
 *
 * <p>Comparison is constant-time ({@link MessageDigest#isEqual}). Parsing is bounded: hash strings
 * longer than {@value #MAX_ENCODED_LENGTH} characters or with a cost outside the limits below are
 * refused with {@link MalformedHashException} before any work is done. Immutable and thread-safe.
 */
public final class PasswordHasher {

    /** Upper bound on an encoded hash string, checked before parsing. */
    public static final int MAX_ENCODED_LENGTH = 256;
    /** Default PBKDF2 iteration count (see the class comment). */
    public static final int DEFAULT_PBKDF2_ITERATIONS = 10_000;
    /** Smallest PBKDF2 iteration count accepted when hashing or verifying. */
    public static final int MIN_PBKDF2_ITERATIONS = 1_000;
    /** Largest PBKDF2 iteration count accepted (about half a second of CPU). */
    public static final int MAX_PBKDF2_ITERATIONS = 2_000_000;
    /** Largest Argon2 memory cost accepted, in KiB (64 MiB). */
    public static final int MAX_ARGON2_MEMORY_KIB = 64 * 1024;
    /** Largest Argon2 iteration count accepted. */
    public static final int MAX_ARGON2_ITERATIONS = 10;
    /** Largest Argon2 parallelism accepted. */
    public static final int MAX_ARGON2_PARALLELISM = 16;

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    static final int MIN_SALT_BYTES = 8;
    static final int MIN_HASH_BYTES = 16;
    static final int MAX_SALT_OR_HASH_BYTES = 64;

    static final String PBKDF2_ID = "pbkdf2-sha256";
    static final String ARGON2_ID = "argon2id";

    private final HashParameters params;
    private final SecureRandom random;

    private PasswordHasher(HashParameters params, SecureRandom random) {
        this.params = params;
        this.random = random;
    }

    /** @return PBKDF2-HMAC-SHA256 with {@value #DEFAULT_PBKDF2_ITERATIONS} iterations and a new SecureRandom */
    public static PasswordHasher defaults() {
        return pbkdf2Sha256(DEFAULT_PBKDF2_ITERATIONS);
    }

    /**
     * @param iterations the iteration count, {@value #MIN_PBKDF2_ITERATIONS} to {@value #MAX_PBKDF2_ITERATIONS}
     * @return a PBKDF2-HMAC-SHA256 hasher
     * @throws IllegalArgumentException for an iteration count outside the bounds
     */
    public static PasswordHasher pbkdf2Sha256(int iterations) {
        checkRange("iterations", iterations, MIN_PBKDF2_ITERATIONS, MAX_PBKDF2_ITERATIONS);
        return new PasswordHasher(HashParameters.pbkdf2(iterations), new SecureRandom());
    }

    /**
     * Argon2id (RFC 9106, version 0x13) via Bouncy Castle. OWASP suggests m = 19456, t = 2, p = 1; each
     * concurrent verification allocates {@code memoryKiB}.
     *
     * @param memoryKiB memory cost in KiB, at least 8 × parallelism, at most {@value #MAX_ARGON2_MEMORY_KIB}
     * @param iterations time cost, 1 to {@value #MAX_ARGON2_ITERATIONS}
     * @param parallelism lanes, 1 to {@value #MAX_ARGON2_PARALLELISM}
     * @return an Argon2id hasher
     * @throws IllegalArgumentException for a parameter outside the bounds
     */
    public static PasswordHasher argon2id(int memoryKiB, int iterations, int parallelism) {
        checkRange("parallelism", parallelism, 1, MAX_ARGON2_PARALLELISM);
        checkRange("iterations", iterations, 1, MAX_ARGON2_ITERATIONS);
        checkRange("memoryKiB", memoryKiB, 8 * parallelism, MAX_ARGON2_MEMORY_KIB);
        return new PasswordHasher(HashParameters.argon2(memoryKiB, iterations, parallelism), new SecureRandom());
    }

    /**
     * @param random the CSPRNG for salts
     * @return a hasher with the same parameters drawing salts from {@code random}
     */
    public PasswordHasher withRandom(SecureRandom random) {
        return new PasswordHasher(params, Objects.requireNonNull(random, "random"));
    }

    /**
     * @param password the password to hash
     * @return the self-describing hash string with a fresh salt
     */
    public String hash(BasicAuthPassword password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        HashParameters p = params.withSaltAndLength(salt, HASH_BYTES);
        byte[] hash = derive(password, p);
        try {
            return p.encode(hash);
        } finally {
            Arrays.fill(hash, (byte) 0);
        }
    }

    /**
     * Verifies a password against a stored hash of any supported algorithm, in constant time with
     * respect to the password.
     *
     * @param password the candidate
     * @param encodedHash the stored hash string
     * @return whether the password matches
     * @throws MalformedHashException when the hash string is unusable (never holds the string)
     */
    public boolean verify(BasicAuthPassword password, String encodedHash) throws MalformedHashException {
        Objects.requireNonNull(password, "password");
        HashParameters.Parsed parsed = HashParameters.parse(encodedHash);
        byte[] actual = derive(password, parsed.params());
        try {
            return MessageDigest.isEqual(actual, parsed.hash());
        } finally {
            Arrays.fill(actual, (byte) 0);
        }
    }

    /**
     * @param encodedHash a stored hash string
     * @return whether it was made with another algorithm or other parameters than this hasher's, so it
     *     should be replaced by {@link #hash(BasicAuthPassword)} at the next successful verification
     * @throws MalformedHashException when the hash string is unusable
     */
    public boolean needsRehash(String encodedHash) throws MalformedHashException {
        HashParameters stored = HashParameters.parse(encodedHash).params();
        return !stored.sameCost(params) || stored.saltLength() < SALT_BYTES || stored.hashLength() < HASH_BYTES;
    }

    /**
     * Checks a hash string without verifying anything.
     *
     * @param encodedHash a hash string
     * @throws MalformedHashException when it is unusable
     */
    public static void checkFormat(String encodedHash) throws MalformedHashException {
        HashParameters.parse(encodedHash);
    }

    private static byte[] derive(BasicAuthPassword password, HashParameters p) {
        if (p.algorithm().equals(PBKDF2_ID)) {
            char[] chars = password.toCharArray();
            PBEKeySpec spec = new PBEKeySpec(chars, p.salt(), p.iterations(), p.hashLength() * 8);
            try {
                // The JDK provider encodes the chars as UTF-8, as A00.FR.205 sends them.
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available: " + e.getClass().getName());
            } finally {
                spec.clearPassword();
                Arrays.fill(chars, '\0');
            }
        }
        byte[] utf8 = password.utf8();
        try {
            Argon2Parameters a = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withSalt(p.salt())
                    .withMemoryAsKB(p.memoryKiB())
                    .withIterations(p.iterations())
                    .withParallelism(p.parallelism())
                    .build();
            Argon2BytesGenerator gen = new Argon2BytesGenerator();
            gen.init(a);
            byte[] out = new byte[p.hashLength()];
            gen.generateBytes(utf8, out);
            return out;
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    static void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    /** @return the algorithm and cost, e.g. {@code PasswordHasher{pbkdf2-sha256 i=10000}} */
    @Override
    public String toString() {
        return "PasswordHasher{" + params.describe() + "}";
    }
}
