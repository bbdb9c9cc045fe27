package io.ocppsec.examples.bench;

import io.ocppsec.core.cert.ChainValidationResult;
import io.ocppsec.core.cert.OcppChainValidator;
import io.ocppsec.core.cert.TrustAnchors;
import io.ocppsec.testpki.TestPki;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorResult;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
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
 * Validating Charging Station chains that were never seen before, as a CSMS does when stations connect for the
 * first time: each call takes the next of {@value #CHAINS} distinct leaves (own key, own serial number) and decodes
 * it and its sub-CA from DER, so neither the SDK's result cache nor the JDK's per-certificate memo of its last
 * signature check can answer: the full SDK policy against plain JDK PKIX on the same fresh certificates.
 *
 * <p>This benchmark decided the fate of the former hand-written "fast path" next to PKIX: on distinct chains it was
 * no faster than the PKIX path (1.00x, docs/performance.md), so it was removed.
 */
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DistinctChainBenchmark {

    static final int CHAINS = 2048;

    private final List<byte[][]> chains = new ArrayList<>();
    private int next;
    private Instant at;
    private CertificateFactory factory;
    private OcppChainValidator validator;
    private CertPathValidator pkix;
    private Set<TrustAnchor> anchors;
    private X509Certificate root;

    /** Mints the distinct chains and builds the validator. @throws GeneralSecurityException never here */
    @Setup
    public void setUp() throws GeneralSecurityException {
        TestPki pki = TestPki.create();
        at = TestPki.NOW;
        root = pki.csoRoot().certificate();
        byte[] subCa = pki.csoSubCa().certificate().getEncoded();
        for (int i = 0; i < CHAINS; i++) {
            byte[] leaf = pki.stationBuilder(String.format("CS-%06d", i)).build().certificate().getEncoded();
            chains.add(new byte[][] {leaf, subCa});
        }
        factory = CertificateFactory.getInstance("X.509");
        TrustAnchors cso = TrustAnchors.cso(root);
        // Distinct chains never hit the result cache; size 0 makes sure of it when the pool wraps around.
        validator = OcppChainValidator.forChargingStationCertificate(cso, TestPki.CSO_NAME).toBuilder()
                .resultCacheSize(0).build();
        pkix = CertPathValidator.getInstance("PKIX");
        anchors = Set.of(new TrustAnchor(root, null));
        for (int i = 0; i < 4; i++) {
            List<X509Certificate> c = nextChain();
            if (!validator.validate(c, at).isCompliant()) {
                throw new IllegalStateException("benchmark chains must be compliant");
            }
        }
    }

    private List<X509Certificate> nextChain() throws GeneralSecurityException {
        byte[][] der = chains.get(next);
        next = (next + 1) % CHAINS;
        List<X509Certificate> out = new ArrayList<>(der.length + 1);
        for (byte[] d : der) {
            out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(d)));
        }
        out.add(root);
        return out;
    }

    /** @return the result @throws GeneralSecurityException never here */
    @Benchmark
    public ChainValidationResult distinct_sdk() throws GeneralSecurityException {
        return validator.validate(nextChain(), at);
    }

    /** @return the PKIX result @throws GeneralSecurityException never here */
    @Benchmark
    public CertPathValidatorResult distinct_baseline() throws GeneralSecurityException {
        List<X509Certificate> c = nextChain();
        CertPath path = factory.generateCertPath(c.subList(0, c.size() - 1));
        PKIXParameters params = new PKIXParameters(anchors);
        params.setRevocationEnabled(false);
        params.setDate(Date.from(at));
        return pkix.validate(path, params);
    }
}
