package io.ocppsec.core.profile;

import io.ocppsec.testing.Verifies;
import io.ocppsec.testpki.MutableClock;
import static io.ocppsec.api.SecurityProfile.TLS_BASIC_AUTH;
import static io.ocppsec.api.SecurityProfile.TLS_CLIENT_CERTIFICATE;
import static io.ocppsec.api.SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.message.CertificateSigningUse;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.store.CertificateStorePersistence;
import io.ocppsec.core.store.KeyHandle;
import io.ocppsec.core.store.RootCertificateType;
import io.ocppsec.core.store.StationCertificateStore;
import io.ocppsec.testpki.TestPki;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A05 scenarios against a real certificate store. */
class ProfileUpgradeTest {

    private static final TestPki PKI = TestPki.create();
    private static final NetworkConnectionSlot P1 = new NetworkConnectionSlot(1, UNSECURED_TRANSPORT_BASIC_AUTH, "ws://csms.example.com/ocpp");
    private static final NetworkConnectionSlot P2 = new NetworkConnectionSlot(2, TLS_BASIC_AUTH, "wss://csms.example.com/ocpp");
    private static final NetworkConnectionSlot P3 = new NetworkConnectionSlot(3, TLS_CLIENT_CERTIFICATE, "wss://csms.example.com:8443/ocpp");

    private final MutableClock clock = new MutableClock();
    private final StationCertificateStore store;

    ProfileUpgradeTest() throws Exception {
        store = StationCertificateStore.builder(CertificateStorePersistence.inMemory()).clock(clock).build();
    }

    private void installCsmsRoot() throws Exception {
        assertThat(store.installRoot(RootCertificateType.CSMS_ROOT_CERTIFICATE, PKI.csoRoot().certificate()).isAccepted()).isTrue();
    }

