/**
 * Internals of the certificate package (bounded caches, key identifiers). The name, host-name and fingerprint rules
 * that other packages share are in {@code io.ocppsec.core.internal.x509}. Not exported; the API is
 * {@link io.ocppsec.core.cert}.
 */
package io.ocppsec.core.cert.internal;
