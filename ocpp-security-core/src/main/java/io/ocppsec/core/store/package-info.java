/**
 * The Charging Station's certificate store (A02, A03, M-block roots): client certificates with their key
 * handles, selection of the certificate to use (newest valid, fallback), renewal timing, installed roots
 * and deletion by OCPP certificate hash data, persisted atomically. The messages that change it are
 * answered by {@code io.ocppsec.core.signing} (A02/A03) and {@code io.ocppsec.core.station} (M-block).
 */
package io.ocppsec.core.store;
