package io.ocppsec.core.testlog;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Test {@link System.LoggerFinder} (registered in {@code META-INF/services}): every {@link System.Logger}
 * record of every level is formatted, kept in {@link #lines()} and also written to stderr, so tests can
 * prove that no secret is ever logged.
 */
public final class CapturingLoggerFinder extends System.LoggerFinder {

    private static final List<String> LINES = new CopyOnWriteArrayList<>();

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
            record(sb.toString());
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            String text = params == null || params.length == 0 ? format : MessageFormat.format(format, params);
            record(level + " " + name + ": " + text);
        }

        @Override
        public void log(Level level, Supplier<String> msgSupplier) {
            record(level + " " + name + ": " + msgSupplier.get());
        }

        private static void record(String line) {
            LINES.add(line);
            System.err.println(line);
        }
    }
}
