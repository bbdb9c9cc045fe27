package io.ocppsec.tls.internal;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.core.cert.ChainValidationResult;
import io.ocppsec.core.cert.ChainValidator;
import io.ocppsec.core.cert.OcppChainValidator;
import io.ocppsec.tls.TlsFailure;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The Charging Station side: checks the CSMS server certificate with the validator (path to the installed CSMS
 * roots, A00.FR.308/411) and its commonName against the CSMS FQDN of this connection (A00.FR.309/412). The name check
 * is made once, by {@link OcppChainValidator}: an OCPP validator is bound to the host of each connection with
 * {@link OcppChainValidator.CsmsCertificates#withExpectedFqdn}; any other {@link ChainValidator} gets
 * {@link OcppChainValidator#checkCsmsName} on top. A failure is reported as InvalidCsmsCertificate (A00.FR.310/413)
 * and the connection ends (A00.FR.311/414).
 */
public final class CsmsCertificateTrustManager extends ReloadableTrustManager {

    /**
     * Which name the CSMS certificate must carry.
     *
     * @param expectedHost the configured CSMS FQDN; empty: the SNI name (or peer host) of each connection
     * @param allowSubjectAltName whether a dNSName subjectAltName equal to the FQDN is accepted when the CN differs
     */
    public record NameCheck(Optional<String> expectedHost, boolean allowSubjectAltName) {
        /** Null check. */
        public NameCheck {
            Objects.requireNonNull(expectedHost, "expectedHost");
        }
    }

    private final NameCheck name;
    private final Optional<ChainValidator> insecureFallback;

    /**
     * @param validator validates CSMS certificate chains
     * @param setup clock, requirement IDs and listener
     * @param name the name rule
     * @param insecureFallback the JDK-roots validator of {@code insecureAlsoTrustJdkDefaults()}, if enabled
     */
    public CsmsCertificateTrustManager(ChainValidator validator, Setup setup, NameCheck name,
                                       Optional<ChainValidator> insecureFallback) {
        super(setup);
        this.name = Objects.requireNonNull(name, "name");
        this.insecureFallback = Objects.requireNonNull(insecureFallback, "insecureFallback");
        update(validator);
    }

    /** A CSMS-certificate OCPP validator takes over the station's subjectAltName setting. */
    @Override
    ChainValidator normalize(ChainValidator v) {
        if (name.allowSubjectAltName() && v instanceof OcppChainValidator.CsmsCertificates csms) {
            return csms.toBuilder().allowSubjectAltNameMatch(true).build();
        }
        return v;
    }

    @Override
    String verifies() {
        return "CSMS server";
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        SSLParameters p = socket instanceof SSLSocket ? ((SSLSocket) socket).getSSLParameters() : null;
        SSLSession hs = handshakeSession(socket);
        check(chain, hs, host(p, hs), peer(socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        SSLParameters p = engine == null ? null : engine.getSSLParameters();
        SSLSession hs = handshakeSession(engine);
        check(chain, hs, host(p, hs), peer(engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, null, name.expectedHost(), Optional.empty());
    }

    private void check(X509Certificate[] chain, SSLSession hs, Optional<String> host, Optional<String> peer)
            throws CertificateException {
        List<X509Certificate> list = list(chain);
        Instant now = now();
        checkNegotiated(hs, peer, now, TlsFailure.Endpoint.CHARGING_STATION);
        ChainValidator installed = current();
        Ids ids = setup.ids();
        ChainValidationResult v;
        if (list.isEmpty()) {
            v = ChainValidationResult.refused(ValidationResult.of(Violation.of(ids.csmsPath(), RequirementLevel.SHALL,
                    "no CSMS certificate", "the CSMS certificate chain")));
        } else {
            v = validate(installed, list, host, now);
            if (!v.isCompliant() && insecureFallback.isPresent() && host.isPresent()) {
                ChainValidationResult jdk = validate(insecureFallback.get(), list, host, now);
                if (jdk.isCompliant()) {
                    v = jdk.and(ValidationResult.of(Violation.of(ids.csmsPath(), RequirementLevel.SHOULD,
                            "a CSMS certificate accepted through the JDK default trust store "
                                    + "(insecureAlsoTrustJdkDefaults)", "a path to an installed CSMS root")));
                }
            }
        }
        finish(v, installed, hs, peer, now, TlsFailure.Endpoint.CHARGING_STATION, "CSMS certificate refused");
    }

    /**
     * The chain and the name check of A00.FR.309/412, made once (by the OCPP validator or on top of another), on
     * the certificate the server proves the key of: the first one (RFC 8446 4.4.2).
     */
    private ChainValidationResult validate(ChainValidator v, List<X509Certificate> list, Optional<String> host,
                                           Instant now) {
        Ids ids = setup.ids();
        ChainValidationResult r;
        if (v instanceof OcppChainValidator.CsmsCertificates ocpp) {
            boolean bound = host.isEmpty() || ocpp.expectedFqdn().filter(host.get()::equals).isPresent();
            r = (bound ? ocpp : ocpp.withExpectedFqdn(host.get())).validate(list, now);
        } else {
            r = validateSafely(v, list, now, ids.csmsPath());
            if (host.isPresent()) {
                r = r.and(ValidationResult.of(OcppChainValidator.checkCsmsName(list.get(0), host.get(),
                        name.allowSubjectAltName()).violations().stream().map(x -> x.atChainIndex(0)).toList()));
            } else {
                r = r.and(ValidationResult.of(Violation.of(ids.csmsName(), RequirementLevel.SHALL,
                        "no CSMS host name known to the trust manager",
                        "the FQDN of the CSMS URL (set it with expectedHost(...) or SNI)")));
            }
        }
        return r.and(leafIsPeer(r, list, ids.csmsPath()));
    }

    private Optional<String> host(SSLParameters p, SSLSession hs) {
        if (name.expectedHost().isPresent()) {
            return name.expectedHost();
        }
        if (p != null && p.getServerNames() != null) {
            for (SNIServerName n : p.getServerNames()) {
                if (n instanceof SNIHostName) {
                    return Optional.of(((SNIHostName) n).getAsciiName());
                }
            }
        }
        if (hs != null && hs.getPeerHost() != null && !hs.getPeerHost().isEmpty()) {
            return Optional.of(hs.getPeerHost());
        }
        return Optional.empty();
    }
}
