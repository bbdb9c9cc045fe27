package io.ocppsec.core.profile;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Station side of A05 "Upgrade Charging Station Security Profile", as a state machine over the
 * station's connection profiles, its {@code NetworkConfigurationPriority} and its {@code SecurityProfile}.
 *
 * <ol>
 *   <li>{@link #setNetworkConfigurationPriority(String)}: Rejected when a slot with a higher profile than
 *       the current one needs a CSMSRootCertificate (profiles 2, 3; A05.FR.02) or a
 *       ChargingStationCertificate (profile 3; A05.FR.03) that is not validly installed, and when a slot
 *       would lower the profile (A00.FR.005); else Accepted (A05.FR.04). Rejected changes nothing.</li>
 *   <li>{@link #rebooted()}, then {@link #connectionTarget()}: the first entry of the priority list
 *       (A05.FR.05). {@link #connectionFailed()} moves on to the next entry, i.e. back to the previous
 *       profile when the new one does not work.</li>
 *   <li>{@link #connected()}: when the slot in use has a higher profile, {@code SecurityProfile} takes
 *       its value, and every slot with a lower profile is removed from the profiles and from the priority
 *       list (A05.FR.06). There is no way back down through OCPP afterwards (A05.FR.07 on the CSMS,
 *       {@link StationProfileRegistry}).</li>
 * </ol>
 *
 * <pre>{@code
 * ProfileUpgrade up = ProfileUpgrade.create(SecurityProfile.TLS_BASIC_AUTH, slots, List.of(1, 0),
 *         UpgradePrerequisites.of(certificateStore));
 * PriorityChange r = up.setNetworkConfigurationPriority("2,1");   // answer r.ocppStatus()
 * up.rebooted();
 * connect(up.connectionTarget().orElseThrow());                    // slot 2 first
 * ProfileUpgrade.Connected c = up.connected();                    // persist c.securityProfile(), c.priority()
 * }</pre>
 *
 * <p>Thread-safe; it does not persist anything itself: the caller stores {@link #securityProfile()},
 * {@link #slots()} and {@link #priority()} in its device model after each change.
 */
public final class ProfileUpgrade {

    /** Longest {@code NetworkConfigurationPriority} value parsed. */
    public static final int MAX_PRIORITY_VALUE_LENGTH = 1000;

    /** Where the upgrade is. */
    public enum Phase {
        /** Connected (or never started); nothing pending. */
        STABLE,
        /** A new priority list was accepted; it takes effect after a reboot (A05.FR.05). */
        AWAITING_REBOOT,
        /** Connecting through the priority list after a reboot. */
        CONNECTING
    }

    /**
     * The outcome of a successful connection.
     *
     * @param securityProfile the value of {@code SecurityProfile} from now on
     * @param upgraded whether it went up with this connection
     * @param connectedSlot the slot used
     * @param removedSlots the slots removed because their profile is lower (A05.FR.06)
     * @param priority the new {@code NetworkConfigurationPriority}
     */
    public record Connected(SecurityProfile securityProfile, boolean upgraded, int connectedSlot,
                            List<Integer> removedSlots, List<Integer> priority) {
        /** Copies the lists. */
        public Connected {
            Objects.requireNonNull(securityProfile, "securityProfile");
            removedSlots = List.copyOf(removedSlots);
            priority = List.copyOf(priority);
        }
    }

    private final UpgradePrerequisites prerequisites;
    private final Map<Integer, NetworkConnectionSlot> slots = new TreeMap<>();
    private SecurityProfile securityProfile;
    private List<Integer> priority;
    private Phase phase = Phase.STABLE;
    private int attempt;

    private ProfileUpgrade(SecurityProfile current, Collection<NetworkConnectionSlot> slots, List<Integer> priority,
                           UpgradePrerequisites prerequisites) {
        this.securityProfile = current;
        this.prerequisites = prerequisites;
        for (NetworkConnectionSlot s : slots) {
            if (this.slots.put(s.slot(), s) != null) {
                throw new IllegalArgumentException("Configuration slot " + s.slot() + " is given twice");
            }
        }
        for (Integer p : priority) {
            if (!this.slots.containsKey(Objects.requireNonNull(p, "priority entry"))) {
                throw new IllegalArgumentException("Priority lists slot " + p + ", which is not configured");
            }
        }
        if (new LinkedHashSet<>(priority).size() != priority.size()) {
            throw new IllegalArgumentException("Priority lists a slot twice");
        }
        this.priority = List.copyOf(priority);
    }

    /**
     * @param current the {@code SecurityProfile} in use
     * @param slots the configured connection profiles
     * @param priority the current {@code NetworkConfigurationPriority}
     * @param prerequisites what the certificate store holds
     * @return the state machine, in phase {@link Phase#STABLE}
     * @throws IllegalArgumentException when the priority names unknown or repeated slots
     */
    public static ProfileUpgrade create(SecurityProfile current, Collection<NetworkConnectionSlot> slots,
                                        List<Integer> priority, UpgradePrerequisites prerequisites) {
        return new ProfileUpgrade(Objects.requireNonNull(current, "current"), List.copyOf(slots),
                List.copyOf(priority), Objects.requireNonNull(prerequisites, "prerequisites"));
    }

    /**
     * Handles {@code SetNetworkProfile}: adds or replaces a slot. A slot with a lower profile than the one
     * in use is refused (A00.FR.005).
     *
     * @param slot the new connection profile
     * @return allowed or rejected
     */
    public synchronized ProfileChangeGuard.Decision setNetworkProfile(NetworkConnectionSlot slot) {
        Objects.requireNonNull(slot, "slot");
        ProfileChangeGuard.Decision d = ProfileChangeGuard.check(securityProfile, slot.profile().ocppValue(),
                ProfileChangeGuard.Channel.SET_NETWORK_PROFILE);
        if (d.allowed()) {
            slots.put(slot.slot(), slot);
        }
        return d;
    }

    /**
     * Handles {@code SetVariables(OCPPCommCtrlr.NetworkConfigurationPriority)}.
     *
     * @param value the comma-separated list of configuration slots, e.g. {@code "2,1"}
     * @return Accepted (A05.FR.04) or Rejected with every reason (A05.FR.02, A05.FR.03, A00.FR.005)
     */
    public synchronized PriorityChange setNetworkConfigurationPriority(String value) {
        Objects.requireNonNull(value, "value");
        List<Integer> requested = new ArrayList<>();
        Optional<String> malformed = parse(value, requested);
        if (malformed.isPresent()) {
            return new PriorityChange(false, priority, ValidationResult.compliant(), malformed.get());
        }
        ValidationResult.Builder v = ValidationResult.builder();
        for (int slotNo : requested) {
            NetworkConnectionSlot s = slots.get(slotNo);
            SecurityProfile p = s.profile();
            if (securityProfile.isDowngradeTo(p)) {
                v.add("A00.FR.005", RequirementLevel.SHALL_NOT, "slot " + slotNo + " with security profile "
                        + p.ocppValue() + ", lower than the current " + securityProfile.ocppValue(),
                        "only slots with security profile " + securityProfile.ocppValue() + " or higher");
                continue;
            }
            if (p.ocppValue() > securityProfile.ocppValue()) {
                if (p.usesTls() && !prerequisites.hasValidCsmsRootCertificate()) {
                    v.add("A05.FR.02", RequirementLevel.SHALL, "slot " + slotNo + " with security profile "
                            + p.ocppValue() + " and no valid CSMSRootCertificate installed",
                            "a valid CSMSRootCertificate before moving to security profile 2 or 3");
                }
                if (p.requiresClientCertificate() && !prerequisites.hasValidChargingStationCertificate()) {
                    v.add("A05.FR.03", RequirementLevel.SHALL, "slot " + slotNo
                            + " with security profile 3 and no valid ChargingStationCertificate installed",
                            "a valid ChargingStationCertificate before moving to security profile 3");
                }
            }
        }
        ValidationResult result = v.build();
        if (!result.isCompliant()) {
            return new PriorityChange(false, priority, result, result.blocking().get(0).message()
                    + (result.blocking().size() > 1 ? " (and " + (result.blocking().size() - 1) + " more)" : ""));
        }
        priority = List.copyOf(requested);
        phase = Phase.AWAITING_REBOOT;
        return new PriorityChange(true, priority, result, "A05.FR.04: accepted; slot " + priority.get(0)
                + " is used after the next reboot");
    }

    /** The station rebooted: connections start at the first entry of the priority list (A05.FR.05). */
    public synchronized void rebooted() {
        phase = Phase.CONNECTING;
        attempt = 0;
    }

    /**
     * @return the slot to connect with now: the first entry after a reboot (A05.FR.05), the next one after
     *     each {@link #connectionFailed()}; empty when every entry failed (start over with {@link #rebooted()})
     */
    public synchronized Optional<NetworkConnectionSlot> connectionTarget() {
        List<NetworkConnectionSlot> usable = usable();
        return attempt < usable.size() ? Optional.of(usable.get(attempt)) : Optional.empty();
    }

    /**
     * The connection with the current target failed; the next entry of the list is tried, which is the
     * previous profile when a new one does not work.
     *
     * @return the next target, or empty when every entry failed
     */
    public synchronized Optional<NetworkConnectionSlot> connectionFailed() {
        attempt++;
        phase = Phase.CONNECTING;
        return connectionTarget();
    }

    /**
     * The station connected to the CSMS with the current target and the CSMS accepted it (A05.FR.06).
     *
     * @return the new {@code SecurityProfile}, the removed slots and the new priority list
     * @throws IllegalStateException when there is no connection target
     */
    public synchronized Connected connected() {
        NetworkConnectionSlot used = connectionTarget().orElseThrow(() ->
                new IllegalStateException("No connection target: every entry of the priority list failed"));
        boolean upgraded = used.profile().ocppValue() > securityProfile.ocppValue();
        if (upgraded) {
            securityProfile = used.profile();
        }
        List<Integer> removed = new ArrayList<>();
        for (NetworkConnectionSlot s : List.copyOf(slots.values())) {
            if (securityProfile.isDowngradeTo(s.profile())) {
                slots.remove(s.slot());
                removed.add(s.slot());
            }
        }
        List<Integer> kept = new ArrayList<>(priority);
        kept.removeAll(removed);
        priority = List.copyOf(kept);
        phase = Phase.STABLE;
        attempt = priority.indexOf(used.slot()) < 0 ? 0 : priority.indexOf(used.slot());
        return new Connected(securityProfile, upgraded, used.slot(), removed, priority);
    }

    /** @return the value of {@code SecurityProfile} */
    public synchronized SecurityProfile securityProfile() {
        return securityProfile;
    }

    /** @return the current {@code NetworkConfigurationPriority} */
    public synchronized List<Integer> priority() {
        return priority;
    }

    /** @return the configured connection profiles, by slot */
    public synchronized List<NetworkConnectionSlot> slots() {
        return List.copyOf(slots.values());
    }

    /** @return where the upgrade is */
    public synchronized Phase phase() {
        return phase;
    }

    /** Priority entries that may be used: never one below the current profile (A00.FR.005). */
    private List<NetworkConnectionSlot> usable() {
        List<NetworkConnectionSlot> out = new ArrayList<>();
        for (int p : priority) {
            NetworkConnectionSlot s = slots.get(p);
            if (s != null && !securityProfile.isDowngradeTo(s.profile())) {
                out.add(s);
            }
        }
        return out;
    }

    private Optional<String> parse(String value, List<Integer> out) {
        if (value.length() > MAX_PRIORITY_VALUE_LENGTH) {
            return Optional.of("NetworkConfigurationPriority is longer than " + MAX_PRIORITY_VALUE_LENGTH + " characters");
        }
        if (value.isBlank()) {
            return Optional.of("NetworkConfigurationPriority is empty");
        }
        Set<Integer> seen = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            String t = part.strip();
            if (t.isEmpty() || t.length() > 4 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.of("NetworkConfigurationPriority must be a comma-separated list of slot numbers");
            }
            int n = Integer.parseInt(t);
            if (!slots.containsKey(n)) {
                return Optional.of("NetworkConfigurationPriority names slot " + n + ", which is not configured");
            }
            if (!seen.add(n)) {
                return Optional.of("NetworkConfigurationPriority names slot " + n + " twice");
            }
            out.add(n);
        }
        return Optional.empty();
    }
}
