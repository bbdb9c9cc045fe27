package io.ocppsec.core.password;

import io.ocppsec.core.password.MalformedHashException.Reason;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Algorithm, cost, salt and hash length of one PHC-style hash string; parsing is bounded. */
final class HashParameters {

    private final String algorithm;
    private final int iterations;
    private final int memoryKiB;
    private final int parallelism;
    private final byte[] salt;
    private final int hashLength;

    private HashParameters(String algorithm, int iterations, int memoryKiB, int parallelism, byte[] salt,
                           int hashLength) {
        this.algorithm = algorithm;
        this.iterations = iterations;
        this.memoryKiB = memoryKiB;
        this.parallelism = parallelism;
        this.salt = salt;
        this.hashLength = hashLength;
    }

    static HashParameters pbkdf2(int iterations) {
        return new HashParameters(PasswordHasher.PBKDF2_ID, iterations, 0, 0, new byte[0], 0);
    }

    static HashParameters argon2(int memoryKiB, int iterations, int parallelism) {
        return new HashParameters(PasswordHasher.ARGON2_ID, iterations, memoryKiB, parallelism, new byte[0], 0);
    }

    HashParameters withSaltAndLength(byte[] salt, int hashLength) {
        return new HashParameters(algorithm, iterations, memoryKiB, parallelism, salt.clone(), hashLength);
    }

    String algorithm() {
        return algorithm;
    }

    int iterations() {
        return iterations;
    }

    int memoryKiB() {
        return memoryKiB;
    }

    int parallelism() {
        return parallelism;
    }

    byte[] salt() {
        return salt.clone();
    }

    int saltLength() {
        return salt.length;
    }

    int hashLength() {
        return hashLength;
    }

    boolean sameCost(HashParameters other) {
        return algorithm.equals(other.algorithm) && iterations == other.iterations
                && memoryKiB == other.memoryKiB && parallelism == other.parallelism;
    }

    String describe() {
        return algorithm.equals(PasswordHasher.PBKDF2_ID)
                ? algorithm + " i=" + iterations
                : algorithm + " m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism;
    }

