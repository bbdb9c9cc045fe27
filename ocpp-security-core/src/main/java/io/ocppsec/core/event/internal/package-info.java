/**
 * Internals of the security log and the security-event queue: redaction, the journal record codec and
 * the log line codec. Not exported; no compatibility promise.
 */
package io.ocppsec.core.event.internal;
