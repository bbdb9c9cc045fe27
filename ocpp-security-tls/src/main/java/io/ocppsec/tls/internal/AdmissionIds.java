package io.ocppsec.tls.internal;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.core.credential.AuthenticationResult;

/**
 * The requirement IDs of the CSMS admission rules, which Part 2 states once per profile: Basic
 * authentication for profile 1 (A00.FR.202–204) and 2 (A00.FR.301–303), TLS for 2 (A00.FR.312) and 3
 * (A00.FR.415).
 *
 * @param identity the URL identity a station's credentials are bound to (204/303/405)
 * @param tls the channel is secured with TLS (312/415; profile 1: none)
 * @param basicAuth the station authenticates with HTTP Basic (202/301; profile 3: none)
 * @param credentialsSent a username and password with every connection (203/302)
 * @param username the username equals the identity (204/303)
 */
public record AdmissionIds(String identity, String tls, String basicAuth, String credentialsSent, String username) {

    private static final AdmissionIds P1 = new AdmissionIds("A00.FR.204", "", "A00.FR.202", "A00.FR.203",
            "A00.FR.204");
    private static final AdmissionIds P2 = new AdmissionIds("A00.FR.303", "A00.FR.312", "A00.FR.301", "A00.FR.302",
            "A00.FR.303");
    private static final AdmissionIds P3 = new AdmissionIds("A00.FR.405", "A00.FR.415", "", "", "");

    /**
     * @param profile a profile
     * @return its IDs
     */
    public static AdmissionIds of(SecurityProfile profile) {
        switch (profile) {
            case UNSECURED_TRANSPORT_BASIC_AUTH:
                return P1;
            case TLS_BASIC_AUTH:
                return P2;
            default:
                return P3;
        }
    }

    /**
     * @param reason why Basic authentication failed
     * @return the requirement it breaks
     */
    public String basicAuth(AuthenticationResult.Reason reason) {
        switch (reason) {
            case MISSING_HEADER:
                return credentialsSent;
            case USERNAME_MISMATCH:
            case INVALID_URL_IDENTITY:
                return username;
            default:
                return basicAuth;
        }
    }
}
