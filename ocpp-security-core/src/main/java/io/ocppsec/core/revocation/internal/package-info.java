/**
 * Internals of the OCSP client: the HTTP transport, the bounded body reader, request building and
 * response verification. Not exported.
 */
package io.ocppsec.core.revocation.internal;
