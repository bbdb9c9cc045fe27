package io.ocppsec.testing;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * Test {@link System.LoggerFinder} (registered in {@code META-INF/services}): every {@link System.Logger}
 * record of every level is formatted and kept in {@link #lines()} (the newest {@value #MAX_LINES}), so tests
 * can prove that no secret is ever logged. Only the SDK's own records of level INFO and above, and anyone's
 * WARNING and above, are echoed to stderr, so forked test JVMs do not flood the build log with JDK debug
 * records.
 */
public final class CapturingLoggerFinder extends System.LoggerFinder {

    /** How many lines are kept; older ones are dropped so long test runs stay bounded. */
    public static final int MAX_LINES = 50_000;

    private static final java.util.Deque<String> LINES = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private static final java.util.concurrent.atomic.AtomicInteger SIZE = new java.util.concurrent.atomic.AtomicInteger();

    /** @return every line logged so far, formatted, with the stack traces of thrown exceptions */
    public static List<String> lines() {
        return List.copyOf(LINES);
    }

    /** @return whether this finder is the one the JDK uses */
    public static boolean isInstalled() {
        return System.LoggerFinder.getLoggerFinder() instanceof CapturingLoggerFinder;
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new Capturing(name);
    }

    private static final class Capturing implements System.Logger {
        private final String name;

        Capturing(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            StringBuilder sb = new StringBuilder(level + " " + name + ": " + msg);
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                sb.append(" | ").append(t);
            }
            record(level, sb.toString());
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            String text = params == null || params.length == 0 ? format : MessageFormat.format(format, params);
            record(level, level + " " + name + ": " + text);
        }

        @Override
        public void log(Level level, Supplier<String> msgSupplier) {
            record(level, level + " " + name + ": " + msgSupplier.get());
        }

        private void record(Level level, String line) {
            LINES.addLast(line);
            if (SIZE.incrementAndGet() > MAX_LINES && LINES.pollFirst() != null) {
                SIZE.decrementAndGet();
            }
            boolean ours = name.startsWith("io.ocppsec");
            if (level.getSeverity() >= Level.WARNING.getSeverity()
                    || (ours && level.getSeverity() >= Level.INFO.getSeverity())) {
                System.err.println(line);
            }
        }
    }
}
