package io.ocppsec.core.store;

import java.security.PrivateKey;
import java.util.Optional;

/**
 * A software private key held in memory. Deliberately not {@link java.io.Serializable}; equality is
 * identity; {@link #toString()} never shows the key.
 */
final class InMemoryKeyHandle implements KeyHandle {

    private final String alias;
    private final PrivateKey key;

    InMemoryKeyHandle(String alias, PrivateKey key) {
        this.alias = alias;
        this.key = key;
    }

    @Override
    public String alias() {
        return alias;
    }

    @Override
    public Optional<PrivateKey> privateKey() {
        return Optional.of(key);
    }

    @Override
    public String toString() {
        return "KeyHandle[alias=" + alias + ", in-memory " + key.getAlgorithm() + " key, redacted]";
    }
}
