/**
 * Internals of the CSMS-side CSR inspection: strict PEM/DER reading of PKCS#10 requests and subject
 * checks. Not exported.
 */
package io.ocppsec.core.csr.internal.inspect;
