package io.ocppsec.tls.internal;

import io.ocppsec.api.requirement.RequirementLevel;
import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.api.requirement.Violation;
import io.ocppsec.core.cert.ChainValidationResult;
import io.ocppsec.core.cert.ChainValidator;
import io.ocppsec.core.internal.x509.X509Names;
import io.ocppsec.tls.TlsFailure;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;

/**
 * The CSMS side (security profile 3): checks the Charging Station's client certificate with the validator (path to
 * a CSO root, O = CSO name, revocation: A00.FR.403/404) and that it holds exactly one CN (A00.FR.405, matched to the
 * URL identity later with {@code StationIdentity.checkIdentity}); a failure ends the handshake (A00.FR.407) and is
 * reported to the listener (A00.FR.408).
 */
public final class StationCertificateTrustManager extends ReloadableTrustManager {

    /**
     * @param validator validates station certificate chains
     * @param setup clock, requirement IDs and listener
     */
    public StationCertificateTrustManager(ChainValidator validator, Setup setup) {
        super(setup);
        update(validator);
    }

    @Override
    String verifies() {
        return "Charging Station client";
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, handshakeSession(socket), peer(socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, handshakeSession(engine), peer(engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, null, Optional.empty());
    }

    private void check(X509Certificate[] chain, SSLSession hs, Optional<String> peer) throws CertificateException {
        Instant now = now();
        checkNegotiated(hs, peer, now, TlsFailure.Endpoint.CSMS);
        ChainValidator installed = current();
        finish(validateStation(installed, list(chain), now), installed, hs, peer, now, TlsFailure.Endpoint.CSMS,
                "Charging Station certificate refused");
    }

    /**
     * The checks of a Charging Station chain, in the handshake and again for a resumed session
     * ({@code CsmsTlsContext.stationIdentity}): the validator, the validated leaf being the certificate the station
     * proves the key of (the first one), and exactly one CN in it (A00.FR.405).
     *
     * @param v the validator (the installed one, read once by the caller)
     * @param list the chain as the station sent it
     * @param now the instant
     * @return the validation, whose leaf is the station certificate
     */
    public ChainValidationResult validateStation(ChainValidator v, List<X509Certificate> list, Instant now) {
        if (list.isEmpty()) {
            return ChainValidationResult.refused(ValidationResult.of(Violation.of("A00.FR.403", RequirementLevel.SHALL,
                    "no Charging Station certificate", "a client certificate chain (security profile 3, A00.FR.401)")));
        }
        ChainValidationResult r = validateSafely(v, list, now, "A00.FR.403");
        r = r.and(leafIsPeer(r, list, "A00.FR.403"));
        List<String> cn = X509Names.commonNames(list.get(0).getSubjectX500Principal());
        if (cn.size() != 1 || cn.get(0).isBlank()) {
            r = r.and(ValidationResult.of(Violation.of("A00.FR.405", RequirementLevel.SHALL,
                    cn.size() + " commonName values", "exactly one commonName holding the station serial number")
                    .atChainIndex(0)));
        }
        return r;
    }
}
