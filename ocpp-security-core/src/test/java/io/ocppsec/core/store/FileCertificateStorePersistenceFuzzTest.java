package io.ocppsec.core.store;

import static io.ocppsec.core.fuzz.FuzzInvariant.holds;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the certificate-store loader: the fuzz bytes are the store file. Only
 * {@link CertificateStoreException} may come out of {@link FileCertificateStorePersistence#load()}.
 */
class FileCertificateStorePersistenceFuzzTest {

    private static Path dir;

    @BeforeAll
    static void directory() throws IOException {
        dir = Files.createTempDirectory("ocppsec-store-fuzz");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Timeout(10)
    @FuzzTest(maxDuration = "20s")
    void load(byte[] data) {
        Path file = dir.resolve("store.txt");
        try {
            Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileCertificateStorePersistence persistence = FileCertificateStorePersistence.builder(file).build();
        holds("FileCertificateStorePersistence.load", data, persistence::load, CertificateStoreException.class);
    }
}
