package io.ocppsec.core.revocation;

import io.ocppsec.api.spi.RevocationSource;
import io.ocppsec.api.spi.RevocationStatus;
import io.ocppsec.core.revocation.internal.OcspRequests;
import io.ocppsec.core.revocation.internal.OcspResponses;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.ocsp.CertificateID;

/**
 * An OCSP client (RFC 6960) that asks the certificate authority's responder whether a Charging
 * Station certificate is revoked: the CSMS's online certificate verification of A00.FR.702 and the check
 * with the certificate authority server of A00.FR.705.
 *
 * <pre>{@code
 * RevocationSource ocsp = OcspRevocationSource.builder()
 *         .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(4))
 *         .build();
 * RevocationSource cached = CachingRevocationSource.builder(ocsp).build();
 * RevocationStatus s = cached.check(stationCert, subCaCert, Instant.now());
 * }</pre>
 *
 * <p>What is checked in the response: status {@code successful}; the signature, by the issuer itself or
 * by a responder certificate that the issuer signed and that carries id-kp-OCSPSigning; a signature
 * algorithm A00.FR.504 allows; the CertID; the nonce when the response echoes it (or always, with
 * {@link Builder#requireNonce(boolean)}); {@code thisUpdate} not in the future and {@code nextUpdate} not
 * in the past (with {@link Builder#maxClockSkew(Duration)}), and without {@code nextUpdate} a
 * {@code thisUpdate} not older than {@link Builder#maxAgeWithoutNextUpdate(Duration)}.
 *
 * <p>Anything else — no responder URL, network error, timeout, HTTP error, an answer over the size
 * limit, a malformed or wrongly signed answer — is {@link RevocationStatus.State#UNKNOWN} with a detail;
 * {@link #check} never throws for those and never waits longer than the transport's timeouts.
 * Thread-safe.
 */
public final class OcspRevocationSource implements RevocationSource {

    /** Default limit on the size of a response (64 KiB). */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;

    private static final System.Logger LOG = System.getLogger(OcspRevocationSource.class.getName());
    private static final int NONCE_BYTES = 16;

    /** The hash algorithm of the CertID in the request; an identifier, not a signature. */
    public enum CertIdHash {
        /** SHA-1: what every responder understands (RFC 5019); not a signature use, so A00.FR.504 does not apply. */
        SHA1(CertificateID.HASH_SHA1),
        /** SHA-256: for responders that accept it. */
        SHA256(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));

        private final AlgorithmIdentifier algorithm;

