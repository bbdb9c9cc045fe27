package io.ocppsec.core.firmware;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.message.Firmware;
import io.ocppsec.api.message.UpdateFirmwareRequest;
import io.ocppsec.api.requirement.RequirementViolationException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Queue;

/**
 * The usage snippets of the javadoc of the public {@code io.ocppsec.core.firmware} types, as compiled code: each
 * region {@code // javadoc:<Type>:begin} ... {@code end} is a snippet of that type's javadoc, which
 * {@link io.ocppsec.core.JavadocSnippetsTest} compares with the javadoc. Free names are the method's parameters.
 */
final class JavadocSnippets {

    private JavadocSnippets() {
    }

    /** What the snippets installed, sent or showed, in order. */
    static final List<Object> ACTIONS = new ArrayList<>();

    /** A PKCS#11 token as the FirmwareDigestSigner snippet uses it. */
    interface Pkcs11 {
        byte[] signEcdsaDer(String keyHandle, byte[] hash) throws GeneralSecurityException;
    }

    private static void install(FirmwareVerification verification) {
        ACTIONS.add(verification);
    }

    private static void sendUpdateFirmwareRequest() {
        ACTIONS.add("UpdateFirmwareRequest");
    }

    private static void showToOperator(List<String> problems) {
        ACTIONS.add(problems);
    }

    static FirmwareSignature firmwareDigestSigner(Pkcs11 pkcs11, String keyHandle, Path image)
            throws FirmwareImageException, GeneralSecurityException {
        // javadoc:FirmwareDigestSigner:begin
        FirmwareDigestSigner hsm = (digest, hash) -> pkcs11.signEcdsaDer(keyHandle, hash);
        FirmwareSignature sig = FirmwareSigner.with(hsm).build().sign(image);
        // javadoc:FirmwareDigestSigner:end
        return sig;
    }

    static Firmware firmwareSigner(PrivateKey signingKey, Path imagePath, String location, Instant retrieveAt,
                                   String signingCertPem)
            throws RequirementViolationException, FirmwareImageException, GeneralSecurityException {
        // javadoc:FirmwareSigner:begin
        FirmwareSignature sig = FirmwareSigner.withPrivateKey(signingKey).build().sign(imagePath);
        Firmware firmware = new Firmware(location, retrieveAt, Optional.empty(), Optional.of(signingCertPem),
                Optional.of(sig.base64()));   // the UpdateFirmwareRequest's firmware
        // HSM: FirmwareSigner.with((digest, hash) -> hsm.sign(hash)).build()
        // javadoc:FirmwareSigner:end
        return firmware;
    }

    static FirmwareUpdatePrecheck.Result firmwareUpdatePrecheck(Collection<X509Certificate> manufacturerRoots,
                                                                Clock clock, Instant retrieveAt,
                                                                String signingCertPem, String signatureBase64,
                                                                Path localCopy) throws FirmwareImageException {
        // javadoc:FirmwareUpdatePrecheck:begin
        FirmwareUpdatePrecheck precheck = FirmwareUpdatePrecheck.using(
                FirmwareVerifier.forManufacturerRoots(manufacturerRoots).clock(clock).build());
        FirmwareUpdatePrecheck.Result r = precheck.check(new FirmwareUpdatePrecheck.Fields(
                "https://fw.example.com/cs-4.2.bin", retrieveAt, signingCertPem, signatureBase64), localCopy);
        if (r.maySend()) { sendUpdateFirmwareRequest(); } else { showToOperator(r.problems()); }
        // javadoc:FirmwareUpdatePrecheck:end
        return r;
    }

    static void firmwareVerificationOutcome(FirmwareVerificationOutcome outcome, Clock clock,
                                            Queue<SecurityEvent> eventQueue) {
        // javadoc:FirmwareVerificationOutcome:begin
        if (outcome instanceof FirmwareVerificationOutcome.Verified) {
            install(((FirmwareVerificationOutcome.Verified) outcome).verification());
        } else {
            outcome.toSecurityEvent(clock.instant()).ifPresent(eventQueue::add);
        }
        // javadoc:FirmwareVerificationOutcome:end
    }

    static FirmwareVerificationOutcome firmwareVerifier(Collection<X509Certificate> installedManufacturerRoots,
                                                        Clock clock, Path downloadedImage,
                                                        UpdateFirmwareRequest request) throws FirmwareImageException {
        // javadoc:FirmwareVerifier:begin
        FirmwareVerifier verifier = FirmwareVerifier.forManufacturerRoots(installedManufacturerRoots)
                .clock(clock).build();
        FirmwareVerificationOutcome outcome = verifier.verify(downloadedImage,
                request.firmware().signature().orElseThrow(), request.firmware().signingCertificate().orElseThrow());
        // javadoc:FirmwareVerifier:end
        return outcome;
    }
}
