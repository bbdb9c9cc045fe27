package io.ocppsec.core.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Turning raw fuzz bytes into parser arguments, and writing seed inputs where Jazzer's regression mode
 * finds them ({@code src/test/resources/<package>/<TestClass>Inputs/<method>/}).
 *
 * <p>The fuzz tests take {@code byte[]} (not {@code FuzzedDataProvider}) so that a seed file is exactly
 * the bytes of a frame, a PEM, a log file or a journal, and can be written and read by hand; a test that
 * needs two arguments splits the input at the first NUL byte ({@link #split}).
 */
public final class FuzzInputs {

    /** System property that makes the seed writers of the fuzz tests (re)write their seed files. */
    public static final String WRITE_SEEDS = "ocppsec.fuzz.writeSeeds";

    private FuzzInputs() {
    }

    /**
     * @param data bytes
     * @return them decoded as UTF-8, malformed sequences replaced (as a WebSocket text frame would not be)
     */
    public static String utf8(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    /**
     * @param data bytes
     * @return the part before the first NUL byte and the part after it (empty when there is none)
     */
    public static byte[][] split(byte[] data) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == 0) {
                return new byte[][] {Arrays.copyOfRange(data, 0, i), Arrays.copyOfRange(data, i + 1, data.length)};
            }
        }
        return new byte[][] {data, new byte[0]};
    }

    /**
     * @param first the part before the NUL
     * @param second the part after it
     * @return {@code first NUL second}, the inverse of {@link #split}
     */
    public static byte[] join(byte[] first, byte[] second) {
        byte[] out = Arrays.copyOf(first, first.length + 1 + second.length);
        System.arraycopy(second, 0, out, first.length + 1, second.length);
        return out;
    }

    /**
     * The seed directory of one fuzz test method in the source tree (the module is the working directory
     * of the tests).
     *
     * @param testClass the fuzz test class
     * @param method the fuzz test method name
     * @return {@code src/test/resources/<package path>/<Class>Inputs/<method>}
     */
    public static Path seedDirectory(Class<?> testClass, String method) {
        return Path.of("src", "test", "resources").resolve(testClass.getPackageName().replace('.', '/'))
                .resolve(testClass.getSimpleName() + "Inputs").resolve(method);
    }

    /**
     * Writes one seed file named {@code <name>} into the seed directory of a fuzz test method.
     *
     * @param testClass the fuzz test class
     * @param method the fuzz test method name
     * @param name the file name (says what the seed is)
     * @param bytes the seed
     * @throws IOException when writing fails
     */
    public static void writeSeed(Class<?> testClass, String method, String name, byte[] bytes) throws IOException {
        Path dir = seedDirectory(testClass, method);
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), bytes);
    }

    /**
     * Reads a committed seed from the test class path.
     *
     * @param testClass the fuzz test class
     * @param method the fuzz test method name
     * @param name the seed file name
     * @return its bytes
     * @throws IOException when it is missing
     */
    public static byte[] readSeed(Class<?> testClass, String method, String name) throws IOException {
        String resource = testClass.getSimpleName() + "Inputs/" + method + "/" + name;
        try (java.io.InputStream in = testClass.getResourceAsStream(resource)) {
            if (in == null) {
                throw new java.io.FileNotFoundException(resource);
            }
            return in.readAllBytes();
        }
    }

    /**
     * @param bytes bytes
     * @return the first 12 hex digits of their SHA-256, for seed file names
     */
    public static String shortHash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
