/**
 * Certificate policy of OCPP 2.0.1 Part 2 (A00.FR.4xx–7xx): safe PEM/DER parsing, property linting per
 * {@link io.ocppsec.core.cert.CertificateRole}, hierarchy and path validation, revocation.
 */
package io.ocppsec.core.cert;
