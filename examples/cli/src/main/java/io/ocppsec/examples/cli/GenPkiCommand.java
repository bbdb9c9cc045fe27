package io.ocppsec.examples.cli;

import io.ocppsec.core.cert.CertificateParser;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gen-pki}: writes the lab PKI ({@link TestPki}) as PEM files, valid from now. */
@Command(name = "gen-pki", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a LAB PKI for testing as PEM files: CSO root and sub-CA, CSMS EC and RSA "
                + "certificates, a Charging Station certificate, Manufacturer root and sub-CA, a firmware signing "
                + "certificate, with their private keys (mode 600; also the CSO sub-CA key, to issue more certificates). "
                + "Certificate files hold the chain without the root.",
            "Never use these certificates or keys in production."})
final class GenPkiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
    Path out;
    @Option(names = "--force", description = "Write into a non-empty directory, replacing files of the same name.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IOException(out + " is not a directory");
        }
        if (Files.isDirectory(out) && !force) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new IOException(out + " is not empty; refusing to write into it (use --force)");
                }
            }
        }
        Files.createDirectories(out);
        TestPki pki = TestPki.create(KeyType.EC_P256, Instant.now());
        Map<String, String> files = new LinkedHashMap<>();
        files.put("cso-root.pem", pem(List.of(pki.csoRoot().certificate())));
        files.put("cso-sub-ca.pem", pem(pki.csoSubCa().chain()));
        // The sub-CA key, so that more station or CSMS certificates can be issued from the lab PKI (openssl x509 -req).
        files.put("cso-sub-ca.key", OutputFiles.pkcs8Pem(pki.csoSubCa().keyPair().getPrivate()));
        leaf(files, "csms-ec", pki.csmsEc());
        leaf(files, "csms-rsa", pki.csmsRsa());
        leaf(files, "station", pki.station());
        files.put("manufacturer-root.pem", pem(List.of(pki.manufacturerRoot().certificate())));
        files.put("manufacturer-sub-ca.pem", pem(pki.manufacturerSubCa().chain()));
        leaf(files, "firmware-signing", pki.firmwareSigning());
        for (Map.Entry<String, String> f : files.entrySet()) {
            boolean key = f.getKey().endsWith(".key");
            OutputFiles.write(out.resolve(f.getKey()), f.getValue(), key ? OutputFiles.PRIVATE : OutputFiles.PUBLIC, force);
        }
        spec.commandLine().getErr().println("warning: this is a LAB PKI for testing only; never use its "
                + "certificates or keys in production");
        PrintWriter o = spec.commandLine().getOut();
        o.println("wrote " + files.size() + " files to " + out + " (keys mode 600), valid from "
                + pki.now().minusSeconds(86_400) + " for a year:");
        o.println("  " + String.join(" ", files.keySet()));
        o.println("  CSO name (--org): " + TestPki.CSO_NAME + "; CSMS FQDN (--fqdn): " + TestPki.CSMS_FQDN
                + "; station serial (--serial): " + TestPki.STATION_SERIAL);
        return 0;
    }

    private static void leaf(Map<String, String> files, String name, TestCertificate c) throws IOException {
        files.put(name + ".pem", pem(c.chain()));
        files.put(name + ".key", OutputFiles.pkcs8Pem(c.keyPair().getPrivate()));
    }

    private static String pem(List<X509Certificate> certs) throws IOException {
        try {
            return CertificateParser.toPem(certs);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException("cannot encode a certificate", e);
        }
    }
}
