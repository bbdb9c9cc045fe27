package io.ocppsec.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;

/**
 * Runs an action that should be refused by a size limit and measures what the refusal costs: the best
 * wall time of {@value #RUNS} runs after a warm-up, and the fewest bytes the calling thread allocated in
 * one of them ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}). Best-of-N keeps the
 * bounds meaningful on a loaded 2-core machine: a refusal that copies or parses a 50 MB input cannot be
 * fast and small even once.
 *
 * <p>The thread MXBean is reached by reflection: the tests are compiled inside the {@code io.ocppsec.core}
 * module, which does not read {@code java.management}; at run time they are on the class path.
 */
final class LimitProbe {

    /** Measured runs after the warm-up. */
    static final int RUNS = 5;
    /** Wall-time bound of a refusal by length (generous: a length check takes microseconds). */
    static final long CHEAP_MILLIS = 50;
    /** Allocation bound of a refusal by length: the exception or result and its message, nothing input-sized. */
    static final long SMALL_BYTES = 64 * 1024;
    /** 50 MiB of text (Latin-1, so 50 MiB of heap), shared by the huge-input cases. */
    static final String HUGE = "A".repeat(50 * 1024 * 1024);

    private static final Object THREADS;
    private static final Method ALLOCATED_BYTES;

    static {
        try {
            THREADS = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            Class<?> bean = Class.forName("com.sun.management.ThreadMXBean");
            if (!(boolean) bean.getMethod("isThreadAllocatedMemorySupported").invoke(THREADS)) {
                throw new IllegalStateException("this JVM does not measure allocated bytes per thread");
            }
            bean.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(THREADS, true);
            ALLOCATED_BYTES = bean.getMethod("getThreadAllocatedBytes", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private LimitProbe() {
    }

    /** An action whose result or thrown exception is the outcome. */
    @FunctionalInterface
    interface Action {
        Object run() throws Throwable;
    }

    /**
     * @param outcome the value returned, or the exception thrown, by the last run
     * @param bestNanos the shortest wall time of the measured runs
     * @param leastBytes the fewest bytes allocated by this thread in one measured run
     */
    record Probe(Object outcome, long bestNanos, long leastBytes) {

        /** Asserts the refusal took at most {@code maxMillis} and allocated at most {@code maxBytes}. */
        Probe cheap(long maxMillis, long maxBytes) {
            if (System.getenv("LIMITS_REPORT") != null) { // prints the measurements for docs/limits.md
                System.out.printf("LIMITS %s: %.3f ms, %d bytes%n", StackWalker.getInstance().walk(s -> s.skip(1)
                        .filter(f -> !f.getMethodName().equals("cheap")).findFirst().map(f -> f.getMethodName() + ":"
                        + f.getLineNumber()).orElse("?")), bestNanos / 1e6, leastBytes);
            }
            assertThat(bestNanos / 1_000_000.0).as("best wall time in ms of %d runs", RUNS).isLessThan(maxMillis);
            assertThat(leastBytes).as("bytes allocated").isLessThan(maxBytes);
            return this;
        }

        /** Asserts the {@link #CHEAP_MILLIS} and {@link #SMALL_BYTES} bounds. */
        Probe cheap() {
            return cheap(CHEAP_MILLIS, SMALL_BYTES);
        }

        /** @return the outcome as that type, asserting it is one */
        <T> T outcome(Class<T> type) {
            assertThat(outcome).isInstanceOf(type);
            return type.cast(outcome);
        }
    }

    /** Runs the action once to warm up, then {@value #RUNS} times measured. */
    static Probe probe(Action action) {
        Object outcome = call(action);
        long bestNanos = Long.MAX_VALUE;
        long leastBytes = Long.MAX_VALUE;
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < RUNS; i++) {
            long bytes0 = allocated(thread);
            long t0 = System.nanoTime();
            outcome = call(action);
            long nanos = System.nanoTime() - t0;
            long bytes = allocated(thread) - bytes0;
            bestNanos = Math.min(bestNanos, nanos);
            leastBytes = Math.min(leastBytes, bytes);
        }
        return new Probe(outcome, bestNanos, leastBytes);
    }

    private static long allocated(long thread) {
        try {
            return (long) ALLOCATED_BYTES.invoke(THREADS, thread);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the action's result, or what it threw */
    static Object call(Action action) {
        try {
            return action.run();
        } catch (Throwable t) {
            return t;
        }
    }

    /** @return {@code s} followed by line feeds up to exactly {@code length} characters */
    static String padTo(String s, int length) {
        assertThat(s.length()).as("text to pad").isLessThanOrEqualTo(length);
        return s + "\n".repeat(length - s.length());
    }
}
