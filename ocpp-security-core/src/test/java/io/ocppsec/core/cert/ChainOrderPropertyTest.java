package io.ocppsec.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.testing.Verifies;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Validated = used" as a property (issue 20): for genuine chains of every role with forged certificates inserted at
 * every position and in every order, the certificate accepted is always a genuine end-entity certificate of the
 * role, its path a real signed chain of received certificates to a trusted root, and with the default rule the
 * first certificate of the chain (the one whose key a TLS peer or a firmware signature proves).
 */
@Verifies({"A00.FR.308", "A00.FR.403", "A00.FR.604"})
class ChainOrderPropertyTest {

    static Stream<ForgeryPool> pools() {
        return ForgeryPool.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pools")
    void everyOrderOfAGenuineChainWithEachForgeryInsertedKeepsTheInvariant(ForgeryPool pool) {
        int chains = 0;
        int accepted = 0;
        for (List<X509Certificate> base : List.of(pool.genuine.chain(), pool.genuine.chainWithRoot())) {
            for (X509Certificate forged : pool.forged) {
                List<X509Certificate> items = new ArrayList<>(base);
                items.add(forged);
                for (List<X509Certificate> chain : permutations(items)) {
                    assertThat(pool.violations(chain)).as("%s chain %s", pool, subjects(chain)).isEmpty();
                    accepted += pool.accepted(chain);
                    chains++;
                }
            }
        }
        // The genuine leaf first (with or without the forgery after it) is accepted; everything else is not.
        assertThat(chains).isEqualTo(pool.forged.size() * (6 + 24)); // 3! and 4! orders per forgery
        assertThat(accepted).as("some orders are valid").isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pools")
    void theAttackChainWithTwoForgeriesInEveryOrderKeepsTheInvariant(ForgeryPool pool) {
        // [X, D] together with the genuine chain: D names X as its issuer, so by name X "issues" a certificate.
        List<X509Certificate> items = new ArrayList<>(pool.genuine.chain());
        items.add(pool.forged.get(0));
        items.add(pool.forged.get(1));
        int acceptedLeafFirst = 0;
        for (List<X509Certificate> chain : permutations(items)) {
            assertThat(pool.violations(chain)).as("%s chain %s", pool, subjects(chain)).isEmpty();
            if (pool.leafFirst.validate(chain, io.ocppsec.testpki.TestPki.NOW).isCompliant()) {
                acceptedLeafFirst++;
                assertThat(chain.get(0)).isEqualTo(pool.genuine.certificate());
            }
        }
        assertThat(acceptedLeafFirst).as("the genuine leaf first, the rest in any order").isEqualTo(6);
    }

    /** A longer random mix (duplicates, several forgeries, missing intermediates); on demand: -Plong. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pools")
    @Tag("long")
    void randomMixesKeepTheInvariant(ForgeryPool pool) {
        randomMixes(pool, Long.getLong("ocppsec.property.seed", 20261204L), Integer.getInteger("ocppsec.property.chains", 20_000));
    }

    /** The short version of {@link #randomMixesKeepTheInvariant} in every build. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pools")
    void randomMixesKeepTheInvariantShort(ForgeryPool pool) {
        randomMixes(pool, 20261204L, 400);
    }

    private static void randomMixes(ForgeryPool pool, long seed, int count) {
        Random random = new Random(seed);
        for (int n = 0; n < count; n++) {
            int size = 1 + random.nextInt(6);
            List<X509Certificate> chain = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                chain.add(pool.all.get(random.nextInt(pool.all.size())));
            }
            assertThat(pool.violations(chain)).as("%s seed %d #%d %s", pool, seed, n, subjects(chain)).isEmpty();
        }
    }

    static List<List<X509Certificate>> permutations(List<X509Certificate> items) {
        List<List<X509Certificate>> out = new ArrayList<>();
        permute(new ArrayList<>(items), 0, out);
        return out;
    }

    private static void permute(List<X509Certificate> a, int k, List<List<X509Certificate>> out) {
        if (k == a.size()) {
            out.add(List.copyOf(a));
            return;
        }
        for (int i = k; i < a.size(); i++) {
            java.util.Collections.swap(a, k, i);
            permute(a, k + 1, out);
            java.util.Collections.swap(a, k, i);
        }
    }

    static List<String> subjects(List<X509Certificate> chain) {
        return chain.stream().map(c -> c.getSubjectX500Principal().getName()).toList();
    }
}
