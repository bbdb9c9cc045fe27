package io.ocppsec.api.message;

/**
 * An OCPP 2.0.1 message payload: a CALL payload ({@link OcppRequest}) or a CALLRESULT payload
 * ({@link OcppResponse}). Codecs dispatch on {@link #action()} and on the sealed sub-interfaces.
 *
 * <pre>{@code
 * OcppMessage m = new SignCertificateRequest(csrPem, Optional.of(CertificateSigningUse.CHARGING_STATION_CERTIFICATE));
 * m.action();   // OcppAction.SIGN_CERTIFICATE
 * }</pre>
 */
public sealed interface OcppMessage permits OcppRequest, OcppResponse {

    /** @return the action this payload belongs to */
    OcppAction action();
}
