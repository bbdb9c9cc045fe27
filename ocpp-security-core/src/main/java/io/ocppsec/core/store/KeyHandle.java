package io.ocppsec.core.store;

import java.security.PrivateKey;
import java.util.Objects;
import java.util.Optional;

/**
 * A reference to the private key that belongs to a station client certificate.
 *
 * <p>Two kinds exist out of the box: {@link #inMemory(String, PrivateKey)} holds a software key (it never
 * prints or serialises it), and {@link #external(String)} is an opaque alias of a key that stays in an
 * HSM, TPM or the caller's own key store (A02.FR.05 / A03.FR.05: the private key never leaves the
 * station). Integrators may implement this interface for their own key containers; the
 * {@link #alias()} is what the certificate store persists.
 *
 * <pre>{@code
 * KeyHandle k = KeyHandle.external("pkcs11:slot-0/cs-key-2026");   // key stays in the HSM
 * KeyHandle s = KeyHandle.inMemory("cs-key-2026", keyPair.getPrivate());
 * }</pre>
 */
public interface KeyHandle {

    /** Longest alias accepted. */
    int MAX_ALIAS_LENGTH = 256;

    /** @return a non-secret name of the key, unique within one store */
    String alias();

    /** @return the software private key when this handle holds one; empty for HSM/external keys */
    Optional<PrivateKey> privateKey();

    /**
     * @param alias a non-secret name of the key
     * @param key the private key (kept in memory; never printed or serialised by this handle)
     * @return a handle holding the key
     * @throws IllegalArgumentException when the alias is blank, too long or has control characters
     */
    static KeyHandle inMemory(String alias, PrivateKey key) {
        return new InMemoryKeyHandle(checkAlias(alias), Objects.requireNonNull(key, "key"));
    }

    /**
     * @param alias the name under which the HSM / key store knows the key
     * @return a handle that only names the key
     * @throws IllegalArgumentException when the alias is blank, too long or has control characters
     */
    static KeyHandle external(String alias) {
        return new ExternalKeyHandle(checkAlias(alias));
    }

    /**
     * @param alias an alias
     * @return the alias
     * @throws IllegalArgumentException when it is blank, longer than {@link #MAX_ALIAS_LENGTH} or has
     *     control characters
     */
    static String checkAlias(String alias) {
        Objects.requireNonNull(alias, "alias");
        if (alias.isBlank() || alias.length() > MAX_ALIAS_LENGTH
                || alias.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A key alias must be 1.." + MAX_ALIAS_LENGTH
                    + " characters without control characters");
        }
        return alias;
    }
}
