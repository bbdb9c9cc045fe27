package io.ocppsec.core.profile;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.message.SetNetworkProfileRequest;
import io.ocppsec.core.store.StationCertificateStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The usage snippets of the javadoc of the public {@code io.ocppsec.core.profile} types, as compiled code: each
 * region {@code // javadoc:<Type>:begin} ... {@code end} is a snippet of that type's javadoc, which
 * {@link io.ocppsec.core.JavadocSnippetsTest} compares with the javadoc. Free names are the method's parameters.
 */
final class JavadocSnippets {

    private JavadocSnippets() {
    }

    /** What the snippets answered, closed or connected to, in order. */
    static final List<Object> ACTIONS = new ArrayList<>();

    private static void respond(String status) {
        ACTIONS.add(status);
    }

    private static void closeWith(String reason) {
        ACTIONS.add("close: " + reason);
    }

    private static void close(String reason) {
        ACTIONS.add("close: " + reason);
    }

    private static void connect(NetworkConnectionSlot slot) {
        ACTIONS.add(slot);
    }

    static ProfileDecision csmsEndpointProfiles(StationConnection connection) throws ProfileNotConfiguredException {
        // javadoc:CsmsEndpointProfiles:begin
        CsmsEndpointProfiles endpoints = CsmsEndpointProfiles.builder()
                .endpoint("0.0.0.0:443", SecurityProfile.TLS_BASIC_AUTH)
                .endpoint("0.0.0.0:8443", SecurityProfile.TLS_CLIENT_CERTIFICATE)
                .build();
        ProfileDecision d = endpoints.checkStationConnection("0.0.0.0:8443", connection);
        // javadoc:CsmsEndpointProfiles:end
        return d;
    }

    static ProfileChangeGuard.Decision profileChangeGuard(SecurityProfile current, SetNetworkProfileRequest request) {
        // javadoc:ProfileChangeGuard:begin
        ProfileChangeGuard.Decision d = ProfileChangeGuard.check(current, request.connectionData().securityProfile(),
                ProfileChangeGuard.Channel.SET_NETWORK_PROFILE);
        if (!d.allowed()) { respond("Rejected"); }
        // javadoc:ProfileChangeGuard:end
        return d;
    }

    static ProfileDecision profilePolicy(boolean hasBasicHeader) throws ProfileNotConfiguredException {
        // javadoc:ProfilePolicy:begin
        ProfilePolicy port443 = ProfilePolicy.of("wss://csms:443", SecurityProfile.TLS_BASIC_AUTH);
        ProfileDecision d = port443.checkStationConnection(new StationConnection(true, false, hasBasicHeader));
        if (d.terminate()) { closeWith(d.violations().describe()); }
        // javadoc:ProfilePolicy:end
        return d;
    }

    static ProfileUpgrade.Connected profileUpgrade(Collection<NetworkConnectionSlot> slots,
                                                   StationCertificateStore certificateStore) {
        // javadoc:ProfileUpgrade:begin
        ProfileUpgrade up = ProfileUpgrade.create(SecurityProfile.TLS_BASIC_AUTH, slots, List.of(1, 0),
                UpgradePrerequisites.of(certificateStore));
        PriorityChange r = up.setNetworkConfigurationPriority("2,1");   // answer r.ocppStatus()
        up.rebooted();
        connect(up.connectionTarget().orElseThrow());                    // slot 2 first
        ProfileUpgrade.Connected c = up.connected();                    // persist c.securityProfile(), c.priority()
        // javadoc:ProfileUpgrade:end
        return c;
    }

    static ProfileDecision stationProfileRegistry(String stationId) {
        // javadoc:StationProfileRegistry:begin
        StationProfileRegistry registry = new StationProfileRegistry(StationProfileStore.inMemory());
        ProfileDecision d = registry.check(stationId, SecurityProfile.TLS_BASIC_AUTH);
        if (d.terminate()) {
            close(d.violations().describe());
        } else {
            registry.connected(stationId, SecurityProfile.TLS_BASIC_AUTH);
        }
        // javadoc:StationProfileRegistry:end
        return d;
    }
}
