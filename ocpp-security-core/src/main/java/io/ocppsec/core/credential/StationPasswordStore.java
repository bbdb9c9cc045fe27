package io.ocppsec.core.credential;

import io.ocppsec.core.password.BasicAuthPassword;
import java.io.IOException;

/**
 * Where a Charging Station keeps its BasicAuthPassword (A01.FR.01). The station needs the clear text to
 * authenticate, so it is stored as such; A01.FR.10 asks for extra care (an encrypted partition, a secure
 * element, file permissions) — that is the implementation's job.
 */
@FunctionalInterface
public interface StationPasswordStore {

    /**
     * Persists the new password durably before returning, so that a power loss after the Accepted response
     * does not bring back the old one.
     *
     * @param password the new password; the caller wipes it after this call returns
     * @throws IOException when it could not be stored; the message must not contain the password
     */
    void store(BasicAuthPassword password) throws IOException;
}
