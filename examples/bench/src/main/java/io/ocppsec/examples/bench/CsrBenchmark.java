package io.ocppsec.examples.bench;

import io.ocppsec.core.csr.CsrBuilder;
import io.ocppsec.core.csr.CsrException;
import io.ocppsec.core.csr.GeneratedCsr;
import io.ocppsec.core.csr.KeyAlgorithm;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** CSR creation per key type on the station: fresh key pair (A02.FR.02) + PKCS#10 signing + PEM. */
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CsrBenchmark {

    /** Key type of {@link #createCsr()}. */
    @Param({"EC_P256", "EC_P384", "RSA_2048"})
    public String keyAlgorithm;

    /** @return a fresh key pair and its CSR @throws CsrException never here */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    public GeneratedCsr createCsr() throws CsrException {
        return CsrBuilder.forChargingStation("Example CSO", "CS-0001")
                .keyAlgorithm(KeyAlgorithm.valueOf(keyAlgorithm)).generate();
    }
}
