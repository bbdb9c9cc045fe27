package io.ocppsec.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.testing.Verifies;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The profile × connection matrix on both sides. */
class ProfilePolicyTest {

    /** Every connection a station can offer. */
    static List<StationConnection> allStationConnections() {
        List<StationConnection> all = new ArrayList<>();
        for (boolean tls : new boolean[] {false, true}) {
            for (boolean cert : new boolean[] {false, true}) {
                for (boolean basic : new boolean[] {false, true}) {
                    if (cert && !tls) {
                        continue;
                    }
                    all.add(new StationConnection(tls, cert, basic));
                }
            }
        }
        return all;
    }

    /** The one profile a connection matches, or null. */
    static SecurityProfile expectedMatch(StationConnection c) {
        if (!c.tls() && c.basicAuthorization()) {
            return SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH;
        }
        if (c.tls() && c.basicAuthorization() && !c.clientCertificate()) {
            return SecurityProfile.TLS_BASIC_AUTH;
        }
        if (c.tls() && c.clientCertificate() && !c.basicAuthorization()) {
            return SecurityProfile.TLS_CLIENT_CERTIFICATE;
        }
        return null;
    }

    static Stream<Arguments> matrix() {
        return Stream.of(SecurityProfile.values()).flatMap(p -> allStationConnections().stream().map(c -> Arguments.of(p, c)));
    }

    @ParameterizedTest(name = "profile {0} vs {1}")
    @MethodSource("matrix")
    @Verifies("A00.FR.002")
    void csmsTerminatesEveryConnectionThatDoesNotMatchItsProfile(SecurityProfile profile, StationConnection c)
            throws Exception {
        ProfileDecision d = ProfilePolicy.of("port", profile).checkStationConnection(c);
        boolean shouldAccept = expectedMatch(c) == profile;
        assertThat(d.accepted()).isEqualTo(shouldAccept);
        assertThat(d.terminate()).isEqualTo(!shouldAccept);
        assertThat(d.profile()).isEqualTo(profile);
        if (!shouldAccept) {
            assertThat(d.violations().violates("A00.FR.002")).isTrue();
            assertThat(d.reason()).contains("A00.FR.002").contains("security profile " + profile.ocppValue());
        }
    }

    @Test
    @Verifies("A00.FR.001")
    void everyConnectionMatchesAtMostOneProfile() {
        int matched = 0;
        for (StationConnection c : allStationConnections()) {
            long n = Stream.of(SecurityProfile.values())
                    .filter(p -> ProfilePolicy.judgeStation(p, c).accepted()).count();
            assertThat(n).as("%s", c).isLessThanOrEqualTo(1);
            matched += n;
        }
        assertThat(matched).as("each profile has exactly one matching connection shape").isEqualTo(3);
        assertThat(ProfilePolicy.judgeStation(SecurityProfile.TLS_BASIC_AUTH, StationConnection.tlsWithBasicAuth()).accepted()).isTrue();
        assertThat(ProfilePolicy.judgeStation(SecurityProfile.UNSECURED_TRANSPORT_BASIC_AUTH, StationConnection.plainWithBasicAuth()).accepted()).isTrue();
        assertThat(ProfilePolicy.judgeStation(SecurityProfile.TLS_CLIENT_CERTIFICATE, StationConnection.tlsWithClientCertificate()).accepted()).isTrue();
    }

    static Stream<Arguments> csmsMatrix() {
        List<Arguments> out = new ArrayList<>();
        for (SecurityProfile p : SecurityProfile.values()) {
            for (boolean tls : new boolean[] {false, true}) {
                for (boolean verified : new boolean[] {false, true}) {
                    for (boolean requested : new boolean[] {false, true}) {
                        if (!tls && (verified || requested)) {
                            continue;
                        }
                        out.add(Arguments.of(p, new CsmsConnection(tls, verified, requested)));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "station on profile {0} vs CSMS {1}")
    @MethodSource("csmsMatrix")
    @Verifies("A00.FR.003")
    void stationTerminatesACsmsThatDoesNotMatchItsProfile(SecurityProfile profile, CsmsConnection c) throws Exception {
        boolean expected;
        switch (profile) {
            case UNSECURED_TRANSPORT_BASIC_AUTH:
                expected = !c.tls();
                break;
            case TLS_BASIC_AUTH:
                expected = c.tls() && c.serverCertificateVerified();
                break;
            default:
                expected = c.tls() && c.serverCertificateVerified() && c.clientCertificateRequested();
                break;
        }
        ProfileDecision d = ProfilePolicy.of("this station", profile).checkCsmsConnection(c);
        assertThat(d.accepted()).isEqualTo(expected);
        assertThat(d.violations().violates("A00.FR.003")).isEqualTo(!expected);
    }

    @Test
    @Verifies("A00.FR.004")
    void noDecisionBeforeAProfileIsConfigured() throws Exception {
        ProfilePolicy p = ProfilePolicy.unconfigured("this station");
        assertThat(p.profile()).isEmpty();
        assertThatThrownBy(() -> p.checkStationConnection(StationConnection.tlsWithBasicAuth()))
                .isInstanceOf(ProfileNotConfiguredException.class).hasMessageContaining("A00.FR.004");
        assertThatThrownBy(() -> p.checkCsmsConnection(new CsmsConnection(true, true, false)))
                .isInstanceOf(ProfileNotConfiguredException.class).hasMessageContaining("this station");
        p.configureLocally(SecurityProfile.TLS_BASIC_AUTH);
        assertThat(p.checkStationConnection(StationConnection.tlsWithBasicAuth()).accepted()).isTrue();
        assertThat(p.toString()).contains("profile 2");
    }

    @Test
    @Verifies({"A00.FR.006", "A00.FR.001"})
    void csmsServesOneProfilePerEndpoint() throws Exception {
        CsmsEndpointProfiles endpoints = CsmsEndpointProfiles.builder()
                .endpoint("0.0.0.0:443", SecurityProfile.TLS_BASIC_AUTH)
                .endpoint("0.0.0.0:8443", SecurityProfile.TLS_CLIENT_CERTIFICATE)
                .build();
        assertThat(endpoints.checkStationConnection("0.0.0.0:443", StationConnection.tlsWithBasicAuth()).accepted()).isTrue();
        assertThat(endpoints.checkStationConnection("0.0.0.0:443", StationConnection.tlsWithClientCertificate()).terminate()).isTrue();
        assertThat(endpoints.checkStationConnection("0.0.0.0:8443", StationConnection.tlsWithClientCertificate()).accepted()).isTrue();
        assertThat(endpoints.checkStationConnection("0.0.0.0:8443", StationConnection.tlsWithBasicAuth()).terminate()).isTrue();
        assertThatThrownBy(() -> endpoints.checkStationConnection("0.0.0.0:80", StationConnection.plainWithBasicAuth()))
                .isInstanceOf(ProfileNotConfiguredException.class);
        assertThatThrownBy(() -> CsmsEndpointProfiles.builder().endpoint("a", SecurityProfile.TLS_BASIC_AUTH)
                .endpoint("a", SecurityProfile.TLS_CLIENT_CERTIFICATE)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(SecurityProfile.class)
    void impossibleConnectionFactsAreRefused(SecurityProfile unused) {
        assertThatThrownBy(() -> new StationConnection(false, true, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CsmsConnection(false, true, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CsmsConnection(false, false, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProfilePolicy.of(" ", unused)).isInstanceOf(IllegalArgumentException.class);
    }
}
