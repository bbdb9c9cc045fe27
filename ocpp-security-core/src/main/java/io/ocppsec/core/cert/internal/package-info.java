/**
 * Internals of the certificate package (name parsing, host-name syntax, fingerprints, path building,
 * caches). Not exported; the API is {@link io.ocppsec.core.cert}.
 */
package io.ocppsec.core.cert.internal;
