package io.ocppsec.examples.bench;

import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.credential.AuthenticationResult;
import io.ocppsec.core.credential.BasicAuthenticator;
import io.ocppsec.core.credential.CredentialState;
import io.ocppsec.core.credential.InMemoryCredentialStore;
import io.ocppsec.core.password.BasicAuthPassword;
import io.ocppsec.core.password.PasswordGenerator;
import io.ocppsec.core.password.PasswordHasher;
import io.ocppsec.core.auth.BasicAuthHeader;
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
 * The cost a CSMS pays on every station (re)connect: a full Basic-auth check with the
 * default hash: header parse, identity check and PBKDF2-SHA256 verification.
 */
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BasicAuthBenchmark {

    private BasicAuthenticator authenticator;
    private String header;

    /** Registers one station with a generated password hashed with the default scheme. */
    @Setup
    public void setUp() {
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        PasswordHasher hasher = PasswordHasher.defaults();
        ChargingStationIdentity id = ChargingStationIdentity.of("CS-0001");
        BasicAuthPassword password = PasswordGenerator.create().generate();
        store.put(CredentialState.withPassword(id, hasher.hash(password)));
        authenticator = new BasicAuthenticator(store, hasher);
        header = BasicAuthHeader.encode(id, password);
    }

    /** @return the decision for a reconnecting station (default hash) */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    public AuthenticationResult basicAuthVerify() {
        return authenticator.authenticate("CS-0001", header);
    }
}
