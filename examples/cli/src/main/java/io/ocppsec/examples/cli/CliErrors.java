package io.ocppsec.examples.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one-line errors of the tool: what was wrong, with which input, and how to fix it. An argument the tool did
 * not expect is never echoed (it may be a password typed in the wrong place); an unknown option is shown up to its
 * {@code =}.
 */
final class CliErrors {

    private CliErrors() {
    }

    /** @return the message for a usage error */
    static String describe(ParameterException ex) {
        CommandLine cl = ex.getCommandLine();
        List<String> unmatched = ex instanceof UnmatchedArgumentException u ? u.getUnmatched()
                : cl.getUnmatchedArguments();
        // An unknown option makes picocli report a required option as missing; the unknown one is the mistake.
        if (ex instanceof UnmatchedArgumentException || (ex instanceof MissingParameterException
                && !unmatched.isEmpty())) {
            return unmatched(cl, unmatched);
        }
        return ex.getMessage() + help(cl);
    }

    private static String unmatched(CommandLine cl, List<String> unmatched) {
        if (cl.getParent() == null && !unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
            String name = unmatched.get(0);
            return "unknown command '" + Results.printable(name.length() > 40 ? name.substring(0, 40) + "..." : name)
                    + "'; the commands are " + String.join(", ", cl.getSubcommands().keySet()) + help(cl);
        }
        List<String> options = unmatched.stream().filter(a -> a.startsWith("-"))
                .map(a -> a.indexOf('=') > 0 ? a.substring(0, a.indexOf('=')) + "=..." : a)
                .map(Results::printable).collect(Collectors.toList());
        long others = unmatched.stream().filter(a -> !a.startsWith("-")).count();
        StringBuilder m = new StringBuilder();
        if (!options.isEmpty()) {
            m.append("unknown option ").append(String.join(", ", options));
            List<String> known = suggestions(cl, unmatched);
            if (!known.isEmpty()) {
                m.append(" (did you mean ").append(String.join(" or ", known)).append("?)");
            }
        }
        if (others > 0) {
            m.append(m.length() > 0 ? "; " : "").append(others).append(others == 1 ? " unexpected argument"
                    : " unexpected arguments").append(" (not shown, in case it is a secret)");
            if (cl.getParent() != null && cl.getParent().getCommandName().equals("password")) {
                m.append("; the password is read from standard input, never from the command line");
            }
        }
        return m + help(cl);
    }

    private static List<String> suggestions(CommandLine cl, List<String> unmatched) {
        List<String> out = new java.util.ArrayList<>();
        for (String a : unmatched) {
            if (!a.startsWith("--") || a.length() < 4) {
                continue;
            }
            String name = a.indexOf('=') > 0 ? a.substring(0, a.indexOf('=')) : a;
            for (String known : cl.getCommandSpec().optionsMap().keySet()) {
                if (known.startsWith("--") && (known.startsWith(name) || name.startsWith(known))) {
                    out.add(known);
                }
            }
        }
        return out;
    }

    private static String help(CommandLine cl) {
        return "; see '" + cl.getCommandSpec().qualifiedName() + " --help'";
    }

    /** @return the message for a failure while running a command */
    static String describe(Exception ex) {
        if (ex instanceof NoSuchFileException f) {
            return Results.printable(f.getFile()) + ": no such file or directory; check the path";
        }
        if (ex instanceof AccessDeniedException f) {
            return Results.printable(f.getFile()) + ": permission denied; check the file's permissions";
        }
        if (ex instanceof FileSystemException f && f.getFile() != null) {
            return Results.printable(f.getFile()) + ": " + (f.getReason() != null ? f.getReason() : "cannot access");
        }
        if (ex.getMessage() == null || ex.getMessage().isBlank()) {
            return ex.getClass().getSimpleName() + " (no detail given)";
        }
        return ex.getMessage();
    }
}
