/**
 * Both sides of certificate signing: A02 (update of the Charging Station certificate, triggered by the
 * CSMS) and A03 (renewal started by the station), as message-level handlers. No networking: the
 * integrator's OCPP-J stack moves the messages.
 *
 * <ul>
 *   <li>Charging Station: {@link io.ocppsec.core.signing.CertificateSigningClient} answers the
 *       {@code TriggerMessageRequest} ({@link io.ocppsec.core.signing.TriggerResult}), makes each
 *       {@code SignCertificateRequest} for a new key pair from its
 *       {@link io.ocppsec.core.signing.StationKeySource}, follows the {@code SignCertificateResponse} with the
 *       {@link io.ocppsec.core.signing.CsrRetrySchedule} ({@link io.ocppsec.core.signing.RetryPoll}) and checks
 *       and installs the {@code CertificateSignedRequest} in the station's certificate store.</li>
 *   <li>CSMS: {@link io.ocppsec.core.signing.CertificateSigningService} inspects a
 *       {@code SignCertificateRequest}, answers it and hands it to the certificate authority, whose chain
 *       becomes the {@code CertificateSignedRequest} ({@link io.ocppsec.core.signing.SignCertificateOutcome});
 *       {@link io.ocppsec.core.signing.CertificateUpdateAdvisor} decides when to trigger an update for a
 *       station that still uses a certificate the CSO did not issue
 *       ({@link io.ocppsec.core.signing.UpdateAdvice}).</li>
 * </ul>
 */
package io.ocppsec.core.signing;
