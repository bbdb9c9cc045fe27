package io.ocppsec.core.signing;

import io.ocppsec.testpki.MutableClock;
import io.ocppsec.api.event.SecurityEventType;
import io.ocppsec.api.message.OcppRequest;
import io.ocppsec.api.message.OcppResponse;
import io.ocppsec.api.message.CertificateSignedResponse;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.message.InstallCertificateRequest;
import io.ocppsec.api.message.InstallCertificateUse;
import io.ocppsec.api.spi.CertificateAuthority;
import io.ocppsec.core.ca.InsecureLocalCertificateAuthority;
import io.ocppsec.core.csr.CsrInspector;
import io.ocppsec.core.csr.GeneratedKeyPair;
import io.ocppsec.core.csr.KeyAlgorithm;
import io.ocppsec.core.event.FileSecurityEventQueue;
import io.ocppsec.core.event.SecurityEventQueueOptions;
import io.ocppsec.core.event.SecurityEventReporter;
import io.ocppsec.core.event.SecurityLog;
import io.ocppsec.core.event.SecurityLogOptions;
import io.ocppsec.core.json.OcppCall;
import io.ocppsec.core.json.OcppCallResult;
import io.ocppsec.core.json.OcppJsonCodec;
import io.ocppsec.core.station.CertificateStoreHandler;
import io.ocppsec.core.store.CertificateStorePersistence;
import io.ocppsec.core.store.KeyHandle;
import io.ocppsec.core.store.StationCertificateStore;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An in-memory station + CSMS pair: a real store, security log and event queue on disk, a real CSR
 * inspector and InsecureLocalCertificateAuthority, and every message through the OCPP-J codec. The station is
 * composed as an integrator composes it: a {@link CertificateSigningClient} for A02/A03 and a
 * {@link CertificateStoreHandler} for the M-block messages, on the same store and reporter. Public for the
 * tests of {@code io.ocppsec.core.station} (test code on the class path: the test-PKI types it exposes need no
 * module export).
 */
@SuppressWarnings("exports")
public final class Flow implements AutoCloseable {

    public static final String SERIAL = TestPki.STATION_SERIAL;
    public static final String ORG = TestPki.CSO_NAME;

    public final TestPki pki;
    public final MutableClock clock = new MutableClock(TestPki.NOW);
    final MutableClock caClock = new MutableClock(TestPki.NOW);
    final OcppJsonCodec codec = OcppJsonCodec.create();
    final Path dir;
    public final SecurityLog log;
    public final FileSecurityEventQueue queue;
    public final StationCertificateStore store;
    public final List<KeyPair> generatedKeys = new ArrayList<>();
    public final CertificateSigningClient station;
    public final CertificateStoreHandler certificates;
    public final CertificateSigningService csms;

    public Flow(TestPki pki, Path dir, UnaryOperator<CertificateSigningClient.Builder> config) throws Exception {
        this(pki, dir, config, Optional.empty());
    }

    Flow(TestPki pki, Path dir, UnaryOperator<CertificateSigningClient.Builder> config,
         Optional<CertificateAuthority> otherCa) throws Exception {
        this(pki, dir, config, b -> b, otherCa);
    }

    public Flow(TestPki pki, Path dir, UnaryOperator<CertificateSigningClient.Builder> config,
                UnaryOperator<CertificateStoreHandler.Builder> storeConfig) throws Exception {
        this(pki, dir, config, storeConfig, Optional.empty());
    }

