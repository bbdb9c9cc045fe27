package io.ocppsec.core.credential;

import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.password.PasswordHasher;
import java.util.Objects;
import java.util.Optional;

/**
 * What the CSMS knows about one station's credentials: the hash of the password it accepts now, a
 * rotation in progress, whether the station still has its factory credentials, and whether the last
 * rotation was not accepted. Immutable; transitions return a new state and are applied with
 * {@link CredentialStore#replace(CredentialState, CredentialState)}.
 *
 * <p>Rotation (A01): {@link #beginRotation(PendingPassword)} records the new hash;
 * {@link #rotationAccepted(String)} makes it the only accepted one (A01.FR.03: the old credentials are no
 * longer accepted); {@link #rotationNotAccepted(String)} drops it and keeps the old one (A01.FR.04).
 *
 * @param identity the station
 * @param currentHash the hash of the password accepted now; empty for a station that authenticates
 *     with a client certificate only
 * @param pending a rotation in progress
 * @param factoryCredentials whether the station still uses the credentials it was manufactured with
 *     (A00.FR.805, A00.FR.806)
 * @param lastRotationNotAccepted whether the last rotation ended with a status other than Accepted
 *     (A01.FR.04, A01.FR.05)
 */
public record CredentialState(ChargingStationIdentity identity, Optional<String> currentHash,
                              Optional<PendingPassword> pending, boolean factoryCredentials,
                              boolean lastRotationNotAccepted) {

    /**
     * @throws NullPointerException for a null argument
     * @throws IllegalArgumentException for a hash string longer than {@link PasswordHasher#MAX_ENCODED_LENGTH}
     */
    public CredentialState {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(currentHash, "currentHash");
        Objects.requireNonNull(pending, "pending");
        currentHash.ifPresent(CredentialState::checkLength);
        pending.ifPresent(p -> checkLength(p.hash()));
    }

    /**
     * @param identity the station
     * @param hash the hash of its (non-factory) password
     * @return a state without rotation
     */
    public static CredentialState withPassword(ChargingStationIdentity identity, String hash) {
        return new CredentialState(identity, Optional.of(hash), Optional.empty(), false, false);
    }

    /**
     * @param identity the station
     * @param hash the hash of the password it was manufactured with
     * @return a state marked as holding factory credentials
     */
    public static CredentialState withFactoryPassword(ChargingStationIdentity identity, String hash) {
        return new CredentialState(identity, Optional.of(hash), Optional.empty(), true, false);
    }

    /**
     * @param identity a station that authenticates with a factory-issued client certificate
     * @return a state without password, marked as holding factory credentials
     */
    public static CredentialState withFactoryCertificate(ChargingStationIdentity identity) {
        return new CredentialState(identity, Optional.empty(), Optional.empty(), true, false);
    }

    /**
     * @param change the new password's hash and rotation ID; replaces an earlier pending one
     * @return the state during the rotation
     */
    public CredentialState beginRotation(PendingPassword change) {
        return new CredentialState(identity, currentHash, Optional.of(change), factoryCredentials,
                lastRotationNotAccepted);
    }

    /**
     * A01.FR.03: the station answered Accepted, so only the new password is accepted from now on; the
     * factory credentials are replaced (A00.FR.805).
     *
     * @param rotationId the rotation the response belongs to
     * @return the new state, or this one when the rotation is not the pending one (a stale response)
     */
    public CredentialState rotationAccepted(String rotationId) {
        if (!isPending(rotationId)) {
            return this;
        }
        return new CredentialState(identity, Optional.of(pending.get().hash()), Optional.empty(), false, false);
    }

    /**
     * A01.FR.04: the station answered something other than Accepted, so it still has the old password,
     * which stays accepted; the new one is dropped.
     *
     * @param rotationId the rotation the response belongs to
     * @return the new state, or this one for a stale response
     */
    public CredentialState rotationNotAccepted(String rotationId) {
        if (!isPending(rotationId)) {
            return this;
        }
        return new CredentialState(identity, currentHash, Optional.empty(), factoryCredentials, true);
    }

    /**
     * The factory credentials were replaced by other means (e.g. A02 installed a CSO-issued certificate).
     *
     * @return the state without the factory mark
     */
    public CredentialState factoryCredentialsReplaced() {
        return new CredentialState(identity, currentHash, pending, false, lastRotationNotAccepted);
    }

    /**
     * @param hash a new hash of the same password (after {@link PasswordHasher#needsRehash(String)})
     * @return the state with the re-hashed current password
     */
    public CredentialState withRehashedCurrent(String hash) {
        return new CredentialState(identity, Optional.of(hash), pending, factoryCredentials, lastRotationNotAccepted);
    }

    /**
     * @param rotationId a rotation ID
     * @return whether that rotation is the one in progress
     */
    public boolean isPending(String rotationId) {
        return pending.isPresent() && pending.get().rotationId().equals(rotationId);
    }

    private static void checkLength(String hash) {
        if (hash.length() > PasswordHasher.MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException("A password hash has at most " + PasswordHasher.MAX_ENCODED_LENGTH
                    + " characters, was " + hash.length());
        }
    }

    /** @return identity and flags; hashes are not shown (A01.FR.09) */
    @Override
    public String toString() {
        return "CredentialState{identity=" + identity + ", password=" + (currentHash.isPresent() ? "set" : "none")
                + ", pending=" + pending.map(PendingPassword::rotationId).orElse("none")
                + ", factoryCredentials=" + factoryCredentials
                + ", lastRotationNotAccepted=" + lastRotationNotAccepted + "}";
    }
}
