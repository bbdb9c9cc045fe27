package io.ocppsec.tls;

import java.util.Objects;
import java.util.Optional;

/**
 * The TLS versions OCPP allows: 1.2 and 1.3 (A00.FR.313, A00.FR.416). Older versions cannot be
 * expressed with this type, so they cannot be configured by accident.
 */
public enum TlsVersion {
    /** TLS 1.2 (RFC 5246). */
    TLS_1_2("TLSv1.2"),
    /** TLS 1.3 (RFC 8446). */
    TLS_1_3("TLSv1.3");

    private final String jsseName;

    TlsVersion(String jsseName) {
        this.jsseName = jsseName;
    }

    /** @return the protocol name JSSE uses, e.g. {@code TLSv1.2} */
    public String jsseName() {
        return jsseName;
    }

    /**
     * @param jsseName a JSSE protocol name such as {@code SSLSession.getProtocol()} returns
     * @return the version, or empty when it is not one OCPP allows (e.g. {@code TLSv1.1})
     */
    public static Optional<TlsVersion> fromJsseName(String jsseName) {
        Objects.requireNonNull(jsseName, "jsseName");
        for (TlsVersion v : values()) {
            if (v.jsseName.equals(jsseName)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
