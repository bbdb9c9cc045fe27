/**
 * Internals of the TLS module: the reloadable key manager, the two OCPP trust managers (a CSMS checking station
 * client certificates, a station checking the CSMS server certificate) over one shared base, the handshake failure
 * classifier, the post-handshake session check, requirement IDs per profile, the JDK-roots PKIX validator of the
 * insecure JDK-defaults escape hatch and the marker a trust manager leaves in a verified
 * session. Not exported: users reach all of it through {@code CsmsTlsContext} and {@code StationTlsContext}.
 */
package io.ocppsec.tls.internal;
