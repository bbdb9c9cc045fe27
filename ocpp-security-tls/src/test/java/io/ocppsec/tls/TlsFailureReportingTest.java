package io.ocppsec.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.event.FileSecurityEventQueue;
import io.ocppsec.core.event.SecurityEventQueueOptions;
import io.ocppsec.core.event.SecurityEventReporter;
import io.ocppsec.core.event.SecurityLog;
import io.ocppsec.core.event.SecurityLogEntry;
import io.ocppsec.core.event.SecurityLogOptions;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.TestPki;
import io.ocppsec.tls.TlsTestSupport.Server;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link TlsFailureListener#reportingTo}: TLS failures become OCPP security events in the station's log and queue. */
class TlsFailureReportingTest {

    @TempDir
    Path dir;

    @Test
    @Verifies({"A00.FR.310", "A00.FR.413", "A04.FR.01", "A04.FR.04"})
    void aCsmsOfAnotherHierarchyRaisesInvalidCsmsCertificateInTheLogAndTheQueue() throws Exception {
        TestPki rogue = TestPki.create();
        CsmsTlsContext csms = TlsTestSupport.build(CsmsTlsContext.forServer(SecurityProfile.TLS_BASIC_AUTH,
                List.of(TlsTestSupport.material(rogue.csmsEc()), TlsTestSupport.material(rogue.csmsRsa())))
                .clock(TestPki.CLOCK).failureListener(f -> { }));
        try (SecurityLog log = SecurityLog.open(dir.resolve("log"), SecurityLogOptions.defaults());
             FileSecurityEventQueue queue = FileSecurityEventQueue.open(dir.resolve("q"),
                     SecurityEventQueueOptions.defaults());
             Server server = Server.start(csms)) {
            int[] wakeUps = {0};
            SecurityEventReporter reporter = new SecurityEventReporter(log, queue, () -> wakeUps[0]++);
            StationTlsContext station = TlsTestSupport.build(StationTlsContext.forClient(SecurityProfile.TLS_BASIC_AUTH,
                    List.of(TlsTestSupport.PKI.csoRoot().certificate())).expectedHost(TestPki.CSMS_FQDN)
                    .clock(TestPki.CLOCK).failureListener(TlsFailureListener.reportingTo(reporter)));
            assertThatThrownBy(() -> TlsTestSupport.roundTrip(station, server)).isInstanceOf(IOException.class);
            List<SecurityLogEntry> logged = log.reader().entries(Optional.empty(), Optional.empty());
            assertThat(logged).hasSize(1);
            assertThat(logged.get(0).event().type()).isEqualTo(SecurityEventType.INVALID_CSMS_CERTIFICATE);
            assertThat(queue.pending()).hasSize(1);
            assertThat(queue.pending().get(0).event().type()).isEqualTo(SecurityEventType.INVALID_CSMS_CERTIFICATE);
            assertThat(wakeUps[0]).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TlsFailure.Kind.class)
    @Verifies({"A00.FR.316", "A00.FR.323", "A00.FR.408"})
    void everyKindMapsToItsEventOnEachEndpoint(TlsFailure.Kind kind) throws Exception {
        try (SecurityLog log = SecurityLog.open(dir.resolve("log-" + kind), SecurityLogOptions.defaults());
             FileSecurityEventQueue queue = FileSecurityEventQueue.open(dir.resolve("q-" + kind),
                     SecurityEventQueueOptions.defaults())) {
            TlsFailureListener l = TlsFailureListener.reportingTo(new SecurityEventReporter(log, queue, () -> { }));
            for (TlsFailure.Endpoint endpoint : TlsFailure.Endpoint.values()) {
                l.onFailure(new TlsFailure(kind, endpoint, ValidationResult.compliant(), "detail of " + kind,
                        Optional.empty(), TestPki.NOW));
            }
            List<SecurityEventType> types = log.reader().entries(Optional.empty(), Optional.empty()).stream()
                    .map(e -> e.event().type()).toList();
            switch (kind) {
                case INVALID_PEER_CERTIFICATE:
                    assertThat(types).containsExactly(SecurityEventType.FAILED_TO_AUTHENTICATE_AT_CSMS,
                            SecurityEventType.INVALID_CSMS_CERTIFICATE);
                    break;
                case TLS_VERSION:
                    assertThat(types).containsExactly(SecurityEventType.FAILED_TO_AUTHENTICATE_AT_CSMS,
                            SecurityEventType.INVALID_TLS_VERSION);
                    break;
                case CIPHER_SUITE:
                    assertThat(types).containsExactly(SecurityEventType.FAILED_TO_AUTHENTICATE_AT_CSMS,
                            SecurityEventType.INVALID_TLS_CIPHER_SUITE);
                    break;
                case REJECTED_BY_PEER: // the CSMS refused the station's certificate; nothing to log on the CSMS
                    assertThat(types).containsExactly(SecurityEventType.FAILED_TO_AUTHENTICATE_AT_CSMS);
                    break;
                default:
                    assertThat(types).isEmpty();
            }
        }
    }
}
