/**
 * The CSMS half of A02/A03 as message-level handlers: inspection of a {@code SignCertificateRequest},
 * the {@code SignCertificateResponse}, the hand-over to the certificate authority and the resulting
 * {@code CertificateSignedRequest} ({@link io.ocppsec.core.csms.CertificateSigningService}), and the
 * decision to trigger a certificate update for a station that still uses a certificate the CSO did not
 * issue ({@link io.ocppsec.core.csms.CertificateUpdateAdvisor}). No networking.
 */
package io.ocppsec.core.csms;
