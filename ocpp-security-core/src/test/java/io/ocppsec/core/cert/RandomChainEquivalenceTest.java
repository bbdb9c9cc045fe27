package io.ocppsec.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.KeyType;
import io.ocppsec.testpki.PkiRole;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestCertificateBuilder;
import io.ocppsec.testpki.TestPki;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

/**
 * Many generated chains (seeded, so a failure can be replayed): random depth, pathLen, key types, validity,
 * CA flags, keyUsage, name constraints, unknown critical extensions, forged signatures, foreign anchors and
 * received order. For each, the cold, warm and PKIX-only validators must agree, and the fast path must never
 * accept what JDK PKIX refuses.
 */
@Verifies("A00.FR.403")
class RandomChainEquivalenceTest {

    static final long SEED = Long.getLong("ocppsec.test.seed", 20260601L);
    static final int CHAINS = Integer.getInteger("ocppsec.test.chains", 120);
    static final TestPki PKI = OcppChainValidatorTest.PKI;
    static final Instant NOW = TestPki.NOW;

    private final Random random = new Random(SEED);
    private final List<KeyPair> keys = new ArrayList<>();
    private int accepted;
    private int pkixChecked;

    @Test
    void generatedChainsAgreeAcrossCachesAndPkix() throws Exception {
        SecureRandom keyRandom = new SecureRandom();
        for (int i = 0; i < 6; i++) {
            keys.add(KeyType.EC_P256.generate(keyRandom));
        }
        keys.add(KeyType.EC_P384.generate(keyRandom));
        keys.add(KeyType.RSA_2048.generate(keyRandom));
        for (int n = 0; n < CHAINS; n++) {
            check(n);
        }
        System.out.printf("RandomChainEquivalenceTest: seed %d, %d chains, %d compliant, %d compared with JDK PKIX%n",
                SEED, CHAINS, accepted, pkixChecked);
        assertThat(accepted).as("the generator must produce valid chains too").isGreaterThan(CHAINS / 10);
        assertThat(pkixChecked).isGreaterThan(0);
    }

    private void check(int n) throws Exception {
        String what = "chain " + n + " (seed " + SEED + ")";
        TestCertificate root = PKI.builder(PkiRole.CSO_ROOT, null).organization(TestPki.CSO_NAME)
                .commonName("Random Root").keyPair(key()).validity(NOW.minus(days(30, 400)), NOW.plus(days(200, 4000)))
                .build();
        List<TestCertificate> cas = new ArrayList<>();
        TestCertificate issuer = root;
        int depth = random.nextInt(4);
        for (int d = 0; d < depth; d++) {
            TestCertificateBuilder b = PKI.builder(PkiRole.CSO_SUB_CA, issuer).organization(TestPki.CSO_NAME)
                    .commonName("Random Sub-CA " + d).keyPair(key()).validity(validFrom(), validTo());
            if (random.nextInt(3) == 0) {
                b.pathLength(random.nextInt(3));
            }
            flawCa(b);
            issuer = b.build();
            cas.add(issuer);
        }
        TestCertificate signer = issuer;
        if (random.nextInt(10) == 0 && issuer != root) { // forged: an impostor with the same name signs the leaf
            TestCertificate impostorRoot = PKI.builder(PkiRole.CSO_ROOT, null).organization(TestPki.CSO_NAME)
                    .commonName("Random Root").keyPair(key()).build();
            signer = PKI.builder(PkiRole.CSO_SUB_CA, impostorRoot).organization(TestPki.CSO_NAME)
                    .commonName(issuer.certificate().getSubjectX500Principal().getName().contains("Sub-CA")
                            ? "Random Sub-CA " + (depth - 1) : "Random Root").keyPair(key()).build();
        }
        TestCertificateBuilder lb = PKI.builder(PkiRole.CHARGING_STATION, signer)
                .organization(random.nextInt(8) == 0 ? "Other CSO" : TestPki.CSO_NAME)
                .commonName(TestPki.STATION_SERIAL).keyPair(key()).validity(validFrom(), validTo());
        if (random.nextInt(12) == 0) {
            lb.unknownCriticalExtension("1.3.6.1.4.1.99999.7");
        }
        TestCertificate leaf = lb.build();

        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf.certificate());
        for (int i = cas.size() - 1; i >= 0; i--) {
            if (random.nextInt(12) != 0) { // sometimes an intermediate is missing
                chain.add(cas.get(i).certificate());
            }
        }
        if (random.nextBoolean()) {
            chain.add(root.certificate());
        }
        // The leaf stays first (the default rule) with its issuers shuffled, or everything is shuffled for ANY.
        boolean anyOrder = random.nextInt(4) == 0;
        if (anyOrder) {
            Collections.shuffle(chain, random);
        } else if (random.nextInt(3) == 0) {
            Collections.shuffle(chain.subList(1, chain.size()), random);
        }
        TrustAnchors anchors = random.nextInt(10) == 0 ? TrustAnchors.cso(PKI.foreignRoot().certificate())
                : random.nextInt(10) == 0 ? TrustAnchors.cso(PKI.foreignRoot().certificate(), root.certificate())
                : TrustAnchors.cso(root.certificate());
        OcppChainValidator base = OcppChainValidator.forChargingStationCertificate(anchors, TestPki.CSO_NAME)
                .toBuilder().chainOrder(anyOrder ? ChainOrder.ANY : ChainOrder.LEAF_FIRST).build();
        OcppChainValidator cold = PathEquivalenceTest.cold(base);
        List<Instant> instants = List.of(NOW, NOW.plus(days(-60, 3000)), NOW.plus(days(-60, 3000)));
        for (Instant at : instants) {
            var reference = cold.validate(chain, at);
            assertThat(cold.validate(chain, at)).as(what + " cold (again) at " + at + "\n" + reference.result().describe())
                    .isEqualTo(reference);
            assertThat(base.validate(chain, at)).as(what + " warm (first) at " + at).isEqualTo(reference);
            assertThat(base.validate(chain, at)).as(what + " warm (again) at " + at).isEqualTo(reference);
            if (reference.isCompliant()) {
                accepted++;
            }
            if (reference.isCompliant()) {
                pkixChecked++;
                assertThat(PathEquivalenceTest.jdkPkix(reference.path(), anchors, at)).as(what + " JDK PKIX at " + at)
                        .isNull();
            }
        }
    }

    private void flawCa(TestCertificateBuilder b) {
        switch (random.nextInt(14)) {
            case 0:
                b.ca(false);
                break;
            case 1:
                b.keyUsage(KeyUsage.digitalSignature | KeyUsage.cRLSign);
                break;
            case 2:
                b.withoutBasicConstraints();
                break;
            case 3:
                b.nameConstraintsPermittedOrganization(TestPki.CSO_NAME);
                break;
            case 4:
                b.unknownCriticalExtension("1.3.6.1.4.1.99999.8");
                break;
            case 5:
                b.validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)));
                break;
            default:
                break;
        }
    }

    private KeyPair key() {
        return keys.get(random.nextInt(keys.size()));
    }

    private Instant validFrom() {
        return NOW.minus(days(1, 200));
    }

    private Instant validTo() {
        return NOW.plus(days(1, 3500));
    }

    private Duration days(int from, int to) {
        return Duration.ofDays(from + random.nextInt(to - from));
    }
}
