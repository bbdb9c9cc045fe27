package io.ocppsec.core.store;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The child process of {@link FileStoreCrashTest}: rewrites the store file as fast as it can, each
 * generation with a different number of roots, and prints {@code saved N} after each completed save.
 * The parent kills it at random moments.
 */
public final class FileStoreCrashWriter {

    private FileStoreCrashWriter() {
    }

    /**
     * @param args the store file, a file of base64 DER certificates (one per line)
     * @throws Exception on any failure (the parent then sees the exit code)
     */
    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            certs.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(line))));
        }
        FileCertificateStorePersistence p = FileCertificateStorePersistence.builder(store).build();
        long gen = generation(p.load().orElseThrow()) + 1;
        System.out.println("ready " + gen);
        System.out.flush();
        while (true) {
            p.save(snapshot(certs, gen));
            System.out.println("saved " + gen);
            System.out.flush();
            gen++;
        }
    }

    /** The snapshot of generation {@code gen}: (gen % n) + 1 roots, each installed at epoch-millis gen. */
    static StoreSnapshot snapshot(List<X509Certificate> certs, long gen) {
        List<InstalledRoot> roots = new ArrayList<>();
        int n = (int) (gen % certs.size()) + 1;
        for (int i = 0; i < n; i++) {
            roots.add(new InstalledRoot(RootCertificateType.values()[i % 4], certs.get(i), Instant.ofEpochMilli(gen)));
        }
        return new StoreSnapshot(List.of(), roots);
    }

    /** The generation a snapshot was written as, checking that its content is exactly that generation's. */
    static long generation(StoreSnapshot s) {
        long gen = s.roots().get(0).installedAt().toEpochMilli();
        for (InstalledRoot r : s.roots()) {
            if (r.installedAt().toEpochMilli() != gen) {
                throw new IllegalStateException("mixed generations in one file: " + gen + " and " + r.installedAt());
            }
        }
        return gen;
    }
}
