package io.ocppsec.examples.cli;

import io.ocppsec.core.cert.CertificateParseException;
import io.ocppsec.core.cert.CertificateParser;
import io.ocppsec.core.cert.CertificateRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/** Certificate files and role names for the commands; parsing is the SDK's {@link CertificateParser}. */
final class CertificateFiles {

    /** Parser for trust-anchor files: up to the file limit and {@code TrustAnchors.MAX_ANCHORS} roots. */
    static final CertificateParser TRUST_PARSER = CertificateParser.builder()
            .maxChars((int) PemFiles.MAX_PEM_BYTES).maxCertificates(100).build();

    private CertificateFiles() {
    }

    /**
     * Reads at most {@link PemFiles#MAX_PEM_BYTES} and hands the text to the SDK parser. Bytes are mapped one to
     * one to characters, so a DER file reaches the parser as binary and is reported as such (A00.FR.507).
     *
     * @throws CertificateParseException as the parser says (block index and line, never the content)
     * @throws IOException when the file cannot be read or is too large
     */
    static List<X509Certificate> parse(Path file, CertificateParser parser) throws IOException, CertificateParseException {
        PemFiles.requireReadableFile(file);
        long size = Files.size(file);
        if (size > PemFiles.MAX_PEM_BYTES) {
            throw new IOException(file + ": " + size + " bytes is more than the " + PemFiles.MAX_PEM_BYTES
                    + " this tool reads");
        }
        return parser.parsePem(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
    }

    /** As {@link #parse(Path, CertificateParser)}, with parse errors as one-line IOExceptions (exit 2). */
    static List<X509Certificate> read(Path file, CertificateParser parser) throws IOException {
        try {
            return parse(file, parser);
        } catch (CertificateParseException e) {
            throw unreadable(file, e);
        }
    }

    static IOException unreadable(Path file, CertificateParseException e) {
        return new IOException(file + ": " + e.getMessage());
    }

    /** {@code csms}, {@code charging-station}, … {@code manufacturer-sub-ca}. */
    static String roleName(CertificateRole role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Converts {@code charging-station} to {@link CertificateRole#CHARGING_STATION}. */
    static final class RoleConverter implements CommandLine.ITypeConverter<CertificateRole> {
        @Override
        public CertificateRole convert(String value) {
            for (CertificateRole r : CertificateRole.values()) {
                if (roleName(r).equals(value)) {
                    return r;
                }
            }
            throw new CommandLine.TypeConversionException("unknown role '" + Results.printable(value)
                    + "'; expected one of " + String.join(", ", new AllRoles()));
        }
    }

    /** Completion candidates (and the help text) for every role. */
    static final class AllRoles extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        AllRoles() {
            for (CertificateRole r : CertificateRole.values()) {
                add(roleName(r));
            }
        }
    }

    /** The three leaf roles a chain can end in. */
    static final class LeafRoles extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        LeafRoles() {
            super(List.of("csms", "charging-station", "firmware-signing"));
        }
    }
}
