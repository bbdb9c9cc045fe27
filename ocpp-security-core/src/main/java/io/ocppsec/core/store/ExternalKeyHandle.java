package io.ocppsec.core.store;

import java.util.Optional;

/** An opaque alias of a key kept outside this library (HSM, TPM, the caller's key store). */
final class ExternalKeyHandle implements KeyHandle {

    private final String alias;

    ExternalKeyHandle(String alias) {
        this.alias = alias;
    }

    @Override
    public String alias() {
        return alias;
    }

    @Override
    public Optional<java.security.PrivateKey> privateKey() {
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExternalKeyHandle && ((ExternalKeyHandle) o).alias.equals(alias);
    }

    @Override
    public int hashCode() {
        return alias.hashCode();
    }

    @Override
    public String toString() {
        return "KeyHandle[alias=" + alias + ", external]";
    }
}
