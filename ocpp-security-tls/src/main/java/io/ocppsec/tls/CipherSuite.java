package io.ocppsec.tls;

import io.ocppsec.core.internal.text.Printable;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The TLS cipher suites OCPP allows. A suite that is not a constant here cannot be configured: only
 * AEAD suites (AES-GCM, ChaCha20-Poly1305) remain, never CBC, RC4, 3DES, NULL, anonymous or export
 * suites, which are unsuitable for legacy use (A00.FR.320, A00.FR.423).
 *
 * <p>The four suites a CSMS SHALL support (A00.FR.318, A00.FR.421) are
 * {@link #TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256}, {@link #TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384},
 * {@link #TLS_RSA_WITH_AES_128_GCM_SHA256} and {@link #TLS_RSA_WITH_AES_256_GCM_SHA384}: note that the
 * specification names the static-RSA suites (no forward secrecy), not ECDHE-RSA. The ECDHE-RSA and
 * ChaCha20 suites are allowed extras that a peer SHOULD prefer (A00.FR.319 note 1).
 *
 * <pre>{@code
 * CipherSuite s = CipherSuite.parse("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
 * CipherSuite.parse("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");   // IllegalArgumentException citing A00.FR.320
 * }</pre>
 */
public enum CipherSuite {
    /** TLS 1.3 AES-128-GCM. */
    TLS_AES_128_GCM_SHA256(TlsVersion.TLS_1_3, KeyExchange.TLS13, false),
    /** TLS 1.3 AES-256-GCM. */
    TLS_AES_256_GCM_SHA384(TlsVersion.TLS_1_3, KeyExchange.TLS13, false),
    /** TLS 1.3 ChaCha20-Poly1305. */
    TLS_CHACHA20_POLY1305_SHA256(TlsVersion.TLS_1_3, KeyExchange.TLS13, false),
    /** Required for the CSMS (A00.FR.318/421); the ECDSA pair of A00.FR.319/422. */
    TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256(TlsVersion.TLS_1_2, KeyExchange.ECDHE_ECDSA, true),
    /** Required for the CSMS (A00.FR.318/421); the ECDSA pair of A00.FR.319/422. */
    TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384(TlsVersion.TLS_1_2, KeyExchange.ECDHE_ECDSA, true),
    /** Allowed extra: forward-secret RSA suite (A00.FR.319 note 1). */
    TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256(TlsVersion.TLS_1_2, KeyExchange.ECDHE_RSA, false),
    /** Allowed extra: forward-secret RSA suite (A00.FR.319 note 1). */
    TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384(TlsVersion.TLS_1_2, KeyExchange.ECDHE_RSA, false),
    /** Allowed extra AEAD suite. */
    TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256(TlsVersion.TLS_1_2, KeyExchange.ECDHE_ECDSA, false),
    /** Allowed extra AEAD suite. */
    TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256(TlsVersion.TLS_1_2, KeyExchange.ECDHE_RSA, false),
    /** Required for the CSMS (A00.FR.318/421); the RSA pair of A00.FR.319/422. No forward secrecy. */
    TLS_RSA_WITH_AES_128_GCM_SHA256(TlsVersion.TLS_1_2, KeyExchange.RSA, true),
    /** Required for the CSMS (A00.FR.318/421); the RSA pair of A00.FR.319/422. No forward secrecy. */
    TLS_RSA_WITH_AES_256_GCM_SHA384(TlsVersion.TLS_1_2, KeyExchange.RSA, true);

    /** How keys are agreed and the server authenticated. */
    public enum KeyExchange {
        /** TLS 1.3: always ephemeral (EC)DHE; the certificate type is negotiated separately. */
        TLS13,
        /** ECDHE with an ECDSA server certificate. */
        ECDHE_ECDSA,
        /** ECDHE with an RSA server certificate. */
        ECDHE_RSA,
        /** Static RSA key transport: no forward secrecy. */
        RSA
    }

    private final TlsVersion version;
    private final KeyExchange keyExchange;
    private final boolean requiredForCsms;

    CipherSuite(TlsVersion version, KeyExchange keyExchange, boolean requiredForCsms) {
        this.version = version;
        this.keyExchange = keyExchange;
        this.requiredForCsms = requiredForCsms;
    }

    /** @return the name JSSE and IANA use, e.g. {@code TLS_AES_128_GCM_SHA256} */
    public String jsseName() {
        return name();
    }

    /** @return the TLS version the suite belongs to (TLS 1.2 suites are not used with TLS 1.3 and vice versa) */
    public TlsVersion version() {
        return version;
    }

    /** @return the key exchange and server authentication of the suite */
    public KeyExchange keyExchange() {
        return keyExchange;
    }

    /** @return whether a CSMS SHALL support this suite (A00.FR.318, A00.FR.421) */
    public boolean isRequiredForCsms() {
        return requiredForCsms;
    }

    /** @return whether the suite gives forward secrecy (all but static RSA) */
    public boolean isForwardSecret() {
        return keyExchange != KeyExchange.RSA;
    }

    /**
     * @param jsseName a suite name such as {@code SSLSession.getCipherSuite()} returns
     * @return the suite, or empty when OCPP does not allow it
     */
    public static Optional<CipherSuite> fromJsseName(String jsseName) {
        Objects.requireNonNull(jsseName, "jsseName");
        for (CipherSuite s : values()) {
            if (s.name().equals(jsseName)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses a suite name, refusing every suite OCPP does not allow.
     *
     * @param jsseName the IANA/JSSE name
     * @return the suite
     * @throws IllegalArgumentException naming A00.FR.320/A00.FR.423 when the suite is not allowed
     */
    public static CipherSuite parse(String jsseName) {
        return fromJsseName(jsseName).orElseThrow(() -> new IllegalArgumentException(
                "Cipher suite " + Printable.quoted(jsseName, 80) + " is not allowed (A00.FR.320, A00.FR.423: "
                        + reason(jsseName) + "); allowed are the AEAD suites of " + CipherSuite.class.getSimpleName()
                        + ", e.g. TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
    }

    private static String reason(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (n.contains("_CBC_") || n.endsWith("_SHA")) {
            return "CBC mode / SHA-1 MAC";
        }
        if (n.contains("RC4") || n.contains("3DES") || n.contains("_DES_") || n.contains("NULL")
                || n.contains("EXPORT") || n.contains("ANON")) {
            return "broken or unauthenticated primitive";
        }
        if (n.contains("_DHE_") || n.contains("_ECDH_")) {
            return "key exchange not used by OCPP";
        }
        return "not an AEAD suite listed by OCPP";
    }

}
