package io.ocppsec.examples.cli;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.core.cert.CertificateParseException;
import io.ocppsec.core.cert.CertificateParser;
import io.ocppsec.core.cert.CertificateRole;
import io.ocppsec.core.cert.ChainValidationResult;
import io.ocppsec.core.cert.OcppChainValidator;
import io.ocppsec.core.cert.TrustAnchors;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code check-chain}: validates a certificate chain with {@link OcppChainValidator} (path to the roots of one
 * hierarchy, certificate properties of every certificate, the role's identity checks).
 */
@Command(name = "check-chain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Validate a certificate chain as a Charging Station or CSMS would (OcppChainValidator).",
            "Exit 0 compliant (advisories are printed), 1 violations, 2 unreadable input."})
final class CheckChainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Option(names = "--role", required = true, converter = CertificateFiles.RoleConverter.class,
            completionCandidates = CertificateFiles.LeafRoles.class,
            description = "Role of the leaf certificate: ${COMPLETION-CANDIDATES}.")
    CertificateRole role;
    @Option(names = "--chain", required = true, paramLabel = "FILE",
            description = "PEM chain: the certificate to check first (the one validated, as a TLS peer or a firmware "
                    + "signer sends it), then its issuers in any order, with or without the root (A00.FR.507).")
    Path chain;
    @Option(names = "--trust", required = true, paramLabel = "FILE",
            description = "PEM root certificate(s) of the hierarchy: CSO roots for csms and charging-station, "
                    + "Manufacturer roots for firmware-signing.")
    Path trust;
    @Option(names = "--org", paramLabel = "NAME",
            description = "charging-station: the CSO name the O RDN must equal (A00.FR.404). Required for that role.")
    String org;
    @Option(names = "--fqdn", paramLabel = "NAME",
            description = "csms: the CSMS host name the CN must equal (A00.FR.309/412). Required for that role.")
    String fqdn;
    @Option(names = "--serial", paramLabel = "SERIAL",
            description = "charging-station: the station serial number the CN must equal (A00.FR.405).")
    String serial;
    @Option(names = "--max-chain-size", paramLabel = "BYTES", defaultValue = "" + CertificateParser.DEFAULT_MAX_CHAIN_CHARS,
            description = "MaxCertificateChainSize: a longer chain is refused before parsing (A02.FR.16). Default ${DEFAULT-VALUE}.")
    int maxChainSize;
    @Option(names = "--at", paramLabel = "INSTANT", description = "Instant of the validity checks (ISO-8601, default now).")
    Instant at;
    @Option(names = "--fast-expiration", description = "csms: report a certificate valid for more than 24 hours (A00.FR.701).")
    boolean fastExpiration;
    @Option(names = "--json", description = "Print one JSON object for machines.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        Instant when = at != null ? at : Instant.now();
        List<X509Certificate> roots = CertificateFiles.read(trust, CertificateFiles.TRUST_PARSER);
        TrustAnchors anchors = TrustAnchors.of(role.hierarchy(), roots);
        OcppChainValidator validator = validator(anchors);
        List<X509Certificate> certificates;
        ValidationResult result;
        List<X509Certificate> path = List.of();
        try {
            certificates = CertificateFiles.parse(chain, CertificateParser.builder().maxChars(maxChainSize).build());
            ChainValidationResult validated = validator.validate(certificates, when);
            result = validated.result();
            path = validated.path();
        } catch (CertificateParseException e) {
            if (e.reason() != CertificateParseException.Reason.TOO_LARGE) {
                throw CertificateFiles.unreadable(chain, e);
            }
            // A02.FR.16: a chain longer than MaxCertificateChainSize is refused, not parsed.
            certificates = List.of();
            result = ValidationResult.of(Violation.of("A02.FR.16", RequirementLevel.SHALL,
                    "a chain file larger than MaxCertificateChainSize (" + e.getMessage() + ")",
                    "at most " + maxChainSize + " characters"));
        }
        print(certificates, path, result, when);
        return result.isCompliant() ? 0 : OcppSecurityCli.EXIT_VIOLATIONS;
    }

    private void checkOptions() {
        if (role.isCa()) {
            throw usage("--role must be a leaf role (csms, charging-station, firmware-signing); use lint-cert for CA certificates");
        }
        if (maxChainSize <= 0) {
            throw usage("--max-chain-size must be positive");
        }
        if ((role == CertificateRole.CSMS) != (fqdn != null)) {
            throw usage(role == CertificateRole.CSMS ? "--role csms needs --fqdn (the CSMS host name, A00.FR.309)"
                    : "--fqdn applies to --role csms only");
        }
        if ((role == CertificateRole.CHARGING_STATION) != (org != null)) {
            throw usage(role == CertificateRole.CHARGING_STATION
                    ? "--role charging-station needs --org (the CSO name, A00.FR.404)"
                    : "--org applies to --role charging-station only");
        }
        if (serial != null && role != CertificateRole.CHARGING_STATION) {
            throw usage("--serial applies to --role charging-station only");
        }
        if (fastExpiration && role != CertificateRole.CSMS) {
            throw usage("--fast-expiration applies to --role csms only");
        }
    }

    private OcppChainValidator validator(TrustAnchors anchors) {
        OcppChainValidator v;
        switch (role) {
            case CSMS:
                v = OcppChainValidator.forCsmsCertificate(anchors, fqdn);
                break;
            case CHARGING_STATION:
                OcppChainValidator.StationCertificates station = OcppChainValidator.forChargingStationCertificate(anchors, org);
                v = serial != null ? station.withExpectedSerialNumber(serial) : station;
                break;
            default:
                v = OcppChainValidator.forFirmwareSigningCertificate(anchors);
        }
        return fastExpiration ? v.toBuilder().fastExpiration(true).build() : v;
    }

    private void print(List<X509Certificate> certificates, List<X509Certificate> path, ValidationResult result,
                       Instant when) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObjectBuilder o = Json.createObjectBuilder()
                    .add("role", CertificateFiles.roleName(role))
                    .add("at", when.toString())
                    .add("certificates", subjects(certificates))
                    .add("path", indices(certificates, path));
            out.println(Results.toJson(Results.addResult(o, result).build()));
            return;
        }
        out.println(CertificateFiles.roleName(role) + " chain of " + certificates.size() + " certificate"
                + (certificates.size() == 1 ? "" : "s") + " at " + when + ": " + Results.summary(result));
        for (int i = 0; i < certificates.size(); i++) {
            int k = path.indexOf(certificates.get(i));
            String role = k == 0 ? " (validated: the leaf)" : k > 0 ? " (path)" : "";
            out.println("  #" + i + " " + Results.printable(certificates.get(i).getSubjectX500Principal().getName()) + role);
        }
        Results.printViolations(out, result);
    }

    /** @return the received indices of the validated path, leaf first */
    private static jakarta.json.JsonArrayBuilder indices(List<X509Certificate> certificates, List<X509Certificate> path) {
        jakarta.json.JsonArrayBuilder a = Json.createArrayBuilder();
        path.forEach(c -> a.add(certificates.indexOf(c)));
        return a;
    }

    private static jakarta.json.JsonArrayBuilder subjects(List<X509Certificate> certificates) {
        jakarta.json.JsonArrayBuilder a = Json.createArrayBuilder();
        certificates.forEach(c -> a.add(c.getSubjectX500Principal().getName()));
        return a;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
