/**
 * Online revocation checking of Charging Station certificates for the CSMS (A00.FR.702, A00.FR.705):
 * an OCSP client ({@link io.ocppsec.core.revocation.OcspRevocationSource}) over a pluggable
 * {@link io.ocppsec.core.revocation.OcspTransport}, and a bounded, thread-safe cache in front of any
 * {@link io.ocppsec.api.spi.RevocationSource} ({@link io.ocppsec.core.revocation.CachingRevocationSource}).
 *
 * <p>Every failure (network error, timeout, oversized or malformed answer, bad signature, stale
 * answer) becomes {@link io.ocppsec.api.spi.RevocationStatus.State#UNKNOWN} with a readable detail; no
 * exception escapes and no call waits longer than the configured timeouts.
 */
package io.ocppsec.core.revocation;
