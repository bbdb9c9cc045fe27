package io.ocppsec.core.profile;

/**
 * No security profile is configured yet, so no connection may carry OCPP traffic (A00.FR.004).
 */
public class ProfileNotConfiguredException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param what which side or endpoint lacks a profile
     */
    public ProfileNotConfiguredException(String what) {
        super("A00.FR.004: no security profile is configured for " + what
                + "; configure one before any OCPP communication");
    }
}
