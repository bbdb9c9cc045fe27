package io.ocppsec.examples.bench;

import io.ocppsec.core.cert.ChainValidationResult;
import io.ocppsec.core.cert.OcppChainValidator;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.testpki.TestPki;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorResult;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validating a 3-certificate Charging Station chain (leaf, CSO sub-CA, CSO root, as a CSMS receives it
 * in a profile-3 handshake): the SDK's full OCPP policy (path building, RFC 5280 validation, property
 * lint of every certificate, CN/O checks) against plain JDK PKIX {@code CertPathValidator} on the same
 * chain. "cold": the SDK's result cache is disabled; "warm": the caches
 * are on and the same chain repeats, as on a CSMS where a station reconnects. PKIX has no such cache. Both sides
 * get the same certificate objects, whose JDK implementation remembers its last signature verification.
 */
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ChainValidationBenchmark {

    private List<X509Certificate> chain;
    private Instant at;
    private OcppChainValidator cold;
    private OcppChainValidator warm;
    private CertificateFactory factory;
    private CertPathValidator pkix;
    private Set<TrustAnchor> anchors;

    /** Mints the PKI and builds both validators. @throws GeneralSecurityException never here */
    @Setup
    public void setUp() throws GeneralSecurityException {
        TestPki pki = TestPki.create();
        chain = pki.station().chainWithRoot();
        at = TestPki.NOW;
        TrustAnchors cso = TrustAnchors.cso(pki.csoRoot().certificate());
        cold = OcppChainValidator.forChargingStationCertificate(cso, TestPki.CSO_NAME).toBuilder()
                .resultCacheSize(0).build();
        warm = OcppChainValidator.forChargingStationCertificate(cso, TestPki.CSO_NAME);
        factory = CertificateFactory.getInstance("X.509");
        pkix = CertPathValidator.getInstance("PKIX");
        anchors = Set.of(new TrustAnchor(pki.csoRoot().certificate(), null));
        if (!cold.validate(chain, at).isCompliant() || !warm.validate(chain, at).isCompliant()) {
            throw new IllegalStateException("benchmark chain must be compliant");
        }
    }

    private CertPathValidatorResult plainPkix() throws GeneralSecurityException {
        CertPath path = factory.generateCertPath(chain.subList(0, chain.size() - 1));
        PKIXParameters params = new PKIXParameters(anchors);
        params.setRevocationEnabled(false);
        params.setDate(Date.from(at));
        return pkix.validate(path, params);
    }

    /** @return the result */
    @Benchmark
    public ChainValidationResult validateCold_sdk() {
        return cold.validate(chain, at);
    }

    /** @return the PKIX result @throws GeneralSecurityException never here */
    @Benchmark
    public CertPathValidatorResult validateCold_baseline() throws GeneralSecurityException {
        return plainPkix();
    }

    /** @return the result */
    @Benchmark
    public ChainValidationResult validateWarm_sdk() {
        return warm.validate(chain, at);
    }

    /** @return the PKIX result @throws GeneralSecurityException never here */
    @Benchmark
    public CertPathValidatorResult validateWarm_baseline() throws GeneralSecurityException {
        return plainPkix();
    }
}
