package io.ocppsec.tls.internal;

import io.ocppsec.api.SecurityProfile;

/**
 * The requirement IDs of the TLS rules, which Part 2 repeats for profile 2 (A00.FR.3xx) and profile 3
 * (A00.FR.4xx).
 *
 * @param csmsPath the station verifies the CSMS certification path (308/411)
 * @param csmsName the CSMS common name matches its FQDN (309/412)
 * @param invalidCsmsCertificate InvalidCsmsCertificate is raised (310/413)
 * @param terminate the station terminates the connection (311/414)
 * @param version only TLS 1.2 or above (313/416)
 * @param versionCheck both endpoints check the version (314/417)
 * @param csmsSuites the CSMS supports the four suites (318/421)
 * @param stationSuites the station supports its pair (319/422)
 * @param unsuitableSuites no suite unsuitable for legacy use (320/423)
 * @param compression no compression (321/424)
 */
public record Ids(String csmsPath, String csmsName, String invalidCsmsCertificate, String terminate,
                  String version, String versionCheck, String csmsSuites, String stationSuites,
                  String unsuitableSuites, String compression) {

    /** IDs of security profile 2. */
    public static final Ids PROFILE_2 = new Ids("A00.FR.308", "A00.FR.309", "A00.FR.310", "A00.FR.311",
            "A00.FR.313", "A00.FR.314", "A00.FR.318", "A00.FR.319", "A00.FR.320", "A00.FR.321");
    /** IDs of security profile 3. */
    public static final Ids PROFILE_3 = new Ids("A00.FR.411", "A00.FR.412", "A00.FR.413", "A00.FR.414",
            "A00.FR.416", "A00.FR.417", "A00.FR.421", "A00.FR.422", "A00.FR.423", "A00.FR.424");

    /**
     * @param profile a TLS profile
     * @return its IDs
     * @throws IllegalArgumentException for profile 1, which has no TLS
     */
    public static Ids of(SecurityProfile profile) {
        switch (profile) {
            case TLS_BASIC_AUTH:
                return PROFILE_2;
            case TLS_CLIENT_CERTIFICATE:
                return PROFILE_3;
            default:
                throw new IllegalArgumentException("Security profile " + profile.ocppValue()
                        + " does not use TLS; TLS contexts exist for profiles 2 and 3 only (A00.FR.312, A00.FR.415)");
        }
    }
}
