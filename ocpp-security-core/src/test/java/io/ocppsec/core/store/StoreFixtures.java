package io.ocppsec.core.store;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.cert.ChainValidator;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Shared pieces of the store tests. */
final class StoreFixtures {

    static final TestPki PKI = TestPki.create();

    private StoreFixtures() {
    }

    /**
     * A small real chain check for the tests: each certificate is signed by the next, the last by the
     * given root, all valid at the instant. (The project's full validator is another component.)
     */
    static ChainValidator signedBy(X509Certificate root) {
        return (chain, at) -> {
            ValidationResult.Builder r = ValidationResult.builder();
            for (int i = 0; i < chain.size(); i++) {
                X509Certificate c = chain.get(i);
                X509Certificate issuer = i + 1 < chain.size() ? chain.get(i + 1) : root;
                try {
                    c.verify(issuer.getPublicKey());
                    c.checkValidity(java.util.Date.from(at));
                } catch (Exception e) {
                    r.add(io.ocppsec.api.requirement.Violation.of("A02.FR.06", RequirementLevel.SHALL,
                            e.getClass().getSimpleName(), "a valid certificate of the CSO hierarchy").atChainIndex(i));
                }
            }
            return io.ocppsec.core.cert.ChainValidationResult.of(chain, r.build());
        };
    }

    static ChainValidator csoChain() {
        return signedBy(PKI.csoRoot().certificate());
    }

    /** A station certificate valid from {@code from} for {@code days}. */
    static TestCertificate station(Instant from, int days) {
        return PKI.stationBuilder().validity(from, from.plus(Duration.ofDays(days))).build();
    }

    static KeyHandle key(TestCertificate c) {
        return KeyHandle.inMemory("key-" + c.certificate().getSerialNumber().toString(16), c.keyPair().getPrivate());
    }

    static List<X509Certificate> chain(TestCertificate c) {
        return c.chain();
    }
}
