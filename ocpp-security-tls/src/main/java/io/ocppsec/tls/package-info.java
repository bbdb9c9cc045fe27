/**
 * TLS contexts for OCPP security profiles 2 and 3 (A00.FR.306–323, A00.FR.401–428), and the CSMS's decision on a
 * station's WebSocket upgrade, {@link io.ocppsec.tls.CsmsAdmission} (A00.FR.002, A00.FR.202–204, A00.FR.301–303,
 * A00.FR.403–405, A00.FR.427, A05.FR.07).
 */
package io.ocppsec.tls;