    String encode(byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        String cost = algorithm.equals(PasswordHasher.PBKDF2_ID)
                ? "i=" + iterations
                : "v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism;
        return "$" + algorithm + "$" + cost + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** The parameters and the expected hash of a stored string. */
    static final class Parsed {
        private final HashParameters params;
        private final byte[] hash;

        Parsed(HashParameters params, byte[] hash) {
            this.params = params;
            this.hash = hash;
        }

        HashParameters params() {
            return params;
        }

        byte[] hash() {
            return hash;
        }
    }

    static Parsed parse(String encoded) throws MalformedHashException {
        if (encoded == null) {
            throw new MalformedHashException(Reason.SYNTAX, "no hash string");
        }
        if (encoded.length() > PasswordHasher.MAX_ENCODED_LENGTH) {
            throw new MalformedHashException(Reason.TOO_LONG, "a hash string of " + encoded.length()
                    + " characters; at most " + PasswordHasher.MAX_ENCODED_LENGTH + " are accepted");
        }
        String[] parts = encoded.split("\\$", -1);
        if (parts.length < 5 || !parts[0].isEmpty()) {
            throw new MalformedHashException(Reason.SYNTAX, "expected $algorithm$parameters$salt$hash");
        }
        String id = parts[1];
        if (id.equals(PasswordHasher.PBKDF2_ID)) {
            if (parts.length != 5) {
                throw new MalformedHashException(Reason.SYNTAX, "expected $pbkdf2-sha256$i=N$salt$hash");
            }
            Map<String, Integer> p = params(parts[2], "i");
            int i = bounded(p, "i", PasswordHasher.MIN_PBKDF2_ITERATIONS, PasswordHasher.MAX_PBKDF2_ITERATIONS);
            return finish(new HashParameters(id, i, 0, 0, new byte[0], 0), parts[3], parts[4]);
        }
        if (id.equals(PasswordHasher.ARGON2_ID)) {
            if (parts.length != 6) {
                throw new MalformedHashException(Reason.SYNTAX, "expected $argon2id$v=19$m=M,t=T,p=P$salt$hash");
            }
            if (!parts[2].equals("v=19")) {
                throw new MalformedHashException(Reason.BAD_PARAMETER, "only Argon2 version 19 (0x13) is supported");
            }
            Map<String, Integer> p = params(parts[3], "m", "t", "p");
            int par = bounded(p, "p", 1, PasswordHasher.MAX_ARGON2_PARALLELISM);
            int t = bounded(p, "t", 1, PasswordHasher.MAX_ARGON2_ITERATIONS);
            int m = bounded(p, "m", 8 * par, PasswordHasher.MAX_ARGON2_MEMORY_KIB);
            return finish(new HashParameters(id, t, m, par, new byte[0], 0), parts[4], parts[5]);
        }
        throw new MalformedHashException(Reason.UNKNOWN_ALGORITHM,
                "supported algorithms are " + PasswordHasher.PBKDF2_ID + " and " + PasswordHasher.ARGON2_ID);
    }

    private static Parsed finish(HashParameters p, String salt64, String hash64) throws MalformedHashException {
        byte[] salt = decode(salt64, "salt");
        byte[] hash = decode(hash64, "hash");
        if (salt.length < PasswordHasher.MIN_SALT_BYTES || salt.length > PasswordHasher.MAX_SALT_OR_HASH_BYTES) {
            throw new MalformedHashException(Reason.PARAMETER_OUT_OF_RANGE, "a salt of " + salt.length
                    + " bytes; expected " + PasswordHasher.MIN_SALT_BYTES + " to "
                    + PasswordHasher.MAX_SALT_OR_HASH_BYTES);
        }
        if (hash.length < PasswordHasher.MIN_HASH_BYTES || hash.length > PasswordHasher.MAX_SALT_OR_HASH_BYTES) {
            throw new MalformedHashException(Reason.PARAMETER_OUT_OF_RANGE, "a hash of " + hash.length
                    + " bytes; expected " + PasswordHasher.MIN_HASH_BYTES + " to "
                    + PasswordHasher.MAX_SALT_OR_HASH_BYTES);
        }
        return new Parsed(p.withSaltAndLength(salt, hash.length), hash);
    }

    private static byte[] decode(String s, String what) throws MalformedHashException {
        if (s.isEmpty()) {
            throw new MalformedHashException(Reason.BAD_ENCODING, "empty " + what);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/';
            if (!ok) {
                throw new MalformedHashException(Reason.BAD_ENCODING, what + " is not unpadded standard base64");
            }
        }
        if (s.length() % 4 == 1) {
            throw new MalformedHashException(Reason.BAD_ENCODING, what + " has an impossible base64 length");
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new MalformedHashException(Reason.BAD_ENCODING, what + " is not valid base64");
        }
    }

    /** Parses {@code k=v,k=v} with exactly the expected keys and decimal values of at most 9 digits. */
    private static Map<String, Integer> params(String s, String... keys) throws MalformedHashException {
        String[] pairs = s.split(",", -1);
        if (pairs.length != keys.length) {
            throw new MalformedHashException(Reason.BAD_PARAMETER, "expected parameters " + String.join(",", keys));
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i++) {
            String prefix = keys[i] + "=";
            if (!pairs[i].startsWith(prefix)) {
                throw new MalformedHashException(Reason.BAD_PARAMETER, "expected parameters " + String.join(",", keys));
            }
            String digits = pairs[i].substring(prefix.length());
            if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new MalformedHashException(Reason.BAD_PARAMETER, "parameter " + keys[i] + " is not a decimal number");
            }
            if (digits.length() > 9) {
                // Anything of 10+ digits (e.g. 2^31) is far beyond every bound: refuse without running it.
                throw new MalformedHashException(Reason.PARAMETER_OUT_OF_RANGE, "parameter " + keys[i] + " is too large");
            }
            out.put(keys[i], Integer.parseInt(digits));
        }
        return out;
    }

    private static int bounded(Map<String, Integer> p, String key, int min, int max) throws MalformedHashException {
        int v = p.get(key);
        if (v < min || v > max) {
            throw new MalformedHashException(Reason.PARAMETER_OUT_OF_RANGE, "parameter " + key + "=" + v
                    + " is outside " + min + ".." + max);
        }
        return v;
    }
}