    private Flow(TestPki pki, Path dir, UnaryOperator<CertificateSigningClient.Builder> config,
                 UnaryOperator<CertificateStoreHandler.Builder> storeConfig,
                 Optional<CertificateAuthority> otherCa) throws Exception {
        this.pki = pki;
        this.dir = dir;
        log = SecurityLog.open(dir.resolve("log"), SecurityLogOptions.defaults().withClock(clock));
        queue = FileSecurityEventQueue.open(dir.resolve("q.journal"), SecurityEventQueueOptions.defaults().withClock(clock));
        store = StationCertificateStore.builder(CertificateStorePersistence.inMemory()).clock(clock).build();
        SecureRandom random = new SecureRandom();
        StationKeySource recording = (use, alias) -> {
            GeneratedKeyPair pair = GeneratedKeyPair.generate(KeyAlgorithm.EC_P256, random);
            generatedKeys.add(new KeyPair(pair.publicKey(), pair.privateKeyForLocalUse()));
            return new StationKeySource.StationKey(pair, KeyHandle.inMemory(alias, pair.privateKeyForLocalUse()));
        };
        SecurityEventReporter reporter = new SecurityEventReporter(log, queue, () -> { });
        station = config.apply(CertificateSigningClient.builder(store, reporter, ORG, SERIAL).clock(clock)
                .keySource(recording)).build();
        certificates = storeConfig.apply(CertificateStoreHandler.builder(store, reporter).clock(clock)).build();
        CertificateAuthority ca = otherCa.orElseGet(() -> ca(pki.csoSubCa(), List.of(pki.csoRoot()), caClock));
        csms = CertificateSigningService.of(CsrInspector.forOrganization(ORG), ca);
    }

    /** A CA whose clock can differ from the station's. */
    static InsecureLocalCertificateAuthority ca(TestCertificate issuer, List<TestCertificate> above, Clock caClock) {
        return InsecureLocalCertificateAuthority.builder(issuer.certificate(), issuer.keyPair().getPrivate())
                .intermediates(above.stream().map(TestCertificate::certificate).collect(Collectors.toList()))
                .inspector(CsrInspector.forOrganization(ORG)).clock(caClock).build();
    }

    public void installCsoRoot() {
        var r = certificates.onInstallCertificate(wire(new InstallCertificateRequest(
                InstallCertificateUse.CSMS_ROOT_CERTIFICATE, pki.csoRoot().pem())));
        if (r.status() != io.ocppsec.api.message.InstallCertificateResponse.InstallCertificateStatus.ACCEPTED) {
            throw new IllegalStateException(r.toString());
        }
    }

    /** Encodes the request as a CALL and decodes it on the other side. */
    @SuppressWarnings("unchecked")
    public <T extends OcppRequest> T wire(T request) {
        try {
            String text = codec.encode(new OcppCall("m-" + System.nanoTime(), request));
            return (T) ((OcppCall) codec.decode(text)).payload();
        } catch (Exception e) {
            throw new AssertionError("codec round trip failed for " + request.action(), e);
        }
    }

    /** Encodes the response as a CALLRESULT and decodes it on the other side. */
    @SuppressWarnings("unchecked")
    public <T extends OcppResponse> T wire(T response) {
        try {
            String text = codec.encode(new OcppCallResult("r-1", response));
            return (T) ((OcppCallResult) codec.decode(text, id -> Optional.of(response.action()))).payload();
        } catch (Exception e) {
            throw new AssertionError("codec round trip failed for " + response.action(), e);
        }
    }

    public List<SecurityEventType> loggedEvents() throws Exception {
        log.flush();
        return log.reader().entries(Optional.empty(), Optional.empty()).stream().map(e -> e.event().type())
                .collect(Collectors.toList());
    }

    List<SecurityEventType> queuedEvents() {
        return queue.pending().stream().map(q -> q.event().type()).collect(Collectors.toList());
    }

    String allLogText() throws Exception {
        log.flush();
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                sb.append(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return sb.toString();
    }

    /**
     * A02 end to end: trigger, CSR, CA, CertificateSigned delivered to the station.
     *
     * @param use the certificate to update
     * @return the station's answer to the CertificateSignedRequest
     */
    public CertificateSignedResponse a02(CertificateSigningUse use) throws Exception {
        return CertificateUpdateFlowTest.a02(this, use);
    }

    @Override
    public void close() throws Exception {
        log.close();
        queue.close();
    }

}
