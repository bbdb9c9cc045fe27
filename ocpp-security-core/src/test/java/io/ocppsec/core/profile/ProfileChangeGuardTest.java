package io.ocppsec.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.core.profile.ProfileChangeGuard.Channel;
import io.ocppsec.testing.Verifies;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** No lowering of the profile through OCPP. */
class ProfileChangeGuardTest {

    static Stream<Arguments> all() {
        List<Arguments> out = new ArrayList<>();
        for (SecurityProfile current : SecurityProfile.values()) {
            for (int requested = 1; requested <= 3; requested++) {
                for (Channel ch : Channel.values()) {
                    out.add(Arguments.of(current, requested, ch));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{2}: {0} -> {1}")
    @MethodSource("all")
    @Verifies("A00.FR.005")
    void lowersAreRejectedOnEveryChannel(SecurityProfile current, int requested, Channel channel) {
        ProfileChangeGuard.Decision d = ProfileChangeGuard.check(current, requested, channel);
        boolean lower = requested < current.ocppValue();
        assertThat(d.allowed()).isEqualTo(!lower);
        assertThat(d.violations().violates("A00.FR.005")).isEqualTo(lower);
        if (lower) {
            assertThat(d.reason()).contains(channel.message()).contains("A00.FR.005");
        }
    }

    @Test
    void nonexistentProfilesAreRejectedWithoutCrashing() {
        for (int v : new int[] {0, -1, 4, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            ProfileChangeGuard.Decision d = ProfileChangeGuard.check(SecurityProfile.TLS_BASIC_AUTH, v, Channel.DATA_TRANSFER);
            assertThat(d.allowed()).isFalse();
            assertThat(d.reason()).contains("does not exist");
        }
    }

    @Test
    @Verifies("A00.FR.005")
    void lowLevelLoweringIsOnlyPossibleByLocalConfiguration() throws Exception {
        ProfilePolicy p = ProfilePolicy.of("station", SecurityProfile.TLS_CLIENT_CERTIFICATE);
        assertThat(ProfileChangeGuard.check(p.profile().orElseThrow(), 1, Channel.SET_VARIABLES_SECURITY_PROFILE).allowed()).isFalse();
        p.configureLocally(SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH);   // the out-of-band way
        assertThat(p.profile()).contains(SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH);
    }
}
