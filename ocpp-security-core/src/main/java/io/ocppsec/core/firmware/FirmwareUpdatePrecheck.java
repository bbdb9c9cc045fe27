package io.ocppsec.core.firmware;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * CSMS side of A00.FR.707: before the firmware signing certificate is handed to a Charging Station in
 * {@code UpdateFirmwareRequest}, validate both the certificate and the signed image, with the same
 * {@link FirmwareVerifier} a station uses. The CSMS needs the image for that (its own copy of what
 * {@code location} serves).
 *
 * <pre>{@code
 * FirmwareUpdatePrecheck precheck = FirmwareUpdatePrecheck.using(
 *         FirmwareVerifier.forManufacturerRoots(manufacturerRoots).clock(clock).build());
 * FirmwareUpdatePrecheck.Result r = precheck.check(new FirmwareUpdatePrecheck.Fields(
 *         "https://fw.example.com/cs-4.2.bin", retrieveAt, signingCertPem, signatureBase64), localCopy);
 * if (r.maySend()) { sendUpdateFirmwareRequest(); } else { showToOperator(r.problems()); }
 * }</pre>
 */
public final class FirmwareUpdatePrecheck {

    /** {@code firmware.location} maxLength in the UpdateFirmwareRequest schema. */
    public static final int MAX_LOCATION_CHARS = 512;

    private final FirmwareVerifier verifier;

    private FirmwareUpdatePrecheck(FirmwareVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * @param verifier the verifier (Manufacturer roots, clock, digest) the stations use
     * @return the pre-check
     */
    public static FirmwareUpdatePrecheck using(FirmwareVerifier verifier) {
        return new FirmwareUpdatePrecheck(Objects.requireNonNull(verifier, "verifier"));
    }

    /**
     * The plain values of {@code UpdateFirmwareRequest.firmware} the CSMS is about to send.
     *
     * @param location {@code firmware.location}: where the station downloads the image
     * @param retrieveDateTime {@code firmware.retrieveDateTime}
     * @param signingCertificate {@code firmware.signingCertificate} (PEM)
     * @param signature {@code firmware.signature} (base64)
     */
    public record Fields(String location, Instant retrieveDateTime, String signingCertificate, String signature) {
        /** Checks for null; lengths and content are judged by {@link FirmwareUpdatePrecheck#check}. */
        public Fields {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(retrieveDateTime, "retrieveDateTime");
            Objects.requireNonNull(signingCertificate, "signingCertificate");
            Objects.requireNonNull(signature, "signature");
        }
    }

    /**
     * The verdict.
     *
     * @param maySend whether the request may be sent
     * @param problems what prevents it (empty when it may be sent)
     * @param outcome the verification outcome, absent when the fields were refused before verification
     */
    public record Result(boolean maySend, List<String> problems, Optional<FirmwareVerificationOutcome> outcome) {
        /** Copies and checks consistency. */
        public Result {
            problems = List.copyOf(problems);
            Objects.requireNonNull(outcome, "outcome");
            if (maySend != problems.isEmpty()) {
                throw new IllegalArgumentException("maySend must be true exactly when there is no problem");
            }
        }
    }

    /**
     * @param fields the request values
     * @param image the CSMS's copy of the image at {@code location}
     * @return whether the request may be sent
     * @throws FirmwareImageException when the image cannot be read
     */
    public Result check(Fields fields, Path image) throws FirmwareImageException {
        Objects.requireNonNull(image, "image");
        List<String> problems = checkFields(fields);
        if (!problems.isEmpty()) {
            return new Result(false, problems, Optional.empty());
        }
        return verdict(verifier.verify(image, fields.signature(), fields.signingCertificate()));
    }

    /**
     * @param fields the request values
     * @param image the CSMS's copy of the image at {@code location}; read to its end, not closed
     * @return whether the request may be sent
     * @throws FirmwareImageException when the image cannot be read
     */
    public Result check(Fields fields, InputStream image) throws FirmwareImageException {
        Objects.requireNonNull(image, "image");
        List<String> problems = checkFields(fields);
        if (!problems.isEmpty()) {
            return new Result(false, problems, Optional.empty());
        }
        return verdict(verifier.verify(image, fields.signature(), fields.signingCertificate()));
    }

    private static Result verdict(FirmwareVerificationOutcome outcome) {
        return outcome.isVerified() ? new Result(true, List.of(), Optional.of(outcome))
                : new Result(false, List.of("A00.FR.707: " + outcome.reason()), Optional.of(outcome));
    }

    private static List<String> checkFields(Fields f) {
        Objects.requireNonNull(f, "fields");
        List<String> p = new ArrayList<>();
        String loc = f.location();
        if (loc.isBlank()) {
            p.add("firmware.location is empty");
        } else if (loc.length() > MAX_LOCATION_CHARS) {
            p.add("firmware.location has " + loc.length() + " characters, more than " + MAX_LOCATION_CHARS);
        } else {
            try {
                URI uri = new URI(loc);
                if (!uri.isAbsolute() || uri.getHost() == null) {
                    p.add("firmware.location is not an absolute URI with a host");
                }
            } catch (URISyntaxException e) {
                p.add("firmware.location is not a valid URI: " + e.getReason());
            }
        }
        if (f.signingCertificate().isEmpty()) {
            p.add("firmware.signingCertificate is empty; the station cannot validate the image without it");
        } else if (f.signingCertificate().length() > FirmwareVerifier.MAX_CERTIFICATE_CHARS) {
            p.add("firmware.signingCertificate has " + f.signingCertificate().length() + " characters, more than "
                    + FirmwareVerifier.MAX_CERTIFICATE_CHARS);
        }
        if (f.signature().isEmpty()) {
            p.add("firmware.signature is empty; the station cannot validate the image without it");
        } else if (f.signature().length() > FirmwareVerifier.MAX_SIGNATURE_CHARS) {
            p.add("firmware.signature has " + f.signature().length() + " characters, more than "
                    + FirmwareVerifier.MAX_SIGNATURE_CHARS);
        }
        return p;
    }
}
