package io.ocppsec.core.fuzz;

import java.lang.reflect.Method;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The invariant every fuzz test of a parser of untrusted input checks, in one place, so that a new fuzz
 * test is one small class: call the parser through {@link #holds}, then assert what it returned.
 *
 * <ul>
 *   <li>only the SDK's typed, checked exceptions named by the caller may come out; anything unchecked
 *       (a {@link RuntimeException}, {@link StackOverflowError}, {@link OutOfMemoryError}…) or any other
 *       checked exception is a finding;</li>
 *   <li>no input takes longer than {@code ocppsec.fuzz.maxMillisPerInput} (default 1000 ms);</li>
 *   <li>no input makes the calling thread allocate more than {@code ocppsec.fuzz.maxAllocatedMiB}
 *       (default 256 MiB, garbage included): bounded inputs must give bounded work.</li>
 * </ul>
 * An input over either limit is run a second time before it counts, so class loading, JIT warm-up and
 * Jazzer's instrumentation on the first inputs of a run are not findings. A true hang never returns: it
 * is caught by {@code @Timeout} on the test method in regression mode and by libFuzzer's {@code -timeout}
 * in fuzzing mode (see {@code src/test/fuzz/fuzz-smoke.sh}).
 * A finding is a {@link FuzzFinding} (an {@link AssertionError}, so Jazzer and JUnit report it) that
 * carries the original throwable as its cause and a short, printable description of the input.
 *
 * <pre>{@code
 * @FuzzTest
 * void decode(byte[] data) {
 *     Optional<OcppFrame> f = FuzzInvariant.holds("decode", data,
 *             () -> codec.decode(FuzzInputs.utf8(data)), OcppJsonException.class);
 * }
 * }</pre>
 */
public final class FuzzInvariant {

    /** Longest time one input may take, in milliseconds. */
    public static final long MAX_MILLIS = Long.getLong("ocppsec.fuzz.maxMillisPerInput", 1000);
    /** Most bytes one input may make the thread allocate. */
    public static final long MAX_ALLOCATED_BYTES = Long.getLong("ocppsec.fuzz.maxAllocatedMiB", 256) << 20;

    /** {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long)}, by reflection: the tests are
     * compiled inside the module, which does not read {@code jdk.management}; they run on the class path. */
    private static final Object THREADS;
    private static final Method ALLOCATED;

    static {
        Object threads = null;
        Method allocated = null;
        try {
            threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            Class<?> sun = Class.forName("com.sun.management.ThreadMXBean");
            if (sun.isInstance(threads)) {
                sun.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(threads, true);
                allocated = sun.getMethod("getThreadAllocatedBytes", long.class);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            allocated = null; // not a HotSpot-like JVM: no allocation bound
        }
        THREADS = threads;
        ALLOCATED = allocated;
    }

    private FuzzInvariant() {
    }

    /** The call under test. */
    @FunctionalInterface
    public interface FuzzCall<T> {
        /**
         * @return what the parser returned
         * @throws Exception what it threw
         */
        T call() throws Exception;
    }

    /** Something the invariant forbids happened; the input is in the message, the cause is kept. */
    public static final class FuzzFinding extends AssertionError {
        private static final long serialVersionUID = 1L;

        FuzzFinding(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Runs {@code call} once under the invariant.
     *
     * @param target a name for the report, e.g. {@code "OcppJsonCodec.decode"}
     * @param input the fuzz input (only described in a finding)
     * @param call the parser call
     * @param typed the checked exception types the parser may throw for bad input
     * @param <T> the result type
     * @return what the call returned, or empty when it threw one of the {@code typed} exceptions
     * @throws FuzzFinding when the invariant is broken
     */
    @SafeVarargs
    public static <T> Optional<T> holds(String target, byte[] input, FuzzCall<T> call,
                                        Class<? extends Exception>... typed) {
        Objects.requireNonNull(call, "call");
        List<Class<? extends Exception>> allowed = List.of(typed);
        for (Class<? extends Exception> c : allowed) {
            if (RuntimeException.class.isAssignableFrom(c)) {
                throw new IllegalArgumentException("an unchecked exception is never a typed rejection: " + c);
            }
        }
        Run<T> first = run(call);
        Run<T> last = first;
        if (first.millis > MAX_MILLIS || first.allocated > MAX_ALLOCATED_BYTES) {
            // Class loading, JIT and (in fuzzing mode) Jazzer's instrumentation of newly loaded classes happen
            // on the first inputs of a run and do not repeat; a slow or greedy parser does.
            last = run(call);
            if (last.millis > MAX_MILLIS) {
                throw new FuzzFinding(target + " took " + first.millis + " ms and then " + last.millis
                        + " ms (limit " + MAX_MILLIS + " ms) on " + describe(input), last.thrown);
            }
            if (last.allocated > MAX_ALLOCATED_BYTES) {
                throw new FuzzFinding(target + " allocated " + (first.allocated >> 20) + " MiB and then "
                        + (last.allocated >> 20) + " MiB (limit " + (MAX_ALLOCATED_BYTES >> 20) + " MiB) on "
                        + describe(input), last.thrown);
            }
        }
        if (last.thrown == null) {
            return Optional.ofNullable(last.value);
        }
        for (Class<? extends Exception> c : allowed) {
            if (c.isInstance(last.thrown)) {
                return Optional.empty();
            }
        }
        throw new FuzzFinding(target + " threw " + last.thrown.getClass().getName() + " (allowed: "
                + (allowed.isEmpty() ? "nothing" : allowed.stream().map(Class::getSimpleName).toList())
                + ") on " + describe(input), last.thrown);
    }

    /**
     * Checks a property of a result; a failure is a finding with the input in its message.
     *
     * @param target a name for the report
     * @param input the fuzz input
     * @param condition the property
     * @param what what the property means, for the report
     * @throws FuzzFinding when {@code condition} is false
     */
    public static void expect(String target, byte[] input, boolean condition, String what) {
        if (!condition) {
            throw new FuzzFinding(target + ": expected " + what + " on " + describe(input), null);
        }
    }

    private record Run<T>(T value, Throwable thrown, long millis, long allocated) {
    }

    private static <T> Run<T> run(FuzzCall<T> call) {
        long bytes0 = allocatedBytes();
        long t0 = System.nanoTime();
        T value = null;
        Throwable thrown = null;
        try {
            value = call.call();
        } catch (Throwable t) { // classifying everything is the point
            thrown = t;
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        long allocated = allocatedBytes() - bytes0;
        return new Run<>(value, thrown, millis, allocated);
    }

    /**
     * @param input bytes
     * @return length, SHA-256 prefix and the first 300 bytes with non-printables escaped
     */
    public static String describe(byte[] input) {
        if (input == null) {
            return "<no input>";
        }
        StringBuilder sb = new StringBuilder().append(input.length).append(" bytes, sha256 ")
                .append(sha256(input), 0, 16).append(", \"");
        int n = Math.min(input.length, 300);
        for (int i = 0; i < n; i++) {
            int b = input[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '\\' && b != '"') {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        return sb.append(input.length > n ? "\"..." : "\"").toString();
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long allocatedBytes() {
        if (ALLOCATED == null) {
            return 0;
        }
        try {
            return (Long) ALLOCATED.invoke(THREADS, Thread.currentThread().getId());
        } catch (ReflectiveOperationException e) {
            return 0;
        }
    }
}
