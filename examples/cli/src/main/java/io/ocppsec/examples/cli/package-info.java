/**
 * The {@code ocpp-security} command-line tool (picocli), each command thin over the SDK: requirement matrix
 * summary, firmware signing, certificate chain validation and linting, CSR creation and inspection, password
 * generation, policy check and hashing (passwords only from standard input), a lab PKI, and a TLS probe and
 * server for lab tests. Exit codes: 0 success, 1 violations, 2 bad usage or unreadable input.
 */
package io.ocppsec.examples.cli;
