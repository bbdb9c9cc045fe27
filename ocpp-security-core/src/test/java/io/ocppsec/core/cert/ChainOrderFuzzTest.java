package io.ocppsec.core.cert;

import static io.ocppsec.core.fuzz.FuzzInvariant.expect;
import static io.ocppsec.core.fuzz.FuzzInvariant.holds;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the order and the mix of a chain (issue 20): the input picks a role, then up to eight certificates (with
 * repetitions) from genuine chains and forgeries ({@link ForgeryPool}). Validation never throws, and whatever it
 * accepts is a genuine end-entity certificate of the role, on a real signed path to a trusted root, and with the
 * default rule the first certificate of the chain.
 */
class ChainOrderFuzzTest {

    private static final List<ForgeryPool> POOLS = ForgeryPool.all();
    private static final int MAX_CERTIFICATES = 8;

    @Timeout(10)
    @FuzzTest(maxDuration = "20s")
    void validate(byte[] data) {
        if (data.length == 0) {
            return;
        }
        ForgeryPool pool = POOLS.get(Math.floorMod(data[0], POOLS.size()));
        List<X509Certificate> chain = new ArrayList<>();
        for (int i = 1; i < data.length && chain.size() < MAX_CERTIFICATES; i++) {
            chain.add(pool.all.get(Math.floorMod(data[i], pool.all.size())));
        }
        holds("OcppChainValidator.validate (chain order)", data, () -> pool.violations(chain))
                .ifPresent(broken -> expect("OcppChainValidator.validate (chain order)", data, broken.isEmpty(),
                        "only genuine " + pool.role + " leaves accepted, first in the chain by default; broken: " + broken));
    }
}
