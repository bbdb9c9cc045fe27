package io.ocppsec.core.credential;

import io.ocppsec.core.auth.BasicAuthCredentials;
import io.ocppsec.core.auth.BasicAuthException;
import io.ocppsec.core.auth.BasicAuthHeader;
import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.credential.AuthenticationResult.Reason;
import io.ocppsec.core.password.BasicAuthPassword;
import io.ocppsec.core.password.MalformedHashException;
import io.ocppsec.core.password.PasswordHasher;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;

/**
 * CSMS side of Basic authentication (security profiles 1 and 2): checks the {@code Authorization}
 * header of a WebSocket upgrade against the salted hashes in the {@link CredentialStore}.
 *
 * <ol>
 *   <li>The header must be present and well-formed, and its username must equal the identity of the
 *       connection URL (A00.FR.202–204, A00.FR.301–303; {@link BasicAuthHeader}).</li>
 *   <li>The password is verified against the current hash, in constant time (A01.FR.08).</li>
 *   <li>During a rotation the new password is also accepted by default
 *       ({@link WhilePending#ACCEPT_CURRENT_AND_NEW}); a login with it completes the rotation, after which
 *       only the new password is accepted (as A01.FR.03 says for an Accepted response).</li>
 *   <li>A successful login with a hash made under other parameters is re-hashed
 *       ({@link PasswordHasher#needsRehash(String)}).</li>
 * </ol>
 * For an unknown station a dummy verification runs, so response time does not tell which identities exist.
 * Rejections are logged at INFO with the station identity and the reason only — never the header, the
 * password or a hash (A01.FR.09).
 *
 * <pre>{@code
 * BasicAuthenticator auth = new BasicAuthenticator(store, PasswordHasher.defaults());
 * AuthenticationResult r = auth.authenticate(pathSegment, request.getHeader("Authorization"));
 * if (!r.isAccepted()) { response.sendError(401); return; }
 * boolean holdInPending = r.bootDecision().orElseThrow().isPending();
 * }</pre>
 * Thread-safe.
 */
public final class BasicAuthenticator {

    /** What is accepted while a rotation waits for the station's SetVariablesResponse. */
    public enum WhilePending {
        /**
         * The current and the new password (default). A login with the new one proves the station changed
         * it and completes the rotation. Avoids locking out a station whose Accepted response was lost.
         */
        ACCEPT_CURRENT_AND_NEW,
        /** Only the current password until the response arrives. */
        ACCEPT_CURRENT_ONLY
    }

    private static final System.Logger LOG = System.getLogger(BasicAuthenticator.class.getName());

    private final CredentialStore store;
    private final PasswordHasher hasher;
    private final WhilePending whilePending;
    private final CredentialBootPolicy bootPolicy;
    private final String dummyHash;

    /**
     * With {@link WhilePending#ACCEPT_CURRENT_AND_NEW} and {@link CredentialBootPolicy#RESTRICTIVE}.
     *
     * @param store the credential states
     * @param hasher the hasher whose parameters new hashes use; it verifies every supported format
     */
    public BasicAuthenticator(CredentialStore store, PasswordHasher hasher) {
        this(store, hasher, WhilePending.ACCEPT_CURRENT_AND_NEW, CredentialBootPolicy.RESTRICTIVE);
    }

    /**
     * @param store the credential states
     * @param hasher the hasher whose parameters new hashes use
     * @param whilePending what to accept during a rotation
     * @param bootPolicy the BootNotification decision for accepted stations
     */
    public BasicAuthenticator(CredentialStore store, PasswordHasher hasher, WhilePending whilePending,
                              CredentialBootPolicy bootPolicy) {
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.whilePending = Objects.requireNonNull(whilePending, "whilePending");
        this.bootPolicy = Objects.requireNonNull(bootPolicy, "bootPolicy");
        this.dummyHash = hasher.hash(BasicAuthPassword.of("dummy-password-for-timing"));
    }

    /**
     * @param urlIdentity the identity segment of the connection URL, percent-decoded
     * @param authorizationHeader the {@code Authorization} header value, or {@code null} when absent
     * @return accept or reject, with the reason
     */
    public AuthenticationResult authenticate(String urlIdentity, String authorizationHeader) {
        Objects.requireNonNull(urlIdentity, "urlIdentity");
        if (ChargingStationIdentity.problem(urlIdentity).isPresent()) {
            LOG.log(Level.INFO, "Basic authentication rejected: the connection URL has no valid Charging Station identity");
            return AuthenticationResult.rejected(Reason.INVALID_URL_IDENTITY, Optional.empty(), Optional.empty());
        }
        return authenticate(ChargingStationIdentity.of(urlIdentity), Optional.ofNullable(authorizationHeader));
    }

