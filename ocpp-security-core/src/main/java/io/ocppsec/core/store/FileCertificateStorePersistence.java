package io.ocppsec.core.store;

import io.ocppsec.core.store.CertificateStoreException.Reason;
import io.ocppsec.core.store.internal.StoreFileCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keeps a {@link StoreSnapshot} in one file, replaced atomically on every save: the new content is
 * written to a temporary file in the same directory, forced to disk ({@code FileChannel.force(true)}),
 * moved over the old file with {@code ATOMIC_MOVE}, and the directory is forced too. A crash at any
 * moment leaves the old or the new file, never a mix. The file carries a format version and a SHA-256
 * checksum; a damaged, truncated, foreign or oversized file gives a {@link CertificateStoreException},
 * and its size is checked before anything is read.
 *
 * <p><b>Private keys.</b> By default only the key <em>alias</em> is written; the caller's key store or
 * HSM keeps the key, and {@link Builder#keyResolver(Function)} turns the alias back into a handle on
 * load (default: {@link KeyHandle#external(String)}). {@link Builder#insecurePlaintextPrivateKeysInFile()}
 * writes software keys as plaintext PKCS#8 instead: then anyone who can read the file (backups,
 * diagnostics uploads, a stolen flash chip) has the station's identity. The file is created owner-only
 * (rw-------) where the file system supports POSIX permissions, which is not protection against root or
 * offline access. This class does not encrypt: an encryption key stored next to the file would add no
 * protection; use a TPM/HSM-backed {@link KeyHandle} for that.
 *
 * <pre>{@code
 * CertificateStorePersistence files = FileCertificateStorePersistence.builder(Path.of("/data/ocpp/certs.store"))
 *         .keyResolver(alias -> myHsm.handle(alias))
 *         .build();
 * StationCertificateStore store = StationCertificateStore.builder(files).build();
 * }</pre>
 */
public final class FileCertificateStorePersistence implements CertificateStorePersistence {

    /** Default upper bound of the file size: 1 MiB. */
    public static final long DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(FileCertificateStorePersistence.class.getName());

    private final Path file;
    private final long maxFileSize;
    private final Function<String, KeyHandle> keyResolver;
    private final boolean plaintextKeys;

    private FileCertificateStorePersistence(Builder b) {
        this.file = b.file;
        this.maxFileSize = b.maxFileSize;
        this.keyResolver = b.keyResolver;
        this.plaintextKeys = b.plaintextKeys;
    }

    /**
     * @param file the store file; its directory must exist
     * @return a builder
     */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    /** @return the file this persistence writes */
    public Path file() {
        return file;
    }

    @Override
    public Optional<StoreSnapshot> load() throws CertificateStoreException {
        removeStaleTemporaryFiles();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new CertificateStoreException(Reason.CORRUPT, "Certificate store " + file + " is not a regular file");
        }
        byte[] data;
        try {
            long size = Files.size(file);
            if (size > maxFileSize) {
                throw tooLarge(size);
            }
            try (InputStream in = Files.newInputStream(file)) {
                data = in.readNBytes((int) maxFileSize + 1);
            }
        } catch (IOException e) {
            throw new CertificateStoreException(Reason.IO, "Cannot read certificate store " + file, e);
        }
        if (data.length > maxFileSize) {
            throw tooLarge(data.length);
        }
        try {
            return Optional.of(StoreFileCodec.decode(data, keyResolver));
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    @Override
    public void save(StoreSnapshot snapshot) throws CertificateStoreException {
        Objects.requireNonNull(snapshot, "snapshot");
        byte[] data = StoreFileCodec.encode(snapshot, plaintextKeys);
        if (data.length > maxFileSize) {
            Arrays.fill(data, (byte) 0);
            throw new CertificateStoreException(Reason.TOO_LARGE, "Certificate store would be " + data.length
                    + " bytes, more than its limit of " + maxFileSize + "; nothing was written");
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, tempPrefix(), ".tmp", ownerOnly());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(data);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            forceDirectory(dir);
        } catch (IOException e) {
            throw new CertificateStoreException(Reason.IO, "Cannot write certificate store " + file
                    + "; the previous content is kept", e);
        } finally {
            Arrays.fill(data, (byte) 0);
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort; a stale temporary file is removed on the next load
                }
            }
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel dc = FileChannel.open(dir, StandardOpenOption.READ)) {
            dc.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; the rename is still atomic there.
            LOG.log(System.Logger.Level.DEBUG, "Cannot fsync directory " + dir + ": " + e);
        }
    }

    private String tempPrefix() {
        return "." + file.getFileName() + ".";
    }

    private void removeStaleTemporaryFiles() {
        Path dir = file.toAbsolutePath().getParent();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, tempPrefix().replace("[", "\\[")
                .replace("{", "\\{").replace("*", "\\*").replace("?", "\\?") + "*.tmp")) {
            for (Path p : ds) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Cannot clean temporary files next to " + file + ": " + e);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    private CertificateStoreException tooLarge(long size) {
        return new CertificateStoreException(Reason.TOO_LARGE, "Certificate store " + file + " is " + size
                + " bytes, more than its limit of " + maxFileSize + "; it was not read");
    }

    @Override
    public String toString() {
        return "FileCertificateStorePersistence[" + file + (plaintextKeys ? ", INSECURE plaintext keys" : "") + "]";
    }

    /** Builds a {@link FileCertificateStorePersistence}. */
    public static final class Builder {
        private final Path file;
        private long maxFileSize = DEFAULT_MAX_FILE_SIZE;
        private Function<String, KeyHandle> keyResolver = KeyHandle::external;
        private boolean plaintextKeys;

        private Builder(Path file) {
            this.file = Objects.requireNonNull(file, "file");
            if (file.getFileName() == null) {
                throw new IllegalArgumentException("The store path must name a file");
            }
        }

        /**
         * @param bytes the largest file accepted on load and written on save (4 KiB .. 64 MiB)
         * @return this builder
         */
        public Builder maxFileSize(long bytes) {
            if (bytes < 4096 || bytes > 64L * 1024 * 1024) {
                throw new IllegalArgumentException("maxFileSize must be 4 KiB .. 64 MiB, was " + bytes);
            }
            this.maxFileSize = bytes;
            return this;
        }

        /**
         * @param resolver maps a stored key alias to the handle of the key (e.g. from an HSM); called on
         *     load for every client certificate whose key was not written to the file
         * @return this builder
         */
        public Builder keyResolver(Function<String, KeyHandle> resolver) {
            this.keyResolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * <b>Insecure:</b> writes in-memory private keys to the file as plaintext PKCS#8, readable by
         * anyone who can read the file. Use only where the file system itself is protected (encrypted
         * partition, secure element) and no key store exists. A warning is logged when the persistence
         * is built.
         *
         * @return this builder
         */
        public Builder insecurePlaintextPrivateKeysInFile() {
            this.plaintextKeys = true;
            return this;
        }

        /** @return the persistence */
        public FileCertificateStorePersistence build() {
            if (plaintextKeys) {
                LOG.log(System.Logger.Level.WARNING, "Certificate store " + file
                        + " writes private keys as plaintext PKCS#8 (insecurePlaintextPrivateKeysInFile)");
            }
            return new FileCertificateStorePersistence(this);
        }
    }
}
