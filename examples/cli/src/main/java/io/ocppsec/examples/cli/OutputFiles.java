package io.ocppsec.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.io.StringWriter;
import java.util.Set;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Writes the files the tool creates. A private key file is created with mode 600 (the permission is part of
 * the creation, so the key is never readable by others, not even for a moment); other files get 644.
 * An existing file is never overwritten unless asked, and then it is replaced atomically.
 */
final class OutputFiles {

    /** rw------- */
    static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
    /** rw-r--r-- */
    static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

    private OutputFiles() {
    }

    /** @return whether the file system of {@code path} has POSIX permissions */
    static boolean isPosix(Path path) {
        return path.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * @param path the file
     * @param content its text
     * @param permissions POSIX permissions set at creation (ignored where the file system has none)
     * @param replace replace an existing file (atomically) instead of refusing
     * @throws IOException when the file exists and {@code replace} is false, or writing fails
     */
    static void write(Path path, String content, Set<PosixFilePermission> permissions, boolean replace)
            throws IOException {
        boolean posix = isPosix(path);
        FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (!replace) {
            try {
                Files.createFile(path, attrs); // fails on an existing file or (dangling) symlink
            } catch (FileAlreadyExistsException e) {
                throw new IOException(path + " exists; refusing to overwrite it (use --force)");
            }
            Files.write(path, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            Path dir = path.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp", attrs);
            try {
                Files.write(tmp, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        if (posix) {
            // The umask may have removed bits of 644; 600 is already exact (a umask never adds bits).
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    /** @return the key as unencrypted PKCS#8 PEM (for files only; never printed) */
    static String pkcs8Pem(PrivateKey key) throws IOException {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(new JcaPKCS8Generator(key, null));
        }
        return w.toString();
    }
}
