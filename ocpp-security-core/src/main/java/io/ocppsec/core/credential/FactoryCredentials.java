package io.ocppsec.core.credential;

import io.ocppsec.core.auth.ChargingStationIdentity;
import io.ocppsec.core.csr.CsrBuilder;
import io.ocppsec.core.csr.CsrException;
import io.ocppsec.core.csr.GeneratedCsr;
import io.ocppsec.core.password.BasicAuthPassword;
import io.ocppsec.core.password.PasswordGenerator;
import io.ocppsec.core.password.PasswordHasher;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Unique per-station credentials made at manufacturing (A00.FR.801) with a CSPRNG (A00.FR.802).
 *
 * <ul>
 *   <li>{@link #password} generates a Basic-auth password for the station and, separately, its salted
 *       hash: only the hash needs to travel to the CSO for import into the CSMS (A00.FR.803), so the clear
 *       text exists only on the production line and in the station.</li>
 *   <li>{@link #certificateRequest} generates a key pair and a CSR on the station (the key never leaves
 *       it); the manufacturer may sign it with its own CA (A00.FR.804) — that CA is not part of this class.</li>
 * </ul>
 * After installation the CSO replaces them (A00.FR.805, via {@link PasswordRotation} or A02) and may hold
 * the station in Pending until then (A00.FR.806, {@link CredentialBootPolicy}). Installing in a secure
 * environment and the secure channel to the CSO are organisational (the integrator's part).
 */
public final class FactoryCredentials {

    private FactoryCredentials() {
    }

    /**
     * @param identity the station's identity
     * @param generator the CSPRNG-backed generator
     * @param hasher the hasher for the CSMS import
     * @return the station's password and the CSMS's hash
     */
    public static FactoryPassword password(ChargingStationIdentity identity, PasswordGenerator generator,
                                           PasswordHasher hasher) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(hasher, "hasher");
        BasicAuthPassword pw = Objects.requireNonNull(generator, "generator").generate();
        return new FactoryPassword(identity, pw, hasher.hash(pw));
    }

    /**
     * @param organizationName the O RDN (the manufacturer's or the CSO's name, as agreed)
     * @param serialNumber the station's serial number, the CN RDN
     * @param random the CSPRNG for the key pair
     * @return a new EC P-256 key pair and its CSR
     * @throws CsrException when generation fails
     */
    public static GeneratedCsr certificateRequest(String organizationName, String serialNumber, SecureRandom random)
            throws CsrException {
        return CsrBuilder.forChargingStation(organizationName, serialNumber).random(random).generate();
    }

    /**
     * A factory password: the clear text for the station, the hash for the CSMS. Holds a secret:
     * {@link #toString()} omits it and {@link #close()} wipes it.
     */
    public static final class FactoryPassword implements AutoCloseable {
        private final ChargingStationIdentity identity;
        private final BasicAuthPassword password;
        private final String csmsHash;

        FactoryPassword(ChargingStationIdentity identity, BasicAuthPassword password, String csmsHash) {
            this.identity = identity;
            this.password = password;
            this.csmsHash = csmsHash;
        }

        /** @return the station */
        public ChargingStationIdentity identity() {
            return identity;
        }

        /** @return the password to install on the station (its BasicAuthPassword) */
        public BasicAuthPassword password() {
            return password;
        }

        /** @return the salted hash to send to the CSO for the CSMS (A00.FR.803, A01.FR.08) */
        public String csmsHash() {
            return csmsHash;
        }

        /** @return the CSMS state to import: the hash, marked as factory credentials */
        public CredentialState csmsImport() {
            return CredentialState.withFactoryPassword(identity, csmsHash);
        }

        /** Wipes the password. */
        @Override
        public void close() {
            password.wipe();
        }

        @Override
        public String toString() {
            return "FactoryPassword{identity=" + identity + ", password=[redacted]}";
        }
    }
}
