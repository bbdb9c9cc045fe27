package io.ocppsec.examples.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the end-to-end demo as named steps, prints one narrative line per step and a final
 * {@code N steps passed, N failed} line. After the first failed step the rest are reported as failed
 * without running (they build on each other).
 *
 * <pre>{@code
 * DemoRunner.Report r = DemoRunner.builder().out(new PrintWriter(System.out, true)).build().run();
 * System.exit(r.exitCode());
 * }</pre>
 */
public final class DemoRunner {

    /** What a step observed: a narrative for people and, for assertions, the value it checked. */
    public record Outcome(String narrative, Optional<Object> observed) {
        /** @throws NullPointerException if null */
        public Outcome {
            Objects.requireNonNull(narrative, "narrative");
            Objects.requireNonNull(observed, "observed");
        }

        /** @param narrative what happened @return an outcome without an observed value */
        public static Outcome of(String narrative) {
            return new Outcome(narrative, Optional.empty());
        }

        /** @param narrative what happened @param observed the checked value @return the outcome */
        public static Outcome of(String narrative, Object observed) {
            return new Outcome(narrative, Optional.of(observed));
        }
    }

    /** The body of a step: throws (any exception) to fail it. */
    @FunctionalInterface
    public interface StepAction {
        /** @return what happened @throws Exception if the step failed */
        Outcome run() throws Exception;
    }

    /**
     * One demo step.
     *
     * @param name short name, printed
     * @param requirementIds the OCPP requirement IDs the step demonstrates (may be empty)
     * @param action the body
     */
    public record Step(String name, List<String> requirementIds, StepAction action) {
        /** Copies the IDs. */
        public Step {
            Objects.requireNonNull(name, "name");
            requirementIds = List.copyOf(requirementIds);
            Objects.requireNonNull(action, "action");
        }
    }

    /**
     * The result of one step.
     *
     * @param number 1-based position
     * @param name the step's name
     * @param requirementIds what it demonstrates
     * @param passed whether it passed
     * @param narrative what happened, or why it failed
     * @param observed the value the step checked, if any (e.g. the {@code ConnectOutcome} of a refused upgrade)
     * @param took how long it ran
     */
    public record StepResult(int number, String name, List<String> requirementIds, boolean passed, String narrative,
            Optional<Object> observed, Duration took) {
        /** Copies the IDs. */
        public StepResult {
            requirementIds = List.copyOf(requirementIds);
        }
    }

    /**
     * All results.
     *
     * @param steps in order
     */
    public record Report(List<StepResult> steps) {
        /** Copies the list. */
        public Report {
            steps = List.copyOf(steps);
        }

        /** @return passed steps */
        public long passed() {
            return steps.stream().filter(StepResult::passed).count();
        }

        /** @return failed (or not run) steps */
        public long failed() {
            return steps.size() - passed();
        }

        /** @return 0 if every step passed, else 1 */
        public int exitCode() {
            return failed() == 0 && !steps.isEmpty() ? 0 : 1;
        }

        /** @param name a step name @return its result */
        public Optional<StepResult> step(String name) {
            return steps.stream().filter(s -> s.name().equals(name)).findFirst();
        }
    }

    private final Optional<Path> outDir;
    private final Clock clock;
    private final SecureRandom random;
    private final PrintWriter out;
    private final Duration timeout;
    private final java.util.function.Consumer<String> secretWitness;

    private DemoRunner(Builder b) {
        this.outDir = b.outDir;
        this.clock = b.clock;
        this.random = b.random;
        this.out = b.out;
        this.timeout = b.timeout;
        this.secretWitness = b.secretWitness;
    }

    /** @return a builder with defaults: temp directory, system clock, new SecureRandom, no output */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the end-to-end scenario and releases every server, client and thread it started.
     *
     * @return the report
     */
    public Report run() {
        try (DemoScenario scenario = new DemoScenario(outDir, clock, random, timeout, secretWitness)) {
            return runSteps(scenario.steps(), out);
        }
    }

    /**
     * Runs steps in order, printing as it goes.
     *
     * @param steps the steps
     * @param out where the narrative goes
     * @return the report
     */
    public static Report runSteps(List<Step> steps, PrintWriter out) {
        List<StepResult> results = new ArrayList<>();
        boolean failedBefore = false;
        int n = 0;
        for (Step step : steps) {
            n++;
            long start = System.nanoTime();
            StepResult r;
            if (failedBefore) {
                r = new StepResult(n, step.name(), step.requirementIds(), false, "not run: an earlier step failed",
                        Optional.empty(), Duration.ZERO);
            } else {
                try {
                    Outcome o = Objects.requireNonNull(step.action().run(), "step outcome");
                    r = new StepResult(n, step.name(), step.requirementIds(), true, o.narrative(), o.observed(),
                            Duration.ofNanos(System.nanoTime() - start));
                } catch (Exception | AssertionError e) {
                    r = new StepResult(n, step.name(), step.requirementIds(), false, "FAILED: " + describe(e),
                            Optional.empty(), Duration.ofNanos(System.nanoTime() - start));
                    failedBefore = true;
                }
            }
            results.add(r);
            out.println(line(r));
            out.flush();
        }
        Report report = new Report(results);
        out.println(report.passed() + " steps passed, " + report.failed() + " failed");
        out.flush();
        return report;
    }

    static String line(StepResult r) {
        String ids = r.requirementIds().isEmpty() ? "" : " [" + String.join(", ", r.requirementIds()) + "]";
        return String.format("%s %2d. %s%s: %s (%d ms)", r.passed() ? "PASS" : "FAIL", r.number(), r.name(), ids,
                r.narrative(), r.took().toMillis());
    }

    private static String describe(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** Builder of {@link DemoRunner}. */
    public static final class Builder {
        private Optional<Path> outDir = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();
        private PrintWriter out = new PrintWriter(java.io.Writer.nullWriter());
        private Duration timeout = Duration.ofSeconds(10);
        private java.util.function.Consumer<String> secretWitness = s -> { };

        private Builder() {
        }

        /**
         * For the demo's own tests only: receives every secret the demo creates (passwords, Authorization
         * values, private keys in Base64), so a test can prove none of them reaches the narrative or a file.
         */
        Builder secretWitness(java.util.function.Consumer<String> witness) {
            this.secretWitness = Objects.requireNonNull(witness, "witness");
            return this;
        }

        /** @param dir where the PKI files go (default: a new temp directory) @return this */
        public Builder outDir(Path dir) {
            this.outDir = Optional.of(dir);
            return this;
        }

        /** @param c the real-time clock certificates are minted around @return this */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** @param r randomness for keys, TLS and messageIds @return this */
        public Builder random(SecureRandom r) {
            this.random = Objects.requireNonNull(r, "random");
            return this;
        }

        /** @param w where the narrative goes @return this */
        public Builder out(PrintWriter w) {
            this.out = Objects.requireNonNull(w, "out");
            return this;
        }

        /** @param t connect and call timeout of each step @return this */
        public Builder timeout(Duration t) {
            this.timeout = Objects.requireNonNull(t, "timeout");
            return this;
        }

        /** @return the runner */
        public DemoRunner build() {
            return new DemoRunner(this);
        }
    }
}
