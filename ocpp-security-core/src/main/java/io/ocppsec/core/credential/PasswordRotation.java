package io.ocppsec.core.credential;

import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.internal.text.Printable;
import io.ocppsec.core.password.BasicAuthPassword;
import io.ocppsec.core.password.BasicAuthPasswordVariable;
import io.ocppsec.core.password.PasswordGenerator;
import io.ocppsec.core.password.PasswordHasher;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * CSMS side of A01 "Update Charging Station Password for HTTP Basic Authentication".
 *
 * <ol>
 *   <li>{@link #begin(ChargingStationIdentity)} generates a new password with a CSPRNG (A01.FR.06,
 *       A01.FR.07), stores only its salted hash (A01.FR.08) as pending, and returns a {@link Request} whose
 *       value the CSMS sends in {@code SetVariablesRequest(SecurityCtrlr.BasicAuthPassword)} (A01.FR.02).</li>
 *   <li>{@link #complete(Request, String)} applies the {@code SetVariableResult.attributeStatus}:
 *       {@code Accepted} → the new password replaces the old, which is no longer accepted (A01.FR.03);
 *       anything else → the old password stays accepted and the new one is dropped (A01.FR.04), and
 *       {@link CredentialBootPolicy} can then hold the station in Pending (A01.FR.05).</li>
 * </ol>
 *
 * <p>Between the two steps the response has not arrived; the specification does not say what to accept
 * then. {@link BasicAuthenticator} accepts the old password and, by default, the new one too: a station
 * that stored the new password but lost the connection before its response arrived would otherwise be
 * locked out. A station that logs in with the new password has proven the change, and the rotation
 * completes as if Accepted. See {@link BasicAuthenticator.WhilePending}.
 *
 * <p>Thread-safe: every transition is a compare-and-set on the {@link CredentialStore}, and a response
 * for a rotation that was superseded by a newer {@code begin} is ignored (its rotation ID no longer
 * matches). Nothing here logs a password or a hash (A01.FR.09).
 *
 * <pre>{@code
 * PasswordRotation rotation = PasswordRotation.create(store);
 * try (PasswordRotation.Request req = rotation.begin(id)) {
 *     String status = sendSetVariables(id, req.componentName(), req.variableName(), req.password().reveal());
 *     rotation.complete(req, status);
 * }
 * }</pre>
 */
public final class PasswordRotation {

    private static final System.Logger LOG = System.getLogger(PasswordRotation.class.getName());
    private static final int MAX_CAS_ATTEMPTS = 64;

    private final CredentialStore store;
    private final PasswordGenerator generator;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random;

    /**
     * @param store where the states live
     * @param generator the password generator
     * @param hasher the hasher for the stored hashes
     * @param clock the clock for {@link PendingPassword#since()}
     * @param random the source of rotation IDs
     */
    public PasswordRotation(CredentialStore store, PasswordGenerator generator, PasswordHasher hasher, Clock clock,
                            SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * @param store where the states live
     * @return a rotation with the default generator, hasher, system clock and a new SecureRandom
     */
    public static PasswordRotation create(CredentialStore store) {
        SecureRandom random = new SecureRandom();
        return new PasswordRotation(store, PasswordGenerator.create(random), PasswordHasher.defaults().withRandom(random),
                Clock.systemUTC(), random);
    }

    /**
     * Starts a rotation; an earlier rotation still pending is superseded.
     *
     * @param identity the station
     * @return what to send; close it after sending to wipe the password
     * @throws UnknownStationException when the store has no state for the station
     */
    public Request begin(ChargingStationIdentity identity) throws UnknownStationException {
        Objects.requireNonNull(identity, "identity");
        BasicAuthPassword password = generator.generate();
        String hash = hasher.hash(password);
        byte[] id = new byte[8];
        random.nextBytes(id);
        String rotationId = HexFormat.of().formatHex(id);
        PendingPassword pending = new PendingPassword(hash, rotationId, clock.instant());
        update(identity, s -> s.beginRotation(pending));
        LOG.log(Level.INFO, "Password rotation {0} for Charging Station {1} began (A01.FR.02)", rotationId, identity);
        return new Request(identity, rotationId, password);
    }

    /**
     * Applies the station's answer to the {@code SetVariablesRequest}.
     *
     * @param request the rotation
     * @param attributeStatus the {@code SetVariableResult.attributeStatus} for BasicAuthPassword, e.g.
     *     {@code Accepted}, {@code Rejected}, {@code RebootRequired}; only {@code Accepted} completes the change
     * @return the state after the transition
     * @throws UnknownStationException when the station was removed meanwhile
     */
    public CredentialState complete(Request request, String attributeStatus) throws UnknownStationException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(attributeStatus, "attributeStatus");
        return complete(request.identity(), request.rotationId(), "Accepted".equals(attributeStatus), attributeStatus);
    }

    /**
     * Applies the station's answer when the request object is no longer at hand (e.g. after a CSMS restart).
     *
     * @param identity the station
     * @param rotationId {@link Request#rotationId()} of the rotation
     * @param accepted whether the attributeStatus was {@code Accepted}
     * @return the state after the transition
     * @throws UnknownStationException when the station is not known
     */
    public CredentialState complete(ChargingStationIdentity identity, String rotationId, boolean accepted)
            throws UnknownStationException {
        return complete(identity, rotationId, accepted, accepted ? "Accepted" : "not Accepted");
    }

    private CredentialState complete(ChargingStationIdentity identity, String rotationId, boolean accepted,
                                     String status) throws UnknownStationException {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(rotationId, "rotationId");
        boolean[] stale = new boolean[1];
        CredentialState after = update(identity, s -> {
            stale[0] = !s.isPending(rotationId);
            // A01.FR.03 (Accepted: only the new password from now on) / A01.FR.04 (keep the old one)
            return accepted ? s.rotationAccepted(rotationId) : s.rotationNotAccepted(rotationId);
        });
        if (stale[0]) {
            LOG.log(Level.WARNING, "Ignored a response for password rotation {0} of Charging Station {1}: "
                    + "it is not the pending rotation", rotationId, identity);
        } else if (accepted) {
            LOG.log(Level.INFO, "Password rotation {0} for Charging Station {1} accepted; the old password "
                    + "is no longer accepted (A01.FR.03)", rotationId, identity);
        } else {
            LOG.log(Level.WARNING, "Password rotation {0} for Charging Station {1} not accepted (status {2}); "
                    + "the old password stays valid (A01.FR.04)", rotationId, identity, Printable.of(status, 32));
        }
        return after;
    }

    CredentialState update(ChargingStationIdentity identity, UnaryOperator<CredentialState> transition)
            throws UnknownStationException {
        return update(store, identity, transition);
    }

    static CredentialState update(CredentialStore store, ChargingStationIdentity identity,
                                  UnaryOperator<CredentialState> transition) throws UnknownStationException {
        for (int i = 0; i < MAX_CAS_ATTEMPTS; i++) {
            CredentialState before = store.find(identity).orElseThrow(() -> new UnknownStationException(identity));
            CredentialState after = transition.apply(before);
            if (after.equals(before) || store.replace(before, after)) {
                return after;
            }
        }
        throw new IllegalStateException("Could not update the credential state of " + identity + " after "
                + MAX_CAS_ATTEMPTS + " attempts (contention)");
    }

    /**
     * One started rotation: the station, the rotation ID and the new clear-text password to send. The
     * password is a secret: {@link #toString()} omits it and {@link #close()} wipes it.
     */
    public static final class Request implements AutoCloseable {
        private final ChargingStationIdentity identity;
        private final String rotationId;
        private final BasicAuthPassword password;

        Request(ChargingStationIdentity identity, String rotationId, BasicAuthPassword password) {
            this.identity = identity;
            this.rotationId = rotationId;
            this.password = password;
        }

        /** @return the station */
        public ChargingStationIdentity identity() {
            return identity;
        }

        /** @return the rotation ID, to persist alongside an outstanding request */
        public String rotationId() {
            return rotationId;
        }

        /** @return {@value BasicAuthPasswordVariable#COMPONENT_NAME} */
        public String componentName() {
            return BasicAuthPasswordVariable.COMPONENT_NAME;
        }

        /** @return {@value BasicAuthPasswordVariable#VARIABLE_NAME} */
        public String variableName() {
            return BasicAuthPasswordVariable.VARIABLE_NAME;
        }

        /** @return the new password, the {@code attributeValue} to send */
        public BasicAuthPassword password() {
            return password;
        }

        /** Wipes the password. */
        @Override
        public void close() {
            password.wipe();
        }

        @Override
        public String toString() {
            return "PasswordRotation.Request{identity=" + identity + ", rotationId=" + rotationId
                    + ", password=[redacted]}";
        }
    }
}
