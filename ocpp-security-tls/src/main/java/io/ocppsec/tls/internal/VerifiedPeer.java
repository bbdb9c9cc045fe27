package io.ocppsec.tls.internal;

import io.ocppsec.api.requirement.ValidationResult;
import io.ocppsec.core.cert.ChainValidator;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The marker an OCPP trust manager leaves in the handshake session once it has accepted the peer's
 * chain. Only this module can create one, so its presence proves the chain went through our checks.
 *
 * @param chain the validated path, leaf first: the leaf is the peer's own certificate (the first it sent)
 * @param result the (compliant) validation result, possibly with advisory violations
 * @param at when it was validated
 * @param validator the validator that judged it (a later verdict is needed once another one is installed)
 */
public record VerifiedPeer(List<X509Certificate> chain, ValidationResult result, Instant at, ChainValidator validator) {

    /** Session value name. */
    public static final String KEY = "io.ocppsec.tls.verifiedPeer";

    /** Copies the chain. */
    public VerifiedPeer {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a verified peer has a validated certificate");
        }
        java.util.Objects.requireNonNull(validator, "validator");
    }

    /**
     * @param session a session
     * @return the marker, when present and bound to the session's peer certificate
     */
    public static Optional<VerifiedPeer> of(SSLSession session) {
        Object v = session.getValue(KEY);
        if (!(v instanceof VerifiedPeer)) {
            return Optional.empty();
        }
        VerifiedPeer p = (VerifiedPeer) v;
        try {
            Certificate[] peer = session.getPeerCertificates();
            if (peer.length == 0 || !peer[0].equals(p.chain().get(0))) {
                return Optional.empty();
            }
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
        return Optional.of(p);
    }
}
