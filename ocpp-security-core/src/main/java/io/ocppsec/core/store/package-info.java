/**
 * The Charging Station's certificate store (A02, A03, M-block roots): client certificates with their key
 * handles, selection of the certificate to use (newest valid, fallback), renewal timing, the CSR retry
 * schedule, installed roots and deletion by OCPP certificate hash data, persisted atomically.
 */
package io.ocppsec.core.store;
