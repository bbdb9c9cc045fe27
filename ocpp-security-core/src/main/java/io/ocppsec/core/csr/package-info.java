/**
 * Station-side Certificate Signing Requests for A02/A03: a new key pair per request (A02.FR.02,
 * A03.FR.02), PKCS#10 in PEM for {@code SignCertificateRequest} (A02.FR.03, A03.FR.03), and signers that
 * keep the private key on the station or in its HSM/TPM (A02.FR.05, A03.FR.05). Entry point:
 * {@link io.ocppsec.core.csr.CsrBuilder}.
 *
 * <p>CSMS side: {@link io.ocppsec.core.csr.CsrInspector} checks the CSR of a SignCertificateRequest
 * (PEM/PKCS#10 form, proof of possession, CN bound to the connected station, O = CSO name, key and
 * algorithm policy) and returns a {@link io.ocppsec.core.csr.CsrInspection} with the Accepted/Rejected
 * decision (A02.FR.11/12, A03.FR.11/12) and every violation.
 */
package io.ocppsec.core.csr;
