/**
 * Internals of the TLS module: requirement IDs per profile, the JDK-roots PKIX validator of the insecure
 * JDK-defaults escape hatch and the marker a trust manager leaves in a verified
 * session. Not exported.
 */
package io.ocppsec.tls.internal;
