package io.ocppsec.tls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable TLS policy: the versions and cipher suites (in preference order) an endpoint offers.
 * Only OCPP-allowed values can be expressed ({@link TlsVersion}, {@link CipherSuite}); the presets are
 * built with the same public builder users get.
 *
 * <pre>{@code
 * TlsPolicy p = TlsPolicy.builder()
 *         .versions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2)
 *         .cipherSuites("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")
 *         .build();
 * }</pre>
 *
 * <p>Enforces A00.FR.313/416 (TLS 1.2 or above only) and A00.FR.320/423 (no unsuitable suites) by
 * construction; {@link #missingCsmsSuites()} reports A00.FR.318/421.
 */
public final class TlsPolicy {

    private static final List<CipherSuite> TLS13_SUITES = List.of(CipherSuite.TLS_AES_256_GCM_SHA384,
            CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_CHACHA20_POLY1305_SHA256);

    /**
     * CSMS default: TLS 1.3 and 1.2; the four suites A00.FR.318/421 require plus the forward-secret
     * ECDHE-RSA and ChaCha20 suites, forward-secret suites first (the server's order wins).
     */
    public static final TlsPolicy CSMS_DEFAULT = builder()
            .versions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2)
            .cipherSuites(TLS13_SUITES)
            .cipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
                    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                    CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
                    CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                    CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
                    CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
                    CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
                    CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256)
            .build();

    /** Charging Station with an ECDSA certificate hierarchy: TLS 1.3 and the ECDHE-ECDSA pair (A00.FR.319/422). */
    public static final TlsPolicy STATION_ECDSA = builder()
            .versions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2)
            .cipherSuites(TLS13_SUITES)
            .cipherSuites(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
                    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)
            .build();

    /**
     * Charging Station with an RSA certificate hierarchy: TLS 1.3, the forward-secret ECDHE-RSA pair
     * (RECOMMENDED by A00.FR.319 note 1) and the TLS_RSA pair A00.FR.319/422 name.
     */
    public static final TlsPolicy STATION_RSA = builder()
            .versions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2)
            .cipherSuites(TLS13_SUITES)
            .cipherSuites(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
                    CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                    CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
                    CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256)
            .build();

    private final List<TlsVersion> versions;
    private final List<CipherSuite> cipherSuites;

    private TlsPolicy(List<TlsVersion> versions, List<CipherSuite> cipherSuites) {
        this.versions = List.copyOf(versions);
        this.cipherSuites = List.copyOf(cipherSuites);
    }

    /** @return a new builder without versions or suites */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this policy's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.versions.addAll(versions);
        b.suites.addAll(cipherSuites);
        return b;
    }

    /** @return the versions, highest first */
    public List<TlsVersion> versions() {
        return versions;
    }

    /** @return the suites in preference order */
    public List<CipherSuite> cipherSuites() {
        return cipherSuites;
    }

    /** @return the protocol names for {@code SSLParameters.setProtocols} */
    public String[] jsseProtocols() {
        return versions.stream().map(TlsVersion::jsseName).toArray(String[]::new);
    }

    /** @return the suite names for {@code SSLParameters.setCipherSuites}, in preference order */
    public String[] jsseCipherSuites() {
        return cipherSuites.stream().map(CipherSuite::jsseName).toArray(String[]::new);
    }

    /**
     * @param version a version
     * @return whether this policy offers it
     */
    public boolean allows(TlsVersion version) {
        return versions.contains(Objects.requireNonNull(version, "version"));
    }

    /**
     * @param suite a suite
     * @return whether this policy offers it
     */
    public boolean allows(CipherSuite suite) {
        return cipherSuites.contains(Objects.requireNonNull(suite, "suite"));
    }

    /** @return the suites a CSMS SHALL support (A00.FR.318/421) that this policy lacks; empty when complete */
    public Set<CipherSuite> missingCsmsSuites() {
        Set<CipherSuite> missing = EnumSet.noneOf(CipherSuite.class);
        for (CipherSuite s : CipherSuite.values()) {
            if (s.isRequiredForCsms() && (!cipherSuites.contains(s) || !versions.contains(TlsVersion.TLS_1_2))) {
                missing.add(s);
            }
        }
        return missing;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlsPolicy && ((TlsPolicy) o).versions.equals(versions)
                && ((TlsPolicy) o).cipherSuites.equals(cipherSuites);
    }

    @Override
    public int hashCode() {
        return versions.hashCode() * 31 + cipherSuites.hashCode();
    }

    @Override
    public String toString() {
        return "TlsPolicy{versions=" + versions + ", cipherSuites=" + cipherSuites + "}";
    }

    /** Collects versions and suites; every setter validates at once. Not thread-safe. */
    public static final class Builder {
        private final Set<TlsVersion> versions = new LinkedHashSet<>();
        private final Set<CipherSuite> suites = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * Replaces the versions.
         *
         * @param versions the versions to offer, in any order (highest is used first)
         * @return this builder
         */
        public Builder versions(TlsVersion... versions) {
            this.versions.clear();
            for (TlsVersion v : versions) {
                this.versions.add(Objects.requireNonNull(v, "version"));
            }
            return this;
        }

        /**
         * Replaces the versions with JSSE protocol names.
         *
         * @param jsseNames e.g. {@code TLSv1.3}
         * @return this builder
         * @throws IllegalArgumentException citing A00.FR.313/416 for any version below TLS 1.2
         */
        public Builder versions(String... jsseNames) {
            List<TlsVersion> parsed = new ArrayList<>();
            for (String n : jsseNames) {
                Objects.requireNonNull(n, "version");
                parsed.add(TlsVersion.fromJsseName(n).orElseThrow(() -> new IllegalArgumentException(
                        "TLS version '" + (n.length() > 20 ? n.substring(0, 20) : n)
                                + "' is not allowed (A00.FR.313, A00.FR.416: only TLS v1.2 or above); use TLSv1.2 or TLSv1.3")));
            }
            return versions(parsed.toArray(new TlsVersion[0]));
        }

        /**
         * Appends suites (duplicates are ignored).
         *
         * @param suites suites in preference order
         * @return this builder
         */
        public Builder cipherSuites(CipherSuite... suites) {
            return cipherSuites(Arrays.asList(suites));
        }

        /**
         * Appends suites (duplicates are ignored).
         *
         * @param suites suites in preference order
         * @return this builder
         */
        public Builder cipherSuites(List<CipherSuite> suites) {
            for (CipherSuite s : suites) {
                this.suites.add(Objects.requireNonNull(s, "suite"));
            }
            return this;
        }

        /**
         * Appends suites by JSSE name.
         *
         * @param jsseNames suite names in preference order
         * @return this builder
         * @throws IllegalArgumentException citing A00.FR.320/423 for a suite OCPP does not allow
         */
        public Builder cipherSuites(String... jsseNames) {
            List<CipherSuite> parsed = new ArrayList<>();
            for (String n : jsseNames) {
                parsed.add(CipherSuite.parse(Objects.requireNonNull(n, "suite")));
            }
            return cipherSuites(parsed);
        }

        /** @return this builder without any suite */
        public Builder clearCipherSuites() {
            suites.clear();
            return this;
        }

        /**
         * @return the policy; versions are ordered highest first
         * @throws IllegalStateException when no version is set, or a version has no suite to use
         */
        public TlsPolicy build() {
            if (versions.isEmpty()) {
                throw new IllegalStateException("A TLS policy needs at least one version (TLSv1.2 or TLSv1.3)");
            }
            for (TlsVersion v : versions) {
                if (suites.stream().noneMatch(s -> s.version() == v)) {
                    throw new IllegalStateException("The policy offers " + v.jsseName()
                            + " but no cipher suite for it; add e.g. "
                            + (v == TlsVersion.TLS_1_3 ? "TLS_AES_128_GCM_SHA256"
                                    : "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
                }
            }
            List<CipherSuite> usable = new ArrayList<>();
            for (CipherSuite s : suites) {
                if (versions.contains(s.version())) {
                    usable.add(s);
                }
            }
            List<TlsVersion> ordered = new ArrayList<>(versions);
            ordered.sort((a, b) -> b.compareTo(a));
            return new TlsPolicy(ordered, usable);
        }
    }
}
