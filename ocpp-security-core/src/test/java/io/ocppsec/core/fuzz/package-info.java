/**
 * Shared pieces of the Jazzer fuzz tests: the invariant every parser of untrusted input must keep
 * ({@link io.ocppsec.core.fuzz.FuzzInvariant}) and the mapping of fuzz bytes to arguments and seed files
 * ({@link io.ocppsec.core.fuzz.FuzzInputs}). Shared with the other modules through the core test-jar.
 */
package io.ocppsec.core.fuzz;
