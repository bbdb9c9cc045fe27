package io.ocppsec.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.core.auth.BasicAuthHeader;
import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.credential.BasicAuthenticator;
import io.ocppsec.core.credential.CredentialState;
import io.ocppsec.core.credential.InMemoryCredentialStore;
import io.ocppsec.core.event.FileSecurityEventQueue;
import io.ocppsec.core.event.SecurityEventQueueOptions;
import io.ocppsec.core.event.SecurityEventReporter;
import io.ocppsec.core.event.SecurityLog;
import io.ocppsec.core.event.SecurityLogEntry;
import io.ocppsec.core.event.SecurityLogOptions;
import io.ocppsec.core.password.BasicAuthPassword;
import io.ocppsec.testing.CapturingLoggerFinder;
import io.ocppsec.testing.Verifies;
import io.ocppsec.tls.AdmissionDecision.Rejected;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Authorization value never leaves {@link CsmsAdmission}: not in a decision, its reason, its violations, its
 * security event, the security log the event goes to, or a log line.
 */
class CsmsAdmissionSecretsTest {

    private static final String ID = CsmsAdmissionTest.ID;
    private static final String WRONG = "leaky-Secret-Password-77";

    @TempDir
    Path dir;

    @Test
    @Verifies("A00.FR.408")
    void refusalsAreLoggedThroughTheReporterWithoutTheAuthorizationValue() throws Exception {
        CsmsTlsContext csms2 = TlsTestSupport.build(TlsTestSupport.csms(SecurityProfile.TLS_BASIC_AUTH,
                new TlsTestSupport.Recorder()));
        javax.net.ssl.SSLSession session = CsmsAdmissionTest.serverSession(csms2, TlsTestSupport.build(
                TlsTestSupport.station(SecurityProfile.TLS_BASIC_AUTH, new TlsTestSupport.Recorder())));
        InMemoryCredentialStore credentials = new InMemoryCredentialStore();
        credentials.put(CredentialState.withPassword(ChargingStationIdentity.of(ID),
                CsmsAdmissionTest.HASHER.hash(CsmsAdmissionTest.PASSWORD)));
        try (SecurityLog log = SecurityLog.open(dir.resolve("log"), SecurityLogOptions.defaults());
             FileSecurityEventQueue queue = FileSecurityEventQueue.open(dir.resolve("q"),
                     SecurityEventQueueOptions.defaults())) {
            SecurityEventReporter reporter = new SecurityEventReporter(log, queue, () -> { });
            CsmsAdmission admission = CsmsAdmission.builder(csms2)
                    .passwords(new BasicAuthenticator(credentials, CsmsAdmissionTest.HASHER))
                    .withoutProfileRegistry().securityEvents(reporter::report).build();
            String wrongHeader = BasicAuthHeader.encode(ChargingStationIdentity.of(ID), BasicAuthPassword.of(WRONG));
            String foreignHeader = BasicAuthHeader.encode(ChargingStationIdentity.of("CS-0002"),
                    CsmsAdmissionTest.PASSWORD);
            String malformed = "Basic " + Base64.getEncoder().encodeToString(("no-colon-" + WRONG)
                    .getBytes(StandardCharsets.UTF_8));
            List<String> secrets = new ArrayList<>(List.of(WRONG, CsmsAdmissionTest.PASSWORD.reveal()));
            List<String> rendered = new ArrayList<>();
            for (String header : List.of(wrongHeader, foreignHeader, malformed, "Bearer " + WRONG)) {
                secrets.add(header);
                secrets.add(header.substring(header.indexOf(' ') + 1));
                ConnectionAttempt attempt = ConnectionAttempt.overTls(ID, session, Optional.of(header));
                Rejected r = (Rejected) admission.admit(attempt);
                assertThat(r.httpStatus()).isEqualTo(401);
                rendered.addAll(List.of(attempt.toString(), r.toString(), r.reason(), r.violations().describe(),
                        r.securityEvent().toString()));
            }
            log.flush();
            List<SecurityLogEntry> entries = log.reader().entries(Optional.empty(), Optional.empty());
            assertThat(entries).hasSize(4).allMatch(e ->
                    e.event().type() == SecurityEventType.FAILED_TO_AUTHENTICATE_AT_CSMS);
            assertThat(queue.size()).as("not critical: security log only").isZero();
            try (Stream<Path> files = Files.list(dir.resolve("log"))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    rendered.add(Files.readString(f, StandardCharsets.UTF_8));
                }
            }
            if (CapturingLoggerFinder.isInstalled()) {
                rendered.addAll(CapturingLoggerFinder.lines());
            }
            for (String secret : secrets) {
                assertThat(rendered).as("no rendering holds " + secret.length() + " secret characters")
                        .noneMatch(s -> s.contains(secret));
            }
            assertThat(String.join("\n", rendered)).contains("WRONG_PASSWORD").contains("USERNAME_MISMATCH")
                    .contains("MALFORMED_HEADER").contains(ID);
        }
    }
}
