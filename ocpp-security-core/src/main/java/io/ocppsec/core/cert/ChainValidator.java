package io.ocppsec.core.cert;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Validates a certificate chain for one role at one instant: path to the configured trust anchors and
 * the OCPP property policy. The TLS trust managers, CertificateSigned handling and the firmware
 * verifier all call validators of this shape, so one policy object serves every place.
 *
 * <p>The result names the certificate that was validated ({@link ChainValidationResult#leaf()}); callers use that
 * certificate and no other. For a chain from a TLS peer or a firmware signer it must be {@code chain.get(0)}, the
 * certificate whose key the peer or the signature proves (RFC 8446 section 4.4.2): the SDK's TLS trust managers
 * refuse a result whose leaf is another certificate, and an implementation must never pick another one as the
 * leaf unless its caller asked for {@link ChainOrder#ANY}.
 */
@FunctionalInterface
public interface ChainValidator {

    /**
     * @param chain the certificates as received, the certificate to validate first (the certificates after it
     *     may come in any order and the root may be absent; a validator copes with both)
     * @param at the instant at which validity is judged
     * @return every violation found and the validated path; {@link ChainValidationResult#isCompliant()} tells
     *     whether to accept
     */
    ChainValidationResult validate(List<X509Certificate> chain, Instant at);
}
