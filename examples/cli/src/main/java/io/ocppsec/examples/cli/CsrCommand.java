package io.ocppsec.examples.cli;

import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.core.csr.CsrBuilder;
import io.ocppsec.core.csr.CsrInspection;
import io.ocppsec.core.csr.CsrInspector;
import io.ocppsec.core.csr.GeneratedCsr;
import io.ocppsec.core.csr.KeyAlgorithm;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.security.auth.x500.X500Principal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code csr create|inspect}: build a station CSR ({@link CsrBuilder}), inspect one as a CSMS ({@link CsrInspector}). */
@Command(name = "csr", mixinStandardHelpOptions = true,
        description = "Create a Charging Station CSR with a new key pair, or inspect a CSR as the CSMS does.",
        subcommands = {CsrCommand.Create.class, CsrCommand.Inspect.class})
final class CsrCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Generate a new key pair and a PKCS#10 CSR for SignCertificateRequest (A02.FR.02/03).",
                "The private key is written to --out-key with mode 600 and is never printed."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--org", required = true, paramLabel = "O", description = "OrganizationName: the O RDN.")
        String org;
        @Option(names = "--serial", required = true, paramLabel = "S", description = "The station's serial number: the CN RDN.")
        String serial;
        @Option(names = "--country", paramLabel = "C", description = "ISO 3166 alpha-2 country code (C RDN).")
        String country;
        @Option(names = "--key-type", paramLabel = "TYPE", defaultValue = "ec-p256", converter = KeyTypeConverter.class,
                completionCandidates = KeyTypes.class, description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        KeyAlgorithm keyType;
        @Option(names = "--v2g", description = "Request a V2GCertificate (ISO 15118; EC keys only) instead of a "
                + "ChargingStationCertificate.")
        boolean v2g;
        @Option(names = "--out-key", required = true, paramLabel = "FILE", description = "Where to write the private key (PKCS#8 PEM, mode 600).")
        Path outKey;
        @Option(names = "--out-csr", required = true, paramLabel = "FILE", description = "Where to write the CSR (PEM).")
        Path outCsr;
        @Option(names = "--force", description = "Replace existing output files.")
        boolean force;

        @Override
        public Integer call() throws Exception {
            if (!force) {
                for (Path p : new Path[] {outKey, outCsr}) {
                    if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        throw new IOException(p + " exists; refusing to overwrite it (use --force)");
                    }
                }
            }
            if (outKey.toAbsolutePath().normalize().equals(outCsr.toAbsolutePath().normalize())) {
                throw new ParameterException(spec.commandLine(), "--out-key and --out-csr must be different files");
            }
            CertificateSigningUse use = v2g ? CertificateSigningUse.V2G_CERTIFICATE
                    : CertificateSigningUse.CHARGING_STATION_CERTIFICATE;
            CsrBuilder b;
            try {
                b = CsrBuilder.forUse(use, org, serial).keyAlgorithm(keyType);
                if (country != null) {
                    b.country(country);
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            GeneratedCsr csr = b.generate();
            // The key first: a CSR without its key is useless, a key without its CSR can be re-requested.
            OutputFiles.write(outKey, OutputFiles.pkcs8Pem(csr.keyPair().privateKeyForLocalUse()), OutputFiles.PRIVATE, force);
            OutputFiles.write(outCsr, csr.request().pem(), OutputFiles.PUBLIC, force);
            PrintWriter out = spec.commandLine().getOut();
            out.println("wrote " + outCsr + " (" + csr.request().certificateType() + " CSR, " + keyName(keyType)
                    + ") and " + outKey + " (private key" + (OutputFiles.isPosix(outKey) ? ", mode 600" : "") + ")");
            return 0;
        }
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Inspect a CSR as the CSMS does before forwarding it to the CA (A02.FR.11/12, A03.FR.11/12).",
                "Exit 0 Accepted (advisories are printed), 1 Rejected with the reasons, 2 unreadable file."})
    static final class Inspect implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--csr", required = true, paramLabel = "FILE", description = "The CSR (PEM), as in SignCertificateRequest.csr.")
        Path csr;
        @Option(names = "--serial", required = true, paramLabel = "S",
                description = "Serial number of the connected station: the CN must equal it.")
        String serial;
        @Option(names = "--org", required = true, paramLabel = "O", description = "The CSO name: the O must equal it (A00.FR.404).")
        String org;
        @Option(names = "--type", paramLabel = "TYPE", defaultValue = "ChargingStationCertificate",
                description = "certificateType: ChargingStationCertificate or V2GCertificate (default ${DEFAULT-VALUE}).")
        String type;
        @Option(names = "--json", description = "Print one JSON object for machines.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            CertificateSigningUse use;
            CsrInspector inspector;
            try {
                use = CertificateSigningUse.fromOcpp(type);
                inspector = CsrInspector.forOrganization(org);
                if (serial.isBlank()) {
                    throw new IllegalArgumentException("--serial must not be blank");
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            String pem = PemFiles.readText(csr);
            CsrInspection inspection = inspector.inspect(pem, serial, use);
            PrintWriter out = spec.commandLine().getOut();
            String subject = inspection.subject().map(X500Principal::getName).orElse("(unreadable)");
            if (json) {
                JsonObjectBuilder o = Json.createObjectBuilder()
                        .add("status", inspection.decision().ocppValue())
                        .add("certificateType", use.ocppValue())
                        .add("subject", subject);
                inspection.reasonCode().ifPresent(c -> o.add("reasonCode", c));
                o.add("violations", Results.json(inspection.result()));
                out.println(Results.toJson(o.build()));
            } else {
                out.println(inspection.decision().ocppValue()
                        + inspection.reasonCode().map(c -> " (" + c + ")").orElse("") + ": " + use.ocppValue()
                        + " CSR for " + Results.printable(subject));
                Results.printViolations(out, inspection.result());
            }
            return inspection.isAccepted() ? 0 : OcppSecurityCli.EXIT_VIOLATIONS;
        }
    }

    static String keyName(KeyAlgorithm k) {
        return k.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code ec-p256} to {@link KeyAlgorithm#EC_P256}. */
    static final class KeyTypeConverter implements CommandLine.ITypeConverter<KeyAlgorithm> {
        @Override
        public KeyAlgorithm convert(String value) {
            for (KeyAlgorithm k : KeyAlgorithm.values()) {
                if (keyName(k).equals(value)) {
                    return k;
                }
            }
            throw new CommandLine.TypeConversionException("unknown key type '" + Results.printable(value)
                    + "'; expected one of " + String.join(", ", new KeyTypes()));
        }
    }

    /** The key type names. */
    static final class KeyTypes extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        KeyTypes() {
            for (KeyAlgorithm k : KeyAlgorithm.values()) {
                add(keyName(k));
            }
        }
    }
}
