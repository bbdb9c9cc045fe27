package io.ocppsec.examples.cli;

import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.cert.CertificateLinter;
import io.ocppsec.core.cert.CertificateRole;
import io.ocppsec.core.cert.LintOptions;
import jakarta.json.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lint-cert}: the certificate properties of one certificate for its role ({@link CertificateLinter}). */
@Command(name = "lint-cert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check one certificate's properties for its OCPP role (key strength, algorithms, serial, "
                + "O, CN, keyUsage, extendedKeyUsage: A00.FR.501-514). Signatures, validity and the path are "
                + "check-chain's job.",
            "A file holding several certificates: the first is checked.",
            "Exit 0 compliant (advisories are printed), 1 violations, 2 unreadable input."})
final class LintCertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Option(names = "--role", required = true, converter = CertificateFiles.RoleConverter.class,
            completionCandidates = CertificateFiles.AllRoles.class,
            description = "The role: ${COMPLETION-CANDIDATES}.")
    CertificateRole role;
    @Option(names = "--org", paramLabel = "NAME",
            description = "The owner's name the O RDN must equal (A00.FR.404 for charging-station, else A00.FR.509).")
    String org;
    @Option(names = "--fast-expiration", description = "csms: report a validity of more than 24 hours (A00.FR.701).")
    boolean fastExpiration;
    @Option(names = "--json", description = "Print one JSON object for machines.")
    boolean json;
    @Parameters(paramLabel = "FILE", description = "PEM certificate.")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (org != null && org.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--org must not be blank");
        }
        List<X509Certificate> certs = CertificateFiles.read(file, CertificateFiles.TRUST_PARSER);
        X509Certificate cert = certs.get(0);
        LintOptions.Builder options = LintOptions.builder().fastExpiration(fastExpiration);
        if (org != null) {
            options.expectedOrganization(org);
        }
        ValidationResult r = CertificateLinter.lint(cert, role, options.build());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Results.toJson(Results.addResult(Json.createObjectBuilder()
                    .add("role", CertificateFiles.roleName(role))
                    .add("subject", cert.getSubjectX500Principal().getName())
                    .add("certificatesInFile", certs.size()), r).build()));
        } else {
            out.println(CertificateFiles.roleName(role) + " certificate "
                    + Results.printable(cert.getSubjectX500Principal().getName()) + ": " + Results.summary(r)
                    + (certs.size() > 1 ? " [first of " + certs.size() + " certificates in the file]" : ""));
            Results.printViolations(out, r);
        }
        return r.isCompliant() ? 0 : OcppSecurityCli.EXIT_VIOLATIONS;
    }
}
