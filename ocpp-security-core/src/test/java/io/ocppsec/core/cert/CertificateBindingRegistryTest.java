package io.ocppsec.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.TestCertificate;
import io.ocppsec.testpki.TestPki;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@Verifies("A00.FR.427")
class CertificateBindingRegistryTest {

    private static final TestPki PKI = OcppChainValidatorTest.PKI;

    @Test
    void bindsAndAcceptsTheSameStationAgain() {
        CertificateBindingRegistry reg = new CertificateBindingRegistry();
        assertThat(reg.bind("CS-0001", PKI.station().certificate()).isClean()).isTrue();
        assertThat(reg.bind("CS-0001", PKI.station().certificate()).isClean()).isTrue();
        assertThat(reg.boundIdentity(PKI.station().certificate())).contains("CS-0001");
        assertThat(reg.size()).isEqualTo(1);
    }

    @Test
    void refusesTheSameCertificateForAnotherStation() {
        CertificateBindingRegistry reg = new CertificateBindingRegistry();
        reg.bind("CS-0001", PKI.station().certificate());
        ValidationResult r = reg.bind("CS-0002", PKI.station().certificate());
        assertThat(r.isCompliant()).isFalse();
        assertThat(r.blocking().get(0).requirement().value()).isEqualTo("A00.FR.427");
        assertThat(r.blocking().get(0).found()).contains("CS-0001");
        assertThat(reg.boundIdentity(PKI.station().certificate())).contains("CS-0001");
    }

    @Test
    void refusesAnotherCertificateForTheSameKey() {
        TestCertificate first = PKI.stationBuilder("CS-0001").build();
        TestCertificate sameKey = PKI.stationBuilder("CS-0002").keyPair(first.keyPair()).build();
        CertificateBindingRegistry reg = new CertificateBindingRegistry();
        reg.bind("CS-0001", first.certificate());
        ValidationResult r = reg.bind("CS-0002", sameKey.certificate());
        assertThat(r.violates("A00.FR.427")).isTrue();
        assertThat(r.blocking().get(0).found()).contains("public key");
    }

    @Test
    void renewalMovesTheBindingAndFreesTheOldCertificate() {
        TestCertificate old = PKI.stationBuilder("CS-0001").build();
        TestCertificate renewed = PKI.stationBuilder("CS-0001").build();
        CertificateBindingRegistry reg = new CertificateBindingRegistry();
        reg.bind("CS-0001", old.certificate());
        assertThat(reg.bind("CS-0001", renewed.certificate()).isClean()).isTrue();
        assertThat(reg.boundIdentity(old.certificate())).isEmpty();
        assertThat(reg.unbind("CS-0001")).isTrue();
        assertThat(reg.unbind("CS-0001")).isFalse();
        assertThat(reg.bind("CS-0002", renewed.certificate()).isClean()).isTrue();
    }

    @Test
    void isBoundedAndRefusesNonsense() {
        CertificateBindingRegistry reg = new CertificateBindingRegistry(1);
        reg.bind("CS-0001", PKI.station().certificate());
        assertThat(reg.bind("CS-0002", PKI.csmsEc().certificate()).isCompliant()).isFalse();
        assertThatThrownBy(() -> new CertificateBindingRegistry(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyOneOfManyConcurrentStationsGetsTheCertificate() throws Exception {
        CertificateBindingRegistry reg = new CertificateBindingRegistry();
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger winners = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = "CS-" + i;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (reg.bind(id, PKI.station().certificate()).isCompliant()) {
                    winners.incrementAndGet();
                }
            });
            threads.add(t);
            t.start();
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(winners).hasValue(1);
    }
}
