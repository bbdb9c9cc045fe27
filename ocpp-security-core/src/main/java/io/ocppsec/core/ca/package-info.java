/**
 * Certificate authorities behind {@link io.ocppsec.api.spi.CertificateAuthority}:
 * {@link io.ocppsec.core.ca.InsecureLocalCertificateAuthority}, an in-process CA for development and tests
 * (NOT a production CA; A02.FR.04 and A03.FR.04 ask for a dedicated CA server).
 */
package io.ocppsec.core.ca;
