/**
 * The Charging Station's answers to the certificate-management messages on its certificate store
 * ({@link io.ocppsec.core.station.CertificateStoreHandler}: {@code InstallCertificateRequest},
 * {@code DeleteCertificateRequest}, {@code GetInstalledCertificateIdsRequest}). Certificate signing (A02/A03)
 * is in {@code io.ocppsec.core.signing}; the store itself in {@code io.ocppsec.core.store}. No networking.
 */
package io.ocppsec.core.station;
