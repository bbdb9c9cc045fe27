/**
 * TLS contexts for OCPP security profiles 2 and 3 (A00.FR.306–323, A00.FR.401–428).
 */
package io.ocppsec.tls;
