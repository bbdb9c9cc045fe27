package io.ocppsec.core.profile;

import io.ocppsec.api.SecurityProfile;
import java.util.Locale;
import java.util.Objects;

/**
 * A configured {@code NetworkConnectionProfile} as far as the profile rules need it: its configuration
 * slot, its security profile and its CSMS URL.
 *
 * @param slot the configuration slot (0..1000), as listed in {@code NetworkConfigurationPriority}
 * @param profile its {@code securityProfile}
 * @param csmsUrl its {@code ocppCsmsUrl}: {@code ws://} for profile 1, {@code wss://} for 2 and 3
 */
public record NetworkConnectionSlot(int slot, SecurityProfile profile, String csmsUrl) {

    /** Longest URL (schema maxLength of {@code ocppCsmsUrl}). */
    public static final int MAX_URL_LENGTH = 512;

    /**
     * @throws IllegalArgumentException for a slot out of range, a URL that is too long or whose scheme
     *     does not fit the profile
     */
    public NetworkConnectionSlot {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(csmsUrl, "csmsUrl");
        if (slot < 0 || slot > 1000) {
            throw new IllegalArgumentException("configuration slot must be 0..1000, was " + slot);
        }
        if (csmsUrl.length() > MAX_URL_LENGTH) {
            throw new IllegalArgumentException("ocppCsmsUrl longer than " + MAX_URL_LENGTH + " characters");
        }
        String lower = csmsUrl.toLowerCase(Locale.ROOT);
        boolean fits = profile.usesTls() ? lower.startsWith("wss://") : lower.startsWith("ws://");
        if (!fits) {
            throw new IllegalArgumentException("security profile " + profile.ocppValue() + " needs a "
                    + (profile.usesTls() ? "wss://" : "ws://") + " URL");
        }
    }
}
