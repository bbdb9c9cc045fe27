package io.ocppsec.core.credential;

import java.time.Instant;
import java.util.Objects;

/**
 * A new password hash sent to the station with {@code SetVariablesRequest} whose response has not been
 * processed yet.
 *
 * @param hash the hash of the new password
 * @param rotationId identifies the rotation, so a late response to an earlier rotation is not applied
 *     to a later one
 * @param since when the rotation began
 */
public record PendingPassword(String hash, String rotationId, Instant since) {

    /** @throws NullPointerException for a null argument */
    public PendingPassword {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(rotationId, "rotationId");
        Objects.requireNonNull(since, "since");
    }

    @Override
    public String toString() {
        return "PendingPassword{rotationId=" + rotationId + ", since=" + since + ", hash=[redacted]}";
    }
}
