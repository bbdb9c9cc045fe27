package io.ocppsec.core.event.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Naming, listing and line-by-line reading of the security log's files. */
public final class LogFiles {

    private static final Pattern NAME = Pattern.compile("security-log-([0-9]{20})\\.jsonl");

    private LogFiles() {
    }

    /**
     * @param dir the log directory
     * @param firstSequence sequence number of the first entry the file will hold
     * @return the file's path
     */
    public static Path fileFor(Path dir, long firstSequence) {
        return dir.resolve(String.format("security-log-%020d.jsonl", firstSequence));
    }

    /**
     * @param dir the log directory
     * @return the log files, oldest first (ordered by the sequence number in their names)
     * @throws IOException when the directory cannot be listed
     */
    public static List<Path> list(Path dir) throws IOException {
        TreeMap<Long, Path> files = new TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) {
                    files.put(Long.parseLong(m.group(1)), p);
                }
            }
        }
        return new ArrayList<>(files.values());
    }

    /**
     * @param file a log file
     * @return the sequence number in its name
     */
    public static long firstSequence(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a security log file name");
        }
        return Long.parseLong(m.group(1));
    }

    /** Receives the lines of a file. */
    public interface LineVisitor {
        /**
         * @param line a complete line, or null when it was longer than the limit
         * @param endOffset the offset just after its line feed
         * @throws IOException to stop reading
         */
        void line(String line, long endOffset) throws IOException;
    }

    /**
     * Reads the complete lines of a file; a tail without a line feed (a torn append) is not visited.
     *
     * @param file the file
     * @param visitor receives each line; over-long lines are passed as null without being held in memory
     * @return the number of bytes in complete lines
     * @throws IOException on a read error; a file deleted meanwhile reads as empty
     */
    public static long readLines(Path file, LineVisitor visitor) throws IOException {
        long offset = 0;
        long completeEnd = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 16 * 1024)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            boolean tooLong = false;
            int b;
            while ((b = in.read()) != -1) {
                offset++;
                if (b == '\n') {
                    visitor.line(tooLong ? null : line.toString(StandardCharsets.ISO_8859_1), offset);
                    completeEnd = offset;
                    line.reset();
                    tooLong = false;
                } else if (!tooLong) {
                    if (line.size() >= LogLineCodec.MAX_LINE_BYTES) {
                        tooLong = true;
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        }
        return completeEnd;
    }

    /**
     * Forces a directory's entries (new, renamed and deleted files) to storage, where the platform allows.
     *
     * @param dir the directory
     */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not possible on every platform (e.g. Windows); the file data itself is forced.
        }
    }
}