    private void installStationCertificate() throws Exception {
        assertThat(store.installClientCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE, PKI.station().chain(),
                KeyHandle.inMemory("cs", PKI.station().keyPair().getPrivate()), (c, at) -> io.ocppsec.core.cert.ChainValidationResult.of(c, ValidationResult.compliant()))
                .accepted()).isTrue();
    }

    private ProfileUpgrade upgrade(SecurityProfile current, List<Integer> priority) {
        return ProfileUpgrade.create(current, List.of(P1, P2, P3), priority, UpgradePrerequisites.of(store));
    }

    @Test
    @DisplayName("TC_A_19-like: upgrade 1 -> 2 with a CSMS root installed; after reboot slot 2 first; lower slots removed")
    @Verifies({"A05.FR.04", "A05.FR.05", "A05.FR.06"})
    void upgradeFromOneToTwo() throws Exception {
        installCsmsRoot();
        ProfileUpgrade up = upgrade(UNSECURED_TRANSPORT_BASIC_AUTH, List.of(1));
        PriorityChange r = up.setNetworkConfigurationPriority("2,1");
        assertThat(r.accepted()).isTrue();
        assertThat(r.ocppStatus()).isEqualTo("Accepted");
        assertThat(r.priority()).containsExactly(2, 1);
        assertThat(up.phase()).isEqualTo(ProfileUpgrade.Phase.AWAITING_REBOOT);
        assertThat(up.securityProfile()).as("SecurityProfile changes only after a successful connection")
                .isEqualTo(UNSECURED_TRANSPORT_BASIC_AUTH);

        up.rebooted();
        assertThat(up.connectionTarget()).contains(P2);
        ProfileUpgrade.Connected c = up.connected();
        assertThat(c.upgraded()).isTrue();
        assertThat(c.securityProfile()).isEqualTo(TLS_BASIC_AUTH);
        assertThat(c.connectedSlot()).isEqualTo(2);
        assertThat(c.removedSlots()).containsExactly(1);
        assertThat(c.priority()).containsExactly(2);
        assertThat(up.slots()).containsExactly(P2, P3);
        assertThat(up.phase()).isEqualTo(ProfileUpgrade.Phase.STABLE);
    }

    @Test
    @DisplayName("Upgrade 2 -> 3 with root and station certificate; lower slots 1 and 2 removed")
    @Verifies({"A05.FR.04", "A05.FR.05", "A05.FR.06"})
    void upgradeFromTwoToThree() throws Exception {
        installCsmsRoot();
        installStationCertificate();
        ProfileUpgrade up = upgrade(TLS_BASIC_AUTH, List.of(2));
        assertThat(up.setNetworkConfigurationPriority("3, 2").accepted()).isTrue();
        up.rebooted();
        assertThat(up.connectionTarget()).contains(P3);
        ProfileUpgrade.Connected c = up.connected();
        assertThat(c.securityProfile()).isEqualTo(TLS_CLIENT_CERTIFICATE);
        assertThat(c.removedSlots()).containsExactly(1, 2);
        assertThat(c.priority()).containsExactly(3);
    }

    @Test
    @Verifies("A05.FR.02")
    void rejectedWithoutAValidCsmsRoot() throws Exception {
        ProfileUpgrade up = upgrade(UNSECURED_TRANSPORT_BASIC_AUTH, List.of(1));
        PriorityChange r = up.setNetworkConfigurationPriority("2,1");
        assertThat(r.accepted()).isFalse();
        assertThat(r.ocppStatus()).isEqualTo("Rejected");
        assertThat(r.violations().violates("A05.FR.02")).isTrue();
        assertThat(r.priority()).containsExactly(1);
        assertThat(up.priority()).containsExactly(1);
        assertThat(up.phase()).isEqualTo(ProfileUpgrade.Phase.STABLE);
        assertThat(up.securityProfile()).isEqualTo(UNSECURED_TRANSPORT_BASIC_AUTH);
    }

    @Test
    @Verifies("A05.FR.02")
    void rejectedWhenTheOnlyCsmsRootHasExpired() throws Exception {
        installCsmsRoot();
        ProfileUpgrade up = upgrade(UNSECURED_TRANSPORT_BASIC_AUTH, List.of(1));
        clock.set(PKI.csoRoot().certificate().getNotAfter().toInstant().plus(Duration.ofDays(1)));
        assertThat(up.setNetworkConfigurationPriority("2,1").violations().violates("A05.FR.02")).isTrue();
    }

    @Test
    @Verifies("A05.FR.03")
    void rejectedForProfileThreeWithoutAStationCertificate() throws Exception {
        installCsmsRoot();
        ProfileUpgrade up = upgrade(TLS_BASIC_AUTH, List.of(2));
        PriorityChange r = up.setNetworkConfigurationPriority("3,2");
        assertThat(r.accepted()).isFalse();
        assertThat(r.violations().violates("A05.FR.03")).isTrue();
        assertThat(r.violations().violates("A05.FR.02")).isFalse();
        assertThat(up.priority()).containsExactly(2);
    }

    @Test
    @Verifies({"A05.FR.02", "A05.FR.03"})
    void bothMissingPrerequisitesAreReported() {
        ProfileUpgrade up = upgrade(UNSECURED_TRANSPORT_BASIC_AUTH, List.of(1));
        PriorityChange r = up.setNetworkConfigurationPriority("3,1");
        assertThat(r.violations().violations()).hasSize(2);
        assertThat(r.reason()).contains("and 1 more");
    }

    @Test
    @Verifies("A05.FR.03")
    void rejectedForProfileThreeWhenTheStationCertificateIsNotYetValid() throws Exception {
        installCsmsRoot();
        var future = PKI.stationBuilder().validity(TestPki.NOW.plus(Duration.ofDays(2)), TestPki.NOW.plus(Duration.ofDays(300))).build();
        store.installClientCertificate(CertificateSigningUse.CHARGING_STATION_CERTIFICATE, future.chain(),
                KeyHandle.external("hsm:cs"), (c, at) -> io.ocppsec.core.cert.ChainValidationResult.of(c, ValidationResult.compliant()));
        ProfileUpgrade up = upgrade(TLS_BASIC_AUTH, List.of(2));
        assertThat(up.setNetworkConfigurationPriority("3,2").violations().violates("A05.FR.03")).isTrue();
        clock.advance(Duration.ofDays(2));
        assertThat(up.setNetworkConfigurationPriority("3,2").accepted()).as("valid once notBefore passed").isTrue();
    }

    @Test
    @Verifies({"A00.FR.005", "A05.FR.04"})
    void downgradeThroughThePriorityListOrSetNetworkProfileIsRejected() throws Exception {
        installCsmsRoot();
        installStationCertificate();
        ProfileUpgrade up = upgrade(TLS_BASIC_AUTH, List.of(2));
        PriorityChange r = up.setNetworkConfigurationPriority("1");
        assertThat(r.accepted()).isFalse();
        assertThat(r.violations().violates("A00.FR.005")).isTrue();
        assertThat(up.setNetworkConfigurationPriority("2,1").accepted()).as("a lower fallback slot is a downgrade path").isFalse();
        assertThat(up.setNetworkProfile(new NetworkConnectionSlot(4, UNSECURED_TRANSPORT_BASIC_AUTH, "ws://other/ocpp")).allowed()).isFalse();
        assertThat(up.slots()).doesNotContain(new NetworkConnectionSlot(4, UNSECURED_TRANSPORT_BASIC_AUTH, "ws://other/ocpp"));
        NetworkConnectionSlot sameLevel = new NetworkConnectionSlot(5, TLS_BASIC_AUTH, "wss://backup.example.com/ocpp");
        assertThat(up.setNetworkProfile(sameLevel).allowed()).isTrue();
        assertThat(up.setNetworkConfigurationPriority("5,2").accepted()).as("equal profile: A05.FR.04").isTrue();
    }

    @Test
    @DisplayName("New profile fails after reboot: fall back to the previous slot; nothing is removed or raised")
    @Verifies("A05.FR.05")
    void fallsBackToThePreviousProfileWhenTheNewOneFails() throws Exception {
        installCsmsRoot();
        installStationCertificate();
        ProfileUpgrade up = upgrade(TLS_BASIC_AUTH, List.of(2));
        assertThat(up.setNetworkConfigurationPriority("3,2").accepted()).isTrue();
        up.rebooted();
        assertThat(up.connectionTarget()).contains(P3);
        assertThat(up.connectionFailed()).contains(P2);
        ProfileUpgrade.Connected c = up.connected();
        assertThat(c.upgraded()).isFalse();
        assertThat(c.securityProfile()).isEqualTo(TLS_BASIC_AUTH);
        assertThat(c.removedSlots()).containsExactly(1);
        assertThat(c.priority()).containsExactly(3, 2);
        assertThat(up.connectionFailed()).as("everything failed").isEmpty();
        assertThatThrownBy(up::connected).isInstanceOf(IllegalStateException.class);
        up.rebooted();
        assertThat(up.connectionTarget()).contains(P3);
    }

    @Test
    @DisplayName("End to end: after the station reached profile 3, the CSMS refuses it on profile 2")
    @Verifies({"A05.FR.06", "A05.FR.07"})
    void csmsRefusesTheStationOnALowerProfileAfterTheUpgrade() throws Exception {
        installCsmsRoot();
        installStationCertificate();
        StationProfileRegistry csms = new StationProfileRegistry(StationProfileStore.inMemory());
        csms.connected(TestPki.STATION_SERIAL, TLS_BASIC_AUTH);
        ProfileUpgrade up = upgrade(TLS_BASIC_AUTH, List.of(2));
        up.setNetworkConfigurationPriority("3,2");
        up.rebooted();
        SecurityProfile used = up.connectionTarget().orElseThrow().profile();
        assertThat(csms.check(TestPki.STATION_SERIAL, used).accepted()).isTrue();
        csms.connected(TestPki.STATION_SERIAL, used);
        up.connected();
        assertThat(csms.check(TestPki.STATION_SERIAL, TLS_BASIC_AUTH).violations().violates("A05.FR.07")).isTrue();
        PriorityChange back = up.setNetworkConfigurationPriority("2");
        assertThat(back.accepted()).isFalse();
        assertThat(back.reason()).as("slot 2 was removed by A05.FR.06").contains("not configured");
        assertThat(up.setNetworkProfile(P2).violations().violates("A00.FR.005")).isTrue();
    }

    @Test
    void malformedPriorityValuesAreRejectedWithoutSideEffects() throws Exception {
        installCsmsRoot();
        ProfileUpgrade up = upgrade(UNSECURED_TRANSPORT_BASIC_AUTH, List.of(1));
        for (String bad : List.of("", " ", "1,,2", "a", "2;1", "99", "1,1", "-1", "+2", "2,1,", "１",
                "9".repeat(20), "1,".repeat(600), "2\u0000")) {
            PriorityChange r = up.setNetworkConfigurationPriority(bad);
            assertThat(r.accepted()).as("'%s'", bad.length() > 20 ? bad.substring(0, 20) : bad).isFalse();
            assertThat(r.violations().isClean()).isTrue();
        }
        assertThat(up.priority()).containsExactly(1);
        assertThat(up.phase()).isEqualTo(ProfileUpgrade.Phase.STABLE);
    }

    @Test
    void inconsistentConfigurationIsRefused() {
        UpgradePrerequisites none = new UpgradePrerequisites() {
            @Override
            public boolean hasValidCsmsRootCertificate() {
                return false;
            }

            @Override
            public boolean hasValidChargingStationCertificate() {
                return false;
            }
        };
        assertThatThrownBy(() -> ProfileUpgrade.create(TLS_BASIC_AUTH, List.of(P2, P2), List.of(2), none))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProfileUpgrade.create(TLS_BASIC_AUTH, List.of(P2), List.of(7), none))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProfileUpgrade.create(TLS_BASIC_AUTH, List.of(P2), List.of(2, 2), none))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NetworkConnectionSlot(1, TLS_BASIC_AUTH, "ws://plain/ocpp"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NetworkConnectionSlot(1, UNSECURED_TRANSPORT_BASIC_AUTH, "wss://tls/ocpp"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NetworkConnectionSlot(-1, TLS_BASIC_AUTH, "wss://x/ocpp"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NetworkConnectionSlot(1, TLS_BASIC_AUTH, "wss://" + "x".repeat(600)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
