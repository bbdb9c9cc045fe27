package io.ocppsec.core.cert;

import io.ocppsec.api.requirement.ValidationResult;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Validates a certificate chain for one role at one instant: path to the configured trust anchors and
 * the OCPP property policy. The TLS trust managers, CertificateSigned handling and the firmware
 * verifier all call validators of this shape, so one policy object serves every place.
 */
@FunctionalInterface
public interface ChainValidator {

    /**
     * @param chain the certificates as received, leaf first (the order may be wrong and the root may be
     *     absent; a validator copes with both)
     * @param at the instant at which validity is judged
     * @return every violation found; {@link ValidationResult#isCompliant()} tells whether to accept
     */
    ValidationResult validate(List<X509Certificate> chain, Instant at);
}