    /**
     * @param urlIdentity the identity from the connection URL
     * @param authorizationHeader the {@code Authorization} header value, if present
     * @return accept or reject, with the reason
     */
    public AuthenticationResult authenticate(ChargingStationIdentity urlIdentity, Optional<String> authorizationHeader) {
        Objects.requireNonNull(urlIdentity, "urlIdentity");
        Objects.requireNonNull(authorizationHeader, "authorizationHeader");
        Optional<ChargingStationIdentity> id = Optional.of(urlIdentity);
        BasicAuthCredentials credentials;
        try {
            credentials = BasicAuthHeader.parse(authorizationHeader.orElse(null), urlIdentity);
        } catch (BasicAuthException e) {
            Reason reason = e.reason() == BasicAuthException.Reason.MISSING ? Reason.MISSING_HEADER
                    : e.reason() == BasicAuthException.Reason.USERNAME_MISMATCH ? Reason.USERNAME_MISMATCH
                    : Reason.MALFORMED_HEADER;
            return reject(reason, id, Optional.of(e.reason()));
        }
        try (credentials) {
            return verify(urlIdentity, credentials.password());
        }
    }

    private AuthenticationResult verify(ChargingStationIdentity identity, BasicAuthPassword password) {
        Optional<ChargingStationIdentity> id = Optional.of(identity);
        Optional<CredentialState> found = store.find(identity);
        if (found.isEmpty() || found.get().currentHash().isEmpty() && found.get().pending().isEmpty()) {
            dummyVerify(password);
            return reject(found.isEmpty() ? Reason.UNKNOWN_STATION : Reason.NO_PASSWORD, id, Optional.empty());
        }
        CredentialState state = found.get();
        try {
            if (state.currentHash().isPresent() && hasher.verify(password, state.currentHash().get())) {
                rehashIfNeeded(state, password);
                return accept(Reason.CURRENT_PASSWORD, identity);
            }
            if (whilePending == WhilePending.ACCEPT_CURRENT_AND_NEW && state.pending().isPresent()
                    && hasher.verify(password, state.pending().get().hash())) {
                String rotationId = state.pending().get().rotationId();
                CredentialState after = PasswordRotation.update(store, identity, s -> s.rotationAccepted(rotationId));
                LOG.log(Level.INFO, "Charging Station {0} logged in with the new password of rotation {1}; "
                        + "the rotation is complete and the old password no longer accepted",
                        identity, rotationId);
                return AuthenticationResult.accepted(Reason.NEW_PASSWORD, identity, bootPolicy.decide(after));
            }
        } catch (MalformedHashException e) {
            LOG.log(Level.ERROR, "The stored password hash of Charging Station {0} is unusable ({1})",
                    identity, e.reason());
            return reject(Reason.STORED_HASH_MALFORMED, id, Optional.empty());
        } catch (UnknownStationException e) {
            return reject(Reason.UNKNOWN_STATION, id, Optional.empty());
        }
        return reject(Reason.WRONG_PASSWORD, id, Optional.empty());
    }

    private AuthenticationResult accept(Reason reason, ChargingStationIdentity identity) {
        CredentialState now = store.find(identity).orElseThrow();
        return AuthenticationResult.accepted(reason, identity, bootPolicy.decide(now));
    }

    private void rehashIfNeeded(CredentialState state, BasicAuthPassword password) throws MalformedHashException {
        String current = state.currentHash().orElseThrow();
        if (hasher.needsRehash(current)) {
            // Best effort: if another update won the race, the next login re-hashes.
            if (store.replace(state, state.withRehashedCurrent(hasher.hash(password)))) {
                LOG.log(Level.DEBUG, "Re-hashed the password of Charging Station {0} with {1}",
                        state.identity(), hasher);
            }
        }
    }

    private void dummyVerify(BasicAuthPassword password) {
        try {
            hasher.verify(password, dummyHash);
        } catch (MalformedHashException e) {
            throw new IllegalStateException("unreachable: the dummy hash is well-formed", e);
        }
    }

    private static AuthenticationResult reject(Reason reason, Optional<ChargingStationIdentity> identity,
                                               Optional<BasicAuthException.Reason> problem) {
        LOG.log(Level.INFO, "Basic authentication rejected for Charging Station {0}: {1}{2}",
                identity.map(ChargingStationIdentity::value).orElse("?"), reason,
                problem.map(p -> " (" + p + ")").orElse(""));
        return AuthenticationResult.rejected(reason, identity, problem);
    }
}
