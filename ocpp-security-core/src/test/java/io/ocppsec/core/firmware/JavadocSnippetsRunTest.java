package io.ocppsec.core.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.event.SecurityEvent;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.message.Firmware;
import io.ocppsec.api.message.UpdateFirmwareRequest;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code io.ocppsec.core.firmware} javadoc snippets run: an image signed, prechecked, verified, installed. */
class JavadocSnippetsRunTest {

    private static final TestPki PKI = TestPki.create(KeyType.EC_P256, Instant.now());

    @TempDir
    Path dir;

    @BeforeEach
    void clear() {
        JavadocSnippets.ACTIONS.clear();
    }

    @Test
    void theSignedImageIsPrecheckedVerifiedAndInstalledATamperedOneIsReported() throws Exception {
        Path image = Files.write(dir.resolve("cs-4.2.bin"), "firmware 4.2".getBytes());
        Instant retrieveAt = Instant.now();
        String certPem = PKI.firmwareSigning().chainPem();
        Firmware fw = JavadocSnippets.firmwareSigner(PKI.firmwareSigning().keyPair().getPrivate(), image,
                "https://fw.example.com/cs-4.2.bin", retrieveAt, certPem);
        assertThat(fw.signingCertificate()).contains(certPem);
        List<java.security.cert.X509Certificate> roots = List.of(PKI.manufacturerRoot().certificate());

        FirmwareUpdatePrecheck.Result r = JavadocSnippets.firmwareUpdatePrecheck(roots, Clock.systemUTC(), retrieveAt,
                certPem, fw.signature().orElseThrow(), image);
        assertThat(r.maySend()).as(String.valueOf(r.problems())).isTrue();
        assertThat(JavadocSnippets.ACTIONS).containsExactly("UpdateFirmwareRequest");

        UpdateFirmwareRequest request = new UpdateFirmwareRequest(Optional.empty(), Optional.empty(), 1, fw);
        FirmwareVerificationOutcome ok = JavadocSnippets.firmwareVerifier(roots, Clock.systemUTC(), image, request);
        Queue<SecurityEvent> events = new ArrayDeque<>();
        JavadocSnippets.firmwareVerificationOutcome(ok, Clock.systemUTC(), events);
        assertThat(JavadocSnippets.ACTIONS).hasSize(2).last().isInstanceOf(FirmwareVerification.class);
        assertThat(events).isEmpty();

        Files.write(image, "firmware 4.2 with a backdoor".getBytes());
        FirmwareVerificationOutcome bad = JavadocSnippets.firmwareVerifier(roots, Clock.systemUTC(), image, request);
        JavadocSnippets.firmwareVerificationOutcome(bad, Clock.systemUTC(), events);
        assertThat(JavadocSnippets.ACTIONS).hasSize(2);
        assertThat(events).singleElement().extracting(SecurityEvent::type)
                .isEqualTo(SecurityEventType.INVALID_FIRMWARE_SIGNATURE);
    }
}
