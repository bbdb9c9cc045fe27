package io.ocppsec.examples.cli;

import io.ocppsec.core.password.BasicAuthPassword;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Reads a secret (a password) from standard input, never from an argument (arguments are visible to every
 * user in the process list and end up in shell histories). On an interactive terminal the secret is read
 * without echo. Tests provide the input with {@link #withInput(InputStream, Callable)}.
 */
final class SecretInput {

    /** Upper bound of what is read: the longest password any policy allows is 64 characters. */
    static final int MAX_BYTES = 1024;

    private static final ThreadLocal<InputStream> OVERRIDE = new ThreadLocal<>();

    private SecretInput() {
    }

    /** Runs {@code action} with {@code in} as the standard input of the commands (for tests and embedding). */
    static <T> T withInput(InputStream in, Callable<T> action) throws Exception {
        OVERRIDE.set(in);
        try {
            return action.call();
        } finally {
            OVERRIDE.remove();
        }
    }

    /**
     * Reads one password: the first line of standard input (the line end is not part of it), or a no-echo
     * prompt on a terminal.
     *
     * @throws IOException when there is no password, it is too long or not UTF-8 (the message never holds it)
     */
    static BasicAuthPassword readPassword(String prompt) throws IOException {
        InputStream in = OVERRIDE.get();
        Console console = System.console();
        if (in == null && console != null) {
            char[] chars = console.readPassword("%s", prompt);
            if (chars == null || chars.length == 0) {
                throw new IOException("no password entered");
            }
            try {
                return BasicAuthPassword.ofChars(chars);
            } finally {
                Arrays.fill(chars, '\0');
            }
        }
        return readLine(in != null ? in : System.in);
    }

    private static BasicAuthPassword readLine(InputStream in) throws IOException {
        byte[] buf = new byte[MAX_BYTES + 1];
        int n = 0;
        try {
            int r;
            while (n < buf.length && (r = in.read(buf, n, buf.length - n)) > 0) {
                n += r;
            }
            Optional<Integer> end = lineEnd(buf, n);
            if (end.isEmpty() && n > MAX_BYTES) {
                throw new IOException("standard input holds more than " + MAX_BYTES + " bytes on its first line");
            }
            int len = end.orElse(n);
            if (len > 0 && buf[len - 1] == '\r') {
                len--;
            }
            if (len == 0) {
                throw new IOException("no password on standard input (pipe it in, e.g. from a file or a secret store)");
            }
            byte[] line = Arrays.copyOf(buf, len);
            try {
                return BasicAuthPassword.ofUtf8(line);
            } catch (CharacterCodingException e) {
                throw new IOException("the password on standard input is not valid UTF-8");
            } finally {
                Arrays.fill(line, (byte) 0);
            }
        } finally {
            Arrays.fill(buf, (byte) 0);
        }
    }

    private static Optional<Integer> lineEnd(byte[] buf, int n) {
        for (int i = 0; i < n; i++) {
            if (buf[i] == '\n') {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
