package io.ocppsec.tls.internal;

import io.ocppsec.api.SecurityProfile;
import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.tls.CipherSuite;
import io.ocppsec.tls.TlsFailure;
import io.ocppsec.tls.TlsPolicy;
import io.ocppsec.tls.TlsVersion;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * Checks the TLS version and cipher suite a handshake negotiated: both endpoints SHALL check the
 * version (A00.FR.314/417) and SHALL NOT use unsuitable suites (A00.FR.320/423). The contexts of this
 * module cannot negotiate anything else, so this is a second, independent line of defence, and the one
 * to use when the TLS is set up by someone else (e.g. a container that was handed our SSLContext).
 *
 * <p>Compression (A00.FR.321/424) cannot be seen on an {@code SSLSession}: JSSE never implements TLS
 * compression (it always offers and accepts only the null method), which the external audit script
 * confirms.
 *
 * <p>Users reach it through {@code CsmsTlsContext.verifySession} and {@code StationTlsContext.verifySession}
 * (and {@code StationTlsContext.checkSession}, which also reports the failure).
 */
public final class TlsSessionCheck {

    private TlsSessionCheck() {
    }

    /**
     * Checks against what OCPP allows at all, citing the profile 2 IDs.
     *
     * @param session an established session
     * @return violations of A00.FR.313 (version) and A00.FR.320 (suite)
     */
    public static ValidationResult verify(SSLSession session) {
        return verify(session, SecurityProfile.TLS_BASIC_AUTH, Optional.empty());
    }

    /**
     * Checks against what OCPP allows and what the policy offers, citing the IDs of the profile.
     *
     * @param session an established session
     * @param profile security profile 2 or 3
     * @param policy the policy the endpoint was configured with
     * @return every violation found
     */
    public static ValidationResult verify(SSLSession session, SecurityProfile profile, TlsPolicy policy) {
        return verify(session, profile, Optional.of(Objects.requireNonNull(policy, "policy")));
    }

    private static ValidationResult verify(SSLSession session, SecurityProfile profile, Optional<TlsPolicy> policy) {
        return verify(session, Ids.of(Objects.requireNonNull(profile, "profile")), policy);
    }

    /** The check with the IDs of a profile, for the trust managers (which see the handshake session). */
    static ValidationResult verify(SSLSession session, Ids ids, Optional<TlsPolicy> policy) {
        Objects.requireNonNull(session, "session");
        ValidationResult.Builder r = ValidationResult.builder();
        String protocol = String.valueOf(session.getProtocol());
        Optional<TlsVersion> version = TlsVersion.fromJsseName(protocol);
        if (version.isEmpty()) {
            r.add(ids.version(), RequirementLevel.SHALL, "negotiated " + clip(protocol), "TLSv1.2 or TLSv1.3");
        } else if (policy.isPresent() && !policy.get().allows(version.get())) {
            r.add(ids.version(), RequirementLevel.SHALL, "negotiated " + protocol + ", which the policy does not offer",
                    "one of " + policy.get().versions());
        }
        String suiteName = String.valueOf(session.getCipherSuite());
        Optional<CipherSuite> suite = CipherSuite.fromJsseName(suiteName);
        if (suite.isEmpty()) {
            r.add(ids.unsuitableSuites(), RequirementLevel.SHALL_NOT, "negotiated " + clip(suiteName),
                    "an AEAD suite OCPP allows (see CipherSuite)");
        } else if (policy.isPresent() && !policy.get().allows(suite.get())) {
            r.add(ids.unsuitableSuites(), RequirementLevel.SHALL_NOT,
                    "negotiated " + suiteName + ", which the policy does not offer", "one of the policy's suites");
        } else if (version.isPresent() && suite.get().version() != version.get()) {
            r.add(ids.unsuitableSuites(), RequirementLevel.SHALL_NOT,
                    "suite " + suiteName + " with " + protocol, "a suite of the negotiated version");
        }
        return r.build();
    }

    /**
     * @param result a result of {@code verify}
     * @return the failure kind it amounts to: TLS_VERSION when the version is wrong, CIPHER_SUITE when the
     *     suite is; empty when compliant
     */
    public static Optional<TlsFailure.Kind> kindOf(ValidationResult result) {
        if (result.isCompliant()) {
            return Optional.empty();
        }
        boolean version = result.blocking().stream().anyMatch(v -> v.requirement().value().equals("A00.FR.313")
                || v.requirement().value().equals("A00.FR.416"));
        return Optional.of(version ? TlsFailure.Kind.TLS_VERSION : TlsFailure.Kind.CIPHER_SUITE);
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
