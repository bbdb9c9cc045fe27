/**
 * X.509 rules shared by the SDK's modules: reading CN and O from a distinguished name, the host-name / URL /
 * IP-address syntax behind A00.FR.510 and A00.FR.511, certificate and key fingerprints. Exported only to the SDK's
 * own modules; not an API.
 */
package io.ocppsec.core.internal.x509;
