package io.ocppsec.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.testing.Verifies;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** CSMS-side memory of the highest profile per station. */
class StationProfileRegistryTest {

    @Test
    @Verifies("A05.FR.07")
    void stationThatReachedAHigherProfileCannotConnectLowerAnymore() {
        StationProfileRegistry r = new StationProfileRegistry(StationProfileStore.inMemory());
        assertThat(r.check("CS-1", SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH).accepted()).isTrue();
        r.connected("CS-1", SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH);
        r.connected("CS-1", SecurityProfile.TLS_CLIENT_CERTIFICATE);
        r.connected("CS-1", SecurityProfile.TLS_BASIC_AUTH);   // does not lower the record
        assertThat(r.highestReached("CS-1")).contains(SecurityProfile.TLS_CLIENT_CERTIFICATE);
        for (SecurityProfile lower : List.of(SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH, SecurityProfile.TLS_BASIC_AUTH)) {
            ProfileDecision d = r.check("CS-1", lower);
            assertThat(d.terminate()).isTrue();
            assertThat(d.violations().violates("A05.FR.07")).isTrue();
            assertThat(d.reason()).contains("security profile 3");
        }
        assertThat(r.check("CS-1", SecurityProfile.TLS_CLIENT_CERTIFICATE).accepted()).isTrue();
        assertThat(r.check("CS-2", SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH).accepted()).as("other stations unaffected").isTrue();
    }

    @Test
    @Verifies("A00.FR.005")
    void onlyAnOutOfBandResetLowersTheRecord() {
        StationProfileRegistry r = new StationProfileRegistry(StationProfileStore.inMemory());
        r.connected("CS-1", SecurityProfile.TLS_CLIENT_CERTIFICATE);
        r.resetOutOfBand("CS-1", SecurityProfile.TLS_BASIC_AUTH);
        assertThat(r.check("CS-1", SecurityProfile.TLS_BASIC_AUTH).accepted()).isTrue();
    }

    @Test
    void rejectsHostileIdentities() {
        StationProfileRegistry r = new StationProfileRegistry(StationProfileStore.inMemory());
        assertThatThrownBy(() -> r.check("", SecurityProfile.TLS_BASIC_AUTH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.check("x".repeat(256), SecurityProfile.TLS_BASIC_AUTH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.connected("a\u0000b", SecurityProfile.TLS_BASIC_AUTH)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Verifies("A05.FR.07")
    void concurrentConnectionsKeepTheMaximum() throws Exception {
        StationProfileRegistry r = new StationProfileRegistry(StationProfileStore.inMemory());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            fs.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 5000; i++) {
                    String id = "CS-" + (i % 50);
                    SecurityProfile p = SecurityProfile.fromOcpp(1 + (i + thread) % 3);
                    if (r.check(id, p).accepted()) {
                        r.connected(id, p);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : fs) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        for (int i = 0; i < 50; i++) {
            assertThat(r.highestReached("CS-" + i)).contains(SecurityProfile.TLS_CLIENT_CERTIFICATE);
            assertThat(r.check("CS-" + i, SecurityProfile.TLS_BASIC_AUTH).terminate()).isTrue();
        }
    }
}
