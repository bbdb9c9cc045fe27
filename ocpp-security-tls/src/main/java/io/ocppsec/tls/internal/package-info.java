/**
 * Internals of the TLS module: requirement IDs per profile, the default PKIX chain validator, the host
 * name check and the marker a trust manager leaves in a verified session. Not exported.
 */
package io.ocppsec.tls.internal;
