/**
 * Internals shared by the Charging Station's certificate handlers
 * ({@code io.ocppsec.core.signing.CertificateSigningClient},
 * {@code io.ocppsec.core.station.CertificateStoreHandler}): the profile-1 gate, security-event reporting
 * and status infos. Not exported.
 */
package io.ocppsec.core.station.internal;