        CertIdHash(AlgorithmIdentifier algorithm) {
            this.algorithm = algorithm;
        }
    }

    private final Optional<URI> responderOverride;
    private final OcspTransport transport;
    private final CertIdHash certIdHash;
    private final boolean sendNonce;
    private final SecureRandom random;
    private final int maxResponseBytes;
    private final OcspResponses.Policy policy;
    private final boolean caCertificates;

    private OcspRevocationSource(Builder b) {
        this.responderOverride = b.responderOverride;
        this.transport = b.transport != null ? b.transport : OcspTransport.httpClient(b.connectTimeout, b.totalTimeout);
        this.certIdHash = b.certIdHash;
        this.sendNonce = b.sendNonce;
        this.random = b.random;
        this.maxResponseBytes = b.maxResponseBytes;
        this.policy = new OcspResponses.Policy(b.maxClockSkew, b.maxAgeWithoutNextUpdate, b.requireNonce);
        this.caCertificates = b.caCertificates;
    }

    /** @return a builder with safe defaults: AIA responder, SHA-1 CertID, nonce sent, 64 KiB limit */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public RevocationStatus check(X509Certificate certificate, X509Certificate issuer, Instant at) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(at, "at");
        RevocationStatus status;
        try {
            status = ask(certificate, issuer, at);
        } catch (RuntimeException e) {
            // Last line of defence: a malformed certificate or a faulty custom transport must not break a handshake.
            status = RevocationStatus.unknown("OCSP check failed: " + e.getClass().getSimpleName());
        }
        if (status.state() == RevocationStatus.State.UNKNOWN) {
            LOG.log(System.Logger.Level.DEBUG, "OCSP status of serial {0} unknown: {1}",
                    certificate.getSerialNumber().toString(16), status.detail());
        }
        return status;
    }

    /**
     * A CA certificate of a path is asked about when its AIA extension names an OCSP responder (the responder of the
     * CA above it; {@link Builder#responderUrl(URI)} is for end-entity certificates only), unless
     * {@link Builder#caCertificates(boolean) caCertificates(false)}.
     */
    @Override
    public boolean answersFor(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        if (!caCertificates) {
            return false;
        }
        try {
            return !OcspRequests.responderUrls(certificate).isEmpty();
        } catch (RuntimeException e) {
            return true; // an unreadable AIA: ask, and let check() answer UNKNOWN under the caller's policy
        }
    }

    private RevocationStatus ask(X509Certificate certificate, X509Certificate issuer, Instant at) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return RevocationStatus.unknown("the given issuer is not the certificate's issuer");
        }
        // The override stands in for the station certificates' responder; a CA certificate is asked where it says.
        Optional<URI> aia = OcspRequests.responderUrls(certificate).stream().findFirst();
        Optional<URI> responder = certificate.getBasicConstraints() >= 0 ? aia : responderOverride.or(() -> aia);
        if (responder.isEmpty()) {
            return RevocationStatus.unknown(certificate.getBasicConstraints() >= 0
                    ? "no OCSP responder: the CA certificate has no AIA OCSP URL"
                    : "no OCSP responder: the certificate has no AIA OCSP URL and none is configured");
        }
        OcspRequests.Built request;
        try {
            request = OcspRequests.build(certificate, issuer, certIdHash.algorithm, nonce());
        } catch (IOException e) {
            return RevocationStatus.unknown(e.getMessage());
        }
        String where = OcspRequests.describe(responder.get());
        byte[] answer;
        try {
            answer = transport.post(responder.get(), request.der(), maxResponseBytes);
        } catch (IOException e) {
            return RevocationStatus.unknown("OCSP responder " + where + " unreachable: " + describe(e));
        }
        if (answer == null || answer.length == 0) {
            return RevocationStatus.unknown("OCSP responder " + where + " sent an empty answer");
        }
        if (answer.length > maxResponseBytes) {
            return RevocationStatus.unknown("OCSP responder " + where + " sent " + answer.length
                    + " bytes, over the limit of " + maxResponseBytes);
        }
        return OcspResponses.verify(answer, request, issuer, at, policy);
    }

    private Optional<byte[]> nonce() {
        if (!sendNonce) {
            return Optional.empty();
        }
        byte[] n = new byte[NONCE_BYTES];
        random.nextBytes(n);
        return Optional.of(n);
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        String s = e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " (" + m + ")");
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    @Override
    public String toString() {
        return "OcspRevocationSource{responder=" + responderOverride.map(OcspRequests::describe).orElse("AIA")
                + ", certIdHash=" + certIdHash + ", nonce=" + sendNonce + ", maxResponseBytes=" + maxResponseBytes
                + (caCertificates ? "" : ", leaf certificates only") + "}";
    }

    /** Configures an {@link OcspRevocationSource}; each setter validates at once. Not thread-safe. */
    public static final class Builder {
        private Optional<URI> responderOverride = Optional.empty();
        private OcspTransport transport;
        private Duration connectTimeout = Duration.ofSeconds(3);
        private Duration totalTimeout = Duration.ofSeconds(5);
        private CertIdHash certIdHash = CertIdHash.SHA1;
        private boolean sendNonce = true;
        private boolean requireNonce;
        private SecureRandom random = new SecureRandom();
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private Duration maxClockSkew = Duration.ofMinutes(5);
        private Duration maxAgeWithoutNextUpdate = Duration.ofHours(1);
        private boolean caCertificates = true;

        private Builder() {
        }

        /**
         * Whether the sub-CA certificates of a path are asked about too (default true, when their AIA extension
         * names an OCSP responder). Turn it off only for a responder that serves end-entity
         * certificates alone and a PKI that withdraws a compromised sub-CA by replacing the trust anchors: a
         * revoked sub-CA is then not detected.
         *
         * @param ask whether to ask about CA certificates
         * @return this builder
         */
        public Builder caCertificates(boolean ask) {
            this.caCertificates = ask;
            return this;
        }

        /**
         * Asks this responder about end-entity (Charging Station) certificates instead of the URL in their AIA
         * extension. A CA certificate of the path is still asked at the responder its own AIA names, if any (a
         * station certificates' responder usually answers for one issuing CA only).
         *
         * @param url an http or https URL
         * @return this builder
         * @throws IllegalArgumentException for another scheme or a URL without host
         */
        public Builder responderUrl(URI url) {
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!List.of("http", "https").contains(scheme) || url.getHost() == null) {
                throw new IllegalArgumentException("The OCSP responder URL must be http(s)://host[:port]/path, was "
                        + OcspRequests.describe(url));
            }
            this.responderOverride = Optional.of(url);
            return this;
        }

        /**
         * @param transport how requests reach the responder; replaces the default HTTP client (and makes
         *     {@link #timeouts(Duration, Duration)} meaningless: the transport bounds its own time)
         * @return this builder
         */
        public Builder transport(OcspTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * @param connect the longest wait for a connection (default 3 s)
         * @param total the longest wait for a whole exchange (default 5 s)
         * @return this builder
         * @throws IllegalArgumentException for a zero or negative duration, or connect longer than total
         */
        public Builder timeouts(Duration connect, Duration total) {
            requirePositive(connect, "connect");
            requirePositive(total, "total");
            if (connect.compareTo(total) > 0) {
                throw new IllegalArgumentException("The connect timeout must not exceed the total timeout");
            }
            this.connectTimeout = connect;
            this.totalTimeout = total;
            return this;
        }

        /**
         * @param hash the CertID hash (default SHA-1, which every responder understands)
         * @return this builder
         */
        public Builder certIdHash(CertIdHash hash) {
            this.certIdHash = Objects.requireNonNull(hash, "hash");
            return this;
        }

        /**
         * @param send whether to send a nonce extension (default true); an echoed nonce is always verified
         * @return this builder
         */
        public Builder sendNonce(boolean send) {
            this.sendNonce = send;
            return this;
        }

        /**
         * @param require whether a response must echo the nonce (default false: many responders serve
         *     pre-produced responses without one); needs {@link #sendNonce(boolean)} true
         * @return this builder
         */
        public Builder requireNonce(boolean require) {
            this.requireNonce = require;
            return this;
        }

        /**
         * @param random the source of nonces
         * @return this builder
         */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * @param bytes the largest response accepted, checked before parsing (default 64 KiB, at most 1 MiB)
         * @return this builder
         * @throws IllegalArgumentException outside 1 KiB to 1 MiB
         */
        public Builder maxResponseBytes(int bytes) {
            if (bytes < 1024 || bytes > 1024 * 1024) {
                throw new IllegalArgumentException("maxResponseBytes must be between 1024 and 1048576, was " + bytes);
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /**
         * @param skew tolerance between the responder's clock and the {@code at} instant (default 5 min)
         * @return this builder
         * @throws IllegalArgumentException when negative or over one hour
         */
        public Builder maxClockSkew(Duration skew) {
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative() || skew.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("maxClockSkew must be between 0 and 1 hour, was " + skew);
            }
            this.maxClockSkew = skew;
            return this;
        }

        /**
         * @param maxAge the oldest {@code thisUpdate} accepted when a response has no {@code nextUpdate}
         *     (default 1 hour)
         * @return this builder
         * @throws IllegalArgumentException for a zero or negative duration
         */
        public Builder maxAgeWithoutNextUpdate(Duration maxAge) {
            requirePositive(maxAge, "maxAge");
            this.maxAgeWithoutNextUpdate = maxAge;
            return this;
        }

        /**
         * @return the source
         * @throws IllegalStateException when a nonce is required but not sent
         */
        public OcspRevocationSource build() {
            if (requireNonce && !sendNonce) {
                throw new IllegalStateException("requireNonce(true) needs sendNonce(true)");
            }
            return new OcspRevocationSource(this);
        }

        private static void requirePositive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
        }
    }
}
