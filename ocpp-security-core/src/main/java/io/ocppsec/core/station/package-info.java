/**
 * The Charging Station half of A02/A03 and of the certificate-management messages, as message-level
 * handlers: {@link io.ocppsec.core.station.StationCertificateManager} takes the OCPP message records
 * ({@code TriggerMessageRequest}, {@code SignCertificateResponse}, {@code CertificateSignedRequest},
 * {@code InstallCertificateRequest}, {@code DeleteCertificateRequest},
 * {@code GetInstalledCertificateIdsRequest}) and returns the records to send. No networking: the
 * integrator's OCPP-J stack moves the messages.
 */
package io.ocppsec.core.station;
