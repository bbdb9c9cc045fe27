/**
 * The {@code ocpp-security} command-line tool (picocli): requirement matrix summary and, as the SDK
 * grows, certificate, CSR, password and TLS utilities.
 */
package io.ocppsec.examples.cli;
