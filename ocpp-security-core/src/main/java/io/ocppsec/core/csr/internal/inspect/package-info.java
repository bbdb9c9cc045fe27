/**
 * Internals of the CSMS-side CSR inspection: strict PEM/DER reading of PKCS#10 requests (subject names are read by
 * {@code io.ocppsec.core.internal.x509}). Not exported.
 */
package io.ocppsec.core.csr.internal.inspect;
